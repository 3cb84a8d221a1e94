"""Every loader rejection and every rule, driven by data under tests/data/validate/.

``base/`` is a small clean measure set. Each folder in ``cases/`` breaks one thing:
its files are laid over a copy of ``base/``, and its ``expect.txt`` says what
``bizenv validate`` must report, one finding a line, as the text format prints it:

    05-power-connection-time.yaml:26:12: error R006 fragment of the message

Directives: ``exit: N`` (expected exit code), ``args: ...`` (paths to validate;
default the whole set), ``delete: FILE`` (remove a base file), ``pad: FILE BYTES``
(append comment lines until the file has BYTES bytes, for the size cap).
The findings reported must be exactly the ones listed, no more. The text format prints
at most 20 findings per file and code (then ``... and N more CODE findings in FILE``);
a case with more is compared with the JSON output, which holds them all.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from tests.hostile.test_corpus import PYDANTIC_RE

DATA = Path(__file__).resolve().parent.parent / "data" / "validate"
BASE = DATA / "base"
CASES = DATA / "cases"

FINDING_RE = re.compile(
    r"^(?P<loc>.+?): (?P<level>error|warning) (?P<code>[A-Z][0-9]{3}) (?P<msg>.*)$"
)
SUMMARY_RE = re.compile(r"^\d+ files?, \d+ errors?, \d+ warnings?$")
MORE_RE = re.compile(r"^\.\.\. and \d+ more [A-Z][0-9]{3} findings in .+$")


@dataclass
class Expected:
    loc: str
    level: str
    code: str
    fragment: str


@dataclass
class Case:
    folder: Path
    exit: int = 1
    args: list[str] = field(default_factory=list)
    delete: list[str] = field(default_factory=list)
    pad: tuple[str, int] | None = None
    findings: list[Expected] = field(default_factory=list)


def load_case(folder: Path) -> Case:
    case = Case(folder)
    for raw in (folder / "expect.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        directive, _, value = line.partition(": ")
        if directive == "exit":
            case.exit = int(value)
        elif directive == "args":
            case.args = value.split()
        elif directive == "delete":
            case.delete.append(value)
        elif directive == "pad":
            name, size = value.split()
            case.pad = (name, int(size))
        else:
            match = FINDING_RE.match(line)
            assert match, f"{folder.name}/expect.txt: cannot read line {line!r}"
            case.findings.append(Expected(*match.group("loc", "level", "code", "msg")))
    return case


def build(case: Case, tmp_path: Path) -> Path:
    """A copy of base/ with the case's changes applied."""
    root = tmp_path / "set"
    shutil.copytree(BASE, root, ignore=shutil.ignore_patterns("README.md"))
    for name in case.delete:
        (root / name).unlink()
    shutil.copytree(
        case.folder, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expect.txt")
    )
    if case.pad:
        name, size = case.pad
        target = root / name
        with target.open("ab") as out:
            line = b"# " + b"x" * 97 + b"\n"
            while target.stat().st_size < size:
                out.write(line * 1000)
                out.flush()
    return root


def parse(stdout: str) -> tuple[list[Expected], str]:
    lines = stdout.splitlines()
    assert lines and SUMMARY_RE.match(lines[-1]), f"no summary line in:\n{stdout}"
    found = []
    for line in lines[:-1]:
        if MORE_RE.match(line):
            continue
        match = FINDING_RE.match(line)
        assert match, f"unexpected output line {line!r}"
        found.append(Expected(*match.group("loc", "level", "code", "msg")))
    return found, lines[-1]


def from_json(result) -> list[Expected]:
    found = []
    for f in json.loads(result.stdout)["findings"]:
        loc = f"{f['path']}:{f['line']}:{f['column']}" if f["line"] else f["path"]
        found.append(Expected(loc, f["level"], f["code"], f["message"]))
    return found


CASE_FOLDERS = sorted(p for p in CASES.iterdir() if (p / "expect.txt").is_file())


@pytest.mark.parametrize("folder", CASE_FOLDERS, ids=[p.name for p in CASE_FOLDERS])
def test_case(folder: Path, tmp_path: Path, run) -> None:
    case = load_case(folder)
    assert case.findings, f"{folder.name}: expect.txt lists no finding"
    root = build(case, tmp_path)
    result = run("validate", *(case.args or ["."]), cwd=root)
    found, _ = parse(result.stdout)
    if any(MORE_RE.match(line) for line in result.stdout.splitlines()):
        found = from_json(run("validate", *(case.args or ["."]), "--format", "json", cwd=root))
    key = lambda f: (f.loc, f.level, f.code)  # noqa: E731
    assert Counter(map(key, found)) == Counter(map(key, case.findings)), result.stdout
    for want in case.findings:
        messages = [f.fragment for f in found if key(f) == key(want)]
        assert any(want.fragment in m for m in messages), (want.fragment, messages)
    assert result.exit_code == case.exit, result.output
    assert not PYDANTIC_RE.search(result.output), f"pydantic's wording:\n{result.output}"


def test_every_code_has_a_case() -> None:
    """Each loader, schema and rule code has at least one data case."""
    from bizenv_cli.rules import INPUT_CODES, RULES

    covered = {f.code for folder in CASE_FOLDERS for f in load_case(folder).findings}
    assert set(INPUT_CODES) | set(RULES) <= covered


def test_case_names_start_with_a_code() -> None:
    from bizenv_cli.rules import INPUT_CODES, RULES

    for folder in CASE_FOLDERS:
        assert folder.name[:4] in set(INPUT_CODES) | set(RULES), folder.name


def test_base_is_clean(run) -> None:
    result = run("validate", BASE)
    assert result.exit_code == 0, result.stdout
    assert result.stdout == "6 files, 0 errors, 0 warnings\n"
