"""Any terminal: at 60, 80 and 120 columns `check`, `list` and `show` keep every target's
requirement, status, deadline and lead unit, and never split a target id."""

from __future__ import annotations

import json
import re

import pytest
from tests.conftest import MEASURES

WIDTHS = ["60", "80", "120"]
CHECK = ["examples/2021-Q2", "--waivers", "examples/waivers.yaml", "--as-of", "2021-06-30"]


def _names() -> dict[str, str]:
    from bizenv_cli.listing import unit_names
    from bizenv_cli.validation.pipeline import load_usable

    return unit_names(load_usable(MEASURES))


def _units(row: dict[str, object], names: dict[str, str]) -> str:
    lead, responsible = row["lead"], row["responsible"]
    assert isinstance(lead, list) and isinstance(responsible, list)
    if lead:
        return "、".join(names.get(i, i) for i in lead)
    return "(" + "、".join(names.get(i, i) for i in responsible) + ")" if responsible else ""


def _flat(text: str) -> str:
    """The text without any whitespace: wrapping moves words, it must not lose them."""
    return re.sub(r"\s+", "", text)


def _rows(out: str) -> list[str]:
    """Each target row's text, whitespace removed: the cells of a table row (over all its
    lines, column by column) or the lines of a block (head line and the indented ones)."""
    lines = out.splitlines()
    rule = next((i for i, ln in enumerate(lines) if re.match(r"^-+\+", ln)), None)
    rows: list[list[str]] = []
    if rule is not None:  # a table: a row starts where its first column is filled
        for line in lines[rule + 1 :]:
            cells = [c.strip() for c in line.split("|")]
            if len(cells) < 3:
                break
            if cells[0] or not rows:
                rows.append([""] * len(cells))
            for i, cell in enumerate(cells):
                rows[-1][i] += cell
        return ["|".join(_flat(c) for c in row) for row in rows]
    blocks: list[str] = []
    for line in lines:
        if line.startswith("    ") and blocks:
            blocks[-1] += line
        else:
            blocks.append(line)
    return [_flat(b) for b in blocks]


def _row_of(rows: list[str], target: str) -> str:
    found = [r for r in rows if target in r]
    assert found, f"no row for {target}"
    return found[0]


def _ids_whole(out: str, ids: list[str]) -> None:
    lines = out.splitlines()
    for target in ids:
        assert any(re.search(rf"(?<![\w-]){re.escape(target)}(?![\w-])", ln) for ln in lines), (
            f"{target} is split or missing"
        )


@pytest.mark.parametrize("width", WIDTHS)
def test_check_table_keeps_every_cell(run, monkeypatch, width) -> None:
    rows = json.loads(run("check", *CHECK, "--format", "json").stdout)["results"]
    monkeypatch.setenv("COLUMNS", width)
    result = run("check", *CHECK)
    assert result.exit_code in (0, 1), result.output
    out = result.stdout
    assert max(len(line.rstrip()) for line in out.splitlines()) <= int(width)
    shown, names = _rows(out), _names()
    for row in rows:
        mine = _row_of(shown, row["target"])
        cells = (row["explanation"], row["status"], row["due"] or row["deadline"]["text"])
        for cell in (*cells, _units(row, names)):
            assert _flat(cell) in mine, (width, row["target"], cell)
    _ids_whole(out, [row["target"] for row in rows])


@pytest.mark.parametrize("width", WIDTHS)
def test_list_keeps_every_cell(run, monkeypatch, width) -> None:
    rows = json.loads(run("list", "--format", "json").stdout)["targets"]
    monkeypatch.setenv("COLUMNS", width)
    out = run("list").stdout
    assert max(len(line.rstrip()) for line in out.splitlines()) <= int(width)
    shown, names = _rows(out), _names()
    for row in rows:
        mine = _row_of(shown, row["target_id"])
        deadline = row["due"] or row["deadline"]["text"]
        for cell in (row["what"]["zh"], deadline, _units(row, names)):
            assert _flat(cell) in mine, (width, row["target_id"], cell)
    _ids_whole(out, [row["target_id"] for row in rows])


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("number", ["5", "20", "43"])
def test_show_keeps_every_target(run, monkeypatch, width, number) -> None:
    view = json.loads(run("show", number, "--format", "json").stdout)
    monkeypatch.setenv("COLUMNS", width)
    out = run("show", number).stdout
    flat = _flat(out)
    for row in view["targets"]:
        due = row["due"] or row["deadline"]["due"] or row["deadline"]["text"]
        assert _flat(due) in flat
        assert row["kind"] in out
    for name in view["measure"]["lead_names"] + view["measure"]["responsible_names"]:
        assert name in flat
    _ids_whole(out, [row["target_id"] for row in view["targets"]])


def test_show_drops_the_pdf_spaces_inside_chinese_words_only(run) -> None:
    out = run("show", "20").stdout
    assert "市政接入标准" in out and "市政接 入" not in out
    assert "自然资源和规划分局;完成时限" in out  # 规 划 in the file
    view = json.loads(run("show", "20", "--format", "json").stdout)
    assert "市政接 入" in view["measure"]["source"]  # the stored source stays verbatim
    out43 = run("show", "43").stdout
    assert "力争 10 日内办结" in out43  # beside digits, the spaces stay
    assert "80% 以上" in out43
