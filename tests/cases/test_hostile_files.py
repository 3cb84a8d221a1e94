"""Case files that are no usable files: changed or deleted while read, given twice,
a FIFO, a loop of links, a folder, unreadable, a workbook or web page named .csv, cells
separated by tabs: a clear finding (exit 3), never a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import polars as pl
import pytest
from tests.cases.hostile import HEADER, QUICK, case_rows, csv_lines, write_lines


@pytest.mark.parametrize("change", ["truncated", "emptied", "grown", "deleted"])
def test_a_later_file_change_is_a_finding(run, tmp_path: Path, tiny: Path,
                                          monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    """A file changed after it is opened: its sha256 and its rows would be of two
    different files; a Parquet file emptied gave no rows at all, without a word."""
    from bizenv_cli.cases import run as run_module

    real = run_module.open_table

    def open_then_change(path: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        stream = real(path, *args, **kwargs)
        if change == "deleted":
            path.unlink()
        elif change == "grown":
            with path.open("ab") as more:
                more.write(b"A99,2021-01-04 09:00,2021-01-05 10:00\n")
        else:
            os.truncate(path, path.stat().st_size // 2 if change == "truncated" else 0)
        return stream

    monkeypatch.setattr(run_module, "open_table", open_then_change)
    path = tmp_path / "c.csv"
    path.write_text("\n".join(csv_lines(case_rows(40))) + "\n", encoding="utf-8")
    parquet = tmp_path / "c.parquet"
    pl.DataFrame(case_rows(40), schema=HEADER, orient="row").write_parquet(parquet)
    for case_file in (path, parquet):
        result = run("cases", case_file, *QUICK)
        assert result.exit_code == 3, result.output
        assert f"{case_file.name}: error D001 " in result.stderr, result.stderr
        if case_file.suffix == ".csv" and change in ("truncated", "grown"):  # polars reads it
            assert "the file changed while it was read" in result.stderr
        assert "Traceback" not in result.output
    assert list(tiny.iterdir()) == []


def test_a_file_given_under_two_names_is_read_once(run, tmp_path: Path, tiny: Path) -> None:
    """Relative and absolute, or through a link: else every row is its own duplicate. A
    folder named like a case file inside a folder given is not a case file."""
    folder = tmp_path / "cases"
    folder.mkdir()
    path = write_lines(folder / "c.csv", csv_lines(case_rows(5)))
    (folder / "link.csv").symlink_to(path)
    (folder / "old.csv").mkdir()
    twice = ([path, "c.csv"], [folder], [path, folder / "link.csv", folder / "old.csv" / ".."])
    for given in twice:
        result = run("cases", *given, *QUICK, "--format", "json", cwd=folder)
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert (data["sample_size"], data["bad_rows"], result.stderr) == (5, {}, "")


def test_files_that_are_no_files(run, tmp_path: Path) -> None:
    """A FIFO (never opened: it would block), a loop of links, a folder named x.csv."""
    os.mkfifo(tmp_path / "pipe.csv")
    (tmp_path / "loop.csv").symlink_to(tmp_path / "loop.csv")
    (tmp_path / "folder.csv").mkdir()
    said = {
        "pipe.csv": "pipe.csv: error D001 not a regular file",
        "loop.csv": "loop.csv: error D001 cannot read file: Too many levels of symbolic links",
        "folder.csv": "bizenv: error: no case files (.csv, .xlsx, .parquet) in the folders",
    }
    for name, error in said.items():
        result = run("cases", name, *QUICK, cwd=tmp_path)
        assert result.exit_code == 3 and error in result.stderr, result.output


def test_a_file_that_cannot_be_opened(run, tmp_path: Path, tiny: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """No read permission, as root sees it too: Python's opening of the case file is
    refused (the sniff of a CSV, the sha256 of a Parquet file)."""
    import pathlib

    real = pathlib.Path.open

    def refused(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self.name.startswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real(self, *args, **kwargs)  # type: ignore[call-overload]

    write_lines(tmp_path / "locked.csv", csv_lines(case_rows(5)))
    frame = pl.DataFrame(case_rows(5), schema=HEADER, orient="row")
    frame.write_parquet(tmp_path / "locked.parquet")
    monkeypatch.setattr(pathlib.Path, "open", refused)
    for name in ("locked.csv", "locked.parquet"):
        result = run("cases", name, *QUICK, cwd=tmp_path)
        assert result.exit_code == 3, result.output
        assert f"{name}: error D001" in result.stderr and "Permission denied" in result.stderr
    assert list(tiny.iterdir()) == []


@pytest.mark.parametrize(
    ("start", "said"),
    [
        (b"PK\x03\x04\x14\x00", "a zip file (an .xlsx workbook?): name it .xlsx"),
        (b"PAR1\x15\x04", "a Parquet file: name it .parquet"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Excel workbook (.xls)"),
        (b"\xef\xbb\xbf <HTML><table><tr><td>id</td>", "a web page (an HTML table)"),
        ("\ufeffid\ts\te\n".encode("utf-16-le"), "UTF-16 text (Excel's Unicode text)"),
    ],
    ids=["xlsx", "parquet", "xls", "html", "utf-16"],
)
def test_a_file_named_csv_that_is_no_csv_says_what_it_is(run, tmp_path: Path, start: bytes,
                                                         said: str) -> None:
    """Systems export workbooks and web pages named .csv: they were 'neither UTF-8 nor
    GB18030', or 'a quote inside a cell' on row 1."""
    path = tmp_path / "export.csv"
    path.write_bytes(start + bytes(range(256)) * 4)
    result = run("cases", path.name, *QUICK, cwd=tmp_path)
    assert result.exit_code == 3, result.output
    assert f"export.csv: error D001 cannot be read as CSV: the file is {said}" in result.stderr
    cell = write_lines(tmp_path / "c.csv", ["<id>,s,e", "A1,2021-01-04 09:00,2021-01-05 10:00"])
    args = [a if a != "id" else "<id>" for a in QUICK]
    assert run("cases", cell.name, *args, cwd=tmp_path).exit_code == 0


@pytest.mark.parametrize("sep", ["\t", ";"])
def test_cells_separated_by_tabs_or_semicolons_are_named(run, tmp_path: Path, sep: str) -> None:
    lines = [line.replace(",", sep) for line in csv_lines(case_rows(3))]
    path = write_lines(tmp_path / "c.csv", lines)
    result = run("cases", path.name, *QUICK, cwd=tmp_path)
    assert result.exit_code == 3, result.output
    assert f"c.csv: error D002 no column 's' (--target); the cells are separated by {sep!r}, " \
        "not commas: save it as CSV UTF-8." in result.stderr


def test_no_line_end_where_the_header_must_be_is_refused_before_polars_reads(
    run, tmp_path: Path
) -> None:
    """A file of one endless line (900 MB of NUL bytes took 28 s and 9 GB as a header)."""
    path = tmp_path / "c.csv"
    path.write_bytes(b"\0" * (200 * 1024))
    result = run("cases", path, *QUICK)
    assert result.exit_code == 3, result.output
    assert "c.csv: error D001" in result.stderr
    assert "no line ends in its first 64 KB" in result.stderr


def test_a_line_of_megabytes_further_on_is_refused_before_polars_reads(
    run, tmp_path: Path
) -> None:
    """A cell of 600 MB took 29 s and 9.5 GB: a line over two windows is refused first."""
    path = tmp_path / "c.csv"
    head = "\n".join(csv_lines([HEADER, *case_rows(3)])).encode() + b"\n"
    path.write_bytes(head + b"A9," + b"x" * (3 * 1024 * 1024) + b",2021-01-04 09:00:00,\n")
    result = run("cases", path, *QUICK)
    assert result.exit_code == 3, result.output
    assert "error D001" in result.stderr and "a line of more than 1 MB" in result.stderr


def test_a_long_id_is_cut_in_the_table_and_whole_in_the_file(run, tmp_path: Path) -> None:
    long_id = "编" * 5000
    rows = [[long_id, "2021-01-04 09:00:00", "2021-06-04 09:00:00"]]
    path = tmp_path / "c.parquet"
    pl.DataFrame(rows, schema=list(HEADER), orient="row").write_parquet(path)
    out = tmp_path / "over.csv"
    result = run("cases", path, *QUICK, "--exceptions", out)
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()) < 300
    assert long_id in out.read_text(encoding="utf-8-sig")


def test_a_file_cut_short_is_named_not_read_as_open_cases(run, tmp_path: Path) -> None:
    """A copy or download stopped mid-row: the end time cut off would have made a closed
    case an open one, without a word."""
    whole = "\n".join(csv_lines([HEADER, *case_rows(3)]))
    path = tmp_path / "c.csv"
    path.write_text(whole, encoding="utf-8")  # no line end after the last row: fine
    assert run("cases", path, *QUICK).exit_code == 0
    path.write_text(whole.rsplit(",", 1)[0], encoding="utf-8")  # the last cell cut off
    result = run("cases", path, *QUICK)
    assert result.exit_code == 3, result.output
    assert "c.csv: error D001" in result.stderr and "looks cut short" in result.stderr
