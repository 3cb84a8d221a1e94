"""The built calendar kept in the cache (issue 16's start-up): the same calendar as built,
never a stale one, and no cache needed at all."""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import MEASURES

from bizenv_cli.calendar.load import load_calendar


def _same(a: object, b: object) -> None:
    assert a.covered == b.covered  # type: ignore[attr-defined]
    assert a.overrides() == b.overrides()  # type: ignore[attr-defined]
    assert a.office_hours() == b.office_hours()  # type: ignore[attr-defined]
    assert a.sources == b.sources  # type: ignore[attr-defined]


def test_a_kept_calendar_is_the_one_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BIZENV_CACHE", str(tmp_path / "cache"))
    built = load_calendar(MEASURES)
    assert len(list((tmp_path / "cache").glob("calendar-*.json"))) == 1
    kept = load_calendar(MEASURES)
    _same(kept, built)
    # the README's example: 2021-09-24 to 2021-10-11 is 8 working days (国庆 and 调休)
    assert kept.working_days(date(2021, 9, 24), date(2021, 10, 11)) == 8


def test_an_edited_calendar_is_never_answered_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BIZENV_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "measures"
    shutil.copytree(MEASURES, folder)
    before = load_calendar(folder)
    text = (folder / "calendar.yaml").read_text(encoding="utf-8")
    (folder / "calendar.yaml").write_text(text + "\n# edited\n", encoding="utf-8")
    after = load_calendar(folder)
    _same(after, before)  # a comment changes nothing, but it was read again:
    assert len(list((tmp_path / "cache").glob("calendar-*.json"))) == 2
    (folder / "calendar.yaml").write_text("years: {2027: [}\n", encoding="utf-8")
    with pytest.raises(Exception, match="cannot be used"):
        load_calendar(folder)


def test_no_cache_folder_is_needed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("BIZENV_CACHE", str(blocked / "cache"))
    _same(load_calendar(MEASURES), load_calendar(MEASURES))


def test_workdays_from_the_cache_builds_no_model(run, tmp_path: Path) -> None:
    import subprocess

    env_cache = tmp_path / "cache"
    code = (
        "import sys, runpy, os\n"
        f"os.environ['BIZENV_CACHE'] = {str(env_cache)!r}\n"
        "sys.argv = ['bizenv', 'workdays', '2021-09-24', '2021-10-11']\n"
        "from bizenv_cli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('MODELS' if 'bizenv_cli.models.calendar' in sys.modules else 'NONE')\n"
    )
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           cwd=MEASURES.parent, check=True)
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=MEASURES.parent, check=True)
    assert first.stdout.strip().endswith("MODELS")  # built and kept
    assert second.stdout.strip().endswith("NONE")  # read back: no pydantic model built
    assert first.stdout.splitlines()[:-1] == second.stdout.splitlines()[:-1]
