"""Under --lang zh people read targets by their short titles: no target id (slug) in any
human-facing output of the example quarter; ids stay in JSON and come back with -v."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
from tests.conftest import zh_title

SLUG = re.compile(r"m\d\d-[a-z0-9-]+")
QUARTER = ("examples/2021-Q2", "--waivers", "examples/waivers.yaml", "--as-of", "2021-06-30")
VIEWS = ("chapter", "department", "overdue", "deadline", "returns")


def _outputs(run: Callable[..., Any], out: Path) -> dict[str, str]:
    """Every human-facing output of the example quarter under --lang zh, as text."""
    import pypdfium2 as pdfium

    texts: dict[str, str] = {}
    table = run("check", *QUARTER, "--lang", "zh")
    assert table.exit_code == 1, table.output
    texts["check table"] = table.stdout
    run("check", *QUARTER, "--lang", "zh", "--format", "markdown", "-o", out / "c.md")
    texts["check markdown"] = (out / "c.md").read_text(encoding="utf-8")
    run("check", *QUARTER, "--lang", "zh", "--format", "xlsx", "-o", out / "c.xlsx")
    book = openpyxl.load_workbook(out / "c.xlsx")
    cells = (c.value for ws in book for row in ws.iter_rows() for c in row)
    texts["check xlsx"] = "\n".join(str(v) for v in cells if v is not None)
    views = [a for v in VIEWS for a in ("--by", v)]
    exports = ("--html", out / "r.html", "--markdown", out / "r.md", "--pdf", out / "r.pdf")
    report = run("report", *QUARTER, "--lang", "zh", "--width", "100", *views, *exports)
    assert report.exit_code == 0, report.output
    texts["report terminal"] = report.stdout
    texts["report html"] = (out / "r.html").read_text(encoding="utf-8")
    texts["report markdown"] = (out / "r.md").read_text(encoding="utf-8")
    doc = pdfium.PdfDocument(out / "r.pdf")
    try:
        texts["report pdf"] = "\n".join(
            doc[i].get_textpage().get_text_range() for i in range(len(doc))
        )
    finally:
        doc.close()
    return texts


def test_no_target_id_in_any_chinese_output(run: Callable[..., Any], tmp_path: Path) -> None:
    outputs = _outputs(run, tmp_path)  # one run of each: the PDF takes a second
    assert len(outputs) == 7
    for name, text in outputs.items():
        assert not SLUG.findall(text), name
        # named by its title: an overdue target, listed by every output (its first words:
        # a title may wrap in a terminal cell)
        assert zh_title("m04-external-line-works-sanan-rongbai")[:6] in text, name


def test_the_id_comes_back_with_v(run: Callable[..., Any]) -> None:
    check = run("check", *QUARTER, "--lang", "zh", "-v", "--format", "markdown")
    assert "高压用户平均办电时间（m05-high-voltage-connection-days）" in check.stdout
    report = run("report", *QUARTER, "--lang", "zh", "-v", "--width", "200", "--by", "overdue")
    assert report.exit_code == 0, report.output
    assert SLUG.search(report.stdout)


def test_english_and_machines_keep_the_ids(run: Callable[..., Any], tmp_path: Path) -> None:
    english = run("check", *QUARTER, "--lang", "en", "--format", "markdown")
    assert "`m05-high-voltage-connection-days`" in english.stdout
    data = json.loads(run("check", *QUARTER, "--lang", "zh", "--format", "json").stdout)
    assert "m05-high-voltage-connection-days" in {r["target"] for r in data["results"]}
