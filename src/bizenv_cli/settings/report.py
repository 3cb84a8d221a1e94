"""What `bizenv config` shows: each setting's value in force and where it came from."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from bizenv_cli.loading.names import display_path
from bizenv_cli.settings.resolve import configured

PATHS = ("measures", "waivers")  # relative to bizenv.toml: shown as the path from here
KEYS = ("measures", "waivers", "lang", "office.name", "office.short_name", "office.notice_prefix")


@dataclass(frozen=True)
class Setting:
    key: str
    value: str | None
    origin: str  # 'command line', 'environment', 'found', 'locale', 'default' or 'FILE:LINE'


def in_force(
    measures: Path | None, waivers: Path | None, lang: str | None
) -> tuple[str | None, list[Setting]]:
    """(the settings file shown, or None; one Setting per key), the options given winning
    as they do for every command."""
    from bizenv_cli.i18n import detect_lang
    from bizenv_cli.loading.discover import ENV_VAR
    from bizenv_cli.settings.resolve import measures_folder

    config = configured()
    given = {"measures": measures, "waivers": waivers, "lang": lang}
    rows: list[Setting] = []
    for key in KEYS:
        value = given.get(key)
        if value is not None:
            rows.append(Setting(key, str(value), "command line"))
        elif key == "measures" and os.environ.get(ENV_VAR, "").strip():
            rows.append(Setting(key, os.environ[ENV_VAR], "environment"))
        elif config.value(key) is not None:
            folder = config.folder(key) if key in PATHS else None
            value = display_path(folder) if folder is not None else config.value(key)
            rows.append(Setting(key, value, config.where(key)))
        elif key == "measures":
            rows.append(Setting(key, str(measures_folder(None)), "found"))
        elif key == "lang":
            rows.append(Setting(key, detect_lang(os.environ), "locale"))
        else:
            rows.append(Setting(key, None, "default"))
    return (config.shown if config.path else None), rows
