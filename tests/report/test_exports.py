"""--html, --svg and --markdown: well-formed, the same report, written atomically."""

from __future__ import annotations

import os
import re
import stat
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rich.cells import cell_len

SVG = "{http://www.w3.org/2000/svg}"
VOID = {"meta", "br", "link", "img", "input", "hr"}


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\xa0", " "))


class StrictHTML(HTMLParser):
    """Collects the text; fails on a closing tag that does not match the open one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.text: list[str] = []
        self.title = ""

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open.pop() == tag, f"unbalanced </{tag}>"

    def handle_data(self, data):
        if self.open and self.open[-1] == "title":
            self.title += data
        elif "body" in self.open:
            self.text.append(data)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_svg_is_well_formed_and_shows_the_terminal_report(report, tmp_path, lang):
    path = tmp_path / "report.svg"
    result = report("--lang", lang, "--width", "100", "--svg", path)
    assert result.exit_code == 0, result.output
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    runs = [t for t in root.iter(f"{SVG}text") if t.get("textLength")]
    shown = "".join(t.text or "" for t in runs)
    assert squash(shown) == squash(result.stdout)  # the same characters as on the terminal
    assert "53.8%" in shown and "m43-instant-deregistration-rate" in shown
    # Chinese runs take two cells per character (rich sizes runs by characters: fixed here).
    widths = {
        round(float(t.get("textLength")) / cell_len(t.text), 3)
        for t in runs
        if cell_len(t.text or "")
    }
    assert len(widths) == 1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_html_is_well_formed_and_shows_the_terminal_report(report, tmp_path, lang):
    path = tmp_path / "report.html"
    result = report("--lang", lang, "--width", "100", "--html", path)
    assert result.exit_code == 0, result.output
    page = path.read_text(encoding="utf-8")
    parser = StrictHTML()
    parser.feed(page)
    parser.close()
    assert parser.open == []
    assert squash("".join(parser.text)) == squash(result.stdout)
    assert parser.title == (
        "营商环境实施方案进展报告" if lang == "zh" else "Business environment plan: progress report"
    )
    assert f'<html lang="{"zh-CN" if lang == "zh" else "en"}">' in page
    assert 'width:24ch">营商环境实施方案进展报告</span>' in page or lang == "en"


def test_exports_carry_colour_even_when_the_terminal_has_none(report, tmp_path):
    result = report("--lang", "zh", "--html", tmp_path / "r.html", "--svg", tmp_path / "r.svg")
    assert "\x1b[" not in result.stdout
    assert re.search(r'<span style="[^"]*color: #', (tmp_path / "r.html").read_text())
    assert "fill: #" in (tmp_path / "r.svg").read_text()


def table_rows(markdown: str, heading: str) -> list[list[str]]:
    lines = markdown.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0].splitlines()
    rows = [line for line in lines if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows[2:]]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_markdown_tables_carry_the_numbers(report, tmp_path, lang):
    path = tmp_path / "report.md"
    result = report(
        "--lang",
        lang,
        "--by",
        "chapter",
        "--by",
        "department",
        "--by",
        "overdue",
        "--by",
        "deadline",
        "--markdown",
        path,
    )
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert "| 15 | 2 | 7 | 1 | 4 | 2 | 1 | 32 |" in text
    zh = lang == "zh"
    chapters = table_rows(text, "按章节" if zh else "By chapter and section")
    bold = [r for r in chapters if r[0].startswith("**")]
    assert sum(int(r[2]) for r in bold) == 32
    for row in chapters:
        counts = [int(n) for n in row[3:]]
        assert sum(counts) == int(row[2])  # every status has a column: they add up
        assert len(row[1].strip("`")) == 20
    units = table_rows(text, "按单位:谁需要行动" if zh else "By unit: who must act")
    tax = [r for r in units if r[0].startswith("税务局" if zh else "Tax Bureau")]
    assert [r[1] for r in tax] == (["牵头", "责任"] if zh else ["lead", "responsible"])
    assert tax[0][2] == "! m43-instant-deregistration-rate, ! m43-special-policy-refund-days"
    overdue = table_rows(
        text,
        "逾期和未报送的目标(逾期最久的在前)"
        if zh
        else "Overdue and missing targets (longest overdue first)",
    )
    assert [r[0] for r in overdue] == ["43", "43", "23", "16", "16", "5", "5", "5", "6", "51", "53"]
    assert overdue[0][5:7] == ["75%", "&gt;= 80%"]  # as check --format markdown writes it


def test_markdown_escapes_text_from_the_data(report, tmp_path):
    path = tmp_path / "card.md"
    report("--lang", "zh", "--department", "税务局", "--markdown", path)
    text = path.read_text(encoding="utf-8")
    assert "\\[bold\\]出口退税由市局统一办理\\[/bold\\]" in text


def test_a_failed_write_leaves_nothing_behind(report, tmp_path, monkeypatch):
    target = tmp_path / "report.md"
    target.write_text("the previous report\n", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    result = report("--markdown", target)
    assert result.exit_code == 3
    assert "cannot write" in result.stderr and "No space left on device" in result.stderr
    assert target.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_a_missing_folder_is_an_error_not_a_traceback(report, tmp_path):
    target = tmp_path / "no-such-folder" / "report.svg"
    result = report("--svg", target)
    assert result.exit_code == 3
    assert "cannot write" in result.stderr and not target.exists()


def test_written_files_get_the_usual_permissions(report, tmp_path):
    target = tmp_path / "report.md"
    old = os.umask(0o022)
    try:
        assert report("--markdown", target).exit_code == 0
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644
    assert Path(target).read_text(encoding="utf-8").startswith("# ")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_or_device_is_written_to_not_replaced(report, tmp_path):
    """`--markdown /dev/stdout` (or a named pipe) is written to; renaming a temporary
    file over it would replace the device (as root) or fail (everyone else)."""
    import threading

    pipe = tmp_path / "report.pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    result = report("--lang", "zh", "--markdown", pipe)
    reader.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert received and received[0].decode("utf-8").startswith("# 营商环境实施方案进展报告")
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pipe"]


def test_a_symbolic_link_keeps_pointing_at_its_file(report, tmp_path):
    real = tmp_path / "shared" / "report.md"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "report.md"
    link.symlink_to(real)
    assert report("--markdown", link).exit_code == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("# ")
