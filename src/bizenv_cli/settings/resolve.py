"""Which settings are in force, and where each came from.

Precedence, highest first: the command-line option, the environment (``$BIZENV_MEASURES``),
``bizenv.toml`` (the nearest one from the current folder upward), then the default
(discovery of ``measures/``, the locale's language, no waivers)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bizenv_cli.diagnostics import Finding
from bizenv_cli.errors import BizenvError
from bizenv_cli.loading.names import display_path
from bizenv_cli.settings.read import CODE_SETTINGS, read_settings

if TYPE_CHECKING:
    from bizenv_cli.models.settings import Settings

FILE_NAME = "bizenv.toml"


def find_settings(start: Path) -> Path | None:
    """The nearest bizenv.toml in ``start`` or a folder above it (a FIFO or a broken link
    is found too, and refused when read)."""
    for folder in (start, *start.parents):
        candidate = folder / FILE_NAME
        if os.path.lexists(candidate):
            return candidate
    return None


@dataclass
class Configured:
    """The data folder's settings file, or none (every value then None)."""

    path: Path | None = None
    shown: str = FILE_NAME
    settings: Settings | None = None
    lines: dict[str, int] = field(default_factory=dict)

    def value(self, key: str) -> str | None:
        """A setting by its dotted key ('lang', 'office.notice_prefix'), None when unset."""
        obj: object = self.settings
        for part in key.split("."):
            obj = getattr(obj, part, None) if obj is not None else None
        return obj if isinstance(obj, str) else None

    def where(self, key: str) -> str:
        return f"{self.shown}:{self.lines.get(key, 0)}"

    def folder(self, key: str) -> Path | None:
        """A path setting, relative to the file's folder; None when unset."""
        text = self.value(key)
        if text is None or self.path is None:
            return None
        return self.path.parent / text

    def error(self, key: str, message: str) -> BizenvError:
        """A value that cannot be used, named at its line (exit 3)."""
        line = self.lines.get(key, 0)
        finding = Finding(self.shown, line, 1 if line else 0, CODE_SETTINGS, message)
        return BizenvError(f"{self.where(key)}: {message}", findings=[finding])


_CACHE: dict[tuple[str, int, int, int], Configured] = {}


def configured(start: Path | None = None) -> Configured:
    """The settings in force for a command run in ``start`` (default: the current folder);
    BizenvError (exit 3) when the file found cannot be used."""
    path = find_settings((start or Path.cwd()).absolute())
    if path is None:
        return Configured()
    try:
        info = path.stat()
        key = (str(path), info.st_mtime_ns, info.st_size, info.st_ino)
    except OSError:
        key = (str(path), 0, 0, 0)
    if key not in _CACHE:
        shown = display_path(path)
        settings, lines = read_settings(path, shown)
        _CACHE.clear()
        _CACHE[key] = Configured(path, shown, settings, lines)
    return _CACHE[key]


def measures_folder(given: Path | None, *, near: Path | None = None) -> Path:
    """The measure folder: --measures, $BIZENV_MEASURES, the submission's own tree,
    bizenv.toml's ``measures`` (which must hold plan.yaml), the nearest measures/."""
    from bizenv_cli.loading.discover import ENV_VAR, locate_measures
    from bizenv_cli.loading.names import PLAN_FILE

    folder = None
    if given is None and not os.environ.get(ENV_VAR, "").strip():
        config = configured()
        folder = config.folder("measures")
        if folder is not None and not (folder / PLAN_FILE).exists():
            raise config.error(
                "measures", f"measures = {config.value('measures')!r}: no {PLAN_FILE} in {folder}"
            )
    return locate_measures(given, near=near, configured=folder)


def waivers_file(given: Path | None) -> Path | None:
    """--waivers, else bizenv.toml's ``waivers`` (which must exist), else none."""
    if given is not None:
        return given
    config = configured()
    path = config.folder("waivers")
    if path is not None and not path.exists():
        raise config.error("waivers", f"waivers = {config.value('waivers')!r}: no such file")
    return path


def language(given: str | None) -> str | None:
    """--lang, else bizenv.toml's ``lang``, else None (the locale decides)."""
    return given or configured().value("lang")
