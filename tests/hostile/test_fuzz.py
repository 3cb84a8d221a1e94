"""Fuzz `bizenv check` and `bizenv validate` with mutated submissions and waivers files.

A seeded generator (no extra dependency) starts from the valid files in
tests/data/check/quarter and examples/2021-Q2 and the two waivers files, as YAML and as
JSON, and mutates them: byte flips, truncation, control characters, bidi overrides and
escapes, swapped types, huge and non-finite numbers, deep nesting, duplicate keys, random
unicode and keys, anchors, aliases, tags, tabs, lines spliced from another file. Every
mutant is run in-process through the real entry point, and must: finish in time, exit
0, 1 or 3 (never 4, never 2), and print no traceback.

    BIZENV_FUZZ_N=20000 BIZENV_FUZZ_SEED=7 pytest tests/hostile/test_fuzz.py -s

runs longer (``-s`` prints cases/s and the slowest case); BIZENV_FUZZ_ONLY=123 runs the
single case 123 of that seed, to reproduce a failure.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.conftest import DATA, MEASURES, ROOT, Result
from tests.hostile.fuzzing import (
    NASTY,
    NASTY_NAMES,
    SEED,
    Fuzz,
    case_rng,
    cases,
    encodings,
    flip,
    random_text,
    truncate,
)

COUNT = 300

FIXTURE_MEASURES = DATA / "check" / "measures"
FORMATS = ["table", "json", "markdown", "github", "junit"]


@dataclass(frozen=True)
class Seed:
    name: str
    text: str
    waivers: bool
    measures: Path  # the measure set its target ids belong to


def _seeds() -> list[Seed]:
    found = []
    for path, measures in [
        *((p, FIXTURE_MEASURES) for p in sorted((DATA / "check" / "quarter").glob("*.yaml"))),
        *((p, MEASURES) for p in sorted((ROOT / "examples" / "2021-Q2").glob("*.yaml"))),
        (DATA / "check" / "quarter-waivers.yaml", FIXTURE_MEASURES),
        (ROOT / "examples" / "waivers.yaml", MEASURES),
    ]:
        text = path.read_text(encoding="utf-8")
        waivers = path.name.endswith("waivers.yaml")
        found.append(Seed(path.name, text, waivers, measures))
        data = yaml.safe_load(text)
        as_json = json.dumps(data, ensure_ascii=False, indent=2, default=str)
        found.append(Seed(path.stem + ".json", as_json, waivers, measures))
    return found


# --- mutations ------------------------------------------------------------------------

NUMBERS = [
    "0", "-0", "-0.0", "1e308", "-1e308", "1e400", "5e-324", "1e-400", ".nan", ".inf", "-.inf",
    "NaN", "Infinity", "-Infinity", "9" * 31, "9" * 32, "1" * 400, "1" * 5000, "0x10", "010",
    "1_000", "1:30", "1.10", "0.0000000000000000000000000000001", "2021-02-30", "0000-01-01",
    "9999-12-31", "0001-01-01", "99999-01-01", "true", "no", "~", "null", '""', "[]", "{}",
]
VALUES: list[Any] = [
    None, True, 0, -1, 1.5, 10**40, "", " ", "x" * 3000, [], {}, [1, [2, [3]]], {"a": {"b": 1}},
    "0000-Q1", "9999-Q4", "2021-Q5", "2021-13", "0000", 2021, 0, "2021-H3",
    1e308, -1e308, 5e-324, -0.0, float("inf"), float("nan"), 10**31 - 1, 10**31, 2**63, 1e-300,
    "ratio", "ten_thousand_yuan", "m", "minute", "calendar_day", "percent", "done",
    "9999-12-31", "0001-01-01", {"value": 5e-324, "period": "2020"}, {"value": 1e308},
]


def _token_positions(text: str) -> list[int]:
    return [i for i, ch in enumerate(text) if ch in ":,\n[]{}\"' "]


def _walk(data: Any, rng: random.Random) -> tuple[Any, Any] | None:
    """A random (container, key-or-index) inside ``data``."""
    spots = []
    seen: set[int] = set()  # an alias can make the data recursive: `&a [1, *a]`

    def visit(node: Any, depth: int = 0) -> None:
        if id(node) in seen or depth > 200:
            return
        seen.add(id(node))
        if isinstance(node, dict):
            for key in list(node):
                spots.append((node, key))
                visit(node[key], depth + 1)
        elif isinstance(node, list):
            for i, item in enumerate(node):
                spots.append((node, i))
                visit(item, depth + 1)

    visit(data)
    return rng.choice(spots) if spots else None


def _structural(text: str, rng: random.Random, as_json: bool) -> str:
    """Parse, change one value or key, write back (as JSON or YAML)."""
    try:
        data = yaml.safe_load(text)
    except Exception:
        return text
    spot = _walk(data, rng)
    if spot is None:
        return text
    container, key = spot
    choice = rng.random()
    if choice < 0.5:
        container[key] = rng.choice(VALUES)
    elif choice < 0.7 and isinstance(container, dict):
        container[random_text(rng) if rng.random() < 0.5 else rng.choice(
            ["valeu", "value", "unit", "baseline", "waivers", "entries", "kind", "state"]
        )] = rng.choice(VALUES)
    elif choice < 0.85:
        depth = rng.randint(5, 120)
        nested: Any = rng.choice(VALUES)
        for _ in range(depth):
            nested = [nested] if rng.random() < 0.5 else {"k": nested}
        container[key] = nested
    else:
        container[key] = random_text(rng)
    try:
        if as_json:
            return json.dumps(data, ensure_ascii=rng.random() < 0.3, default=str)
        return yaml.safe_dump(data, allow_unicode=rng.random() < 0.7, default_flow_style=None)
    except Exception:
        return text


def mutate(seed: Seed, rng: random.Random) -> tuple[bytes, list[str]]:
    text = seed.text
    done: list[str] = []
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(
            ["flip", "truncate", "nasty", "number", "structural", "nest", "duplicate",
             "unicode", "anchor", "tab", "splice", "lines"]
        )
        done.append(kind)
        spots = _token_positions(text) or [0]
        at = rng.choice(spots) if rng.random() < 0.7 else rng.randint(0, len(text))
        if kind == "nasty":
            text = text[:at] + rng.choice(NASTY) + text[at:]
        elif kind == "number":
            for _ in range(rng.randint(1, 3)):
                digits = [i for i, ch in enumerate(text) if ch.isdigit()]
                if not digits:
                    break
                i = rng.choice(digits)
                j = i
                while j < len(text) and (text[j].isdigit() or text[j] in ".-"):
                    j += 1
                text = text[:i] + rng.choice(NUMBERS) + text[j:]
        elif kind == "structural":
            text = _structural(text, rng, seed.name.endswith(".json"))
        elif kind == "nest":
            depth = rng.choice([10, 63, 64, 65, 200, 999, 1001, 5000])
            opener, closer = rng.choice([("[", "]"), ("{a: ", "}"), ('{"a": ', "}")])
            text = text[:at] + opener * depth + "0" + closer * rng.choice([depth, depth // 2]) + (
                text[at:]
            )
        elif kind == "duplicate":
            lines = text.splitlines(keepends=True)
            if lines:
                i = rng.randrange(len(lines))
                lines.insert(i, lines[i])
                text = "".join(lines)
        elif kind == "unicode":
            text = text[:at] + random_text(rng) + text[at:]
        elif kind == "anchor":
            text = text[:at] + rng.choice(
                [" &a ", " *a ", "\n<<: *a\n", " !!str ", " !!binary ", "\nx: &a [*a, *a]\n",
                 " &a [1, *a]", "\n? [a, b]\n: c\n", " !!python/name:os.system "]
            ) + text[at:]
        elif kind == "tab":
            text = text.replace(rng.choice(["  ", "    ", "\n  "]), rng.choice(["\t", "\n\t"]), 1)
        elif kind == "splice":
            other = rng.choice(_SEEDS).text.splitlines(keepends=True)
            if other:
                i = rng.randrange(len(other))
                text = text[:at] + "".join(other[i : i + rng.randint(1, 5)]) + text[at:]
        elif kind == "lines":
            lines = text.splitlines(keepends=True)
            rng.shuffle(lines) if rng.random() < 0.3 else lines.reverse()
            text = "".join(lines[: rng.randint(0, len(lines))])
    data = text.encode("utf-8", "surrogatepass")
    for kind in done:
        if kind == "flip":
            data = flip(data, rng)
        elif kind == "truncate":
            data = truncate(data, rng)
    if rng.random() < 0.05:  # an encoding: UTF-16, a BOM, GB18030
        data = rng.choice(encodings(text))
    return data, done


_SEEDS = _seeds()


# --- the test ---------------------------------------------------------------------------


def _commands(seed: Seed, path: Path, rng: random.Random) -> list[tuple[list[str], Path]]:
    """(argv, cwd) for each command run on one mutant."""
    measures = str(seed.measures)
    fmt = ["--format", rng.choice(FORMATS)]
    as_of = ["--as-of", rng.choice(["2021-06-30", "2021-06-30", "9999-12-31", "0001-01-01"])]
    cwd = seed.measures.parent  # validate finds measures/ here
    if seed.waivers:
        quarter = DATA / "check" / "quarter" if seed.measures == FIXTURE_MEASURES else (
            ROOT / "examples" / "2021-Q2"
        )
        check = ["check", str(quarter), "--waivers", str(path), "--measures", measures]
    else:
        check = ["check", str(path), "--measures", measures]
    return [(check + fmt + as_of, cwd), (["validate", str(path)], cwd)]


@pytest.mark.usefixtures("measure_sets_once")
def test_fuzz(run: Callable[..., Result], tmp_path: Path) -> None:
    fuzz = Fuzz(run)
    for index in cases(COUNT):
        rng = case_rng(index)
        seed = rng.choice(_SEEDS)
        data, kinds = mutate(seed, rng)
        suffix = rng.choice([".yaml", ".yaml", ".yml", ".json"]) if rng.random() < 0.2 else (
            ".json" if seed.name.endswith(".json") else ".yaml"
        )
        name = "waivers" if seed.waivers else "submission"
        if rng.random() < 0.1:  # a file name that could drive a terminal
            name += rng.choice(NASTY_NAMES)
        path = tmp_path / f"case{index}" / f"{name}{suffix}"
        path.parent.mkdir()
        path.write_bytes(data)
        fuzz.count += 1
        label = f"case {index} (seed {SEED}, from {seed.name}, {'+'.join(kinds)})"
        for argv, cwd in _commands(seed, path, rng):
            fuzz.check(label, path, argv, cwd)
        if fuzz.done:
            break
    fuzz.report("fuzz")
