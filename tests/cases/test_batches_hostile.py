"""Hostile case files read a few rows at a time (``read.CHUNK_ROWS`` made tiny: the
``tiny`` fixture), so that what is wrong lands in a later batch: a clear finding (exit 3)
naming the file and row, or the same answer as when read whole; never a traceback,
nothing left in $TMPDIR."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest
from tests.cases.hostile import HEADER, QUICK, case_rows, csv_lines, write_lines
from tests.conftest import MEASURES


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_later_row_that_cannot_be_read_is_named(run, tmp_path: Path, tiny: Path,
                                                 encoding: str) -> None:
    rows = case_rows(12)
    rows[0][0] = "甲0"  # GB18030 from the start in the second file
    ragged = csv_lines(rows)
    ragged[9] += ",x"  # row 10: a fourth cell
    unclosed = csv_lines(rows)
    unclosed[10] = '"A9,2021-01-04 09:00,2021-01-05 10:00'  # row 11: a quote never closed
    stray = csv_lines(rows)
    stray[8] = 'A7,2021-01-04 09:00,"2021-01-05" 10:00'  # row 9: a quote within a cell
    stray[11] = 'A10,2021-01-04 09:00,2021-01-05 10:00"'
    cases = [
        (ragged, ":10:0: error D001", "row 10 has 4 cells, the header 3"),
        (unclosed, ":11:0: error D001", "row 11: unexpected end of data"),
        (stray, ":9:0: error D001", "row 9: ',' expected after '\"'"),
        (stray[:8] + stray[9:], ":11:0: error D001", "row 11 has a quote inside a cell"),
    ]
    for lines, where, why in cases:
        path = write_lines(tmp_path / "c.csv", lines, encoding)
        result = run("cases", path, *QUICK)
        assert result.exit_code == 3, result.output
        assert f"c.csv{where} cannot be read as CSV: {why}" in result.stderr, result.stderr
        assert "Traceback" not in result.output
    assert list(tiny.iterdir()) == []


def test_lines_ending_in_a_carriage_return_alone_are_named(run, tmp_path: Path) -> None:
    path = write_lines(tmp_path / "c.csv", csv_lines(case_rows(3)), end="\r")
    result = run("cases", path, *QUICK)
    assert result.exit_code == 3, result.output
    assert "c.csv: error D001 cannot be read as CSV: its lines end with a carriage return" \
        in result.stderr
    crlf = write_lines(tmp_path / "d.csv", csv_lines(case_rows(3)), end="\r\n")
    assert run("cases", crlf, *QUICK).exit_code == 0


def test_ids_repeated_across_batches_and_files_name_the_first(run, tmp_path: Path,
                                                             tiny: Path) -> None:
    first = write_lines(tmp_path / "a.csv", csv_lines(case_rows(6)))
    rows = [["B0", "2021-01-04 09:00", "2021-01-05 10:00"], *case_rows(8)[4:]]
    rows.append(["B0", "2021-01-04 09:00", "2021-01-06 10:00"])
    second = write_lines(tmp_path / "b.csv", csv_lines(rows))
    result = run("cases", first.name, second.name, *QUICK, "--format", "json", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    said = [line for line in result.stderr.splitlines() if "D003" in line]
    assert said == [
        f"b.csv:{3 + i}:1: warning D003 m05-high-voltage-connection-days: the case id is on an "
        f"earlier row too (the first one is used): case A{4 + i} is also on row {6 + i} of a.csv"
        for i in range(2)
    ] + [
        "b.csv:7:1: warning D003 m05-high-voltage-connection-days: the case id is on an "
        "earlier row too (the first one is used): case B0 is also on row 2"
    ]
    assert json.loads(result.stdout)["bad_rows"] == {"duplicate_id": 3}


MAPPING = """reporter: optimization-office
sources:
  - name: 测试
    files: ["*.csv", "*.parquet"]
    case_id: id
    start: s
    end: e
    targets:
      - target: m05-high-voltage-connection-days
        aggregate: average
        duration: working_days
"""


def _mapped(run, tmp_path: Path, *files: Path):  # type: ignore[no-untyped-def]
    mapping = tmp_path / "cases.yaml"
    mapping.write_text(MAPPING, encoding="utf-8")
    return run("cases", *[f.name for f in files], "--mapping", mapping.name, "--as-of",
               "2021-06-30", "--measures", str(MEASURES), "--format", "json", cwd=tmp_path)


def test_utf8_then_gb18030_further_on_is_read_once_as_gb18030(run, tmp_path: Path,
                                                              tiny: Path) -> None:
    """Valid UTF-8 for its first batches (and beyond the sniff), GB18030 in a later one:
    read again from where it stopped, each row once, at its own row number."""
    rows = case_rows(12)
    rows[7][0] = "甲7"  # row 9
    rows[9][0] = "A1"  # row 11: the id of row 3
    lines = csv_lines(rows)
    write_lines(tmp_path / "u.csv", lines)
    write_lines(tmp_path / "g.csv", lines, "gb18030")
    utf8, gbk = (_mapped(run, tmp_path, tmp_path / name) for name in ("u.csv", "g.csv"))
    assert gbk.exit_code == utf8.exit_code == 0, gbk.output
    assert gbk.stderr == utf8.stderr.replace("u.csv", "g.csv")
    assert "g.csv:11:1: warning D003" in gbk.stderr and "also on row 3" in gbk.stderr
    got, want = json.loads(gbk.stdout), json.loads(utf8.stdout)
    assert [f["read_as"] for f in got["files"]] == ["GB18030"]
    assert [f["read_as"] for f in want["files"]] == ["UTF-8"]
    target, same = got["targets"][0], want["targets"][0]
    assert (target["selected_rows"], target["sample_size"]) == (12, 11)
    for key in ("value", "sample_size", "bad_rows", "exceptions"):
        assert str(target[key]).replace("g.csv", "u.csv") == str(same[key])
    assert [(e["case_id"], e["row"]) for e in target["exceptions"][:1]] == [("A4", 6)]
    assert list(tiny.iterdir()) == []


def test_bytes_neither_utf8_nor_gb18030_in_a_later_batch(run, tmp_path: Path,
                                                        tiny: Path) -> None:
    """Named by the line where the encoding the file holds longest stops: a UTF-8 file
    with one character cut on line 9 was said to be bad at its first Chinese character."""
    rows = case_rows(12)
    for row in rows:
        row[0] = row[0].replace("A", "单")
    head = "\n".join(csv_lines(rows)[:8]).encode() + b"\n"  # lines 1 to 8
    files = {
        "u.csv": (head, b"\xff\xfe,x,y\n", "UTF-8"),
        "c.csv": (head, "单".encode()[:2] + b",x,y\n", "UTF-8"),
        "g.csv": ("\n".join(csv_lines(rows)[:8]).encode("gb18030") + b"\n", b"\x81\x20,x,y\n",
                  "GB18030"),
    }
    for name, (start, line9, encoding) in files.items():
        (tmp_path / name).write_bytes(start + line9 + b"A11,x,y\n")
        result = run("cases", name, *QUICK, cwd=tmp_path)
        assert result.exit_code == 3, result.output
        said = f"neither UTF-8 nor GB18030: line 9 (byte {len(start)}) is not {encoding}: save"
        assert f"{name}:9:0: error D001 cannot be read as CSV: {said}" in result.stderr
        assert "Traceback" not in result.output
    assert list(tiny.iterdir()) == []


def test_gb18030_found_after_batches_were_used_goes_on_from_there(
    run, tmp_path: Path, tiny: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """polars reads a large file in parts, so the byte that is not UTF-8 may stop it after
    batches were used (when, depends on its threads): made certain here, three batches in.
    The rows after them are read from the transcoded copy, each once, at its own row."""
    from bizenv_cli.cases import read_csv

    rows = case_rows(15)
    rows[11][0] = "甲"  # row 13
    lines = csv_lines(rows)
    utf8 = write_lines(tmp_path / "u.csv", lines)
    gbk = write_lines(tmp_path / "g.csv", lines, "gb18030")
    real_scan = read_csv.CsvFile._scan
    scanned: list[Path] = []

    class StopsAfterThree:  # the UTF-8 rows up to the GB18030 byte, as polars gave them
        def __init__(self, lazy: pl.LazyFrame) -> None:
            self.lazy = lazy

        def collect_schema(self) -> pl.Schema:
            return self.lazy.collect_schema()

        def collect_batches(self, chunk_size: int) -> Iterator[pl.DataFrame]:
            for n, frame in enumerate(self.lazy.collect_batches(chunk_size=chunk_size)):
                if n == 3:
                    raise pl.exceptions.ComputeError("invalid utf-8 sequence")
                yield frame

    def scan(self: read_csv.CsvFile, path: Path) -> pl.LazyFrame:
        scanned.append(path)
        if path == Path(gbk.name):
            return StopsAfterThree(real_scan(self, utf8))  # type: ignore[return-value]
        return real_scan(self, path)

    monkeypatch.setattr(read_csv.CsvFile, "_scan", scan)
    outputs = []
    for path in (utf8, gbk):
        result = run("cases", path.name, *QUICK, "--format", "json", cwd=tmp_path)
        assert result.exit_code == 0, result.output
        outputs.append(result.stdout.replace(path.name, "-"))
        data = json.loads(result.stdout)
        assert data["evidence"][0]["rows"] == [[2, 16]] and data["selected_rows"] == 15
    assert outputs[0].split('"sha256"')[0] == outputs[1].split('"sha256"')[0]
    assert [p.name for p in scanned] == ["u.csv", "g.csv", "utf8.csv"]  # the copy, once
    assert list(tiny.iterdir()) == []


def _variants() -> dict[str, tuple[bytes, int]]:
    """File bytes, and the exit they give."""
    lines = csv_lines(case_rows(9))
    text = "\n".join(lines) + "\n"
    nul = [*lines[:8], "A7,2021-01-04 09:00\0,2021-01-05 10:00", *lines[9:]]
    return {
        "bom": (("\ufeff" + text).encode(), 0),
        "crlf": (text.replace("\n", "\r\n").encode(), 0),
        "blank-lines-at-the-end": ((text + "\n\n\n").encode(), 0),
        "empty-rows-at-the-end": ((text + ",,\r\n,,\r\n").encode(), 0),
        "no-newline-at-the-end": (text.rstrip("\n").encode(), 0),
        "nul-in-a-cell": (("\n".join(nul) + "\n").encode(), 0),
        "blank-lines-above-the-header": (("\n\r\n" + text).encode(), 0),
        "blank-line-above-a-title": (("\ntitle\n\n" + text).encode(), 0),
        "header-only": (b"id,s,e\n", 0),
        "bom-header-only": (b"\xef\xbb\xbfid,s,e", 0),
        "bom-only": (b"\xef\xbb\xbf", 3),
        "empty": (b"", 3),
        "blank-lines-only": (b"\n\n\n", 3),
    }


@pytest.mark.parametrize("name", list(_variants()))
def test_odd_csv_files_give_the_same_answer_in_batches(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    from bizenv_cli.cases import read

    data, code = _variants()[name]
    path = tmp_path / "c.csv"
    path.write_bytes(data)
    whole = run("cases", path.name, *QUICK, "--format", "json", cwd=tmp_path)
    monkeypatch.setattr(read, "CHUNK_ROWS", 2)
    batched = run("cases", path.name, *QUICK, "--format", "json", cwd=tmp_path)
    assert batched.exit_code == whole.exit_code == code, batched.output
    assert batched.stdout == whole.stdout and batched.stderr == whole.stderr
    assert "Traceback" not in batched.output
    if code == 0:
        data = json.loads(batched.stdout)
        used = data["selected_rows"] - sum(data["bad_rows"].values())
        assert used in (0, 8, 9)  # 8: the row with a NUL has a bad start


def test_parquet_row_groups_with_nulls_and_types_in_batches(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Row groups of two rows, nulls and categories in later ones, datetime columns in a
    second file of the same source, ids repeated across both: the same answer whole and in
    batches; an empty file and a column of lists are findings, not crashes."""
    from datetime import datetime

    from bizenv_cli.cases import read

    text = pl.DataFrame(
        {
            "id": ["A0", "A1", "A2", "A3", None, "A5", "A1"],
            "s": ["2021-01-04 09:00"] * 4 + [None, "2021-01-04", "2021-01-04 09:00"],
            "e": ["2021-01-05 10:00", None, "2021-05-05", None, "x", "2021-02-05 10:00", None],
        }
    ).with_columns(pl.col("id").cast(pl.Categorical))
    text.write_parquet(tmp_path / "a.parquet", row_group_size=2)
    at = datetime(2021, 1, 4, 9)
    typed = pl.DataFrame(
        {"id": ["B0", "A2", "B2"], "s": [at, at, None], "e": [None, datetime(2021, 3, 5), at]}
    )
    typed.write_parquet(tmp_path / "b.parquet", row_group_size=1)
    args = ("a.parquet", "b.parquet", *QUICK, "--format", "json")
    whole = run("cases", *args, cwd=tmp_path)
    monkeypatch.setattr(read, "CHUNK_ROWS", 2)
    batched = run("cases", *args, cwd=tmp_path)
    assert batched.exit_code == whole.exit_code == 0, batched.output
    assert batched.stdout == whole.stdout and batched.stderr == whole.stderr
    data = json.loads(batched.stdout)
    assert data["bad_rows"] == {"bad_start": 1, "duplicate_id": 2, "missing_id": 1}
    assert "b.parquet:3:1: warning D003" in batched.stderr and "row 4 of a.parquet" \
        in batched.stderr
    assert [(e["case_id"], e["file"], e["row"]) for e in data["exceptions"]] == [
        ("A2", "a.parquet", 4),  # closed, then the open ones in file order
        ("A1", "a.parquet", 3), ("A3", "a.parquet", 5), ("B0", "b.parquet", 2),
    ]
    text.clear().write_parquet(tmp_path / "empty.parquet")
    empty = run("cases", "empty.parquet", *QUICK, "--format", "json", cwd=tmp_path)
    assert empty.exit_code == 0 and json.loads(empty.stdout)["selected_rows"] == 0
    text.with_columns(pl.concat_list("s")).write_parquet(tmp_path / "list.parquet")
    lists = run("cases", "list.parquet", *QUICK, cwd=tmp_path)
    assert lists.exit_code == 3, lists.output
    assert "list.parquet:1:2: error D001 column 's' holds List(String) values" in lists.stderr


def test_exceptions_over_batches_and_files_are_in_one_order(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The furthest over first (closed, then open), ties in file order: the same lists in
    --exceptions .csv and .xlsx and --format json, read whole or four rows at a time (and
    written whole or three exceptions at a time: ``ExceptionList.slice``)."""
    from openpyxl import load_workbook

    from bizenv_cli.cases import exports, read

    names = ["a.csv", "b.parquet", "c.csv"]
    for n, name in enumerate(names):
        rows = [
            [f"{name[0]}{i}", "2021-01-04 09:00",
             "" if (i + n) % 7 == 0 else f"2021-0{1 + (i * (n + 2)) % 5}-05 10:00"]
            for i in range(30)
        ]
        rows[3][0] = "a1"  # repeated in each file: only the first is used
        if name.endswith(".csv"):
            write_lines(tmp_path / name, csv_lines(rows))
        else:
            pl.DataFrame(rows, schema=HEADER, orient="row").write_parquet(
                tmp_path / name, row_group_size=3
            )
    seen = []
    for size in (1_000_000, 4):
        monkeypatch.setattr(read, "CHUNK_ROWS", size)
        monkeypatch.setattr(exports, "CHUNK", min(size, 3))  # exceptions written 3 at a time
        out = tmp_path / f"out{size}"
        out.mkdir()
        results = [
            run("cases", *names, *QUICK, *more, cwd=tmp_path)
            for more in (["--format", "json"], ["--exceptions", f"{out.name}/x.csv"],
                         ["--exceptions", f"{out.name}/x.xlsx"])
        ]
        assert [r.exit_code for r in results] == [0, 0, 0], results
        sheet = load_workbook(out / "x.xlsx", read_only=True).worksheets[0]
        cells = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
        seen.append((results[0].stdout, (out / "x.csv").read_bytes(), cells))
    assert seen[0] == seen[1]
    listed = [row for row in seen[1][2][1:] if row[0]]
    order = [(row[6] != "closed", -float(row[7]), names.index(row[2]), row[3]) for row in listed]
    data = json.loads(seen[1][0])
    assert order == sorted(order) and len(listed) == data["over_limit"] + data["open_over_limit"]
    shown = [(e["case_id"], e["file"], e["row"]) for e in data["exceptions"]]  # the first few
    assert len(listed) > 4 * len(shown) and shown == [tuple(row[1:4]) for row in listed][
        : len(shown)
    ]


def test_a_utf8_bom_then_gb18030_is_read(run, tmp_path: Path, tiny: Path) -> None:
    """A BOM says UTF-8, the bytes further on are GB18030: transcoded, the BOM became
    part of the first header cell, whose column then was lost (exit 4, KeyError)."""
    rows = case_rows(12)
    rows[8][0] = "甲8"
    lines = csv_lines(rows)
    path = tmp_path / "c.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "".join(f"{line}\n" for line in lines).encode("gb18030"))
    same = write_lines(tmp_path / "d.csv", lines)
    result, utf8 = (run("cases", p.name, *QUICK, "--format", "json", cwd=tmp_path)
                    for p in (path, same))
    assert result.exit_code == 0, result.output
    got, want = json.loads(result.stdout), json.loads(utf8.stdout)
    assert got["exceptions"] == [{**e, "file": "c.csv"} for e in want["exceptions"]]
    assert ("甲8", 10) in [(e["case_id"], e["row"]) for e in got["exceptions"]]
    assert got["sample_size"] == 12
    assert list(tiny.iterdir()) == []


@pytest.mark.parametrize(
    ("above", "header", "row"),
    [([], 'id,s,e,note"', 1), ([], 'id,no"te,s,e', 1), (['title "2021', ""], "id,s,e", 1)],
    ids=["end-of-the-header", "inside-the-header", "title-row"],
)
def test_a_quote_within_a_cell_of_the_header_is_named(
    run, tmp_path: Path, above: list[str], header: str, row: int
) -> None:
    """polars read such a header, then no row at all: 0 cases, exit 0, without a word
    (or 'empty CSV' for a title row)."""
    width = header.count(",") + 1
    rows = [",".join((["A1", "2021-01-04 09:00", "2021-01-05 10:00", "x"])[:width])] * 3
    path = write_lines(tmp_path / "c.csv", [*above, header, *rows])
    result = run("cases", path.name, *QUICK, cwd=tmp_path)
    assert result.exit_code == 3, result.output
    assert f"c.csv:{row}:0: error D001 cannot be read as CSV: row {row} has a quote inside" \
        in result.stderr
    title = ['报表 "2021" 汇总'] if above else []  # a pair of quotes: read as characters
    for header in ('id,"no""te",s,e', 'id,no"te",s,e'):
        quoted = write_lines(tmp_path / "d.csv", [*title, header, "A1,x,2021-01-04 09:00,"])
        read = run("cases", quoted.name, *QUICK, "--format", "json", cwd=tmp_path)
        assert read.exit_code == 0 and json.loads(read.stdout)["selected_rows"] == 1


def test_blank_lines_above_the_header_count_as_rows(run, tmp_path: Path, tiny: Path) -> None:
    """polars skips blank lines at the start of a file before the rows it is told to skip:
    the header was taken to be the first case (exit 4, KeyError), or a case was lost."""
    lines = csv_lines(case_rows(6))
    path = write_lines(tmp_path / "c.csv", ["", "", *lines])
    result = run("cases", path.name, *QUICK, "--format", "json", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["sample_size"] == 6 and data["evidence"][0]["rows"] == [[4, 9]]
    assert [e["row"] for e in data["exceptions"]] == [8, 7, 6]  # A4, A3, A2: lines 8, 7, 6


def test_a_utf8_file_with_a_cut_character_is_known_by_its_columns(run, tmp_path: Path) -> None:
    """One character cut on line 11, inside the sample the encoding is told from: the
    header was read as GB18030 (鍗曞彿, 寮濮, 缁撴潫), so no source took the file."""
    mapping = MAPPING.replace('["*.csv", "*.parquet"]', '["power*"]').replace(
        "case_id: id\n    start: s\n    end: e", "case_id: 单号\n    start: 开始\n    end: 结束"
    )
    (tmp_path / "cases.yaml").write_text(mapping, encoding="utf-8")
    rows = [[f"单{i}", "2021-01-04 09:00", "2021-01-05 10:00"] for i in range(12)]
    lines = [",".join(r) for r in [["单号", "开始", "结束"], *rows]]
    path = write_lines(tmp_path / "export.csv", lines)
    data = path.read_bytes()
    path.write_bytes(data.replace("单9".encode(), "单".encode()[:2] + b"9"))
    result = run("cases", path.name, "--mapping", "cases.yaml", "--as-of", "2021-06-30",
                 "--measures", str(MEASURES), cwd=tmp_path)
    assert result.exit_code == 3, result.output
    assert "export.csv:11:0: error D001 cannot be read as CSV: neither UTF-8 nor GB18030: " \
        "line 11 (byte" in result.stderr


def test_a_header_that_cannot_be_read_after_transcoding_leaves_no_copy(
    run, tmp_path: Path, tiny: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bizenv_cli.cases import read_csv

    def unreadable(self: read_csv.CsvFile, path: Path) -> pl.LazyFrame:
        assert path.parent.parent == tiny  # the transcoded copy
        raise pl.exceptions.ComputeError("the header cannot be read")

    monkeypatch.setattr(read_csv.CsvFile, "_scan", unreadable)
    path = write_lines(tmp_path / "c.csv", ["id,s,e", "甲,2021-01-04 09:00,"], "gb18030")
    result = run("cases", path.name, *QUICK, cwd=tmp_path)
    assert result.exit_code == 3, result.output
    assert "c.csv: error D001 cannot be read as CSV: the header cannot be read" in result.stderr
    assert list(tiny.iterdir()) == []


def test_lines_ending_in_cr_alone_further_on_are_named(run, tmp_path: Path, tiny: Path) -> None:
    """CRLF, then CR alone from row 8: polars read on across those lines ('found more
    fields than defined in Schema', no row named)."""
    lines = csv_lines(case_rows(10))
    path = tmp_path / "c.csv"
    path.write_bytes(("\r\n".join(lines[:7]) + "\r\n" + "\r".join(lines[7:]) + "\r").encode())
    result = run("cases", path.name, *QUICK, cwd=tmp_path)
    assert result.exit_code == 3, result.output
    assert "c.csv:8:0: error D001 cannot be read as CSV: row 8 ends with a carriage return " \
        "alone" in result.stderr
