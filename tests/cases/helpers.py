"""Helpers for the case tests: small case files written on the fly."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tests.conftest import ROOT

EXAMPLES = ROOT / "examples" / "cases"
# One target from a file of 单号, 开始, 结束 (no mapping): the quick way to try a reader.
QUICK = ["--target", "m05-high-voltage-connection-days", "--start", "开始", "--end", "结束"]
QUICK += ["--id", "单号", "--as-of", "2021-06-30"]
AS_OF = "2021-06-30"


def write_csv(
    path: Path, header: list[str], rows: list[list[str]], encoding: str = "utf-8"
) -> Path:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    path.write_bytes(out.getvalue().encode(encoding))
    return path
