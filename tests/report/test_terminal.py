"""The terminal report as users see it: 80 and 160 columns, zh and en, no colour when piped."""

from __future__ import annotations

import re
import unicodedata

import pytest
from rich.cells import cell_len
from tests.conftest import zh_title
from tests.report.conftest import MEASURES

from bizenv_cli.output.report.bars import bar_width

ALL_VIEWS = ("--by", "chapter", "--by", "department", "--by", "overdue", "--by", "deadline")


def section(out: str, heading: str) -> list[str]:
    """The lines of one view, from its heading to the next blank line."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == heading)
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].strip()), len(lines))
    return lines[start + 1 : end]


def bar_rows(lines: list[str]) -> list[tuple[str, int, list[int]]]:
    """(bar, total, counts) of every table row that holds a bar."""
    rows = []
    for line in lines:
        match = re.search(r"  ([#~!x?.\-]+)\s+(\d+)((?:\s+\d+){5})\s*$", line)
        if match:
            rows.append(
                (match.group(1), int(match.group(2)), [int(n) for n in match.group(3).split()])
            )
    return rows


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [80, 160])
def test_fits_the_width_without_colour_or_ambiguous_characters(report, lang, width):
    result = report("--lang", lang, "--width", str(width), *ALL_VIEWS)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "\x1b[" not in out  # NO_COLOR and piped: plain text
    for line in out.splitlines():
        assert cell_len(line) <= width, line
    drawn = {c for c in out if 0x2500 <= ord(c) <= 0x259F}  # box drawing, block elements
    assert not drawn
    labels = [c for c in out if unicodedata.east_asian_width(c) == "A" and c not in "“”"]
    assert not labels  # the curly quotes come from the plan's own text


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "zh",
            [
                "营商环境实施方案进展报告",
                "截至日期",
                "2021年8月10日",
                "32 项（措施 10 条）",
                "53.8%（到期 26 项中达标 14 项）",
                "提前达标 1 项",
            ],
        ),
        (
            "en",
            [
                "Business environment plan: progress report",
                "As of",
                "32 (10 measures)",
                "53.8% (14 of 26 due targets)",
                "1 met ahead of the deadline",
            ],
        ),
    ],
)
@pytest.mark.parametrize("width", [80, 160])
def test_header_numbers(report, lang, words, width):
    out = report("--lang", lang, "--width", str(width)).stdout
    flat = re.sub(r"\s+", " ", out)
    for word in words:
        assert word in flat
    status_line = next(
        i for i, line in enumerate(out.splitlines()) if "达标" in line or "met" in line
    )
    numbers = out.splitlines()[status_line + 1].split()
    assert numbers == ["15", "2", "7", "1", "4", "2", "1", "32"]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [40, 60, 70])
def test_header_counts_wrap_on_narrow_terminals(report, lang, width):
    """Below 80 columns the status names and counts go on more rows, never cut to '…'."""
    out = report("--lang", lang, "--width", str(width), "--by", "chapter").stdout
    header = out.split("\n\n")[0]
    assert "…" not in header
    names = (
        ["达标", "有风险", "逾期", "未达标", "未报送", "未到期", "已豁免", "合计"]
        if lang == "zh"
        else ["met", "at risk", "overdue", "not met", "missing", "pending", "waived", "Total"]
    )
    lines = header.splitlines()
    pairs = [
        (names_line, lines[i + 1])
        for i, names_line in enumerate(lines[:-1])
        if any(name in names_line for name in names) and re.fullmatch(r"[\s\d]+", lines[i + 1])
    ]
    shown = " ".join(n for n, _ in pairs)
    numbers = [int(n) for _, line in pairs for n in line.split()]
    assert all(name in shown for name in names)
    assert numbers == [15, 2, 7, 1, 4, 2, 1, 32]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [80, 160])
def test_chapter_bars_add_up(report, lang, width):
    out = report("--lang", lang, "--width", str(width), "--by", "chapter").stdout
    heading = "按章节" if lang == "zh" else "By chapter and section"
    rows = bar_rows(section(out, heading))
    assert len(rows) == 5 + 7  # five chapters, seven sections
    for bar, total, counts in rows:
        assert len(bar) == bar_width(width)
        assert sum(counts) <= total
        assert bar.count("#") >= 1 if counts[0] else "#" not in bar
        assert ("!" in bar) == (counts[2] > 0) and ("?" in bar) == (counts[4] > 0)
    chapters = [rows[0], rows[2], rows[4], rows[7], rows[9]]
    assert sum(total for _, total, _ in chapters) == 32
    assert [sum(c[i] for _, _, c in chapters) for i in range(5)] == [15, 2, 7, 1, 4]


def test_chapter_titles_as_the_plan_numbers_them(report):
    zh = report("--lang", "zh", "--width", "160", "--by", "chapter").stdout
    assert "一、切实加强项目要素保障" in zh and "（二十七）完善督办整改机制" in zh
    en = report("--lang", "en", "--width", "160", "--by", "chapter").stdout
    assert "1. Secure the production factors projects need 切实加强项目要素保障" in en


@pytest.mark.parametrize("width", [80, 160])
def test_who_must_act(report, width):
    out = report("--lang", "zh", "--width", str(width), "--by", "department").stdout
    lines = section(out, "按单位：谁需要行动")
    units = [
        line.split()[0]
        for line in lines
        if line and not line.startswith(" ") and "-" * 10 not in line
    ]
    assert units[1:4] == ["经发局", "区供电公司", "税务局"]  # [0] is the header row
    start = next(i for i, line in enumerate(lines) if line.startswith("税务局"))
    block = " ".join(lines[start : start + 4])
    assert re.search(r"税务局\s+3\s+0\s+0", block)
    # each target by its title, its status in words on the same line (no ! or ? markers)
    assert re.search(r"牵头\s+2\s+0\s+0\s+注销即办比例（逾期）", block)
    assert "特殊政策性退税办结（逾期）" in block and "!" not in block
    assert re.search(r"责任\s+1\s+0\s+0\s+公章刻制", block)
    assert "另有 3 个单位没有逾期、未达标或未报送的目标。" in out


@pytest.mark.parametrize(
    ("lang", "heading", "reported", "required"),
    [
        ("zh", "逾期和未报送的目标（逾期最久的在前）", "75%", "不低于80%"),
        ("en", "Overdue and missing targets (longest overdue first)", "75%", ">= 80%"),
    ],
)
@pytest.mark.parametrize("width", [80, 160])
def test_overdue_list_longest_first_with_reported_and_required(
    report, lang, heading, reported, required, width
):
    out = report("--lang", lang, "--width", str(width)).stdout
    lines = section(out, heading)
    longest = [
        "m43-instant-deregistration-rate",  # 344 days
        "m43-special-policy-refund-days",  # 344 days
        "m23-seal-invoice-social-security-days",  # 132 days
    ]
    if lang == "en":
        assert re.findall(r"\b(m\d\d-[a-z0-9-]+)", "\n".join(lines))[:3] == longest
    else:  # by title (a title may wrap in its cell: its first words)
        flat = "\n".join(lines)
        at = [flat.index(zh_title(t, MEASURES)[:4]) for t in longest]
        assert at == sorted(at) and not re.search(r"m\d\d-", flat)
    first = " ".join(lines[2:5])
    assert reported in first and required in first
    if width == 160:
        assert ("逾期 344 天" if lang == "zh" else "344 days overdue") in lines[3]
    measures = [int(line.split()[0]) for line in lines[2:] if re.match(r"\s*\d+\s+\S", line)]
    assert measures == [43, 43, 23, 16, 16, 5, 5, 5, 6, 51, 53]


def test_change_target_shows_the_change(report):
    out = report("--lang", "en", "--width", "160", "--department", "power-supply-company").stdout
    assert "8.2 h, -22.6 % vs baseline" in out
    assert "cut >= 20 %, <= 8.5 h" in out


def test_deadline_views(report):
    out = report("--lang", "zh", "--width", "80", "--by", "deadline").stdout
    soon = "".join(section(out, "30 天内到期的目标")).replace(" ", "")
    assert zh_title("m33-clinical-center-phase-one", MEASURES) in soon
    assert "剩 21 天" in out
    rows = bar_rows(section(out, "今后各月到期的目标"))
    assert [(total, counts) for _, total, counts in rows] == [
        (1, [0, 1, 0, 0, 0]),
        (4, [1, 1, 0, 0, 0]),
    ]
    assert "2021年8月" in out and "2021年12月" in out
    wider = report(
        "--lang", "zh", "--width", "80", "--by", "deadline", "--due-within", "150"
    ).stdout
    assert "150 天内到期的目标" in wider
    assert zh_title("m33-clinics-renovated", MEASURES) in wider.replace(" ", "").replace("\n", "")


def test_default_views(report):
    out = report("--lang", "en").stdout
    for heading in (
        "By chapter and section",
        "By unit: who must act",
        "Overdue and missing targets",
    ):
        assert heading in out
    assert "Deadlines ahead" not in out


def test_untrusted_text_is_shown_as_written(report):
    out = report("--lang", "zh", "--width", "160", "--department", "税务局").stdout
    # The waiver's reason, on the report card, wraps but keeps its brackets: not markup.
    assert "[bold]出口退税由市" in out and "[/bold]" in out


def test_control_characters_are_made_visible():
    from bizenv_cli.output.report.style import safe

    text = safe("\x1b[31mred\x07 [link=http://x]y[/link]")
    assert text.plain == "\\x1b[31mred\\x07 [link=http://x]y[/link]"
    assert not text.spans


def test_colour_on_a_terminal(fixture_report):
    """Styled renderables: colour where the terminal has it, the same characters either way."""
    import io

    from rich.console import Console

    from bizenv_cli.i18n import Messages
    from bizenv_cli.output.report.page import print_report, renderables
    from bizenv_cli.output.report.views import build_report

    measure_set, result = fixture_report
    depts = measure_set.departments.departments
    data = build_report(result, measure_set.plan, depts)
    parts = renderables(data, ("chapter", "department", "overdue"), Messages("zh"), depts, 100)
    outputs = []
    for colour in (True, False):
        console = Console(
            file=io.StringIO(),
            width=100,
            force_terminal=colour,
            no_color=False,
            color_system="standard" if colour else None,
        )
        print_report(console, parts)
        outputs.append(console.file.getvalue())
    coloured, plain = outputs
    assert "\x1b[31m" in coloured or "\x1b[1;31m" in coloured  # overdue in red
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain
