"""The text of a .docx: paragraphs one per line, table rows as tab-separated cells.

Read with zipfile and ElementTree (no new dependency), guarded: the declared size of
every part is checked and the part is read under a cap (a zip bomb stops at the cap),
and a document with a DTD or entity (an XML bomb) is refused."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable
from xml.etree import ElementTree

from bizenv_cli.errors import BizenvError

MAX_XML_BYTES = 64 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PART = "word/document.xml"


def docx_text(data: bytes, refuse: Callable[[str], BizenvError]) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            try:
                info = archive.getinfo(_PART)
            except KeyError:
                raise refuse(f"not a Word .docx file (no {_PART} inside)") from None
            if info.file_size > MAX_XML_BYTES:
                raise refuse(
                    f"{_PART} unpacks to {info.file_size:,} bytes; the limit is "
                    f"{MAX_XML_BYTES:,} (a zip bomb?)"
                )
            with archive.open(info) as part:
                xml = part.read(MAX_XML_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise refuse(f"not a readable .docx (a damaged zip file: {exc})") from None
    if len(xml) > MAX_XML_BYTES:
        raise refuse(f"{_PART} unpacks to more than {MAX_XML_BYTES:,} bytes (a zip bomb?)")
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise refuse(f"{_PART} declares a DTD or entities: refused (an XML bomb?)")
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise refuse(f"{_PART} is not well-formed XML ({exc})") from None
    body = root.find(f"{_W}body")
    if body is None:
        raise refuse(f"{_PART} has no body")
    lines: list[str] = []
    for child in body:
        if child.tag == f"{_W}p":
            lines.append(_paragraph(child))
        elif child.tag == f"{_W}tbl":
            for row in child.iter(f"{_W}tr"):
                cells = ["".join(_paragraph(p) for p in cell.iter(f"{_W}p"))
                         for cell in row.iter(f"{_W}tc")]  # fmt: skip
                lines.append("\t".join(cells))
    return "\n".join(lines)


def _paragraph(paragraph: ElementTree.Element) -> str:
    parts: list[str] = []
    for node in paragraph.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return "".join(parts)
