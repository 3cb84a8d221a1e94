"""Shared by the hostile case-file tests: small case files and the quick target's options
(``tiny``, in conftest.py: batches of two rows and a private $TMPDIR)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import MEASURES

QUICK = ["--target", "m05-high-voltage-connection-days", "--start", "s", "--end", "e",
         "--id", "id", "--as-of", "2021-06-30", "--measures", str(MEASURES)]
HEADER = ["id", "s", "e"]


def case_rows(count: int) -> list[list[str]]:
    return [[f"A{i}", "2021-01-04 09:00", f"2021-0{1 + i % 5}-05 10:00"] for i in range(count)]


def csv_lines(rows: list[list[str]]) -> list[str]:
    return [",".join(row) for row in [HEADER, *rows]]


def write_lines(path: Path, lines: list[str], encoding: str = "utf-8", end: str = "\n") -> Path:
    path.write_bytes("".join(line + end for line in lines).encode(encoding))
    return path

