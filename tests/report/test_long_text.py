"""Long text on paper, and the exports of one run written all or none."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.report.conftest import AS_OF, MEASURES, QUARTER, WAIVERS
from tests.report.test_pdf import pages

LONG = 19_000


@pytest.fixture
def long_name(tmp_path: Path) -> Path:
    """The fixture's measure set with a 19,000-character name for 经发局 (its old name an alias,
    so the measures still resolve): the unit acts, so the name is in tables and a heading."""
    measures = tmp_path / "m"
    shutil.copytree(MEASURES, measures)
    path = measures / "departments.yaml"
    text = path.read_text(encoding="utf-8")
    old = "    name: 经发局\n    en: Economic Development Bureau\n    aliases: [区经发局]\n"
    assert old in text
    new = (
        f"    name: 经发局{'长' * LONG}\n    en: Economic Development Bureau\n"
        "    aliases: [区经发局, 经发局]\n"
    )
    path.write_text(text.replace(old, new), encoding="utf-8")
    return measures


def _report(run, measures: Path, *args: str | Path):
    base = ("report", QUARTER, "--measures", measures, "--as-of", AS_OF.isoformat())
    return run(*base, "--waivers", WAIVERS, "--lang", "zh", *args)


def test_a_very_long_unit_name_is_cut_with_a_mark(run, long_name, tmp_path):
    pdf, html = tmp_path / "r.pdf", tmp_path / "r.html"
    result = _report(run, long_name, "--pdf", pdf, "--html", html)
    assert result.exit_code == 0, result.stderr
    texts = pages(pdf)
    assert len(texts) < 40  # cut, not 19,000 characters of pages
    notice = next(t for t in texts if t.startswith("督办通知：经发局长长"))
    title = notice.split("截至日期")[0]
    assert "…" in title and title.count("长") < 400
    tables = [t for t in texts if "长长长长长" in t and not t.startswith("督办通知")]
    assert tables and all("…" in t for t in tables)  # every cell that holds it is cut
    assert "长" * 100 in html.read_text(encoding="utf-8")  # the HTML wraps, in full


def test_long_words_break_inside_a_narrow_cell():
    from bizenv_cli.output.report.pdf_wrap import wrap

    def width(text: str) -> float:
        return float(len(text))  # one mm per character

    assert wrap("营商环境 abc defgh", 6, width) == ["营商环境", "abc", "defgh"]
    assert wrap("m16-social-investment-days", 10, width) == [
        "m16-social",
        "-investmen",
        "t-days",
    ]
    assert wrap("营" * 30, 10, width, max_lines=2) == ["营" * 10, "营" * 9 + "…"]
    assert wrap("a\nb", 10, width) == ["a", "b"]
    assert wrap("", 10, width) == [""]


def test_no_export_is_written_when_another_fails(report, tmp_path, monkeypatch):
    """The PDF fails to render (a bug, exit 4): the HTML and Markdown of the same run are not
    written either, and nothing is left behind."""
    from bizenv_cli.output.report import pdf

    def broken(*args: object) -> bytes:
        raise ValueError("the layout failed")

    monkeypatch.setattr(pdf, "render", broken)
    html, markdown = tmp_path / "r.html", tmp_path / "r.md"
    markdown.write_text("the previous report\n", encoding="utf-8")
    result = report("--html", html, "--markdown", markdown, "--pdf", tmp_path / "r.pdf")
    assert result.exit_code == 4
    assert "已写入" not in result.stderr and "written" not in result.stderr
    assert markdown.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md"]


def test_one_export_that_cannot_be_written_stops_them_all(report, tmp_path):
    html, markdown = tmp_path / "r.html", tmp_path / "r.md"
    markdown.write_text("the previous report\n", encoding="utf-8")
    missing = tmp_path / "no-such-folder" / "r.svg"
    result = report("--html", html, "--markdown", markdown, "--svg", missing)
    assert result.exit_code == 3
    assert "cannot write" in result.stderr
    assert markdown.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md"]


def test_every_export_is_written_and_named(report, tmp_path):
    files = [tmp_path / name for name in ("r.html", "r.md", "r.svg")]
    result = report("--html", files[0], "--markdown", files[1], "--svg", files[2])
    assert result.exit_code == 0, result.stderr
    assert all(f.stat().st_size > 0 for f in files)
    assert all(f.name in result.stderr for f in files)
