"""A plan's text from a .txt (UTF-8 or GB18030), .docx or text-layer .pdf file.

Every refusal is a BizenvError (exit 3) that names the file and what to do: a missing
file, a loop of symbolic links, a FIFO or device (never opened), a file over the size
cap (checked before reading), an empty or binary file, a broken .docx or a PDF without
a text layer."""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass
from pathlib import Path

from bizenv_cli.errors import EXIT_INPUT, BizenvError
from bizenv_cli.reading.files import read_capped, require_regular
from bizenv_cli.sanitize import shown

MAX_TEXT_BYTES = 8 * 1024 * 1024  # as the plan text of a measure set
MAX_DOCX_BYTES = 32 * 1024 * 1024
MAX_PDF_BYTES = 64 * 1024 * 1024
_LIMITS = {"txt": MAX_TEXT_BYTES, "docx": MAX_DOCX_BYTES, "pdf": MAX_PDF_BYTES}
# C0 controls but tab and newline, DEL and C1: never part of a plan's words.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class PlanText:
    path: Path
    kind: str  # txt, docx, pdf
    text: str  # line ends \n; the text every quote is cut from

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def refuse(path: Path, why: str) -> BizenvError:
    return BizenvError(f"{shown(path)}: {why}", exit_code=EXIT_INPUT)


def _kind(path: Path, head: bytes) -> str:
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.lstrip().startswith(b"%PDF"):
        return "pdf"
    suffix = path.suffix.lower()
    if suffix in (".docx", ".pdf"):
        return suffix[1:]  # and then refused as not what it says
    if suffix == ".doc":
        raise refuse(path, "a Word 97-2003 .doc file: save it as .docx (or as text) first")
    return "txt"


def read_plan(path: Path) -> PlanText:
    try:
        size = require_regular(path).st_size
        with path.open("rb") as probe:
            head = probe.read(8)
        kind = _kind(path, head)
        if size > _LIMITS[kind]:
            raise refuse(
                path, f"file is {size:,} bytes; the limit for a .{kind} plan is {_LIMITS[kind]:,}"
            )
        data = read_capped(path, _LIMITS[kind])
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise refuse(path, "cannot read file: a loop of symbolic links") from None
        raise refuse(path, f"cannot read file: {exc.strerror or exc}") from None
    if len(data) > _LIMITS[kind]:
        raise refuse(path, f"file is over the {_LIMITS[kind]:,}-byte limit")
    if not data.strip():
        raise refuse(path, "the file is empty: there is no plan text to read")
    if kind == "docx":
        from bizenv_cli.extract.docx import docx_text

        text = docx_text(data, lambda why: refuse(path, why))
    elif kind == "pdf":
        from bizenv_cli.extract.pdf import pdf_text

        text = pdf_text(data, lambda why: refuse(path, why))
    else:
        text = _decode(data, path)
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n"))
    if not any(ch > "\u2e7f" for ch in text):
        raise refuse(path, "the text holds no Chinese characters: is this the plan?")
    return PlanText(path, kind, text)


def _decode(data: bytes, path: Path) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[2:].decode(codec)
            except UnicodeDecodeError:
                raise refuse(path, f"file starts like {codec} but is not") from None
    if b"\x00" in data[:65536]:
        raise refuse(
            path, "a binary file (it holds NUL bytes), not text: give a .txt, .docx or .pdf"
        )
    for codec in ("utf-8", "gb18030"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if len(_CONTROL.findall(text[:65536])) * 100 > min(len(text), 65536):
            break  # decodes, but is mostly control characters: binary
        return text
    raise refuse(path, "not text in UTF-8 or GB18030: save the plan as UTF-8 text, .docx or .pdf")
