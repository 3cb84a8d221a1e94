"""One bad line in each of many files (issue 15): at most 100 findings of one code are
printed in all, then one line counts the rest and their files; totals count everything.
The loader caps what it keeps (so check's warnings are capped too) and the printer caps
what it prints (errors, validate, cases)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bizenv_cli.diagnostics import PER_CODE, Finding, Level, cap, files_of
from bizenv_cli.output.caps import capped

from .conftest import FIXTURE_MEASURES

FILES = 250


def _bad_files(folder: Path) -> Path:
    folder.mkdir()
    for i in range(FILES):
        (folder / f"r{i:04d}.yaml").write_text(
            "department: 区供电公司\nperiod: 2021-Q2\nentries:\n"
            f"  m05-high-voltage-connection-dayz{i}:\n    value: 3\n",
            encoding="utf-8",
        )
    return folder


def test_one_bad_line_in_each_of_many_files(run: Any, tmp_path: Path) -> None:
    folder = _bad_files(tmp_path / "returns")
    for command, *more, ending in (
        ("check", "--as-of", "2021-06-30", "nothing was checked"),
        ("history", "no history was made"),
    ):
        result = run(command, folder, "--measures", FIXTURE_MEASURES, *more)
        assert result.exit_code == 3, result.output
        lines = result.stderr.splitlines()
        c003 = [line for line in lines if " error C003 " in line]
        assert len(c003) == PER_CODE + 1
        rest = FILES - PER_CODE
        assert c003[-1] == (
            f"{folder / f'r{PER_CODE:04d}.yaml'}:4:3: error C003 ... and {rest} more unknown "
            f"target ids in {rest} file(s), from here on"
        )
        assert lines[-1].endswith(f"{FILES} problem(s) in {FILES} input file(s): {ending}")
        assert len(result.stderr) < 40_000


def test_the_loader_cap_keeps_the_count_and_the_files() -> None:
    found = [Finding(f"f{i:03d}.yaml", 3, 1, "C003", "x") for i in range(300)]
    found += [Finding("f000.yaml", 9, 1, "C010", "y", Level.warning)]
    kept = cap(found, per_code=10)
    assert len(kept) == 12
    summary = next(f for f in kept if f.count > 1)
    assert (summary.path, summary.count, len(summary.paths)) == ("f010.yaml", 290, 290)
    assert sum(f.count for f in kept) == 301
    assert files_of(kept) == 300


def test_the_printer_caps_per_code_in_all_files() -> None:
    found = [Finding(f"f{i:03d}.yaml", 1, 1, "D003", "bad row") for i in range(500)]
    found += [Finding("one.csv", n, 1, "D002", "bad column") for n in range(1, 40)]
    shown, more = capped(found, per_group=20, per_code=100)
    assert sum(f.code == "D003" for f in shown) == 100
    assert sum(f.code == "D002" for f in shown) == 20
    assert more == [
        "... and 19 more D002 findings in one.csv",
        "... and 400 more D003 findings in 400 more file(s)",
    ]
    # a summary an earlier cap made is printed as it is, whatever the count before it
    summary = Finding("z.yaml", 1, 1, "D003", "... and 7 more", count=7)
    shown, more = capped([*found, summary])
    assert shown[-1] is summary


def test_did_you_mean_is_computed_only_for_the_findings_shown(
    run: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    """250 files with one distinct misspelt id each: the suggestion (a difflib search over
    every target) runs for the 100 findings printed, not for the 150 only counted."""
    import bizenv_cli.loading.submissions as submissions

    calls: list[str] = []
    real = submissions.closest_id

    def counted(target_id: str, refs: Any) -> str | None:
        calls.append(target_id)
        return real(target_id, refs)

    monkeypatch.setattr(submissions, "closest_id", counted)
    folder = _bad_files(tmp_path / "returns")
    result = run("check", folder, "--measures", FIXTURE_MEASURES, "--as-of", "2021-06-30")
    assert result.exit_code == 3
    assert len(calls) == PER_CODE
    assert result.stderr.count("did you mean") == PER_CODE
