"""Fuzz `bizenv check` and `bizenv validate` with mutated workbooks and CSV files.

A seeded generator starts from valid returned files: the fixture measure set's template
for power-supply-company (`bizenv template --format xlsx|csv`) filled in as in
tests/data/spreadsheet/fill.yaml, and examples/spreadsheet/water-company.xlsx (with the
real measures/). A CSV file is mutated as text and bytes: cell values (NaN, 1e400, 400
digits, 2021/2/30, Excel serials, percent forms, full-width digits, '约30'), header
edits, delimiter swaps, quote chaos, control and bidi characters, huge fields, many
columns, re-encodings (GB18030, UTF-16 with and without BOM, lines in two encodings),
byte flips, truncation. A workbook is unzipped in memory and its XML mutated: cell
types, values, shared-string indexes, r= references (huge, malformed, duplicated), <v>
removed, <f> added, number formats made dates or percents, sheet names with control
characters, date1904, corrupt XML, parts dropped; then zipped again, and sometimes the
zip itself has bytes flipped or is cut short. Every mutant goes through `check` (table
or JSON) and `validate`, in-process through the real entry point, and must: finish in
time, exit 0, 1 or 3, print no traceback, internal error, library warning or raw
control character. To run longer, or one case again, see tests/hostile/fuzzing.py:

    BIZENV_FUZZ_N=20000 BIZENV_FUZZ_SEED=7 pytest tests/hostile/test_fuzz_sheets.py -s
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from tests.conftest import DATA, MEASURES, ROOT, Result
from tests.hostile import fuzzing
from tests.hostile.fuzzing import NASTY, Fuzz
from tests.spreadsheet.filling import fill_csv, fill_xlsx

COUNT = 90
FIXTURE_MEASURES = DATA / "check" / "measures"
FILL = yaml.safe_load((DATA / "spreadsheet" / "fill.yaml").read_text(encoding="utf-8"))["entries"]


@dataclass(frozen=True)
class Sheet:
    name: str
    data: bytes
    measures: Path

    @property
    def csv(self) -> bool:
        return self.name.endswith(".csv")


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> list[Sheet]:
    from bizenv_cli.templates.write import write_template
    from bizenv_cli.validation.pipeline import load_usable

    tmp = tmp_path_factory.mktemp("seeds")
    measure_set = load_usable(FIXTURE_MEASURES)
    cells = {target: spec["cells"] for target, spec in FILL.items()}
    formats = {target: spec["xlsx"] for target, spec in FILL.items() if "xlsx" in spec}
    labels = {"截至日期": "2021-06-30"}
    found = []
    for fmt in ("xlsx", "csv"):
        template, filled = tmp / f"template.{fmt}", tmp / f"filled.{fmt}"
        write_template(fmt, measure_set, "2021-Q2", "power-supply-company", template)
        if fmt == "xlsx":
            fill_xlsx(template, filled, cells, formats=formats, labels=labels)
        else:
            fill_csv(template, filled, cells, labels=labels)
        found.append(Sheet(f"power-supply-company.{fmt}", filled.read_bytes(), FIXTURE_MEASURES))
    water = ROOT / "examples" / "spreadsheet" / "water-company.xlsx"
    found.append(Sheet(water.name, water.read_bytes(), MEASURES))
    return found


# --- cell values both formats get --------------------------------------------------------

VALUES = [
    "NaN", "nan", "inf", "-inf", "Infinity", "1e400", "1E+999", "-1e400", "1e308", "1E+308",
    "5e-324", "1e-400", "1" * 400, "7" * 5000, "9" * 16, "0", "-0", "-1", "25", " 25 ", "25.",
    ".5", "1,000", "1,00", "1.000,5", "25%", "95 %", "%", "1e15", "1e16", "0x10", "1_000",
    "１２", "１２％", "－５", "约30", "30左右", "≤30", "", " ", "\u3000", "2021/2/30",
    "2021-06-30", "2021/6/30", "2021年6月30日", "2021-13-01", "0000-01-01", "9999-12-31",
    "2021-06-30 25:61", "44377", "44377.5", "-5", "3000000", "2958466", "2958465", "60", "1",
    "TRUE", "FALSE", "yes", "#DIV/0!", "#N/A", "=1+1", "@SUM(A1)", "已完成", "done",
    "进行中 in_progress", "not_a_state", "2021-Q5", "2021-H3", "0000", "2021", "99999",
    "_x001B_", "_x0007_[31m", "x" * 2001, "x" * 200_000, "m05-high-voltage-connection-days",
]


def _value(rng: random.Random) -> str:
    if rng.random() < 0.8:
        return rng.choice(VALUES)
    if rng.random() < 0.5:
        return rng.choice(VALUES) + rng.choice(NASTY)
    return fuzzing.random_text(rng)


# --- CSV --------------------------------------------------------------------------------

CSV_KINDS = ["value", "value", "value", "header", "delimiter", "quotes", "nasty", "huge",
             "columns", "lines", "flip", "truncate", "encoding", "mixed", "newlines"]


def _csv_fields(line: str) -> list[tuple[int, int]]:
    """(start, end) of each comma-separated field of ``line`` (quotes not honoured)."""
    spans, start = [], 0
    for i, ch in enumerate(line):
        if ch == ",":
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(line.rstrip("\r\n"))))
    return spans


def mutate_csv(sheet: Sheet, rng: random.Random) -> tuple[bytes, list[str]]:
    text = sheet.data.decode("utf-8-sig")
    lines = text.splitlines(keepends=True)
    done: list[str] = []
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(CSV_KINDS)
        done.append(kind)
        n = rng.randrange(len(lines)) if lines else 0
        if kind in ("value", "header", "nasty", "huge") and lines:
            if kind == "header":
                n = next((i for i, line in enumerate(lines) if line.startswith("目标编号")), n)
            line = lines[n]
            start, end = rng.choice(_csv_fields(line))
            if kind == "value":
                new = _value(rng)
            elif kind == "header":
                new = rng.choice(["目标编号 Target id", "填报值 Value", "填报值", "Value", "单位",
                                  "目标编号\nTarget id", "目标 编号", "", "填报值 Value2",
                                  "完成状态 State", "备注"]) + rng.choice(["", "", " ", "\ufeff"])
            elif kind == "nasty":
                old = line[start:end]
                at = rng.randint(0, len(old))
                new = old[:at] + rng.choice(NASTY) + old[at:]
            else:
                new = rng.choice(["x", "9", "\u202e", '"', ","]) * rng.choice(
                    [2001, 70_000, 131_073, 300_000])
            if rng.random() < 0.3 or any(c in new for c in ',"\r\n'):
                new = '"' + new.replace('"', '""') + '"' if rng.random() < 0.8 else new
            lines[n] = line[:start] + new + line[end:]
        elif kind == "delimiter" and lines:
            new = rng.choice(["\t", ";", "|", " ", ",,", "，"])
            lines = [line.replace(",", new) for line in lines] if rng.random() < 0.5 else [
                line.replace(",", new) if rng.random() < 0.5 else line for line in lines]
        elif kind == "quotes" and lines:
            line = lines[n]
            at = rng.randint(0, len(line))
            lines[n] = line[:at] + rng.choice(['"', '""', '"""', '"x"y', ',"', '",', "'"]) + (
                line[at:])
        elif kind == "columns" and lines:
            lines[n] = lines[n].rstrip("\r\n") + "," * rng.choice([10, 199, 200, 201, 5000]) + (
                "\r\n")
        elif kind == "lines" and lines:
            choice = rng.random()
            if choice < 0.3:
                lines.insert(n, lines[rng.randrange(len(lines))])
            elif choice < 0.5:
                del lines[n]
            elif choice < 0.6:
                lines = lines[: rng.randint(0, len(lines))]
            elif choice < 0.7:
                lines *= rng.choice([2, 50, 400])
            else:
                rng.shuffle(lines)
        elif kind == "newlines":
            text = "".join(lines)
            text = text.replace("\r\n", rng.choice(["\n", "\r", "\r\r\n", "\u2028", "\x85"]))
            lines = text.splitlines(keepends=True)
    text = "".join(lines)
    data = b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    if "encoding" in done:
        data = rng.choice(fuzzing.encodings(text))
    if "mixed" in done and lines:  # rows pasted from a file in another encoding
        cut = rng.randrange(len(lines))
        head, tail = "".join(lines[:cut]), "".join(lines[cut:])
        codecs = rng.sample(["utf-8", "gb18030", "utf-16-le", "latin-1"], 2)
        data = b"".join(part.encode(codec, "replace") for part, codec in zip(
            (head, tail), codecs, strict=True))
    if "flip" in done:
        data = fuzzing.flip(data, rng)
    if "truncate" in done:
        data = fuzzing.truncate(data, rng)
    return data, done


# --- XLSX -------------------------------------------------------------------------------

XLSX_KINDS = ["type", "value", "value", "shared", "ref", "row", "no-v", "formula", "inline",
              "style", "numfmt", "sheetname", "workbook", "strings", "dimension", "xml",
              "drop", "flip", "truncate", "cell-dup"]
_CELL_RE = re.compile(rb"<c\b[^>]*?(?:/>|>.*?</c>)", re.S)
_ROW_RE = re.compile(rb'<row\b[^>]*?\br="([^"]*)"')
TYPES = ["s", "n", "b", "e", "str", "inlineStr", "d", "x", ""]
REFS = ["A1", "G10", "XFD1048576", "XFE1", "A1048577", "ZZZZ99999999", "G0", "A-1", "g10",
        "$G$10", "10", "G", "", "Ω1", "G10:G11", "A01", "AAAA1", "G" + "9" * 40, " G10"]
ROWS = ["0", "-1", "1", "5", "6", "1048576", "1048577", "4999", "5000", "5001", "99999999999",
        "x", "", "1.5", "１"]
DATE_FORMATS = [14, 15, 16, 17, 18, 20, 21, 22, 45, 46, 47, 9, 10, 49, 0, 999, -1]
FORMAT_CODES = ["yyyy-mm-dd", "[h]:mm:ss", "mm:ss", "0%", "0.00%", '"%"0', "0\\%", "General",
                "", "yyyy年m月d日", "@", "[$-804]aaaa", "d", "[Red]0", "0" * 300]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        '"', "&quot;")


def _xml_text(rng: random.Random) -> bytes:
    """A value as XML text: escaped, or now and then raw (a control character, a bare &)."""
    text = _value(rng)
    out = text if rng.random() < 0.1 else _escape(text)
    return out.encode("utf-8", "surrogatepass")


def _attr(tag: bytes, name: bytes, value: bytes | None) -> bytes:
    """``tag`` (an element's start) with attribute ``name`` set to ``value`` (None: removed)."""
    pattern = rb"\s" + name + rb'="[^"]*"'
    tag = re.sub(pattern, b"", tag, count=1)
    if value is None:
        return tag
    end = len(tag) - (2 if tag.endswith(b"/>") else 1)
    return tag[:end] + b" " + name + b'="' + value + b'"' + tag[end:]


def _cell(sheet_xml: bytes, rng: random.Random) -> tuple[int, int, bytes] | None:
    """(start, end, xml) of a random cell, mostly one below the header row."""
    found = list(_CELL_RE.finditer(sheet_xml))
    if not found:
        return None
    match = rng.choice(found[len(found) // 4 :] if rng.random() < 0.8 else found)
    return match.start(), match.end(), match.group()


def _mutate_cell(xml: bytes, kind: str, rng: random.Random) -> bytes:
    start = xml[: xml.index(b">") + 1]
    body = b"" if start.endswith(b"/>") else xml[len(start) : -len(b"</c>")]
    open_tag = start[:-2] + b">" if start.endswith(b"/>") else start
    if kind == "type":
        open_tag = _attr(open_tag, b"t", rng.choice(TYPES).encode() if rng.random() < 0.9 else None)
    elif kind == "value":
        new = b"<v>" + _xml_text(rng) + b"</v>"
        body = re.sub(rb"<v>.*?</v>|<v/>|$", lambda _: new, body, count=1, flags=re.S)
    elif kind == "shared":
        open_tag = _attr(open_tag, b"t", b"s")
        body = b"<v>" + rng.choice([b"0", b"1", b"-1", b"999999", b"1e3", b"", b"x", b"2.5",
                                    b"9" * 30, b" 1"]) + b"</v>"
    elif kind == "ref":
        open_tag = _attr(open_tag, b"r", rng.choice(REFS).encode() if rng.random() < 0.9 else None)
    elif kind == "no-v":
        body = re.sub(rb"<v>.*?</v>|<v/>", b"", body, flags=re.S)
    elif kind == "formula":
        formula = rng.choice([b"20+5", b"", b"SUM(A1:A9)", b'""', b"1/0", b"&lt;"])
        body = b"<f>" + formula + b"</f>" + (body if rng.random() < 0.5 else b"")
    elif kind == "inline":
        open_tag = _attr(open_tag, b"t", b"inlineStr")
        text = _xml_text(rng)
        body = rng.choice([b"<is><t>" + text + b"</t></is>", b"<is/>", b"<is><t/></is>",
                           b"<is><r><t>" + text + b"</t></r></is>",
                           b'<is><t xml:space="preserve">' + text + b"</t></is>"])
    elif kind == "style":
        open_tag = _attr(open_tag, b"s", rng.choice(
            [b"0", b"1", b"5", b"9", b"14", b"17", b"99", b"99999", b"-1", b"x", b""]))
    return open_tag + body + b"</c>"


def _sheet_part(parts: dict[str, bytes], rng: random.Random) -> str | None:
    sheets = sorted(p for p in parts if p.startswith("xl/worksheets/") and p.endswith(".xml"))
    if not sheets:
        return None
    return sheets[0] if rng.random() < 0.85 else rng.choice(sheets)


def _mutate_part(parts: dict[str, bytes], kind: str, rng: random.Random) -> None:
    sheet = _sheet_part(parts, rng)
    if kind in ("type", "value", "shared", "ref", "no-v", "formula", "inline", "style") and sheet:
        spot = _cell(parts[sheet], rng)
        if spot:
            start, end, xml = spot
            parts[sheet] = parts[sheet][:start] + _mutate_cell(xml, kind, rng) + parts[sheet][end:]
    elif kind == "cell-dup" and sheet:
        spot = _cell(parts[sheet], rng)
        if spot:
            start, end, xml = spot
            parts[sheet] = parts[sheet][:end] + xml * rng.choice([1, 2, 300]) + parts[sheet][end:]
    elif kind == "row" and sheet:
        rows = list(_ROW_RE.finditer(parts[sheet]))
        if rows:
            row = rng.choice(rows)
            new = rng.choice(ROWS).encode() if rng.random() < 0.8 else row.group(1) * 2
            parts[sheet] = parts[sheet][: row.start(1)] + new + parts[sheet][row.end(1) :]
    elif kind == "dimension" and sheet:
        parts[sheet] = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="' + rng.choice(
            [b"A1:XFD1048576", b"A1", b"", b"x", b"A1:ZZZZ99999999", b"B2:A1"]) + b'"',
            parts[sheet], count=1)
    elif kind == "numfmt" and "xl/styles.xml" in parts:
        styles = parts["xl/styles.xml"]
        ids = list(re.finditer(rb'numFmtId="(\d+)"', styles))
        if ids and rng.random() < 0.6:
            spot = rng.choice(ids)
            styles = styles[: spot.start(1)] + str(rng.choice(DATE_FORMATS)).encode() + (
                styles[spot.end(1) :])
        else:
            code = _escape(rng.choice(FORMAT_CODES)).encode()
            fmt = b'<numFmt numFmtId="164" formatCode="' + code + b'"/>'
            if b"<numFmts" in styles:
                styles = re.sub(rb"<numFmts[^>]*>", lambda m: m.group() + fmt, styles, count=1)
            else:
                styles = re.sub(rb"(<styleSheet[^>]*>)", lambda m: m.group() + b"<numFmts>"
                                + fmt + b"</numFmts>", styles, count=1)
            styles = re.sub(rb'numFmtId="\d+"', b'numFmtId="164"', styles,
                            count=rng.randint(1, 20))
        parts["xl/styles.xml"] = styles
    elif kind == "sheetname" and "xl/workbook.xml" in parts:
        name = rng.choice(["\u202e区供电公司", "区供电公司\x1b[31m", "x&#10;y", "a&#9;b",
                           "_x001B_[31m", "", "x" * 5000, "填写说明", "区供电公司", "[b]x",
                           "&#x202E;", "&#x1b;", "\u0085"])
        if rng.random() < 0.5:
            name = _escape(name).replace("&amp;#", "&#")
        parts["xl/workbook.xml"] = re.sub(rb'(<sheet\b[^>]*?name=")[^"]*', lambda m: m.group(1)
                                          + name.encode("utf-8"), parts["xl/workbook.xml"],
                                          count=rng.randint(1, 2))
    elif kind == "workbook" and "xl/workbook.xml" in parts:
        book = parts["xl/workbook.xml"]
        choice = rng.random()
        if choice < 0.4:
            book = re.sub(rb"<workbookPr\b", b'<workbookPr date1904="' + rng.choice(
                [b"1", b"true", b"x", b"0"]) + b'"', book, count=1)
        elif choice < 0.6:
            book = re.sub(rb"<sheet\b[^>]*/>", b"", book, count=1)
        elif choice < 0.8:
            book = re.sub(rb'r:id="rId\d+"', b'r:id="rId' + rng.choice([b"1", b"9", b""]) + b'"',
                          book, count=1)
        else:
            book = re.sub(rb"(<sheet\b[^>]*/>)", rb"\1\1", book, count=1)
        parts["xl/workbook.xml"] = book
    elif kind == "strings" and "xl/sharedStrings.xml" in parts:
        sst = parts["xl/sharedStrings.xml"]
        items = list(re.finditer(rb"<si>.*?</si>", sst, re.S))
        if items:
            item = rng.choice(items)
            new = rng.choice([b"", b"<si/>", b"<si><t/></si>", b"<si><t>" + _xml_text(rng)
                              + b"</t></si>", b"<si><r><t>" + _xml_text(rng) + b"</t></r></si>",
                              item.group() * 2])
            sst = sst[: item.start()] + new + sst[item.end() :]
        parts["xl/sharedStrings.xml"] = re.sub(rb'count="\d+"', b'count="' + rng.choice(
            [b"0", b"1", b"999999999", b"-1"]) + b'"', sst, count=1)
    elif kind == "xml":
        name = sheet if sheet and rng.random() < 0.5 else rng.choice(sorted(parts))
        data = parts[name]
        at = rng.randint(0, len(data))
        parts[name] = rng.choice([
            data[:at], data[:at] + rng.choice([b"<", b">", b"&", b"\x00", b"\x01", b"\xff",
                                               b"<!--", b"<x>", b"</c>", b"&#0;", b"]]>"])
            + data[at:], data[:at] + data[at + rng.randint(1, 50) :], b"", b"<?xml?>",
        ])
    elif kind == "drop" and parts:
        del parts[rng.choice(sorted(parts))]


def mutate_xlsx(sheet: Sheet, rng: random.Random) -> tuple[bytes, list[str]]:
    with zipfile.ZipFile(io.BytesIO(sheet.data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    done: list[str] = []
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(XLSX_KINDS)
        done.append(kind)
        _mutate_part(parts, kind, rng)
    buffer = io.BytesIO()
    method = zipfile.ZIP_STORED if rng.random() < 0.2 else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(buffer, "w", method, compresslevel=1) as archive:
        for name, part in parts.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2021, 6, 30, 0, 0, 0)), part,
                             compress_type=method)
    data = buffer.getvalue()
    if "flip" in done:
        data = fuzzing.flip(data, rng)
    if "truncate" in done:
        data = fuzzing.truncate(data, rng)
    return data, done


# --- the test ---------------------------------------------------------------------------


def _commands(sheet: Sheet, path: Path, rng: random.Random) -> list[list[str]]:
    fmt = rng.choice(["table", "json"])
    return [["check", str(path), "--measures", str(sheet.measures), "--as-of", "2021-06-30",
             "--format", fmt], ["validate", str(path)]]


@pytest.mark.usefixtures("measure_sets_once")
def test_fuzz_sheets(run: Callable[..., Result], tmp_path: Path, seeds: list[Sheet]) -> None:
    fuzz = Fuzz(run)
    for index in fuzzing.cases(COUNT):
        rng = fuzzing.case_rng(index)
        sheet = rng.choice(seeds)
        data, kinds = (mutate_csv if sheet.csv else mutate_xlsx)(sheet, rng)
        name = "returned"
        if rng.random() < 0.05:  # a file name that could drive a terminal
            name += rng.choice(fuzzing.NASTY_NAMES)
        path = tmp_path / f"case{index}" / (name + (".csv" if sheet.csv else ".xlsx"))
        path.parent.mkdir()
        path.write_bytes(data)
        fuzz.count += 1
        label = f"case {index} (seed {fuzzing.SEED}, from {sheet.name}, {'+'.join(kinds)})"
        for argv in _commands(sheet, path, rng):
            fuzz.check(label, path, argv, sheet.measures.parent)  # validate finds measures/
        if fuzz.done:
            break
    fuzz.report("fuzz sheets")
