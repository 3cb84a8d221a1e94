"""Shared fixtures: run the CLI as a user would and capture what they see."""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
_CACHE = Path(tempfile.mkdtemp(prefix="bizenv-test-cache-"))
MEASURES = ROOT / "measures"
DATA = Path(__file__).resolve().parent / "data"


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def _fingerprint(root: Path) -> tuple[tuple[str, int, int, int, int], ...]:
    """Every file under ``root`` with its mtime, size, mode and inode: any edit changes it."""
    items = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            try:
                info = os.lstat(path)
            except OSError:
                continue
            items.append((path, info.st_mtime_ns, info.st_size, info.st_mode, info.st_ino))
    return tuple(items)


@pytest.fixture(autouse=True, scope="session")
def _measure_sets_loaded_once() -> Iterator[None]:
    """Loading an unchanged measure set again gives the same set: the commands under test
    get one loaded (and checked) measure set per folder and content, so the suite's time
    goes to what each test is about. A set that is edited, copied or broken by a test has
    another fingerprint (or fails) and is loaded for real; `bizenv validate` of a measure
    folder always loads for real (it does not go through load_usable)."""
    import bizenv_cli.checking as checking
    import bizenv_cli.validation.pipeline as pipeline
    import bizenv_cli.validation.submissions as inputs

    real = pipeline.load_usable
    cache: dict[tuple[str, str, object], object] = {}

    def cached(path: Path) -> object:
        folder = Path(path).resolve()
        if not folder.is_dir():
            return real(path)
        # The set keeps the path as given (relative to the folder the command ran in).
        key = (str(path), os.getcwd(), _fingerprint(folder))
        if key not in cache:
            cache[key] = real(path)
        return cache[key]

    patch = pytest.MonkeyPatch()
    for module in (pipeline, inputs, checking):
        patch.setattr(module, "load_usable", cached)
    yield
    patch.undo()


@pytest.fixture(autouse=True)
def _plain_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No colour, no CI auto-detection, a fixed locale: output is the same everywhere."""
    for var in (
        "GITHUB_ACTIONS", "FORCE_COLOR", "BIZENV_DEBUG", "BIZENV_MEASURES", "LC_ALL", "LANG",
        "LANGUAGE",
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    # what bizenv may rebuild (built calendars) goes to the run's own folder, not ~/.cache
    monkeypatch.setenv("BIZENV_CACHE", str(_CACHE))


@pytest.fixture
def run() -> Callable[..., Result]:
    """run("validate", "measures") -> Result, through the real entry point and error path."""
    from bizenv_cli.cli import cli
    from bizenv_cli.cli.errors import run as run_cli

    def _run(*args: str | os.PathLike[str], cwd: Path | None = None) -> Result:
        runner = CliRunner()
        argv = [str(a) for a in args]
        old = Path.cwd()
        os.chdir(cwd or ROOT)
        try:
            outcome: dict[str, int] = {}

            def target() -> None:
                outcome["code"] = run_cli(cli, argv, debug="--debug" in argv)

            from click import command

            wrapper = command()(target)
            res = runner.invoke(wrapper, [], catch_exceptions=False)
        finally:
            os.chdir(old)
        return Result(outcome.get("code", res.exit_code), res.stdout, res.stderr)

    return _run


def zh_title(target: str, measures: Path = MEASURES) -> str:
    """The short Chinese title a --lang zh output names ``target`` by (its measure file's)."""
    titles = _zh_titles(str(Path(measures).resolve()))
    if target not in titles:
        raise KeyError(target)
    return titles[target]


@functools.lru_cache(maxsize=8)
def _zh_titles(measures: str) -> dict[str, str]:
    """Every target's Chinese title in a measures folder (read once: the YAML is slow)."""
    import yaml

    titles: dict[str, str] = {}
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in sorted(Path(measures).glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        for entry in (data or {}).get("targets", []) if isinstance(data, dict) else []:
            if isinstance(entry, dict) and "id" in entry and "title" in entry:
                titles.setdefault(str(entry["id"]), str(entry["title"]["zh"]))
    return titles
