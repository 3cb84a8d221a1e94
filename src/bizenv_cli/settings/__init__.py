"""``bizenv.toml``: find the data folder's settings and say where each value came from.

Core code: no click, no rich; ``tomllib`` from the standard library reads the file and the
pydantic model ``models.settings.Settings`` checks it (imported only when a file is found)."""

from bizenv_cli.settings.resolve import (
    FILE_NAME,
    configured,
    find_settings,
    language,
    measures_folder,
    waivers_file,
)

__all__ = [
    "FILE_NAME",
    "configured",
    "find_settings",
    "language",
    "measures_folder",
    "waivers_file",
]
