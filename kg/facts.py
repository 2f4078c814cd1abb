"""The in-memory facts: the one interchange between extraction (`kg.extract`) and RDF (`kg.rdf`).

Offsets are Unicode code-point offsets into the article text, end-exclusive, so that
``article.text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class EntityKind(StrEnum):
    """What a node stands for; each kind is a class in `ontology/kg.ttl`."""

    PERSON = "Person"
    ORGANISATION = "Organisation"
    # A source that is not a named person or body: "a source", "officials", "aides".
    UNNAMED_SOURCE = "UnnamedSource"
    PROGRAMME = "Programme"


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of the article text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    """A person, organisation, unnamed source or programme, under its canonical name.

    The canonical name is the fullest name the article uses, without honorifics
    ("Andy Burnham", never "Mr Burnham"). `aliases` are the other names it goes by in the article.
    """

    name: str
    kind: EntityKind
    aliases: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Evidence:
    """Why a fact is believed: the sentence(s) it comes from, the rule and how sure we are."""

    sentence: Span
    rule: str
    confidence: float


@dataclass(frozen=True)
class RoleFact:
    """A person holds a post in (or is a member of) an organisation.

    `role` is the post as written ("London Assembly member", "Home Secretary"); party
    membership has role "member". `organisation` is None when neither the text nor the
    lexicon of well-known posts says whose post it is.
    """

    person: Entity
    role: str
    organisation: Entity | None
    evidence: Evidence
    mention: Span | None = None


@dataclass(frozen=True)
class QuoteFact:
    """A source says a claim, directly (within quotation marks) or in reported speech."""

    speaker: Entity
    text: str
    direct: bool
    content: Span
    evidence: Evidence
    speaker_mention: Span | None = None
    cue: Span | None = None


@dataclass(frozen=True)
class FundingFact:
    """A funder pays an amount of money, for a named programme when the text gives one."""

    funder: Entity
    amount: Decimal | None
    currency: str | None
    evidence: Evidence
    programme: Entity | None = None
    amount_mention: Span | None = None


Fact = RoleFact | QuoteFact | FundingFact


@dataclass(frozen=True)
class Article:
    """One input article: its id (file stem or JSONL `id`), text and optional metadata."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None


@dataclass
class ArticleFacts:
    """Everything extracted from one article."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
