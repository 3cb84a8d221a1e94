"""The plan itself (measures/plan.yaml) and its units (measures/departments.yaml)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from bizenv_cli.models.base import Bilingual, Id, IsoDate, NonEmptyStr, StrictModel
from bizenv_cli.models.review import ReviewNote


class Section(StrictModel):
    number: int = Field(ge=1, strict=True, description="(一)...(二十八), counted across the plan")
    title: Bilingual


class Chapter(StrictModel):
    number: int = Field(ge=1, strict=True, description="一...六")
    title: Bilingual
    sections: list[Section] = Field(min_length=1)


class UpstreamDocument(StrictModel):
    number: NonEmptyStr = Field(description="Document number, e.g. 鄂发〔2020〕23号")
    title: Bilingual


class Plan(StrictModel):
    """Metadata of the plan; the measures live in their own files."""

    title: Bilingual
    issuer: Bilingual
    issued: IsoDate
    addressees: NonEmptyStr = Field(description="Whom the notice is sent to")
    implements: list[UpstreamDocument] = Field(default_factory=list)
    text: NonEmptyStr = Field(
        default="source/plan.txt", description="Path of the plan's full text, relative to plan.yaml"
    )
    chapters: list[Chapter] = Field(min_length=1)
    excerpt: list[Annotated[int, Field(ge=1, strict=True)]] = Field(
        default_factory=list,
        description="Only in a folder that holds some of the plan's measures (a test fixture, "
        "a sample): the numbers of the measures it holds. R001 then asks for exactly these "
        "numbers instead of 1..N. Empty (the default): the whole plan",
    )
    review: list[ReviewNote] = Field(
        default_factory=list,
        description="Left by `bizenv extract`: what a person must still check in plan.yaml "
        "and departments.yaml (R020 warns until the entry is deleted)",
    )


class DepartmentKind(StrEnum):
    government = "government"  # a bureau or office of the zone
    state_owned_company = "state_owned_company"
    judicial = "judicial"  # court or procuratorate
    outside = "outside"  # bodies outside the zone's administration, e.g. bank branches
    collective = "collective"  # 区直各有关部门: a group, not one unit
    party = "party"  # Party organs: 党政办公室, 纪工委


class Department(StrictModel):
    id: Id
    name: NonEmptyStr = Field(description="Chinese name as the plan most often writes it")
    en: NonEmptyStr = Field(description="English name")
    aliases: list[NonEmptyStr] = Field(
        default_factory=list, description="Other spellings in the plan"
    )
    kind: DepartmentKind
    leading_group: bool = Field(
        default=False,
        strict=True,  # 'no' stays text in our YAML; pydantic's lax mode would read it as False
        description="Listed as a member unit of the leading group (annex)",
    )


class Departments(StrictModel):
    departments: list[Department] = Field(min_length=1)
