"""Target titles (R018 and the schema's limits), as `bizenv validate` reports them.

The data cases R018-title-not-in-quote and S001-title hold the refusals; here: what
passes, acknowledging a reviewed paraphrase, and every shipped title."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from tests.conftest import MEASURES

BASE = Path(__file__).resolve().parent.parent / "data" / "validate" / "base"
M05 = "05-power-connection-time.yaml"
FIRST_TITLE = "      zh: 高压用户平均办电时间\n"


def _with_title(tmp_path: Path, zh: str, *, acknowledge: bool = False) -> Path:
    root = tmp_path / "set"
    shutil.copytree(BASE, root, ignore=shutil.ignore_patterns("README.md"))
    path = root / M05
    text = path.read_text(encoding="utf-8")
    assert FIRST_TITLE in text
    text = text.replace(FIRST_TITLE, f"      zh: {zh}\n", 1)
    if acknowledge:
        ack = "acknowledged:\n  - code: R018\n    reason: reviewed wording\ndeadline:"
        text = text.replace("deadline:", ack, 1)
    path.write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    "zh",
    [
        "高压用户办电时间",  # a word of the quote dropped (平均)
        "高压用户的平均办电时间",  # a connecting character added
        "“高压用户”平均办电时间（30个工作日）",  # punctuation and the quote's own number
        "高压用户装表接电时间",  # 装表接电 is in the source, not in the quote
    ],
)
def test_titles_in_the_plans_words_pass(run, tmp_path: Path, zh: str) -> None:
    result = run("validate", "--strict", _with_title(tmp_path, zh))
    assert result.exit_code == 0, result.stdout
    assert result.stdout == "6 files, 0 errors, 0 warnings\n"


def test_24_characters_is_the_limit(run, tmp_path: Path) -> None:
    at_limit = "高压用户平均办电时间，从提出正式用电申请到完成装"
    assert len(at_limit) == 24
    assert run("validate", "--strict", _with_title(tmp_path / "a", at_limit)).exit_code == 0
    past = run("validate", _with_title(tmp_path / "b", at_limit + "表"))
    assert past.exit_code == 1
    assert "S001 targets[0].title.zh: text of 25 characters; the limit is 24" in past.stdout


def test_an_invented_word_is_a_warning_strict_fails(run, tmp_path: Path) -> None:
    root = _with_title(tmp_path, "高压客户接电时长")
    plain = run("validate", root)
    assert plain.exit_code == 0
    assert f"{M05}:20:11: warning R018 title '高压客户接电时长'" in plain.stdout
    assert ": 时长 not in its quote" in plain.stdout
    assert run("validate", "--strict", root).exit_code == 1


def test_a_reviewed_paraphrase_can_be_acknowledged(run, tmp_path: Path) -> None:
    root = _with_title(tmp_path, "高压客户接电时长", acknowledge=True)
    result = run("validate", "--strict", root)
    assert result.exit_code == 0, result.stdout
    assert result.stdout == "6 files, 0 errors, 0 warnings, 1 acknowledged\n"


def test_every_shipped_target_has_a_short_title() -> None:
    """The reviewed titles: all there, short, and not one acknowledged as a paraphrase."""
    titles = []
    for path in sorted(MEASURES.glob("[0-9][0-9]-*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert all(a["code"] != "R018" for a in data.get("acknowledged", [])), path.name
        for target in data["targets"]:
            title = target["title"]
            assert not any(c in title["zh"] for c in ",;:()"), title["zh"]  # full-width
            titles.append((title["zh"], title["en"]))
    assert len(titles) == 101
    # Aim for 20 characters; only the measure 18 exemption needs its two bounds (23).
    assert [zh for zh, _ in titles if len(zh) > 20] == ["投资100万元或面积小于500平米无需施工许可"]
    # No two targets share a title in either language (a chart's labels, a table's rows).
    assert len({zh for zh, _ in titles}) == len({en for _, en in titles}) == len(titles)
