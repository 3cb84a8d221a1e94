"""Write a new data folder: built beside the target under a temporary name and renamed
into place at the end, so an interrupted or failed init leaves nothing behind."""

from __future__ import annotations

import os
import shutil
import tempfile
from importlib.resources.abc import Traversable
from pathlib import Path

from bizenv_cli.errors import EXIT_USAGE, BizenvError
from bizenv_cli.fileio import folder_mode
from bizenv_cli.plans import PLANS, shipped
from bizenv_cli.scaffold import skeleton, texts

_SKIP = {"__pycache__"}


def _copy_tree(source: Traversable, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for item in source.iterdir():
        if item.name in _SKIP or item.name.startswith("."):
            continue
        if item.is_dir():
            _copy_tree(item, target / item.name)
        else:
            (target / item.name).write_bytes(item.read_bytes())


def _schemas(target: Path) -> None:
    from bizenv_cli.schemas import SCHEMAS, file_name, render_schema

    target.mkdir()
    for name in SCHEMAS:
        (target / file_name(name)).write_text(render_schema(name), encoding="utf-8")


def _fill(root: Path, plan: str, empty: bool) -> None:
    _schemas(root / "schemas")
    if empty:
        (root / "measures" / "source").mkdir(parents=True)
        (root / "measures" / "plan.yaml").write_text(skeleton.PLAN, encoding="utf-8")
        (root / "measures" / "departments.yaml").write_text(skeleton.DEPARTMENTS, encoding="utf-8")
        settings, example, steps, plan_line = texts.SETTINGS_EMPTY, "", texts.NEXT_EMPTY, ""
    else:
        measures, example_dir = shipped(plan)
        _copy_tree(measures, root / "measures")
        for item in example_dir.iterdir():
            if item.is_dir() and not item.name.startswith((".", "_")):
                _copy_tree(item, root / "returns" / item.name)
            elif item.name == "waivers.yaml":
                (root / "waivers.yaml").write_bytes(item.read_bytes())
        settings, example, steps = texts.SETTINGS, texts.EXAMPLE_LINES, texts.NEXT_FULL
        plan_line = f",方案:{PLANS[plan]}"
    (root / "bizenv.toml").write_text(settings, encoding="utf-8")
    readme = texts.README.format(plan_line=plan_line, example_lines=example, next_steps=steps)
    (root / "README.md").write_text(readme, encoding="utf-8")


def init_folder(target: Path, plan: str, *, empty: bool = False) -> list[str]:
    """Write the data folder ``target`` (which must not exist, or be an empty folder);
    the paths written, relative to it. BizenvError: exit 2 for a folder in use or an
    unknown plan, exit 3 when the files cannot be written."""
    if plan not in PLANS:
        raise BizenvError(
            f"unknown plan {plan!r}: the shipped plans are {', '.join(PLANS)}",
            exit_code=EXIT_USAGE,
        )
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise BizenvError(f"{target} exists and is not a folder: choose another name",
                          exit_code=EXIT_USAGE)
    if target.is_dir() and any(target.iterdir()):
        raise BizenvError(f"{target} is not empty: init writes only into a new or empty folder",
                          exit_code=EXIT_USAGE)
    parent = target.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{target.name}.init-", dir=parent))
    except OSError as exc:
        raise BizenvError(f"cannot write in {parent}: {exc.strerror or exc}") from None
    try:
        _fill(work, plan, empty)
        if target.is_dir():
            target.rmdir()  # empty, checked above
        os.rename(work, target)
    except FileNotFoundError as exc:
        raise BizenvError(f"cannot init: {exc}") from None
    except OSError as exc:
        raise BizenvError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    os.chmod(target, folder_mode())
    return sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file())

