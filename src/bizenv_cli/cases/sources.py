"""Which source of the mapping a case file is when its name matches no ``files`` pattern:
the mapping says which columns each source has (case id, start, end and the columns its
targets test), so a file whose header holds every column of exactly one source is that
source's export, whatever it is called (``供电公司新装工单导出.csv``)."""

from __future__ import annotations

from pathlib import Path

from bizenv_cli.cases.codes import CODE_UNMATCHED
from bizenv_cli.cases.prepare import needed_columns
from bizenv_cli.diagnostics import Finding
from bizenv_cli.models.casemap import CaseMap

SHOWN_COLUMNS = 12  # of the file's header, in a finding


def _names(items: list[str]) -> str:
    more = f" and {len(items) - SHOWN_COLUMNS} more" if len(items) > SHOWN_COLUMNS else ""
    return ", ".join(items[:SHOWN_COLUMNS]) + more


def by_columns(path: Path, shown: str, mapping: CaseMap) -> tuple[list[int], Finding | None]:
    """The index of the one source whose columns the file holds, or a finding (D005)
    naming the file, the columns it has and the sources it could be."""
    from bizenv_cli.cases.read import header_rows
    from bizenv_cli.cases.read_csv import header_index

    rows = header_rows(path, shown)
    fits = [
        i
        for i, s in enumerate(mapping.sources)
        if any(set(needed_columns(s)) <= set(row) for row in rows)
    ]
    header = [c for c in rows[header_index(rows, set())] if c] if rows else []
    if len(fits) == 1:
        return fits, None
    patterns = "; ".join(f"{s.name}: {', '.join(s.files)}" for s in mapping.sources)
    if fits:
        which = " and ".join(mapping.sources[i].name for i in fits)
        message = (
            f"its columns fit several sources ({which}): rename it to match the files "
            "pattern of the one it is"
        )
    else:
        message = (
            f"no source of the mapping takes this file: its name matches none of the patterns "
            f"({patterns}) and its columns ({_names(list(dict.fromkeys(header))) or 'none'}) "
            "hold no source's columns: rename it, or add a source for it to the mapping"
        )
    return [], Finding(shown, 0, 0, CODE_UNMATCHED, message)
