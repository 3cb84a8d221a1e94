"""Decode a returned CSV file's bytes, or say exactly why they cannot be trusted.

Excel and WPS on Chinese Windows save "CSV" in the system code page (GB18030/GBK);
"CSV UTF-8" adds a BOM; a UTF-16 "Unicode text" file is tab-separated. We try, in
order: a BOM (UTF-8, UTF-16), UTF-8, then GB18030 (a superset of GBK and GB2312).
Files that would decode to the wrong text without an error are refused first: two
byte-order marks, UTF-16 without one (NUL in every other byte), NUL bytes, and a
file whose lines mix UTF-8 and GBK (rows pasted from two files): it decodes as
GB18030, but the UTF-8 lines become mojibake, so the lines are classified one by one.
"""

from __future__ import annotations

import codecs

from bizenv_cli.diagnostics import Finding
from bizenv_cli.reading.decode import CODE_ENCODING, _utf16_without_bom
from bizenv_cli.reading.yamlsafe import YamlLoadError

SAVE_AGAIN = "save it again as 'CSV UTF-8 (逗号分隔)'"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Unicode blocks of Chinese text: CJK ideographs, CJK punctuation, full-width forms (the
# first three), then general punctuation, letter-like (℃), arrows, maths, ①, shapes, BOM.
_CHINESE = (("\u4e00", "\u9fff"), ("\u3000", "\u303f"), ("\uff00", "\uffef"),
            ("\u2000", "\u206f"), ("\u2100", "\u22ff"), ("\u2460", "\u24ff"),
            ("\u25a0", "\u25ff"), ("\ufeff", "\ufeff"))


def _fail(display: str, line: int, message: str, col: int = 1) -> YamlLoadError:
    return YamlLoadError([Finding(display, line, col, CODE_ENCODING, message)])


def _ranges(lines: list[int], most: int = 3) -> str:
    """[2, 3, 4, 9] -> 'lines 2-4, 9'; at most ``most`` ranges, then '...'."""
    spans: list[list[int]] = []
    for n in lines:
        if spans and spans[-1][1] == n - 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    shown = [f"{a}-{b}" if a != b else str(a) for a, b in spans[:most]]
    word = "line" if len(lines) == 1 else "lines"
    return f"{word} {', '.join(shown)}{', ...' if len(spans) > most else ''}"


def _chinese_utf8(text: str) -> bool:
    """Whether a line that decodes as UTF-8 reads as Chinese text: a CJK character and no
    non-ASCII character outside CJK text and its punctuation. A GBK line that happens to be
    valid UTF-8 ('蟹' is D0 B7, UTF-8 for 'з') decodes to Cyrillic, Latin-1 or rare blocks."""
    cjk = False
    for ch in text:
        if ch.isascii():
            continue
        if not any(low <= ch <= high for low, high in _CHINESE):
            return False
        cjk = cjk or any(low <= ch <= high for low, high in _CHINESE[:3])
    return cjk


def _mixed(data: bytes, display: str) -> None:
    """Refuse a file whose non-ASCII lines are partly UTF-8, partly something else (GBK)."""
    utf8: list[int] = []
    other: list[int] = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            if _chinese_utf8(line.decode("utf-8")):
                utf8.append(number)
        except UnicodeDecodeError:
            other.append(number)
    if utf8 and other:
        first = utf8[0]
        verb = "is" if len(utf8) == 1 else "are"
        raise _fail(display, first, f"{_ranges(utf8)} {verb} UTF-8 but {_ranges(other)} "
                    "GBK (or another code page): the file was put together from two; "
                    f"save the whole file again as 'CSV UTF-8 (逗号分隔)'")


def _boms(data: bytes, display: str) -> None:
    if data.startswith(codecs.BOM_UTF8 * 2):
        raise _fail(display, 1, "the file starts with two UTF-8 byte-order marks "
                    f"(EF BB BF EF BB BF): {SAVE_AGAIN}")
    if data.startswith(codecs.BOM_UTF8) and data[3:].startswith(_UTF16_BOMS):
        raise _fail(display, 1, "the file starts with a UTF-8 byte-order mark and then a "
                    f"UTF-16 one: it was converted twice; {SAVE_AGAIN}")


def _nul(data: bytes, display: str) -> None:
    if b"\x00" not in data:
        return
    utf16 = _utf16_without_bom(data)
    if utf16:
        raise _fail(display, 1, f"file is {utf16} without a byte-order mark: {SAVE_AGAIN}")
    offset = data.index(b"\x00")
    line = data.count(b"\n", 0, offset) + 1
    col = len(data[data.rfind(b"\n", 0, offset) + 1 : offset].decode("utf-8", "replace")) + 1
    raise _fail(display, line, f"line {line} holds a NUL byte (\\x00): this is not a text "
                f"file as Excel or WPS saves one; {SAVE_AGAIN}", col)


def decode(data: bytes, display: str) -> tuple[str, str]:
    """(text, name of the encoding used); YamlLoadError when none fits."""
    _boms(data, display)
    if data.startswith(_UTF16_BOMS):
        return _strict(data, "utf-16", display), "UTF-16"
    if data.startswith(codecs.BOM_UTF8):
        body = data[3:]
        _nul(body, display)
        try:
            return body.decode("utf-8"), "UTF-8 with BOM"
        except UnicodeDecodeError:
            _mixed(body, display)
            return _strict(body, "utf-8", display), "UTF-8 with BOM"
    _nul(data, display)
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        _mixed(data, display)
    try:
        return data.decode("gb18030"), "GB18030 (GBK)"
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line, col = before.count(b"\n") + 1, exc.start - before.rfind(b"\n")
        raise _fail(display, line, f"file is neither UTF-8 nor GB18030/GBK (byte "
                    f"0x{data[exc.start]:02x}): {SAVE_AGAIN}", col) from None


def _strict(data: bytes, encoding: str, display: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise _fail(display, line, f"file starts with a {encoding.upper()} byte-order mark but "
                    f"byte offset {exc.start} is not valid: {SAVE_AGAIN}") from None
