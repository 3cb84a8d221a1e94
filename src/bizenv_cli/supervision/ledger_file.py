"""Read and write the ledger (督办台账): YAML checked by its schema, every problem a finding
at its line (exit 3); written whole or not at all (fileio), with a header for staff."""

from __future__ import annotations

from collections import Counter
from datetime import date
from enum import Enum
from pathlib import Path

from bizenv_cli.diagnostics import Finding
from bizenv_cli.errors import BizenvError
from bizenv_cli.models.ledger import Ledger

MAX_BYTES = 16 * 1024 * 1024  # years of items; far past any office's ledger
MAX_NODES = 1_000_000
CODE_LEDGER = "V001"  # the ledger contradicts itself (an id twice, a number twice)

HEADER = """\
# yaml-language-server: $schema=../schemas/ledger.schema.json
# 督办台账 (the supervision ledger), kept by `bizenv ledger update` (docs/supervision.md).
# Staff may type feedback, extensions, notes and escalated: an update never drops them.
# `bizenv ledger feedback ITEM ...` records feedback or an extension for you. Comments are
# not kept when bizenv writes the file: put remarks in an item's notes.
"""


def read_ledger(path: Path, *, missing_ok: bool = False) -> Ledger:
    """The ledger at ``path``; an empty one when it does not exist and ``missing_ok``.
    BizenvError (exit 3) with every problem at its line otherwise."""
    from bizenv_cli.loading.locate import validate_document
    from bizenv_cli.loading.names import display_path
    from bizenv_cli.reading.files import read_document
    from bizenv_cli.reading.yamlsafe import YamlLoadError

    shown = display_path(path)
    if missing_ok and not path.exists() and not path.is_symlink():
        return Ledger()
    try:
        doc = read_document(path, shown, max_bytes=MAX_BYTES, max_nodes=MAX_NODES)
    except YamlLoadError as exc:
        raise BizenvError(f"the ledger {shown} cannot be used", findings=exc.findings) from None
    if doc.data is None:  # an empty file: a new ledger
        return Ledger()
    ledger, findings = validate_document(Ledger, doc, shown)
    if ledger is not None:
        findings = _contradictions(ledger, doc, shown)
    if findings or ledger is None:
        raise BizenvError(f"the ledger {shown} does not match its schema", findings=findings)
    return ledger


def _contradictions(ledger: Ledger, doc: object, shown: str) -> list[Finding]:
    positions = getattr(doc, "positions", None)

    def at(key: tuple[str | int, ...], message: str) -> Finding:
        pos = positions.value_pos(key) if positions is not None else None
        return Finding(shown, pos.line if pos else 0, pos.col if pos else 0, CODE_LEDGER, message)

    found = []
    ids = Counter(item.id for item in ledger.items)
    for i, item in enumerate(ledger.items):
        if ids[item.id] > 1:
            found.append(at(("items", i, "id"), f"item id {item.id} appears {ids[item.id]} times"))
        if item.state.value == "closed" and item.closed is None:
            found.append(at(("items", i, "state"), "a closed item needs its closed date"))
    numbers = Counter((n.year, n.serial) for n in ledger.notices)
    for i, notice in enumerate(ledger.notices):
        if numbers[(notice.year, notice.serial)] > 1:
            found.append(
                at(
                    ("notices", i, "serial"),
                    f"number {notice.serial} of {notice.year} is "
                    "issued twice: a document number never repeats",
                )
            )
    return found


def _plain(value: object) -> object:
    """Model data as YAML's plain types: dates as YYYY-MM-DD text, enums as their value."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return value


def render_ledger(ledger: Ledger) -> str:
    import yaml

    # mode="python" and our own conversion: pydantic's JSON mode warns (slowly) about
    # every IsoDate although the text it writes is right.
    data = _plain(ledger.model_dump(mode="python"))
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present: faster
    body = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)
    return HEADER + body


def write_ledger(path: Path, ledger: Ledger) -> None:
    """The ledger, written atomically (the old file stays whole on any failure)."""
    from bizenv_cli.fileio import write_atomic

    write_atomic(path, render_ledger(ledger))
