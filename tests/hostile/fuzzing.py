"""What the fuzz tests share: the seed and size from the environment, hostile fragments,
byte-level mutations, and the loop that runs each mutant's commands and judges the output.

    BIZENV_FUZZ_SEED   the seed (default fixed, so the suite is deterministic)
    BIZENV_FUZZ_N      how many cases (each test has its own default)
    BIZENV_FUZZ_ONLY   run only case N of that seed, to reproduce a failure
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import Result
from tests.hostile.test_corpus import RAW_CONTROL_RE, CaseTimeout, _deadline

SEED = int(os.environ.get("BIZENV_FUZZ_SEED", "20210630"))
ONLY = os.environ.get("BIZENV_FUZZ_ONLY")
TIMEOUT = 10  # seconds per command
MAX_FAILURES = 5

NASTY = [
    "\x00", "\x07", "\x1b[31m", "\x1b]8;;http://x\x07", "\x7f", "\x85", "\x9b", "\u2028",
    "\u2029", "\ufeff", "\ufffe", "\u202e", "\u2066", "\u200b", "\r", "\t", "\\", '"', "'",
    "\\e", "\\x1b", "\\u202e", "\\N", "\\", "\\U0001F680", "\\ud800", "%", "[/]", "[link=x]",
    "{", "}", "[", "]", ":", ": ", " #", "&a ", "*a", "!!python/object:os.system ", "!x ",
    "<<: ", "---\n", "...\n", "? ", "- ", "|", ">", "@", "`",
]
# File-name suffixes that could drive a terminal if printed raw.
NASTY_NAMES = ["\x1b[31m", "\u202e", "\x07", "\n", "\r", "\x9b", "[b]", " "]
# What a library says when it warns or fails, and what bizenv says when it fails itself.
_LEAKS = re.compile(r"Traceback|internal error|site-packages|Warning\b")


def cases(default: int) -> Iterable[int]:
    """The case numbers to run: BIZENV_FUZZ_ONLY, else range(BIZENV_FUZZ_N or ``default``)."""
    if ONLY is not None:
        return [int(ONLY)]
    return range(int(os.environ.get("BIZENV_FUZZ_N", str(default))))


def case_rng(index: int) -> random.Random:
    return random.Random(f"{SEED}:{index}")


def random_text(rng: random.Random) -> str:
    pools = [
        (0x20, 0x7E), (0x80, 0x2FF), (0x4E00, 0x9FFF), (0x0300, 0x036F), (0xFF00, 0xFFEF),
        (0x1F300, 0x1F6FF), (0x2000, 0x206F), (0xD800, 0xDFFF), (0x0, 0x1F), (0xE000, 0xF8FF),
    ]
    out = []
    for _ in range(rng.randint(1, 12)):
        lo, hi = rng.choice(pools)
        out.append(chr(rng.randint(lo, hi)))
    return "".join(out)


def flip(data: bytes, rng: random.Random, most: int = 8) -> bytes:
    """``data`` with 1 to ``most`` random bits flipped."""
    out = bytearray(data)
    for _ in range(rng.randint(1, most) if out else 0):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data))] if data else data


def encodings(text: str) -> list[bytes]:
    """``text`` as a BOM'd UTF-8, UTF-16 (with and without BOM), GB18030 and Latin-1 file."""
    out = [b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")]
    for codec in ("utf-16", "utf-16-le", "utf-16-be", "gb18030", "latin-1"):
        with contextlib.suppress(UnicodeError):
            out.append(text.encode(codec))
    return out


@dataclass
class Fuzz:
    """Runs commands on mutants, collects what went wrong, and the figures for -s."""

    run: Callable[..., Result]
    failures: list[str] = field(default_factory=list)
    exits: Counter[str] = field(default_factory=Counter)  # "check 3": 12
    slowest: tuple[float, str] = (0.0, "")
    commands: int = 0
    count: int = 0
    started: float = field(default_factory=time.perf_counter)

    def check(self, label: str, path: Path, argv: list[str], cwd: Path) -> None:
        """Run one command; a failure is a hang, an exit outside {0, 1, 3}, a traceback, an
        internal error, a library's warning (raised or printed), or a raw control character.
        (A file left open warns when the garbage collector closes it, in a later case: the
        file name in the warning tells which.)"""
        self.commands += 1
        label = f"{label}: {argv[0]} {' '.join(a for a in argv[1:] if a.startswith('--'))}"
        begun = time.perf_counter()
        try:
            with _deadline(TIMEOUT), warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                result = self.run(*argv, cwd=cwd)
        except CaseTimeout:
            self.failures.append(f"{label}: no answer within {TIMEOUT} s\n  file {path}")
            return
        took = time.perf_counter() - begun
        if took > self.slowest[0]:
            self.slowest = (took, label)
        self.exits[f"{argv[0]} {result.exit_code}"] += 1
        output = result.output
        problems = [f"warning {w.category.__name__}: {w.message}" for w in caught]
        if result.exit_code not in (0, 1, 3):
            problems.append(f"exit {result.exit_code}")
        if leak := _LEAKS.search(output):
            problems.append(f"{leak.group()!r} in the output")
        if RAW_CONTROL_RE.search(output):
            problems.append("raw control character in the output")
        if problems:
            self.failures.append(f"{label}: {', '.join(problems)}\n  file {path}\n"
                                 f"{output[-2000:]}")

    @property
    def done(self) -> bool:
        return len(self.failures) >= MAX_FAILURES

    def report(self, what: str) -> None:
        """Print the figures (seen with -s) and fail with the first failures."""
        elapsed = time.perf_counter() - self.started
        print(
            f"\n{what}: {self.count} cases, {self.commands} commands in {elapsed:.1f} s "
            f"({self.count / elapsed:.0f} cases/s); exit codes {dict(sorted(self.exits.items()))}"
            f"; slowest {self.slowest[0] * 1000:.0f} ms: {self.slowest[1]}"
        )
        assert not self.failures, "\n\n".join(self.failures)
