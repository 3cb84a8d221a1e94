"""The text layer of a PDF, with pypdfium2 (the optional extra ``bizenv[pdf-text]``)."""

from __future__ import annotations

from collections.abc import Callable

from bizenv_cli.errors import BizenvError

MAX_PAGES = 2000


def pdf_text(data: bytes, refuse: Callable[[str], BizenvError]) -> str:
    try:
        import pypdfium2  # type: ignore[import-untyped]
    except ImportError:
        raise refuse(
            "reading a PDF needs pypdfium2: pip install 'bizenv[pdf-text]' "
            "(or save the plan as .txt or .docx)"
        ) from None
    try:
        document = pypdfium2.PdfDocument(data)
    except Exception as exc:  # pypdfium2 raises its own PdfiumError and others
        raise refuse(f"not a readable PDF ({type(exc).__name__}: {exc})") from None
    try:
        if len(document) > MAX_PAGES:
            raise refuse(f"the PDF has {len(document):,} pages; the limit is {MAX_PAGES:,}")
        pages: list[str] = []
        for index in range(len(document)):
            page = document[index]
            try:
                textpage = page.get_textpage()
                pages.append(textpage.get_text_range())
                textpage.close()
            finally:
                page.close()
    except BizenvError:
        raise
    except Exception as exc:
        raise refuse(f"cannot read the PDF's text ({type(exc).__name__}: {exc})") from None
    finally:
        document.close()
    text = "\n".join(pages)
    if sum(not ch.isspace() for ch in text) < 20:
        raise refuse(
            "the PDF has no text layer (a scanned image?): run it through OCR, or give the "
            "plan as .txt or .docx"
        )
    return text
