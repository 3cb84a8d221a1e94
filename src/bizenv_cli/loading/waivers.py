"""Load a waivers file (``--waivers``): schema, and every target id must exist."""

from __future__ import annotations

import difflib
from pathlib import Path

from bizenv_cli.diagnostics import Finding
from bizenv_cli.evaluation.targets import index_targets
from bizenv_cli.loading.files import read_document
from bizenv_cli.loading.locate import validate_document
from bizenv_cli.loading.measureset import MeasureSet, display_path
from bizenv_cli.loading.yamlsafe import Document, YamlLoadError
from bizenv_cli.models.waiver import Waivers

CODE_UNKNOWN_TARGET = "C003"


def load_waivers(
    path: Path, measure_set: MeasureSet, *, doc: Document | None = None
) -> tuple[Waivers | None, list[Finding]]:
    """The waivers in ``path`` (``doc``: the file already read) and every problem found."""
    shown = display_path(path)
    try:
        doc = doc if doc is not None else read_document(path, shown)
    except YamlLoadError as exc:
        return None, list(exc.findings)
    waivers, findings = validate_document(Waivers, doc, shown)
    if waivers is None:
        return None, findings
    ids = list(index_targets(measure_set))
    known = set(ids)
    for i, waiver in enumerate(waivers.waivers):
        if waiver.target in known:
            continue
        pos = doc.positions.value_pos(("waivers", i, "target"))
        close = difflib.get_close_matches(waiver.target, ids, n=1, cutoff=0.6)
        hint = f": did you mean {close[0]!r}?" if close else ""
        findings.append(
            Finding(
                shown,
                pos.line if pos else 0,
                pos.col if pos else 0,
                CODE_UNKNOWN_TARGET,
                f"unknown target id {waiver.target!r}{hint}",
            )
        )
    return (None if findings else waivers), findings
