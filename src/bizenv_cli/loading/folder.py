"""Which files of a returns folder are read, and a word for every other one.

Files with a known suffix are submissions. Every other file is named in a warning (C016),
so a unit's return in a format bizenv does not read (.doc, .pdf, .wps, .numbers) is never
dropped in silence. The lock files Excel, WPS and LibreOffice leave beside an open workbook
(``~$x.xlsx``, ``.~lock.x.xlsx#``) get one warning per folder: the workbook may be open with
changes not saved. Other hidden files (``.DS_Store``, ``Thumbs.db`` is not hidden) are
system files: one line on ``-v``. Sub-folders are not read (a folder is one period's returns).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from pathlib import Path

from bizenv_cli.departments import DepartmentIndex
from bizenv_cli.diagnostics import Finding, Level

CODE_SKIPPED = "C016"
log = logging.getLogger("bizenv")
_LOCK_RE = re.compile(r"~\$.*|\.~lock\..*#")
_PARTS_RE = re.compile(r"[-_—–\s·.,，、()（）\[\]【】]+")
SAVE_AS = "if it is a return, open it in Excel or WPS and save it as Excel Workbook (.xlsx)"


def sort_folder(
    folder: Path, readers: Mapping[str, object], *, say: bool = True
) -> tuple[list[Path], list[Finding]]:
    """The folder's files to read (sorted), and a warning for each file that is not read."""
    files = sorted(p for p in folder.iterdir() if not p.is_dir())
    locks = [p for p in files if _LOCK_RE.fullmatch(p.name)]
    hidden = [p for p in files if p.name.startswith(".") and not _LOCK_RE.fullmatch(p.name)]
    aside = {p.name for p in (*locks, *hidden)}  # names: a set, so 10,000 files cost 10,000
    read = [p for p in files if p.suffix.lower() in readers and p.name not in aside]
    chosen = aside | {p.name for p in read}
    findings = [
        Finding(str(p), 0, 0, CODE_SKIPPED, f"not a file type bizenv reads "
                f"({p.suffix or 'no suffix'}; it reads {', '.join(sorted(readers))}): skipped; "
                f"{SAVE_AS}", Level.warning)
        for p in files if p.name not in chosen
    ]
    if locks:
        names = ", ".join(p.name for p in locks)
        findings.append(Finding(
            str(folder), 0, 0, CODE_SKIPPED, f"lock file(s) of a workbook open in Excel, WPS or "
            f"LibreOffice skipped ({names}): save and close it, or the check reads the version "
            "last saved", Level.warning))
    if hidden and say:
        log.info(f"{folder}: hidden files skipped: {', '.join(p.name for p in hidden)}")
    return read, findings


def unit_of_file(path: str, index: DepartmentIndex) -> str | None:
    """The unit a file's name names (社发局.doc, 税务局-二季度.pdf), if one does."""
    stem = Path(path).stem
    for part in (stem, *_PARTS_RE.split(stem)):
        dept = index.resolve(part) if part else None
        if dept is not None:
            return dept.id
    return None
