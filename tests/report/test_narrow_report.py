"""`report` at 80 columns: a chapter, section or unit name that wraps is indented after
its first line, so no continuation reads as a name of its own."""

from __future__ import annotations

import re

import pytest

ARGS = ["report", "examples/2021-Q2", "--as-of", "2021-06-30", "--width", "80"]


def _section(out: str, start: str, end: str) -> list[str]:
    lines = out.splitlines()
    first = next(i for i, ln in enumerate(lines) if ln.startswith(start))
    last = next(i for i, ln in enumerate(lines[first:], first) if ln.startswith(end))
    return [ln for ln in lines[first + 3 : last] if ln.strip() and not ln.startswith("---")]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_wrapped_chapter_and_section_names_are_indented(run, lang) -> None:
    out = run(*ARGS, "--lang", lang, "--by", "chapter").stdout
    heading = "By chapter" if lang == "en" else "按章节"
    rows = _section(out, heading, "Legend" if lang == "en" else "图例")
    for line in rows:
        is_chapter = re.match(r"^(\d+\. |[一二三四五六]、)", line)
        is_section = re.match(r"^  [(（]", line)
        assert is_chapter or is_section or line.startswith("  "), line
    # a section's continuation is further in than the section itself
    wrapped = [ln for ln in rows if re.match(r"^   ", ln)]
    assert wrapped and all(ln.startswith("    ") for ln in wrapped if "(" not in ln[:4])


def test_wrapped_unit_names_are_indented(run) -> None:
    out = run(*ARGS, "--lang", "en", "--by", "department").stdout
    lines = out.splitlines()
    at = next(i for i, ln in enumerate(lines) if ln.startswith("Economic"))
    name = lines[at : next(i for i in range(at + 1, len(lines)) if "经发局" in lines[i]) + 1]
    assert len(name) > 1 and all(ln.startswith("  ") for ln in name[1:]), name
