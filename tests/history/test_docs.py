"""The README and docs/history.md say what the commands do on the example quarters."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

from conftest import ROOT
from history.conftest import QUARTERS, WAIVERS

DOC = (ROOT / "docs" / "history.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_worked_example_is_what_history_computes(json_of: Any) -> None:
    doc = json_of("history", *QUARTERS[:2])
    target = {t["target"]: t for t in doc["targets"]}["m12-loan-documents"]
    detail = target["progress_detail"]
    line = (
        f"ratio    = {detail['actual_rate']:.3f} / {detail['required_rate']:.3f} = "
        f"{detail['ratio']:.3f}                 -> {target['progress']}"
    )
    assert line in DOC
    assert f"= {detail['actual_rate']:.3f}    (documents fall" in DOC
    rate = {t["target"]: t for t in doc["targets"]}["m11-firms-with-financing-support"]
    assert f"ratio {rate['progress_detail']['ratio']:.3f}: `{rate['progress']}`" in DOC


def test_the_diff_counts_quoted_are_the_diff_of_the_examples(run: Any, saved_check: Any) -> None:
    import json

    old, new = saved_check("q2", *QUARTERS[:2]), saved_check("q3", *QUARTERS)
    counts = json.loads(run("diff", old, new, "--format", "json").stdout)["counts"]
    quoted = (
        f"{counts['newly_overdue']} newly\noverdue, {counts['newly_failing']} newly failing, "
        f"{counts['recovered']} recovered, {counts['newly_met']} newly met."
    )
    assert quoted in DOC


def test_the_readme_commands_run(run: Any, tmp_path: Path) -> None:
    block = README.split("### `bizenv history`, `bizenv diff` and `bizenv check --baseline`")[1]
    commands = re.search(r"```sh\n(.*?)```", block, re.S)
    assert commands is not None
    codes = []
    for line in commands.group(1).splitlines():
        argv = shlex.split(line)
        assert argv[0] == "bizenv"
        argv = [str(tmp_path / a) if a.endswith(".json") else a for a in argv[1:]]
        codes.append(run(*argv).exit_code)
    # history and diff inform (0); check fails on the backlog (1); the baseline gate fails
    # because Q3 brought new failures (1)
    assert codes == [0, 1, 1, 0, 1]
    assert "docs/history.md" in README
    assert set(WAIVERS) <= set(shlex.split(commands.group(1)))


def test_the_readme_history_excerpt_is_the_output(run: Any, monkeypatch: Any) -> None:
    monkeypatch.setenv("COLUMNS", "160")  # the width of piped output
    out = run("history", *QUARTERS, *WAIVERS).stdout
    lines = {line.rstrip() for line in out.splitlines()}
    block = README.split("Some rows of the history")[1]
    excerpt = re.search(r"```text\n(.*?)```", block, re.S)
    assert excerpt is not None
    shown = excerpt.group(1).splitlines()
    assert len(shown) >= 5
    for line in shown:
        assert line in lines, line
