"""Which measure set a command uses: ``--measures``, else ``$BIZENV_MEASURES``, else the
nearest ``measures/plan.yaml`` from the current folder upward (``validate SUBMISSION``
tries the submission's own tree before the current folder). The first that is given
wins; a given folder that is not a measure set is reported by the loader, not skipped."""

from __future__ import annotations

import os
from pathlib import Path

from bizenv_cli.errors import BizenvError

ENV_VAR = "BIZENV_MEASURES"
FOLDER = "measures"
PLAN_FILE = "plan.yaml"  # the same name as loading.measureset.PLAN_FILE (a test keeps them equal)


def _nearest(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / FOLDER / PLAN_FILE).exists():
            return folder / FOLDER
    return None


def _tree(path: Path) -> Path | None:
    """The folder holding plan.yaml that ``path`` is in (a submission inside a measure set)."""
    start = path if path.is_dir() else path.parent
    for folder in (start, *start.parents):
        if (folder / PLAN_FILE).exists():
            return folder
    return None


def locate_measures(
    given: Path | None, *, near: Path | None = None, configured: Path | None = None
) -> Path:
    """The measure folder to use; BizenvError (exit 3) naming what was tried.
    ``configured`` is the folder bizenv.toml names (``settings``), tried after the
    submission's own tree and before the nearest measures/."""
    if given is not None:
        return given
    env = os.environ.get(ENV_VAR, "")
    if env.strip():
        return Path(env)
    tried = ["no --measures option", f"{ENV_VAR} is not set"]
    if near is not None:
        found = _tree(near.absolute())
        if found is not None:
            return found
        tried.append(f"no {PLAN_FILE} above {near}")
    if configured is not None:
        return configured
    tried.append("no bizenv.toml naming one")
    cwd = Path.cwd()
    found = _nearest(cwd)
    if found is not None:
        return _relative(found, cwd)
    tried.append(f"no {FOLDER}/{PLAN_FILE} in {cwd} or any folder above it")
    raise BizenvError(
        "no measure set found: " + "; ".join(tried) + f". Pass --measures DIR or set {ENV_VAR}"
    )


def _relative(found: Path, cwd: Path) -> Path:
    """``measures`` or ``../../measures``: shown in messages as the user would type it."""
    try:
        return found.relative_to(cwd)
    except ValueError:
        pass
    up = len(cwd.parts) - len(found.parent.parts)
    return Path(*([".."] * up), FOLDER) if up > 0 else found
