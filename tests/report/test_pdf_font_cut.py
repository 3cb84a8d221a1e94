"""The TrueType cut of the PDF font: used when it has every character, else the full font."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.report.test_pdf import pages

from bizenv_cli.i18n import Messages
from bizenv_cli.output.report import font_cut
from bizenv_cli.output.report.blocks import Heading, Line
from bizenv_cli.output.report.fonts import pdf_font
from bizenv_cli.output.report.pdf import render

TEXT = "营商环境"
FOOTER = "第 1 页，共 1 页0123456789"


@pytest.fixture(scope="module")
def built_cut(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A cut of the real font with only the characters these tests print (the real cut,
    GB2312, takes seconds to build: `make` builds it once)."""
    target = tmp_path_factory.mktemp("cut") / "cut.ttf"
    chars = {ord(c) for c in TEXT + FOOTER} | set(range(0x20, 0x7F))
    font_cut.build(pdf_font({}), target, chars)
    return target.read_bytes()


@pytest.fixture
def cut_cache(built_cut: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A font cache holding that cut, under the name the real font's cut has."""
    monkeypatch.setenv("BIZENV_FONT_CACHE", str(tmp_path / "cache"))
    target = font_cut.cut_path(pdf_font({}))
    target.parent.mkdir()
    target.write_bytes(built_cut)
    return target


def _pdf(tmp_path: Path, *texts: str) -> bytes:
    blocks = [Heading(texts[0]), *(Line(t) for t in texts[1:])]
    data = render(blocks, Messages("zh"), "t", pdf_font({}))
    (tmp_path / "out.pdf").write_bytes(data)
    return data


def test_the_cut_is_embedded_when_it_has_every_character(cut_cache, tmp_path):
    data = _pdf(tmp_path, TEXT, "abc 123")
    assert b"/FontFile2" in data and b"/FontFile3" not in data  # TrueType: the cut
    assert TEXT in pages(tmp_path / "out.pdf")[0]


def test_a_character_outside_the_cut_embeds_the_full_font(cut_cache, tmp_path):
    rare = "䶮"  # CJK Extension A: not in GB2312
    assert not font_cut.in_cut(rare)
    data = _pdf(tmp_path, TEXT, f"名称:{rare}")
    assert b"/FontFile3" in data and b"/FontFile2" not in data  # the full font (CFF)
    assert rare in pages(tmp_path / "out.pdf")[0]


def test_without_a_cut_the_full_font_is_embedded(tmp_path, monkeypatch):
    monkeypatch.setenv("BIZENV_FONT_CACHE", str(tmp_path / "empty"))
    data = _pdf(tmp_path, TEXT)
    assert b"/FontFile3" in data


def test_what_the_cut_holds():
    assert all(font_cut.in_cut(c) for c in "营商环境优化办经发局abcÉ,。“”…（）０")
    assert font_cut.covers(["督办通知：经发局", "第 3 页"])
    assert not font_cut.covers(["𠮷野家"])  # Extension B


def test_a_damaged_cut_is_passed_over(cut_cache, tmp_path):
    cut_cache.write_bytes(cut_cache.read_bytes()[:500])  # cut short
    data = _pdf(tmp_path, TEXT)
    assert b"/FontFile3" in data
    assert TEXT in pages(tmp_path / "out.pdf")[0]
