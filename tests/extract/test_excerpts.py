"""`bizenv extract --format json` on short excerpts written for these tests, one per layout
(docs/extract.md): labels in full-width brackets, verbs in the bracket, unlabelled units
with the plan's first-unit rule, fields on lines of their own, a flattened table, traditional
characters, PDF line breaks and stray spaces, nested and 1(1) numbering, and an excerpt
that starts mid-plan (its numbers kept as written)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from bizenv_cli.rules._numerals import appears

DATA = Path(__file__).parent / "data"
EXCERPTS = sorted(p.stem for p in DATA.glob("*.txt"))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _json(run, path: Path) -> dict:  # type: ignore[no-untyped-def, type-arg]
    result = run("extract", path, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", EXCERPTS)
def test_excerpt_reads_as_expected(run, name: str) -> None:  # type: ignore[no-untyped-def]
    got = _json(run, DATA / f"{name}.txt")
    want = json.loads((DATA / f"{name}.expect.json").read_text(encoding="utf-8"))
    assert got["plan"]["issued"] == want["issued"]
    assert len(got["measures"]) == len(want["measures"])
    numbers = want.get("numbers", range(1, len(want["measures"]) + 1))
    assert [g["number"] for g in got["measures"]] == list(numbers)
    if "sections" in want:
        assert [g["section"] for g in got["measures"]] == want["sections"]
    for number, (g, w) in enumerate(zip(got["measures"], want["measures"], strict=True), 1):
        assert [_squash(n) for n in g["lead"]] == w["lead"], (name, number)
        assert [_squash(n) for n in g["responsible"]] == w["responsible"], (name, number)
        assert g["deadline"] == w["deadline"], (name, number)
        have = Counter((t["value"], t["unit"], t["comparator"]) for t in g["targets"])
        assert have == Counter(tuple(t) for t in w["targets"]), (name, number)


@pytest.mark.parametrize("name", EXCERPTS)
def test_nothing_invented(run, name: str) -> None:  # type: ignore[no-untyped-def]
    """Every measure text is in the plan, every quote in its measure, every value in its
    quote, every unit named in its measure (whitespace ignored)."""
    path = DATA / f"{name}.txt"
    plan = _squash(path.read_text(encoding="utf-8"))
    for m in _json(run, path)["measures"]:
        text = _squash(m["text"])
        assert text in plan
        for unit in (*m["lead"], *m["responsible"]):
            assert _squash(unit) in text
        if m["deadline_text"]:
            assert _squash(m["deadline_text"]) in text
        for t in m["targets"]:
            assert _squash(t["quote"]) in text
            assert appears(float(t["value"]), _squash(t["quote"]))


def test_json_has_exactly_the_documented_keys(run) -> None:  # type: ignore[no-untyped-def]
    got = _json(run, DATA / "labels_fullwidth.txt")
    assert set(got) == {"plan", "measures"}
    assert set(got["plan"]) == {"title", "issuer", "issued"}
    measure = got["measures"][0]
    assert set(measure) == {"number", "section", "text", "lead", "responsible",
                            "deadline_text", "deadline", "targets"}  # fmt: skip
    assert set(measure["targets"][0]) == {"quote", "value", "unit", "comparator"}


def test_gb18030_reads_like_utf8(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = DATA / "labels_fullwidth.txt"
    gbk = tmp_path / "plan.txt"
    gbk.write_bytes(source.read_text(encoding="utf-8").encode("gb18030"))
    assert _json(run, gbk) == _json(run, source)


def test_year_inferred_and_noted(run) -> None:  # type: ignore[no-untyped-def]
    """6月底前 in a plan issued 2025-04-08: 2025-06-30, and the summary says so."""
    result = run("extract", DATA / "own_lines.txt")
    assert result.exit_code == 0
    assert "6月底前 gives no year: 2025 (the plan's) assumed" in result.stdout
