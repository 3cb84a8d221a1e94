"""How findings are printed: one sanitized line each, at most ``PER_GROUP`` per file and
code and ``PER_CODE`` per code in all files, then one line each.

A file with 5,000 bad rows must not bury the terminal or the CI log: the first
20 findings of each (file, code) are printed, then ``... and N more CODE
findings in FILE``. Nor must one bad line in each of 10,000 files: after 100
findings of one code in all, ``... and N more CODE findings in M more file(s)``.
A cap applied earlier (the loader's, with its own summary finding) passes through
unchanged: a group of ``PER_GROUP + 1`` is printed whole, and a summary finding's
``count`` is what the lines count. JSON output is not capped (it is for programs,
which count).
"""

from __future__ import annotations

from collections.abc import Iterable

from bizenv_cli.diagnostics import Finding
from bizenv_cli.i18n.findings import finding_text, more_in_file, more_in_files
from bizenv_cli.sanitize import message, no_commands

PER_GROUP = 20
PER_CODE = 100


def finding_line(finding: Finding, lang: str = "en") -> str:
    """``file:line:col: error CODE message``, sanitized; a file named ``::error::x.yaml``
    cannot make the line a GitHub workflow command. Under zh: ``file:line:col: 错误 CODE
    说明（message）`` (``i18n.findings``)."""
    return no_commands(
        finding_text(
            message(finding.location()),
            finding.level.value,
            message(finding.code),
            message(finding.message),
            lang,
        )
    )


def capped(
    findings: Iterable[Finding],
    per_group: int = PER_GROUP,
    per_code: int = PER_CODE,
    lang: str = "en",
) -> tuple[list[Finding], list[str]]:
    """The findings to print, in their order, and one line per group cut short."""
    items = list(findings)
    sizes: dict[tuple[str, str], int] = {}
    for f in items:
        sizes[(f.path, f.code)] = sizes.get((f.path, f.code), 0) + 1
    shown: list[Finding] = []
    seen: dict[tuple[str, str], int] = {}
    group_rest: dict[tuple[str, str], int] = {}  # (file, code) -> problems past per_group
    printed: dict[str, int] = {}  # code -> findings printed, in all files
    left: dict[str, tuple[int, set[str]]] = {}  # code -> (problems past per_code, files)

    def leave(code: str, count: int, path: str) -> None:
        total, files = left.get(code, (0, set()))
        files.add(path)
        left[code] = (total + count, files)

    for f in items:
        key = (f.path, f.code)
        seen[key] = seen.get(key, 0) + 1
        if sizes[key] > per_group + 1 and seen[key] > per_group:
            group_rest[key] = group_rest.get(key, 0) + f.count
        elif f.count > 1:  # an earlier cap's summary: printed as it is
            shown.append(f)
        elif printed.get(f.code, 0) < per_code:
            printed[f.code] = printed.get(f.code, 0) + 1
            shown.append(f)
        else:
            leave(f.code, f.count, f.path)
    in_print = {(f.path, f.code) for f in shown}
    more = []
    for (path, code), rest in group_rest.items():
        if (path, code) in in_print:
            more.append(more_in_file(rest, message(code), message(path), lang))
        else:
            leave(code, rest, path)
    more += [
        more_in_files(count, message(code), len(files), lang)
        for code, (count, files) in left.items()
    ]
    return shown, more
