"""Make the hostile spreadsheets of this folder (run by hand; the outputs are committed).

    .venv/bin/python tests/data/hostile/spreadsheets/make.py

Each workbook is the template of the fixture measure set for power-supply-company,
2021-Q2 (`bizenv template`), changed at the XML level so that the change is exactly
the one named: a formula without a cached value, a part that unpacks to far more
than its size, a shared-string index past the table, ... Row 10 is
m05-high-voltage-connection-days, row 16 m06-live-working-rate (a percent target),
rows 6-9 milestones; column G is the value, I the completion date, M the evidence.
Every output is deterministic (fixed zip timestamps) and well under 500 KB.
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
MEASURES = ROOT / "tests" / "data" / "check" / "measures"
SHEET = "xl/worksheets/sheet1.xml"
STYLES = "xl/styles.xml"
SST = "xl/sharedStrings.xml"
TYPES = "[Content_Types].xml"
SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
Parts = dict[str, bytes]


def template() -> Parts:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "t.xlsx"
        subprocess.run(
            [sys.executable, "-m", "bizenv_cli", "template", "--measures", str(MEASURES),
             "--department", "power-supply-company", "--period", "2021-Q2", "-o", str(out)],
            check=True,
        )
        with zipfile.ZipFile(out) as archive:
            parts = {name: archive.read(name) for name in archive.namelist()}
    stamp = rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*"  # when it was made: fixed
    parts["docProps/core.xml"] = re.sub(stamp, rb"\g<1>2021-06-30T00:00:00Z",
                                        parts["docProps/core.xml"])
    return parts


def write(name: str, parts: Parts, *, level: int = 9) -> None:
    path = HERE / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for part, data in parts.items():
            info = zipfile.ZipInfo(part, date_time=(2021, 6, 30, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=level)
    size = path.stat().st_size
    assert size < 500_000, f"{name} is {size:,} bytes"
    print(f"{name}: {size:,} bytes")


def cell(parts: Parts, ref: str, xml: str) -> Parts:
    """Replace the empty template cell ``ref`` of sheet 1 by ``xml``."""
    sheet = parts[SHEET].decode()
    new, count = re.subn(rf'<c r="{ref}"[^>]*?/>', xml, sheet)
    assert count == 1, ref
    return {**parts, SHEET: new.encode()}


def value(parts: Parts, ref: str, text: str, attrs: str = 's="9"') -> Parts:
    return cell(parts, ref, f'<c r="{ref}" {attrs}><v>{text}</v></c>')


def with_shared_strings(parts: Parts, strings: bytes, count: int) -> Parts:
    types = parts[TYPES].decode().replace(
        "</Types>", f'<Override PartName="/{SST}" ContentType="{SST_TYPE}" /></Types>')
    sst = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="'
           + str(count).encode() + b'" uniqueCount="' + str(count).encode() + b'">'
           + strings + b"</sst>")
    return {**parts, TYPES: types.encode(), SST: sst}


def sheet_data(parts: Parts, rows: bytes) -> Parts:
    """Sheet 1 with ``rows`` in place of its rows (the dimension record kept)."""
    sheet = parts[SHEET]
    start = sheet.index(b"<sheetData>") + len(b"<sheetData>")
    end = sheet.index(b"</sheetData>")
    return {**parts, SHEET: sheet[:start] + rows + sheet[end:]}


def percent_style(parts: Parts) -> tuple[Parts, int]:
    """A cell format with the built-in 0% number format; its index."""
    styles = parts[STYLES].decode()
    match = re.search(r'<cellXfs count="(\d+)">', styles)
    assert match
    count = int(match.group(1))
    styles = styles.replace(match.group(0), f'<cellXfs count="{count + 1}">')
    styles = styles.replace("</cellXfs>", '<xf numFmtId="9" applyNumberFormat="1" /></cellXfs>')
    return {**parts, STYLES: styles.encode()}, count


def lie_about_size(name: str, part: str) -> None:
    """Rewrite the zip ``name`` so that ``part`` claims to unpack to 100 bytes."""
    path = HERE / name
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(part)
    local = info.header_offset
    struct.pack_into("<I", data, local + 22, 100)  # local header: uncompressed size
    central = data.index(b"PK\x01\x02")
    while True:  # the central directory record of ``part``
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46: central + 46 + name_len] == part.encode():
            break
        extra, comment = struct.unpack_from("<HH", data, central + 30)
        central = data.index(b"PK\x01\x02", central + 46 + name_len + extra + comment)
    struct.pack_into("<I", data, central + 24, 100)
    path.write_bytes(bytes(data))


def need_version(name: str, version: int) -> None:
    """Rewrite the zip ``name`` so that its first directory entry needs zip ``version``."""
    path = HERE / name
    data = bytearray(path.read_bytes())
    struct.pack_into("<H", data, data.index(b"PK\x01\x02") + 6, version)
    path.write_bytes(bytes(data))


def csv_template() -> list[str]:
    """The CSV template's lines (CRLF kept, no BOM), with 25 as the value in row 10."""
    text = subprocess.run(
        [sys.executable, "-m", "bizenv_cli", "template", "--measures", str(MEASURES),
         "--department", "power-supply-company", "--period", "2021-Q2", "--format", "csv"],
        check=True, capture_output=True,
    ).stdout.decode("utf-8").lstrip("\ufeff")
    lines = text.splitlines(keepends=True)
    assert lines[9].startswith("m05-high-voltage-connection-days,")
    lines[9] = lines[9].replace(",,,,,,,,", ",25,,,,,,,", 1)
    return lines


def make_csv() -> None:
    lines = csv_template()
    text = "".join(lines)
    bom, utf16 = b"\xef\xbb\xbf", text.encode("utf-16-le")
    change = list(lines)  # m06-average-outage-time-cut: a change against a tiny baseline
    assert change[17].startswith("m06-average-outage-time-cut,")
    change[17] = change[17].replace(",,,,,,,,", ",1e300,,,,0.000000001,2020,,", 1)
    files = {
        "change-overflow.csv": bom + "".join(change).encode(),
        # lines 1-9 saved by Chinese Excel (GBK), the rest pasted from a UTF-8 file
        "mixed-utf8-gbk.csv": "".join(lines[:9]).encode("gbk") + "".join(lines[9:]).encode(),
        "utf16-no-bom.csv": utf16,
        "double-bom.csv": bom + bom + text.encode(),
        "utf8-bom-then-utf16-bom.csv": bom + b"\xff\xfe" + utf16,
        "nul-byte.csv": bom + text.replace(",25,", ",2\x005,").encode(),
        "long-field.csv": bom + text.replace(",25,", ",25," + "x" * 200_000, 1).encode(),
        "long-line.csv": bom + text.replace(",25,", ",25" + "," * 300_000, 1).encode(),
    }
    # GBK whose one data line is also valid UTF-8 by chance (蟹 is D0 B7, UTF-8 for з):
    # not a mixed file, it is read as GBK
    files["gbk-line-valid-as-utf8.csv"] = (
        "部门 Department,power-supply-company\r\n填报期间 Period,2021-Q2\r\n\r\n"
        "目标编号 Target id,填报值 Value,备注 Note\r\n"
        "m05-high-voltage-connection-days,25,蟹\r\n").encode("gbk")
    for name, data in files.items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data):,} bytes")


def main() -> None:
    make_csv()
    base = template()
    cases: dict[str, Callable[[], Parts]] = {
        # 1. formulas
        "formula-no-cached-value.xlsx": lambda: cell(
            base, "G10", '<c r="G10" s="9"><f>20+5</f></c>'),
        "formula-empty-result.xlsx": lambda: cell(  # Excel's =IF(...,"") : an empty <v/>
            base, "G10", '<c r="G10" s="9" t="str"><f>""</f><v></v></c>'),
        "formula-empty-v.xlsx": lambda: cell(  # what openpyxl writes: <v/>, no type
            base, "G10", '<c r="G10" s="9"><f>20+5</f><v/></c>'),
        "formula-cached-value.xlsx": lambda: cell(
            base, "G10", '<c r="G10" s="9"><f>20+5</f><v>25</v></c>'),
        # 3. data that used to be an internal error
        "nan.xlsx": lambda: value(base, "G10", "NaN"),
        "inf.xlsx": lambda: value(base, "G10", "1E+999"),
        "long-number.xlsx": lambda: value(base, "G10", "1" * 400),
        "very-long-number.xlsx": lambda: value(base, "G10", "7" * 5000),
        "bad-boolean.xlsx": lambda: value(base, "G10", "yes", 's="9" t="b"'),
        "shared-string-out-of-range.xlsx": lambda: value(
            with_shared_strings(base, b"<si><t>a</t></si><si><t>b</t></si>", 2),
            "M10", "999999", 't="s"'),
        "date-serial-huge.xlsx": lambda: value(base, "I6", "3000000", 's="14"'),
        "date-serial-negative.xlsx": lambda: value(base, "I6", "-5", 's="14"'),
        "as-of-serial-huge.xlsx": lambda: value(base, "B3", "3E+6", 's="5"'),
        "bad-cell-reference.xlsx": lambda: cell(base, "G10", '<c r="G0" s="9"><v>25</v></c>'),
        "row-zero.xlsx": lambda: value(sheet_data(base, base[SHEET][
            base[SHEET].index(b"<sheetData>") + 11: base[SHEET].index(b"</sheetData>")]
            + b'<row r="0"><c r="A0" t="inlineStr"><is><t>x</t></is></c></row>'), "G10", "25"),
        "error-value.xlsx": lambda: value(base, "G10", "#DIV/0!", 's="9" t="e"'),
        "error-no-value.xlsx": lambda: cell(base, "G10", '<c r="G10" s="9" t="e"/>'),
        "period-long-number.xlsx": lambda: value(base, "L18", "1" * 400),  # float() overflows
    }
    # 6. what makes openpyxl warn: no styles part, a data-validation extension
    no_styles = {k: v for k, v in base.items() if k != STYLES}
    no_styles[TYPES] = re.sub(rb'<Override PartName="/xl/styles.xml"[^>]*/>', b"", base[TYPES])
    cases["no-default-style.xlsx"] = lambda: value(no_styles, "G10", "25")
    ext = (b'<extLst><ext xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"'
           b' uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="0" />'
           b"</ext></extLst></worksheet>")
    cases["validation-extension.xlsx"] = lambda: value(
        {**base, SHEET: base[SHEET].replace(b"</worksheet>", ext)}, "G10", "25")
    styled, pct = percent_style(base)
    cases["percent-overflow.xlsx"] = lambda: value(styled, "G16", "1E+308", f's="{pct}"')
    for name, make in cases.items():
        write(name, make())

    # 2. bombs: parts that unpack to far more than the file's size
    xfs = b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>' * 1_000_000
    styles = re.sub(rb"<cellXfs count=\"\d+\">.*?</cellXfs>",
                    lambda m: b'<cellXfs count="1000000">' + xfs + b"</cellXfs>",
                    base[STYLES], flags=re.S)
    write("styles-bomb.xlsx", {**base, STYLES: styles})
    write("styles-count.xlsx", {**base, STYLES: styles.replace(xfs, xfs[: 53 * 11_000])})
    strings = b"<si><t>x</t></si>" * 2_000_000
    write("shared-strings-bomb.xlsx", with_shared_strings(base, strings, 2_000_000))
    write("shared-strings-count.xlsx",
          with_shared_strings(base, b"<si><t/></si>" * 60_000, 60_000))
    row = b'<row r="20">' + b"<c/>" * 3_000_000 + b"</row>"
    write("cells-bomb.xlsx", sheet_data(base, row))
    write("cells-count.xlsx", sheet_data(base, b'<row r="20">' + b"<c/>" * 210_000 + b"</row>"))
    rows = b"<row/>" * 1_000_000  # no r: each row is the one after the last
    write("rows-bomb.xlsx", sheet_data(base, rows))
    write("rows-count.xlsx", sheet_data(base, b"<row/>" * 30_000))
    padded = base[SHEET].replace(b"<sheetData>", b"<sheetData>" + b" " * 60_000_000)
    write("sheet-part-too-big.xlsx", {**base, SHEET: padded})
    spaced = base[SHEET].replace(b"<sheetData>", b"<sheetData>" + b" " * 5_000_000)
    write("compression-ratio.xlsx", {**base, SHEET: spaced})
    no_dimension = re.sub(rb"<dimension [^>]*/>", b"", base[SHEET]).replace(
        b"</sheetData>",
        b'<row r="1048576"><c r="XFD1048576" s="9"><v>1</v></c></row></sheetData>')
    write("far-cell-no-dimension.xlsx", {**base, SHEET: no_dimension})
    bogus = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', base[SHEET])
    write("bogus-dimension.xlsx", value({**base, SHEET: bogus}, "G10", "25"))
    far_empty = base[SHEET].replace(
        b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" s="9"/></row></sheetData>')
    write("far-empty-cell.xlsx", value({**base, SHEET: far_empty}, "G10", "25"))
    past = base[SHEET].replace(
        b"</sheetData>", b'<row r="10031"><c r="G10031" s="9"><v>1</v></c></row></sheetData>')
    write("values-past-row-limit.xlsx", {**base, SHEET: past})  # 10,030: table.MAX_ROWS
    garbage = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:ZZZZ99999999"', base[SHEET])
    write("garbage-dimension.xlsx", {**base, SHEET: garbage})
    laughs = b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">' + b"".join(
        b'<!ENTITY %s "%s">' % (bytes([98 + i]), b"&%s;" % bytes([97 + i]) * 10)
        for i in range(9)) + b"]>"
    write("entity-expansion.xlsx", value({**base, SHEET: laughs + base[SHEET]}, "M10", "&j;",
                                         't="str"'))  # a billion laughs: 10^10 characters
    many = dict(base)
    for n in range(1500):
        many[f"customXml/item{n}.xml"] = b""
    write("many-entries.xlsx", many)
    write("long-entry-name.xlsx", {**base, "x" * 5000 + ".xml": b""})
    write("lying-size.xlsx", value(base, "G10", "25"))
    lie_about_size("lying-size.xlsx", SHEET)
    write("zip-version.xlsx", value(base, "G10", "25"))
    need_version("zip-version.xlsx", 148)  # 14.8: zipfile raises NotImplementedError


if __name__ == "__main__":
    main()
