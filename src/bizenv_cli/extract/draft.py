"""What the extractor read from a plan: the draft before it is written or printed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bizenv_cli.extract.deadlines import ReadDeadline
from bizenv_cli.extract.registry import Registry
from bizenv_cli.extract.targets import Found


@dataclass
class Review:
    """Something a person must check: where (a field) and why."""

    field: str
    note: str
    line: int = 0  # line of the plan text, when known


@dataclass
class Heading:
    number: int
    title: str
    line: int


@dataclass
class Chapter(Heading):
    sections: list[Heading] = field(default_factory=list)


@dataclass
class ExtractedMeasure:
    number: int  # counted across the plan
    label: str  # the numbering as written, e.g. "12." or "(3)"
    line: int  # first line in the plan text
    chapter: int
    section: int
    source: str  # verbatim: from the number through the closing bracket
    title: str
    lead: list[str] = field(default_factory=list)  # unit names as written
    responsible: list[str] = field(default_factory=list)
    deadline_text: str | None = None  # as written
    deadline: ReadDeadline | None = None
    targets: list[Found] = field(default_factory=list)
    review: list[Review] = field(default_factory=list)


@dataclass
class Unread:
    line: int
    text: str
    why: str


@dataclass
class Draft:
    text: str  # the plan's text as read
    kind: str
    title: str | None = None
    issuer: str | None = None
    issued: date | None = None
    addressees: str | None = None
    year: int | None = None  # for deadlines written without one
    chapters: list[Chapter] = field(default_factory=list)
    measures: list[ExtractedMeasure] = field(default_factory=list)
    registry: Registry = field(default_factory=Registry)
    review: list[Review] = field(default_factory=list)  # about the plan as a whole
    unread: list[Unread] = field(default_factory=list)
    lead_first: bool = False  # "第一责任单位为牵头单位": the first unlabelled unit leads
