"""How findings are printed: one sanitized line each, at most ``PER_GROUP`` per file and
code, then one line.

A file with 5,000 bad rows must not bury the terminal or the CI log: the first
20 findings of each (file, code) are printed, then ``... and N more CODE
findings in FILE``. A cap applied earlier (the loader's, with its own summary
finding) passes through unchanged: a group of ``PER_GROUP + 1`` is printed whole.
JSON output is not capped (it is for programs, which count).
"""

from __future__ import annotations

from collections.abc import Iterable

from bizenv_cli.diagnostics import Finding
from bizenv_cli.sanitize import message, no_commands

PER_GROUP = 20


def finding_line(finding: Finding) -> str:
    """``file:line:col: error CODE message``, sanitized; a file named ``::error::x.yaml``
    cannot make the line a GitHub workflow command."""
    return no_commands(
        f"{message(finding.location())}: {finding.level.value} "
        f"{message(finding.code)} {message(finding.message)}"
    )


def capped(
    findings: Iterable[Finding], per_group: int = PER_GROUP
) -> tuple[list[Finding], list[str]]:
    """The findings to print, in their order, and one line per group cut short."""
    items = list(findings)
    sizes: dict[tuple[str, str], int] = {}
    for f in items:
        sizes[(f.path, f.code)] = sizes.get((f.path, f.code), 0) + 1
    shown: list[Finding] = []
    seen: dict[tuple[str, str], int] = {}
    for f in items:
        key = (f.path, f.code)
        seen[key] = seen.get(key, 0) + 1
        if sizes[key] <= per_group + 1 or seen[key] <= per_group:
            shown.append(f)
    more = [
        f"... and {size - per_group} more {message(code)} findings in {message(path)}"
        for (path, code), size in sizes.items()
        if size > per_group + 1
    ]
    return shown, more
