"""Findings: every problem bizenv reports, with where it is and what to do."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Level(StrEnum):
    error = "error"
    warning = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in one file. ``line`` and ``col`` are 1-based; 0 when unknown.
    ``count`` is how many problems it stands for (more than 1 for "... and N more"), and
    ``paths`` the files they are in when that is more than ``path`` (see ``files_of``)."""

    path: str
    line: int
    col: int
    code: str
    message: str
    level: Level = field(default=Level.error, compare=False)
    count: int = field(default=1, compare=False)
    paths: frozenset[str] = field(default=frozenset(), compare=False)

    def location(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.col}"
        return self.path

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.col,
            "level": self.level.value,
            "code": self.code,
            "message": self.message,
        }


def files_of(findings: Iterable[Finding]) -> int:
    """How many files ``findings`` are about, those a summary finding counts included."""
    files: set[str] = set()
    for finding in findings:
        files.add(finding.path)
        files.update(finding.paths)
    return len(files)


def has_errors(findings: list[Finding]) -> bool:
    return any(f.level is Level.error for f in findings)


PER_KIND = 20  # findings of one code in one file before the rest are counted
PER_CODE = 100  # findings of one code in all files before the rest are counted


def cap(
    findings: Iterable[Finding],
    per_kind: int = PER_KIND,
    labels: Mapping[str, str] | None = None,
    per_code: int = PER_CODE,
) -> list[Finding]:
    """``findings`` sorted, with at most ``per_kind`` of one code in one file (the first by
    position); the rest become one finding, at the first left out, saying how many there are.
    Across files, at most ``per_code`` of one code (one bad line in each of 10,000 files):
    the rest become one finding that counts them and their files.

    ``labels`` names what a code counts ("unknown target ids"), for that message. Every
    finding's ``count`` adds up to the number of problems found.
    """
    groups: dict[tuple[str, str], list[Finding]] = {}
    for finding in sorted(set(findings)):
        groups.setdefault((finding.path, finding.code), []).append(finding)
    out: list[Finding] = []
    for (path, code), group in groups.items():
        out.extend(group[:per_kind])
        rest = group[per_kind:]
        if rest:
            what = (labels or {}).get(code, f"{code} findings")
            first = rest[0]
            message = f"... and {len(rest):,} more {what} in this file, from here on"
            out.append(
                Finding(path, first.line, first.col, code, message, first.level, len(rest))
            )
    return across_files(sorted(out), per_code, labels)


def across_files(
    findings: list[Finding], per_code: int = PER_CODE, labels: Mapping[str, str] | None = None
) -> list[Finding]:
    """``findings`` (in order) with at most ``per_code`` of one code; the rest of that code
    become one finding, at the first left out, with their count and number of files."""
    seen: dict[str, int] = {}
    kept: list[Finding] = []
    left: dict[str, list[Finding]] = {}
    for finding in findings:
        seen[finding.code] = seen.get(finding.code, 0) + 1
        if seen[finding.code] <= per_code:
            kept.append(finding)
        else:
            left.setdefault(finding.code, []).append(finding)
    for code, rest in left.items():
        first, count = rest[0], sum(f.count for f in rest)
        files = frozenset(f.path for f in rest)
        what = (labels or {}).get(code, f"{code} findings")
        message = f"... and {count:,} more {what} in {len(files):,} file(s), from here on"
        kept.append(
            Finding(first.path, first.line, first.col, code, message, first.level, count, files)
        )
    return sorted(kept)
