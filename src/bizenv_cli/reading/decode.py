"""Turn bytes into text, refusing anything that is not UTF-8 with a message that helps."""

from __future__ import annotations

import codecs

from bizenv_cli.diagnostics import Finding

CODE_ENCODING = "L001"

_BOMS = [
    (codecs.BOM_UTF32_LE, "UTF-32 (little-endian)"),
    (codecs.BOM_UTF32_BE, "UTF-32 (big-endian)"),
    (codecs.BOM_UTF16_LE, "UTF-16 (little-endian)"),
    (codecs.BOM_UTF16_BE, "UTF-16 (big-endian)"),
]


class DecodeError(Exception):
    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters: the bytes before ``offset`` are UTF-8)."""
    before = data[:offset]
    line = before.count(b"\n") + 1
    col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
    return line, col


def _utf16_without_bom(data: bytes) -> str | None:
    """'UTF-16 (little-endian)' or '... (big-endian)' when NUL bytes fill every other byte
    (the ASCII characters of UTF-16 text), else None."""
    head = data[:4096]
    if len(head) < 4 or b"\x00" not in head:
        return None
    head = head[: len(head) // 2 * 2]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    for nuls, others, codec, name in (
        (odd, even, "utf-16-le", "UTF-16 (little-endian)"),
        (even, odd, "utf-16-be", "UTF-16 (big-endian)"),
    ):
        # Even Chinese-only UTF-16 text has NUL in 1 of 8 high bytes (newlines, digits).
        if nuls >= 2 and nuls * 16 >= len(head) // 2 and others * 4 <= nuls:
            try:
                head.decode(codec)
            except UnicodeDecodeError:
                continue
            return name
    return None


def decode_utf8(data: bytes, path: str) -> str:
    """UTF-8 text (a UTF-8 BOM is allowed and dropped), or DecodeError saying what it looks like."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            raise DecodeError(
                Finding(path, 1, 1, CODE_ENCODING, f"file is {name}, not UTF-8: save it as UTF-8")
            )
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    utf16 = _utf16_without_bom(data)
    if utf16:
        raise DecodeError(
            Finding(
                path,
                1,
                1,
                CODE_ENCODING,
                f"file looks like {utf16} without a BOM (every other byte is NUL), "
                "not UTF-8: save it as UTF-8",
            )
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        looks = _guess(data)
        raise DecodeError(
            Finding(
                path,
                line,
                col,
                CODE_ENCODING,
                f"file is not UTF-8 (byte 0x{data[exc.start]:02x}){looks}: save it as UTF-8",
            )
        ) from None


def _guess(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        return "; it contains NUL bytes, so it looks like UTF-16 without a BOM or a binary file"
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return "; it looks like Latin-1 or another single-byte encoding"
    if any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return "; it looks like GB18030/GBK (as saved by Chinese Windows, Excel or WPS)"
    return "; it looks like Latin-1 or another single-byte encoding"
