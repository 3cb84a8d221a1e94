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
    ``count`` is how many problems it stands for (more than 1 for "... and N more")."""

    path: str
    line: int
    col: int
    code: str
    message: str
    level: Level = field(default=Level.error, compare=False)
    count: int = field(default=1, compare=False)

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


def has_errors(findings: list[Finding]) -> bool:
    return any(f.level is Level.error for f in findings)


PER_KIND = 20  # findings of one code in one file before the rest are counted


def cap(
    findings: Iterable[Finding], per_kind: int = PER_KIND, labels: Mapping[str, str] | None = None
) -> list[Finding]:
    """``findings`` sorted, with at most ``per_kind`` of one code in one file (the first by
    position); the rest become one finding, at the first left out, saying how many there are.

    ``labels`` names what a code counts ("unknown target ids"), for that message.
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
    return sorted(out)
