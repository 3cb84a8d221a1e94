"""An explanation as data: message keys with their values, rendered in any language later.

The evaluation says what it found as a sequence of ``Phrase`` (a key of the
message catalogue, ``i18n.catalogue``, under ``explain.``, and its fields); the
values keep their type (a quantity with its unit, a requirement, a word of a
known vocabulary) so each language writes them its own way. ``i18n.explain``
renders them; the English rendering is the ``explanation`` of the JSON output.
Core module: no click, no rich.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from bizenv_cli.models.units import Unit
from bizenv_cli.models.values import Comparator


@dataclass(frozen=True)
class Qty:
    """A number with its unit: 27.5 working days, 27.5 个工作日."""

    value: float
    unit: Unit | None


@dataclass(frozen=True)
class Req:
    """A requirement: <= 30 working days."""

    comparator: Comparator
    value: float
    unit: Unit | None


@dataclass(frozen=True)
class Word:
    """A word of a vocabulary (``state.in_progress``, ``part.limit``). English shows the
    raw value unless ``en_label`` (then the catalogue's English, like the other languages)."""

    vocabulary: str
    value: str
    en_label: bool = False


@dataclass(frozen=True)
class Phrase:
    key: str  # explain.<key> in the catalogue
    fields: tuple[tuple[str, Arg], ...] = ()


Arg = Union[str, int, Qty, Req, Word, tuple[Word, ...], Phrase]  # noqa: UP007 (used at runtime)


def phrase(key: str, **fields: Arg) -> Phrase:
    return Phrase(key, tuple(fields.items()))


Explanation = tuple[Phrase, ...]
