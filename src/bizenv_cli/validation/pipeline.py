"""The measure set a command may use: loaded (``loading``), then checked by the same rules as
`bizenv validate` (``rules``), so that a set validate rejects is never used. It lives above
both rooms, which know nothing of each other's callers."""

from __future__ import annotations

import logging
from pathlib import Path

from bizenv_cli.diagnostics import Level
from bizenv_cli.errors import BizenvError
from bizenv_cli.loading.measureset import MeasureSet, find_root, load_measure_set
from bizenv_cli.loading.names import display_path
from bizenv_cli.validation import run_rules


def load_usable(path: Path) -> MeasureSet:
    """The measure set under ``path``; BizenvError (exit 3) with the findings if any file is bad."""
    if not path.is_dir():
        raise BizenvError(f"{path}: no such folder; pass the measure folder with --measures")
    root = find_root(path)
    if root is None:
        raise BizenvError(
            f"{path}: no plan.yaml here or in a parent folder; is this a measures folder?"
        )
    mset, findings = load_measure_set(root)
    # The same rules as `bizenv validate`: a set it rejects is never used.
    findings += run_rules(mset)
    errors = sorted(f for f in findings if f.level is Level.error)
    if errors:
        raise BizenvError(
            f"{len(errors)} error(s) in the measure files under {display_path(root)}: "
            f"nothing was done; fix them (`bizenv validate {display_path(root)}` lists them)",
            findings=errors,
        )
    if findings:  # warnings only: `bizenv validate` shows them; -v says how many
        logging.getLogger("bizenv").info(
            "%d warning(s) in the measure files (see `bizenv validate`)", len(findings)
        )
    return mset
