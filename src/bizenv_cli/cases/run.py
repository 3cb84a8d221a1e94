"""`bizenv cases` without the command line: files to sources, sources to targets."""

from __future__ import annotations

import fnmatch
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import polars as pl

from bizenv_cli.calendar import WorkCalendar
from bizenv_cli.cases.codes import CODE_ROW
from bizenv_cli.cases.durations import EPOCH_ORDINAL, Lookup
from bizenv_cli.cases.engine import Window, compute
from bizenv_cli.cases.outcome import REASONS, TargetOutcome
from bizenv_cli.cases.prepare import finish, needed_columns, prepare_table
from bizenv_cli.cases.read import CaseStream, CaseTable, open_table, require_columns
from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.errors import BizenvError
from bizenv_cli.models import Target, ThresholdTarget
from bizenv_cli.models.casemap import CaseMap, Source

BATCHES_AT_ONCE = 2


@dataclass
class CaseRun:
    as_of: date
    period: str | None
    outcomes: list[TargetOutcome] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # bad rows, as warnings
    tables: list[CaseTable] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # which source each file was read as


def epoch_day(day: date) -> int:
    return day.toordinal() - EPOCH_ORDINAL


def window(as_of: date, bounds: tuple[date, date] | None) -> Window:
    """Cases ending in the period (up to the as-of date), or up to the as-of date."""
    if bounds is None:
        return Window(None, epoch_day(as_of), epoch_day(as_of))
    return Window(epoch_day(bounds[0]), epoch_day(min(bounds[1], as_of)), epoch_day(as_of))


def assign(files: list[Path], mapping: CaseMap) -> tuple[dict[int, list[Path]], list[str]]:
    """Source index -> the files it takes, and a line for each file saying which source
    it was taken as. A file is taken by the sources whose ``files`` patterns match its
    name, else by the one source whose columns its header holds (``sources.by_columns``);
    exit 3 for a file no source takes (it would otherwise be ignored without a word) or
    that two sources could take."""
    from bizenv_cli.cases.sources import by_columns
    from bizenv_cli.loading.measureset import display_path

    taken: dict[int, list[Path]] = {}
    said: list[str] = []
    lost: list[Finding] = []
    for path in files:
        hits = [
            i
            for i, source in enumerate(mapping.sources)
            if any(fnmatch.fnmatch(path.name, pattern) for pattern in source.files)
        ]
        how = "by its name"
        if not hits:
            hits, problem = by_columns(path, display_path(path), mapping)
            how = "by its columns"
            if problem is not None:
                lost.append(problem)
                continue
        for i in hits:
            taken.setdefault(i, []).append(path)
            said.append(f"{display_path(path)}: read as {mapping.sources[i].name} ({how})")
    if lost:
        raise BizenvError(f"{len(lost)} file(s) that no source of the mapping takes", findings=lost)
    return taken, said


def _prepared(
    stream: CaseStream, source: Source, i: int, lookup: Lookup, at: int
) -> Iterator[tuple[pl.DataFrame, pl.DataFrame]]:
    """``prepare_table`` of each batch of ``stream`` (the ``i``-th table of ``source``,
    whose first row is the ``at``-th), in order; two batches are prepared at once, as
    polars works without the interpreter's lock (a batch's many small steps leave a core
    idle otherwise), and no more are read ahead."""
    offset = 0
    pending: deque[Future[tuple[pl.DataFrame, pl.DataFrame]]] = deque()
    with ThreadPoolExecutor(max_workers=BATCHES_AT_ONCE, thread_name_prefix="bizenv") as pool:
        for batch in stream:
            work = (source, i, stream.table, lookup, batch, offset, at + offset)
            pending.append(pool.submit(prepare_table, *work))
            offset += batch.height
            if len(pending) >= BATCHES_AT_ONCE:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def run_cases(
    files: list[Path],
    mapping: CaseMap,
    targets: dict[str, Target],
    calendar: WorkCalendar,
    as_of: date,
    period: str | None = None,
    bounds: tuple[date, date] | None = None,
) -> CaseRun:
    from bizenv_cli.loading.names import display_path

    result = CaseRun(as_of, period)
    lookup = Lookup(calendar)
    span = window(as_of, bounds)
    missing: list[Finding] = []
    assigned, result.sources = assign(files, mapping)
    for i, paths in sorted(assigned.items()):
        source = mapping.sources[i]
        needed = needed_columns(source)
        tables: list[CaseTable] = []
        parts: list[pl.DataFrame] = []
        texts: list[pl.DataFrame] = []
        at = 0  # the source's rows so far
        for path in paths:  # a batch of raw cells at a time: each goes once it is prepared
            stream = open_table(path, display_path(path), set(needed), source.sheet)
            gaps = require_columns(stream.table, needed, source.name)
            missing += gaps
            if gaps:
                stream.close()
                continue
            before = len(parts)
            for rows, written in _prepared(stream, source, len(tables), lookup, at):
                parts.append(rows)
                texts.append(written)
                at += rows.height
            if len(parts) == before:  # a file of no rows: its columns, typed
                rows, written = prepare_table(source, len(tables), stream.table, lookup, at=at)
                parts.append(rows)
                texts.append(written)
            table = stream.finished()
            tables.append(table)
            result.tables.append(table)
        if not tables:
            continue
        prepared = finish(source, tables, parts, texts)
        for spec in source.targets:
            for target_id, conditions in spec.expanded():
                target = targets[target_id]
                assert isinstance(target, ThresholdTarget)  # load_mapping checked it
                outcome = compute(prepared, target_id, conditions, spec, target, lookup, span)
                result.outcomes.append(outcome)
                for bad in outcome.bad_rows:
                    message = f"{target_id}: {REASONS[bad.reason]}: {bad.detail}"
                    result.findings.append(
                        Finding(bad.file, bad.row, bad.column, CODE_ROW, message, Level.warning)
                    )
    if missing:
        raise BizenvError(f"{len(missing)} column(s) missing from the case files", findings=missing)
    return result
