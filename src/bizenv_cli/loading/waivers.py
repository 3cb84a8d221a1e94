"""Load a waivers file (``--waivers``): schema, and every target id must exist."""

from __future__ import annotations

from pathlib import Path

from bizenv_cli.diagnostics import PER_KIND, Finding, cap
from bizenv_cli.loading.locate import validate_document
from bizenv_cli.loading.measureset import MeasureSet, display_path
from bizenv_cli.loading.submissions import LABELS, closest_id
from bizenv_cli.loading.targets import index_targets
from bizenv_cli.models.waiver import Waivers
from bizenv_cli.reading.files import read_document
from bizenv_cli.reading.yamlsafe import Document, YamlLoadError

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
    refs = index_targets(measure_set)
    unknown = 0
    for i, waiver in enumerate(waivers.waivers):
        if waiver.target in refs:
            continue
        pos = doc.positions.value_pos(("waivers", i, "target"))
        unknown += 1  # suggestions cost: only for those shown (cap() counts the rest)
        close = closest_id(waiver.target, refs) if unknown <= PER_KIND else None
        hint = f": did you mean {close!r}?" if close else ""
        findings.append(
            Finding(
                shown,
                pos.line if pos else 0,
                pos.col if pos else 0,
                CODE_UNKNOWN_TARGET,
                f"unknown target id {waiver.target!r}{hint}",
            )
        )
    return (None if findings else waivers), cap(findings, labels=LABELS)
