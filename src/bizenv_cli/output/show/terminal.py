"""`bizenv show N`: a measure's facts, its source text with the targets' quotes marked,
and its targets."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from bizenv_cli.listing import deadline_meaning, format_number, merge_spans, requirement
from bizenv_cli.sanitize import clean

OPEN_MARK, CLOSE_MARK = "【", "】"
QUOTE_STYLE = "bold underline"


def _t(text: str) -> Text:
    """Text from the measure files: never markup, unsafe characters as escapes."""
    return Text(clean(text, keep="\n"))


def _bilingual(title: dict[str, str] | None, number: int) -> Text:
    if title is None:
        return _t(f"{number} (not in plan.yaml)")
    return _t(f"{number} {title['zh']} ({title['en']})")


def _units(ids: list[str], names: list[str]) -> Text:
    if not ids:
        return Text("(none)")
    shown = (f"{name} ({i})" if name != i else i for i, name in zip(ids, names, strict=True))
    return _t(", ".join(shown))


def header(measure: dict[str, Any]) -> Text:
    deadline = measure["deadline"]
    rows = [
        ("measure", _t(f"{measure['number']}. {measure['title']['zh']}")),
        ("", _t(measure["title"]["en"])),
        ("id", _t(measure["id"])),
        ("chapter", _bilingual(measure["chapter_title"], measure["chapter"])),
        ("section", _bilingual(measure["section_title"], measure["section"])),
        ("lead", _units(measure["lead"], measure["lead_names"])),
        ("responsible", _units(measure["responsible"], measure["responsible_names"])),
        ("deadline", _t(f"{deadline['text']} ({deadline_meaning(deadline)})")),
    ]
    width = max(len(label) for label, _ in rows) + 2
    return Text("\n").join(Text(label.ljust(width)) + value for label, value in rows)


def marked_source(source: str, spans: list[tuple[int, int]], *, plain: bool) -> Text:
    """The source with each span styled, or, in plain output, wrapped in 【…】."""
    # Built piece by piece: escaping may change lengths, the spans index the source.
    text = Text()
    at = 0
    for start, end in merge_spans(spans):
        text.append(clean(source[at:start], keep="\n"))
        quote = clean(source[start:end], keep="\n")
        if plain:
            text.append(OPEN_MARK + quote + CLOSE_MARK)
        else:
            text.append(quote, style=QUOTE_STYLE)
        at = end
    text.append(clean(source[at:], keep="\n"))
    return text


def _scope(row: dict[str, Any]) -> str:
    return "; ".join(
        f"{s['subject']['zh']} {s['comparator']} {format_number(s['value'])} {s['unit']}"
        for s in row["scope"]
    )


def targets_table(rows: list[dict[str, Any]], *, plain: bool) -> Table:
    table = Table(
        box=box.ASCII2 if plain else box.SIMPLE_HEAD,
        header_style="" if plain else "bold",
        show_edge=not plain,
        pad_edge=False,
    )
    for name in ("id", "kind", "requirement", "unit", "due", "scope"):
        table.add_column(name, no_wrap=name in ("id", "kind", "unit", "due"), overflow="fold")
    for row in rows:
        unit = row["unit"] or ""
        if row["kind"] == "change":
            unit = f"{unit} of {row['quantity_unit']}"
        table.add_row(
            _t(row["target_id"] + (" (strive)" if row["strive"] else "")),
            _t(row["kind"]),
            _t(requirement(row, with_unit=False)),
            _t(unit),
            _t(row["due"] or row["deadline"]["due"] or row["deadline"]["text"]),
            _t(_scope(row)),
        )
    return table


def measure_page(view: dict[str, Any], *, plain: bool) -> list[RenderableType]:
    """The `bizenv show` page for ``listing.measure_view``'s data, part by part. Print the
    Text parts with ``soft_wrap=True`` in plain output to keep the plan's own line breaks."""
    measure, targets = view["measure"], view["targets"]
    spans = [
        (int(r["source_span"][0]), int(r["source_span"][1]))
        for r in targets if r["source_span"]
    ]
    missing = [r["target_id"] for r in targets if not r["source_span"]]
    how = f"marked {OPEN_MARK}like this{CLOSE_MARK}" if plain else "underlined"
    parts: list[RenderableType] = [
        header(measure),
        Text(""),
        Text(f"Source (the targets' quotes are {how}):"),
        marked_source(measure["source"], spans, plain=plain),
    ]
    if missing:
        parts.append(_t(f"Quote not found in the source for: {', '.join(missing)}"))
    parts += [Text(""), Text(f"Targets ({len(targets)}):"), targets_table(targets, plain=plain)]
    return parts
