"""``bizenv.toml``: the settings of a data folder (docs/settings.md).

Found from the current folder upward, like ``measures/``. Paths are relative to the file's
own folder. A command-line option wins over ``$BIZENV_MEASURES``, which wins over this file,
which wins over discovery and the built-in defaults; `bizenv config` shows what is in force."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from bizenv_cli.models.base import NonEmptyStr, StrictModel


class Office(StrictModel):
    """The office that issues the documents (区优化办): printed on reports and notices."""

    name: NonEmptyStr | None = Field(
        default=None,
        description="The issuing office's full name, as it signs documents, e.g. "
        "葛店开发区优化营商环境工作领导小组办公室",
    )
    short_name: NonEmptyStr | None = Field(
        default=None, description="The short name used in running text, e.g. 区优化办"
    )
    notice_prefix: NonEmptyStr | None = Field(
        default=None,
        description="The document-number prefix of its supervision notices, before "
        "〔YEAR〕N号, e.g. 葛开优办督",
    )


class Settings(StrictModel):
    """The settings of a data folder. Every key is optional."""

    measures: NonEmptyStr | None = Field(
        default=None,
        description="The measure folder (holding plan.yaml), relative to bizenv.toml",
    )
    waivers: NonEmptyStr | None = Field(
        default=None,
        description="The approved waivers file used by check, report and history when "
        "--waivers is not given, relative to bizenv.toml",
    )
    lang: Literal["zh", "en"] | None = Field(
        default=None,
        description="The language of human-facing outputs when --lang is not given "
        "(default: from the locale)",
    )
    office: Office | None = Field(default=None, description="The issuing office")
