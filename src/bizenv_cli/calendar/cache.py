"""A built calendar kept in bizenv's cache folder (``cachedir``), so that `bizenv workdays`
needs neither the YAML loader nor the pydantic models on a second run (issue 16's
start-up target). The key is the bytes of calendar.yaml, how its path is shown, the code
that reads it and the library's data: a change to any of them is another entry, so a
stale one is never used. Only calendars built without a finding are kept; writing is
best effort (a read-only home only makes the next run slower)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from datetime import date, time
from pathlib import Path

from bizenv_cli import __version__
from bizenv_cli.cachedir import cache_dir
from bizenv_cli.calendar.index import WorkCalendar

_HERE = Path(__file__).resolve().parent
# the code a built calendar depends on: any change to it is a new key
_CODE = (
    _HERE / "index.py",
    _HERE / "sources.py",
    _HERE / "load.py",
    _HERE / "conflicts.py",
    _HERE.parent / "models" / "calendar.py",
    _HERE.parent / "models" / "base.py",
)
MAX_ZONE_BYTES = 1024 * 1024  # calendar.yaml's own limit is lower: a bigger file is not cached


def key(zone: bytes | None, shown: str) -> str:
    digest = hashlib.sha256(f"{__version__}|{shown}|".encode("utf-8", "surrogateescape"))
    for path in _CODE:
        digest.update(path.read_bytes())
    spec = importlib.util.find_spec("chinese_calendar")
    if spec is not None and spec.origin:
        folder = Path(spec.origin).parent
        for name in sorted(os.listdir(folder)):
            if name.endswith(".py"):
                info = (folder / name).stat()
                digest.update(f"{name}|{info.st_size}|{info.st_mtime_ns}|".encode())
    digest.update(zone if zone is not None else b"\0no calendar.yaml")
    return digest.hexdigest()[:32]


def _path(k: str) -> Path:
    return cache_dir() / f"calendar-{k}.json"


def load(k: str) -> WorkCalendar | None:
    """The calendar kept under ``k``, or None (none kept, or an entry that does not read)."""
    try:
        data = json.loads(_path(k).read_text(encoding="utf-8"))
        overrides = {date.fromisoformat(d): bool(w) for d, w in data["overrides"]}
        hours = [(time.fromisoformat(a), time.fromisoformat(b)) for a, b in data["hours"]]
        return WorkCalendar(data["covered"], overrides, hours, data["sources"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save(k: str, calendar: WorkCalendar) -> None:
    """Keep ``calendar`` under ``k``; any failure is ignored (the cache is only a speed-up)."""
    from bizenv_cli.errors import BizenvError
    from bizenv_cli.fileio import write_atomic

    data = {
        "covered": sorted(calendar.covered),
        "overrides": [[d.isoformat(), w] for d, w in sorted(calendar.overrides().items())],
        "hours": [[a.isoformat(), b.isoformat()] for a, b in calendar.office_hours()],
        "sources": list(calendar.sources),
    }
    try:
        _path(k).parent.mkdir(parents=True, exist_ok=True)
        write_atomic(_path(k), json.dumps(data))
    except (OSError, BizenvError):  # best effort: an unwritable cache costs speed only
        return
