"""What the extractor read, for a person (text) or a program (the JSON of issue 20)."""

from __future__ import annotations

from typing import Any

from bizenv_cli.extract.draft import Draft

MAX_LISTED = 200


def as_json(draft: Draft) -> dict[str, Any]:
    return {
        "plan": {
            "title": draft.title,
            "issuer": draft.issuer,
            "issued": draft.issued.isoformat() if draft.issued else None,
        },
        "measures": [
            {
                "number": m.number,
                "section": m.section,
                "text": m.source,
                "lead": m.lead,
                "responsible": m.responsible,
                "deadline_text": m.deadline_text,
                "deadline": m.deadline.json_value if m.deadline else None,
                "targets": [
                    {
                        "quote": t.quote,
                        "value": t.value,
                        "unit": t.unit.value,
                        "comparator": t.comparator,
                    }
                    for t in m.targets
                ],
            }
            for m in draft.measures
        ],
    }


def as_text(draft: Draft) -> list[str]:
    """The review summary, one line per entry (plain text: the caller sanitizes)."""
    units = draft.registry.units
    collectives = sum(u.kind == "collective" for u in units)
    targets = sum(len(m.targets) for m in draft.measures)
    dated = sum(1 for m in draft.measures if m.deadline and m.deadline.due)
    ongoing = sum(1 for m in draft.measures if m.deadline and not m.deadline.due)
    sections = sum(len(c.sections) for c in draft.chapters)
    out = [
        f"Plan: {draft.title or '(title not found)'}",
        f"Issuer: {draft.issuer or '(not found)'}; issued: "
        f"{draft.issued.isoformat() if draft.issued else '(not found)'}",
        f"{len(draft.measures)} measures in {len(draft.chapters)} chapters and {sections} "
        f"sections; {len(units)} units ({collectives} collective); {targets} numeric targets",
        f"Deadlines: {dated} dated, {ongoing} ongoing, "
        f"{len(draft.measures) - dated - ongoing} not found",
    ]
    if draft.lead_first:
        out.append("Rule of the plan: the first unit named leads (第一…为牵头单位)")
    items = [(0, "plan", r.field, r.note) for r in draft.review]
    for m in draft.measures:
        items += [(r.line or m.line, f"measure {m.number}", r.field, r.note) for r in m.review]
    for u in units:
        if u.merged:
            items.append((0, "units", u.id, f"{'、'.join(u.merged)} read as {u.name}"))
    out.append(f"To review: {len(items)}")
    for line, where, field, note in items[:MAX_LISTED]:
        at = f" (line {line})" if line else ""
        out.append(f"  {where}{at}, {field}: {note}")
    if len(items) > MAX_LISTED:
        out.append(f"  ... and {len(items) - MAX_LISTED} more")
    out.append(f"Not read: {len(draft.unread)} lines")
    for item in draft.unread[:MAX_LISTED]:
        out.append(f"  line {item.line} ({item.why}): {item.text[:80]}")
    if len(draft.unread) > MAX_LISTED:
        out.append(f"  ... and {len(draft.unread) - MAX_LISTED} more")
    return out
