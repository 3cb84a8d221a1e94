"""`bizenv extract`: a draft measure set from a plan's text (.txt, .docx, text-layer .pdf).

Deterministic rules and patterns, no model and no network. Modules, from the file up:
intake (read the file, guarded), docx / pdf (their text), fold (the matching view:
whitespace, full-width, traditional characters; quotes stay verbatim), numbering and
layout (the outline), tail / closing / cells (units and deadlines after a measure),
names and registry (the units), deadlines, targets (hard numbers), meta (title, issuer,
date), measures and reader (the draft), writer (the measure set), summary (text and
JSON), compare (against a set encoded by hand: the quality figures)."""

from __future__ import annotations

from pathlib import Path

from bizenv_cli.extract.draft import Draft


def extract(path: Path) -> Draft:
    """Read the plan at ``path`` into a draft; BizenvError (exit 3) for unusable input."""
    from bizenv_cli.extract.intake import read_plan
    from bizenv_cli.extract.reader import read_draft

    return read_draft(read_plan(path))
