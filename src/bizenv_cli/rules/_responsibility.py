"""The closing parenthesis of a measure's source: (牵头单位:...;责任单位:...;完成时限:...)."""

from __future__ import annotations

import re

from bizenv_cli.rules._common import squash

_LABELS = {"lead": "牵头单位", "responsible": "责任单位", "deadline": "完成时限"}
# A field runs to the next ; or parenthesis, or to the next label (measure 44 writes
# "牵头单位:税务局,责任单位:..." with a comma).
_END = r"(?=[;；()（）]|[,，]?(?:牵头单位|责任单位|完成时限)[:：]|$)"  # either width
_FIELD = {
    field: re.compile(rf"{label}[:：](?P<value>.*?){_END}") for field, label in _LABELS.items()
}
_NAMES = re.compile("[、,，]")


def field_text(source: str, field: str) -> str | None:
    """The text of one field (whitespace removed); None when the source has no such field."""
    matches = list(_FIELD[field].finditer(squash(source)))
    return matches[-1].group("value") if matches else None


def unit_names(source: str, field: str) -> list[str] | None:
    """The unit names of ``lead`` or ``responsible`` as written, a trailing 等 removed."""
    text = field_text(source, field)
    if text is None:
        return None
    names = [name.removesuffix("等") for name in _NAMES.split(text)]
    return [name for name in names if name]
