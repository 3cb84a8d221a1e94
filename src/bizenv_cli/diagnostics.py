"""Findings: every problem bizenv reports, with where it is and what to do."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Level(StrEnum):
    error = "error"
    warning = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in one file. ``line`` and ``col`` are 1-based; 0 when unknown."""

    path: str
    line: int
    col: int
    code: str
    message: str
    level: Level = field(default=Level.error, compare=False)

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
