"""A target's short title: how people see a target (tables, charts, the meeting pack).

The id (``m05-high-voltage-connection-days``) is for machines: JSON, YAML, JUnit. A
title is reviewed data in the measure file, taken from the words of the target's quote
(rule R018 checks that), short enough for a table cell or a chart label.
"""

from __future__ import annotations

from typing import Annotated, Literal, Protocol

from pydantic import AfterValidator, Field, StringConstraints, WithJsonSchema

from bizenv_cli.models.base import StrictModel

TITLE_ZH_MAX = 24  # characters; aim for 20 or fewer
TITLE_EN_MAX = 60


def _one_line(value: str) -> str:
    if not value.strip():
        raise ValueError("must contain text, not only spaces")
    if value != value.strip() or any(ch in value for ch in "\r\n\t"):
        raise ValueError("must be one line of text, without leading or trailing spaces or tabs")
    return value


TitleZh = Annotated[
    str,
    StringConstraints(strict=True, min_length=1, max_length=TITLE_ZH_MAX),
    AfterValidator(_one_line),
    WithJsonSchema(
        {"type": "string", "minLength": 1, "maxLength": TITLE_ZH_MAX, "pattern": "^\\S(.*\\S)?$"}
    ),
]
TitleEn = Annotated[
    str,
    StringConstraints(strict=True, min_length=1, max_length=TITLE_EN_MAX),
    AfterValidator(_one_line),
    WithJsonSchema(
        {"type": "string", "minLength": 1, "maxLength": TITLE_EN_MAX, "pattern": "^\\S(.*\\S)?$"}
    ),
]


class TargetTitle(StrictModel):
    """A target's short title in Chinese (the quote's own words) and English."""

    zh: TitleZh = Field(
        description=f"At most {TITLE_ZH_MAX} characters (aim for 20), one line, in the words of "
        "the target's quote or the measure's source (rule R018), with full-width punctuation: "
        "高压用户平均办电时间"
    )
    en: TitleEn = Field(
        description=f"At most {TITLE_EN_MAX} characters, one line: "
        "High-voltage connection time (average)"
    )


class _Titled(Protocol):
    @property
    def title(self) -> TargetTitle: ...


def target_title(target: _Titled, lang: Literal["zh", "en"]) -> str:
    """The label people read for ``target`` in ``lang``; the id stays for machines."""
    return target.title.zh if lang == "zh" else target.title.en
