"""Load submission files: read, validate, resolve the department, check every entry.

Readers are chosen by file suffix from ``READERS``. A reader takes the path and
the display path and returns a ``Document`` (plain data and a PositionMap); it
raises ``YamlLoadError(findings)`` for a file it cannot use. The spreadsheet
formats register themselves here through ``lazy_reader`` so their library is
only imported when such a file is read.
"""

from __future__ import annotations

import difflib
import errno
import importlib
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path

from bizenv_cli.diagnostics import PER_CODE, PER_KIND, Finding, Level, cap
from bizenv_cli.loading.entries import check_entry
from bizenv_cli.loading.folder import CODE_SKIPPED, sort_folder
from bizenv_cli.loading.loaded import LoadedSubmission as LoadedSubmission  # re-exported
from bizenv_cli.loading.locate import validate_document
from bizenv_cli.loading.measureset import MeasureSet, display_path
from bizenv_cli.loading.overlap import resolve_overlaps
from bizenv_cli.loading.ratios import CODE_RATIO, read_ratios
from bizenv_cli.loading.targets import TargetRef, index_targets
from bizenv_cli.models.periods import period_bounds
from bizenv_cli.models.submission import Submission
from bizenv_cli.reading.files import file_kind, read_document
from bizenv_cli.reading.yamlsafe import (
    Document,
    PathKey,
    Pos,
    YamlLoadError,
)

Reader = Callable[[Path, str], Document]

CODE_NOT_FOUND = "C001"
CODE_DEPARTMENT = "C002"
CODE_UNKNOWN_TARGET = "C003"
CODE_AFTER_AS_OF = "C005"
CODE_PERIOD = "C006"
CODE_NO_FILES = "C007"
CODE_WAIVERS = "C009"  # a warning: a waivers file among the submissions
__all__ = ["CODE_SKIPPED", "load_submissions"]
SUBMISSION_KEYS = frozenset(Submission.model_fields)


LABELS = {CODE_UNKNOWN_TARGET: "unknown target ids"}  # for cap()'s "... and N more"


def closest_id(target_id: str, refs: Mapping[str, object]) -> str | None:
    """The known target id closest to ``target_id``, if one is close enough."""
    close = difflib.get_close_matches(target_id, list(refs), n=1, cutoff=0.6)
    return close[0] if close else None


class Suggestions:
    """"Did you mean" for unknown target ids, computed at most ``limit`` times in a run:
    only the findings printed get one (``cap`` counts the rest: ``PER_KIND`` of a code in a
    file, ``PER_CODE`` in all files), so 10,000 files with one misspelt id each cost 100
    suggestions, not 10,000. An id seen before gets its suggestion again for free."""

    def __init__(self, refs: Mapping[str, object], limit: int = PER_CODE) -> None:
        self.refs = refs
        self.left = limit
        self.found: dict[str, str | None] = {}

    def __call__(self, target_id: str) -> str | None:
        if target_id not in self.found:
            if self.left <= 0:
                return None
            self.left -= 1
            self.found[target_id] = closest_id(target_id, self.refs)
        return self.found[target_id]


def lazy_reader(module: str, attr: str) -> Reader:
    """A reader imported on first use (keeps optional libraries out of startup)."""

    def read(path: Path, display: str) -> Document:
        reader: Reader = getattr(importlib.import_module(module), attr)
        return reader(path, display)

    return read


READERS: dict[str, Reader] = {
    ".yaml": read_document,
    ".yml": read_document,
    ".json": read_document,
    ".xlsx": lazy_reader("bizenv_cli.loading.spreadsheet", "read_xlsx"),
    ".xls": lazy_reader("bizenv_cli.loading.spreadsheet", "read_xlsx"),  # Excel 97-2003
    ".et": lazy_reader("bizenv_cli.loading.spreadsheet", "read_xlsx"),  # WPS 表格
    ".xlsm": lazy_reader("bizenv_cli.loading.spreadsheet", "read_xlsx"),  # with macros (unrun)
    ".csv": lazy_reader("bizenv_cli.loading.spreadsheet", "read_csv"),
}


def expand(paths: list[Path], *, say: bool = True) -> tuple[list[Path], list[Finding]]:
    """Files as given and the files with a known suffix directly inside given folders, once each.
    ``say``: log what is skipped unsaid (hidden files) on -v; False when listing them again."""
    files: list[Path] = []
    findings: list[Finding] = []
    for path in paths:
        if path.is_dir():
            inside, skipped = sort_folder(path, READERS, say=say)
            findings.extend(skipped)
            if not inside:
                known = ", ".join(sorted(READERS))
                findings.append(
                    Finding(
                        str(path),
                        0,
                        0,
                        CODE_NO_FILES,
                        f"no submission files ({known}) in this folder",
                    )
                )
            files.extend(inside)
        elif path.is_file():
            files.append(path)
        elif path.exists():
            findings.append(_not_regular(path))
        else:  # missing, a dangling link or a loop of links: said which
            findings.append(_missing(path))
    # FIFOs and devices (given, or inside a folder) are refused before anything opens them.
    findings.extend(_not_regular(f) for f in files if f.exists() and not f.is_file())
    findings.extend(_missing(f) for f in files if f.is_symlink() and not f.exists())
    files = [f for f in files if f.is_file() or not (f.exists() or f.is_symlink())]
    # A file named twice (or given and inside a given folder) is read once: not a duplicate.
    unique: dict[Path, Path] = {}
    for file in files:
        try:
            unique.setdefault(file.resolve(), file)
        except (RuntimeError, OSError):  # a symlink loop: resolve() raises, stat() too
            findings.append(_missing(file))
    return list(unique.values()), findings


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (RuntimeError, OSError):
        return False


def _missing(path: Path) -> Finding:
    """A path that leads to no file: missing, a dangling link or a loop of links."""
    what = "a symbolic link to nothing" if path.is_symlink() else "no such file or folder"
    try:
        path.resolve(strict=True)
    except RuntimeError:  # a loop, before Python 3.13
        what = "a loop of symbolic links"
    except OSError as exc:
        what = "a loop of symbolic links" if exc.errno == errno.ELOOP else what
    return Finding(str(path), 0, 0, CODE_NOT_FOUND, what)


def _is_waivers(data: object) -> bool:
    """A waivers file by its shape: a top-level ``waivers`` key and none of a submission's
    (a submission with a stray ``waivers`` key stays a submission, and an S001)."""
    return isinstance(data, dict) and "waivers" in data and not SUBMISSION_KEYS & set(data)


def _not_regular(path: Path) -> Finding:
    kind = file_kind(path.stat().st_mode)
    return Finding(str(path), 0, 0, CODE_NOT_FOUND, f"not a regular file ({kind})")


def read_submission(path: Path, display: str) -> Document:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise YamlLoadError(
            [Finding(display, 0, 0, CODE_NOT_FOUND, f"unknown file type: use one of {known}")]
        )
    return reader(path, display)


def name_cells(doc: Document, findings: list[Finding]) -> list[Finding]:
    """In a spreadsheet, a finding names its cell first: '区供电公司!G7: ...'."""
    cell_name = getattr(doc, "cell_name", None)
    if cell_name is None:
        return findings
    named = []
    for f in findings:
        cell = cell_name(Pos(f.line, f.col)) if f.line else ""
        named.append(
            replace(f, message=f"{cell}: {f.message}")
            if cell and not f.message.startswith(f"{cell}: ")
            else f
        )
    return named


def load_submission(
    path: Path,
    measure_set: MeasureSet,
    *,
    refs: dict[str, TargetRef] | None = None,
    as_of: date | None = None,
    display: str | None = None,
    doc: Document | None = None,
    period: str | None = None,
    suggest: Suggestions | None = None,
) -> tuple[LoadedSubmission | None, list[Finding]]:
    """One file: the loaded submission (None when unusable) and every problem found in it.
    ``doc``: the file already read (by ``bizenv validate``), so it is not parsed again.
    ``period``: the period of a file that states neither period nor as_of (``--period``).
    ``suggest``: the run's "did you mean" (shared by the files of one run)."""
    shown = display or display_path(path)
    try:
        doc = doc if doc is not None else read_submission(path, shown)
    except YamlLoadError as exc:
        return None, list(exc.findings)
    if _is_waivers(doc.data):
        pos = doc.positions.key_pos(("waivers",)) or Pos(0, 0)
        skip = f"a waivers file, not a submission: skipped; pass it with --waivers {shown}"
        return None, [Finding(shown, pos.line, pos.col, CODE_WAIVERS, skip, Level.warning)]
    if period is not None and isinstance(doc.data, dict) and not {"period", "as_of"} & set(
        doc.data
    ):
        doc = replace(doc, data={**doc.data, "period": period})  # a sheet without its header
    model, findings = validate_document(Submission, doc, shown)
    if model is None:
        return None, name_cells(doc, findings)
    refs = refs if refs is not None else index_targets(measure_set)
    suggest = suggest if suggest is not None else Suggestions(refs)
    known = refs
    model, ratios = read_ratios(model, lambda tid: ref.target if (ref := known.get(tid)) else None)
    dept = measure_set.index.resolve(model.department)
    day = model.as_of or period_bounds(model.period or "")[1]
    loaded = LoadedSubmission(model, shown, doc.positions, dept.id if dept else "", day)
    loaded.remarks = list(getattr(doc, "remarks", []))
    cell_name = getattr(doc, "cell_name", None)  # spreadsheets name the cell: 供电公司!G7
    loaded.cell_name = cell_name if callable(cell_name) else None

    def at(
        where: PathKey, code: str, message: str, *, key: bool = False, level: Level = Level.error
    ) -> None:
        pos = loaded.pos(where, key=key)
        if callable(cell_name) and pos.line:
            message = f"{cell_name(pos)}: {message}"
        findings.append(Finding(shown, pos.line, pos.col, code, message, level))

    for where, said in ratios:
        at(where, CODE_RATIO, said, level=Level.warning)

    if dept is None:
        hint = measure_set.index.suggest(model.department)
        at(
            ("department",),
            CODE_DEPARTMENT,
            f"unknown department {model.department!r}"
            + (
                f": did you mean {hint}?"
                if hint
                else ": use an id or name from measures/departments.yaml"
            ),
        )
    if model.period and model.as_of:
        first, last = period_bounds(model.period)
        if not first <= model.as_of <= last:
            at(
                ("as_of",),
                CODE_PERIOD,
                f"as_of {model.as_of} is outside period {model.period} ({first} to {last})",
            )
    if as_of is not None and loaded.start > as_of:  # a period after the as-of date
        at(
            ("as_of",) if model.as_of else ("period",),
            CODE_AFTER_AS_OF,
            (
                f"this submission holds on {day}"
                if model.as_of
                else f"period {model.period} starts on {loaded.start}"
            )
            + f", after the --as-of date {as_of}: check the period, or pass a later --as-of",
        )
    unknown = 0
    for target_id, entry in model.entries.items():
        ref = refs.get(target_id)
        if ref is None:
            unknown += 1  # suggestions cost: only for those shown (cap() counts the rest)
            hint = suggest(target_id) if unknown <= PER_KIND else ""
            hint = f": did you mean {hint!r}?" if hint else " (see `bizenv list` for target ids)"
            at(
                ("entries", target_id),
                CODE_UNKNOWN_TARGET,
                f"unknown target id {target_id!r}{hint}",
                key=True,
            )
            continue
        for where, message in check_entry(ref, entry, day):
            at(
                ("entries", target_id, *where),
                message.code,
                message.text,
                key=message.at_key or not where,
            )
    return loaded, findings


def load_submissions(
    paths: list[Path],
    measure_set: MeasureSet,
    *,
    as_of: date | None = None,
    waivers: Path | None = None,
    documents: Mapping[Path, Document] | None = None,
    period: str | None = None,
) -> tuple[list[LoadedSubmission], list[Finding]]:
    """Every submission in ``paths`` (folders expanded) and every problem found.
    ``documents``: files already read, by path, used instead of reading them again.

    Any error means the input cannot be used as it is (exit 3 in `bizenv check`);
    warnings do not (a waivers file among the submissions is skipped with one, unless
    it is ``waivers``, which is not read as a submission at all).
    """
    files, findings = expand(paths)
    if waivers is not None:
        files = [f for f in files if not _same_file(f, waivers)]
    refs = index_targets(measure_set)
    suggest = Suggestions(refs)
    loaded: list[LoadedSubmission] = []
    for path in files:
        doc = documents.get(path) if documents else None
        sub, problems = load_submission(
            path, measure_set, refs=refs, as_of=as_of, doc=doc, period=period, suggest=suggest
        )
        findings.extend(problems)
        if sub is not None:
            loaded.append(sub)
    findings.extend(resolve_overlaps(loaded, refs))
    return loaded, cap(findings, labels=LABELS)
