"""A TrueType cut of the PDF font (GB2312 and Latin), built once, used when it has every
character of the document.

fpdf2 cuts the embedded font down to the glyphs used each time it saves a PDF. From
the 8 MB Noto Sans SC (CFF outlines, 30,000 characters) that took 0.3 s per report:
reading the character table and interpreting the CFF charstrings. From a TrueType
font of the 7,500 characters of GB2312 plus Latin and punctuation it takes 0.05 s.

The cut is built by ``python -m bizenv_cli.output.report.font_cut`` (``make`` runs it;
it takes 10-20 s) into ``$BIZENV_FONT_CACHE``, else bizenv's cache folder (``cachedir``:
``$BIZENV_CACHE``, ``$XDG_CACHE_HOME/bizenv`` or ``~/.cache/bizenv``), under a name that
changes with the source font file. A report uses it only when every character it prints
is in the cut; any other character (a rare name, an extension-B character) and the full
font is embedded instead, so text is never drawn as empty boxes. Without the cut the full
font is used, as before.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from bizenv_cli.cachedir import cache_dir as shared_cache_dir

VERSION = 1  # of what the cut holds and how it is made: part of its file name
_LATIN = (0x20, 0x250)  # ASCII, Latin-1, Latin Extended-A/B
_PUNCT = ((0x2000, 0x2070), (0x3000, 0x3040), (0xFF00, 0xFFF0))


def in_cut(char: str) -> bool:
    """Whether the cut has ``char`` (when the source font has it)."""
    code = ord(char)
    if _LATIN[0] <= code < _LATIN[1] or any(lo <= code < hi for lo, hi in _PUNCT):
        return True
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def covers(texts: Iterable[str]) -> bool:
    """Whether the cut has every character of ``texts`` (line breaks aside)."""
    seen: set[str] = set()
    for text in texts:
        seen.update(text)
    seen -= {"\n", "\r", "\t"}
    return all(in_cut(c) for c in seen)


def cache_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """``$BIZENV_FONT_CACHE``, else bizenv's cache folder (``cachedir``)."""
    named = environ.get("BIZENV_FONT_CACHE")
    return Path(named) if named else shared_cache_dir(environ)


def cut_path(font: Path, folder: Path | None = None) -> Path:
    """Where the cut of ``font`` is (or would be) kept: its name follows the source file."""
    info = font.stat()
    key = f"{font.resolve()}|{info.st_size}|{info.st_mtime_ns}|{VERSION}"
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return (folder or cache_dir()) / f"{font.stem}-gb2312-{digest}.ttf"


def usable_cut(font: Path) -> Path | None:
    """The cut of ``font`` when it has been built, else None."""
    try:
        path = cut_path(font)
        return path if path.is_file() else None
    except OSError:
        return None


def build(font: Path, target: Path, chars: Iterable[int] | None = None) -> None:
    """Cut ``font`` to ``chars`` (default: every character ``in_cut``) as TrueType."""
    from fontTools import subset  # type: ignore[import-untyped]
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    from bizenv_cli.fileio import save_atomic

    if chars is None:
        chars = (c for c in range(0x20, 0x10000) if not 0xD800 <= c < 0xE000 and in_cut(chr(c)))
    tt = TTFont(str(font))
    options = subset.Options()
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "DSIG"]
    options.layout_features = []
    options.hinting = False
    options.notdef_outline = True
    options.recommended_glyphs = True
    options.name_IDs = ["*"]  # the licence and the font's names travel with it
    cutter = subset.Subsetter(options)
    cutter.populate(unicodes=set(chars))
    cutter.subset(tt)
    if "CFF " in tt:
        _to_truetype(tt)
    save_atomic(target, lambda tmp: tt.save(str(tmp)))


def _to_truetype(tt: object) -> None:
    """CFF outlines as TrueType ones (cubic curves approximated by quadratic ones)."""
    from fontTools.pens.cu2quPen import Cu2QuPen  # type: ignore[import-untyped]
    from fontTools.pens.ttGlyphPen import TTGlyphPen  # type: ignore[import-untyped]
    from fontTools.ttLib import TTFont, newTable

    assert isinstance(tt, TTFont)
    order = tt.getGlyphOrder()
    glyphs = tt.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    tt["loca"] = newTable("loca")
    tt["glyf"] = glyf
    del tt["CFF "]
    maxp = tt["maxp"]
    maxp.tableVersion = 0x00010000
    for field in (
        "maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
        "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, field, 1 if field == "maxZones" else 0)
    tt["head"].glyphDataFormat = 0
    tt["post"].formatType = 3.0
    tt.sfntVersion = "\x00\x01\x00\x00"


def main() -> int:
    """Build the cut of the PDF font (``make`` runs this); say where it is."""
    from bizenv_cli.errors import BizenvError
    from bizenv_cli.output.report.fonts import pdf_font

    try:
        font = pdf_font()
    except BizenvError as exc:
        print(f"no PDF font cut: {exc.message}", file=sys.stderr)
        return 0
    target = cut_path(font)
    if target.is_file():
        print(f"the PDF font cut is there: {target}")
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    build(font, target)
    print(f"built the PDF font cut in {time.perf_counter() - start:.1f} s: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
