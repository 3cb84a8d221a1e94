"""Input `bizenv extract` cannot use: a clear message and exit 3, never a traceback; and
-o never overwrites the plan or a folder that is not a draft."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
EXCERPT = DATA / "labels_fullwidth.txt"


def _refused(run, path: Path, words: str) -> None:  # type: ignore[no-untyped-def]
    result = run("extract", path)
    assert result.exit_code == 3, result.output
    assert words in result.output
    assert "Traceback" not in result.output and "internal error" not in result.output


def test_missing_empty_binary(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _refused(run, tmp_path / "nope.txt", "cannot read file")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    _refused(run, empty, "empty")
    binary = tmp_path / "plan.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    _refused(run, binary, "binary")
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"plain ascii text, no plan here\n" * 3)
    _refused(run, latin, "no Chinese characters")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_refused_unopened(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fifo = tmp_path / "plan.txt"
    os.mkfifo(fifo)
    _refused(run, fifo, "not a regular file (a FIFO)")


def test_huge_file_refused_before_reading(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    huge = tmp_path / "plan.txt"
    with huge.open("wb") as stream:
        stream.truncate(2 * 1024**3)  # sparse: 2 GB on paper, nothing on disk
    _refused(run, huge, "the limit for a .txt plan is")


def test_symlink_loop(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    loop = tmp_path / "a.txt"
    loop.symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(loop)
    _refused(run, loop, "loop of symbolic links")


def _docx(document: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _paragraphs(lines: list[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    return f'<?xml version="1.0"?><w:document {_W}><w:body>{body}</w:body></w:document>'.encode()


def test_docx_is_read(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "plan.docx"
    plan.write_bytes(_docx(_paragraphs(EXCERPT.read_text(encoding="utf-8").splitlines())))
    result = run("extract", plan, "--format", "json")
    assert result.exit_code == 0, result.output
    assert '"number": 4' in result.stdout


def test_docx_bombs_and_damage(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import bizenv_cli.extract.docx as docx

    monkeypatch.setattr(docx, "MAX_XML_BYTES", 10_000)
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(_docx(b"<a>" + b" " * 100_000 + b"</a>"))
    _refused(run, bomb, "zip bomb")
    entities = tmp_path / "entities.docx"
    entities.write_bytes(_docx(b'<!DOCTYPE a [<!ENTITY x "xx">]><a>&x;</a>'))
    _refused(run, entities, "DTD or entities")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    _refused(run, broken, "damaged zip")
    doc = tmp_path / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    _refused(run, doc, ".docx")


def test_pdf_without_text_layer(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50)  # a drawing, as a scan would be an image: no text
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    _refused(run, path, "no text layer")
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"%PDF-1.4 this is not a pdf")
    _refused(run, fake, "not a readable PDF")


def test_pdf_text_layer_is_read(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fpdf = pytest.importorskip("fpdf")
    pytest.importorskip("pypdfium2")
    from bizenv_cli.output.report.fonts import pdf_font

    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.add_font("zh", fname=str(pdf_font()))
    pdf.set_font("zh", size=9)
    for line in DATA.joinpath("pdf_breaks.txt").read_text(encoding="utf-8").splitlines():
        pdf.cell(text=line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "plan.pdf"
    pdf.output(str(path))
    result = run("extract", path, "--format", "json")
    assert result.exit_code == 0, result.output
    want = json.loads(DATA.joinpath("pdf_breaks.expect.json").read_text(encoding="utf-8"))
    got = json.loads(result.stdout)["measures"]
    assert [["".join(n.split()) for n in m["responsible"]] for m in got] == [
        m["responsible"] for m in want["measures"]
    ]
    assert [m["deadline"] for m in got] == [m["deadline"] for m in want["measures"]]


def test_output_folder_rules(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "draft"
    assert run("extract", EXCERPT, "-o", out).exit_code == 0
    again = run("extract", EXCERPT, "-o", out)
    assert again.exit_code == 3 and "--force" in again.output
    assert run("extract", EXCERPT, "-o", out, "--force").exit_code == 0
    other = tmp_path / "notes"
    other.mkdir()
    (other / "mine.txt").write_text("keep me", encoding="utf-8")
    refused = run("extract", EXCERPT, "-o", other, "--force")
    assert refused.exit_code == 3 and "never replaced" in refused.output
    assert (other / "mine.txt").read_text(encoding="utf-8") == "keep me"
    plan = tmp_path / "plan.txt"
    plan.write_bytes(EXCERPT.read_bytes())
    onto = run("extract", plan, "-o", plan)
    assert onto.exit_code == 3 and plan.read_bytes() == EXCERPT.read_bytes()
    inside = out / "source" / "plan.txt"
    own = run("extract", inside, "-o", out, "--force")
    assert own.exit_code == 3 and "holds the plan being read" in own.output
    assert not list(tmp_path.glob(".draft.*"))  # no staging folder left behind
