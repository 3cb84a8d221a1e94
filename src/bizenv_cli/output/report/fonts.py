"""The CJK font that `report --pdf` embeds: Noto Sans SC, from the ``pdf`` extra.

A PDF must carry its fonts: a viewer cannot be trusted to have a Chinese one
(poppler without poppler-data, a phone, a print shop's RIP). The font comes
from PyPI (``pylopdf-fonts-zh-cn``: Noto Sans SC Regular, SIL OFL 1.1), so a
fresh machine with only Python and pip can print; ``BIZENV_PDF_FONT`` names
another TTF/OTF file instead (a font the office already has). Only the glyphs
a report uses are embedded (fpdf2 subsets the font), so a pack stays small.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from bizenv_cli.errors import EXIT_INPUT, BizenvError

ENV = "BIZENV_PDF_FONT"
INSTALL = "pip install 'bizenv[pdf]'"


def pdf_font(environ: Mapping[str, str] = os.environ) -> Path:
    """The font file for the PDF; a BizenvError (exit 3) saying how to get one."""
    from bizenv_cli.sanitize import shown

    try:
        import fpdf  # noqa: F401
    except ImportError:
        raise _missing() from None
    named = environ.get(ENV)
    if named:
        path = Path(named)
        if not path.is_file():
            raise BizenvError(f"{ENV}={shown(named)}: no such font file", exit_code=EXIT_INPUT)
        return path
    try:
        import pylopdf_fonts_zh_cn
    except ImportError:
        raise _missing() from None
    return pylopdf_fonts_zh_cn.sans_path()


def _missing() -> BizenvError:
    return BizenvError(
        f"--pdf needs the PDF extra (fpdf2 and the Noto Sans SC font): {INSTALL}",
        exit_code=EXIT_INPUT,
    )
