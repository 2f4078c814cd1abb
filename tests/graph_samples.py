"""Hand-made articles and facts for the graph-side tests (no NLP involved)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from kg.facts import (
    Article,
    ArticleFacts,
    Entity,
    EntityKind,
    Evidence,
    FundingFact,
    QuoteFact,
    RoleFact,
    Span,
)

HARBOUR_TEXT = (
    "Harbour board chair Ines Duarte said: \u201cThe ferry will run all winter.\u201d\n\n"
    "Ms Duarte, a Green Party member, said the timetable was final.\n\n"
    "The Coastal Trust gave \u00a31.25m to the Night Ferry Scheme, while the city paid "
    "$300,000.50 more.\n\n"
    "Officials said the cost <script>alert(1)</script> was too high."
)

PERSON = EntityKind.PERSON
ORGANISATION = EntityKind.ORGANISATION


def span(text: str, part: str, after: int = 0) -> Span:
    """The span of the first `part` in `text` at or after offset `after`."""
    start = text.index(part, after)
    return Span(start, start + len(part), part)


def sentence(text: str, part: str) -> Span:
    """The span of the paragraph of `text` that contains `part`."""
    start = text.rfind("\n", 0, text.index(part)) + 1
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    return Span(start, end, text[start:end])


def harbour_facts() -> ArticleFacts:
    """One article with a role, a party membership, a direct and two indirect quotes
    (one from an unnamed source, with markup in it) and two funding facts."""
    text = HARBOUR_TEXT
    duarte = Entity("Ines Duarte", PERSON, frozenset({"Ms Duarte"}))
    board = Entity("Harbour Board", ORGANISATION)
    greens = Entity("Green Party", ORGANISATION)
    trust = Entity("Coastal Trust", ORGANISATION)
    city = Entity("Portmouth City Council", ORGANISATION)
    scheme = Entity("Night Ferry Scheme", EntityKind.PROGRAMME)
    officials = Entity("officials", EntityKind.UNNAMED_SOURCE)
    first, second = sentence(text, "Harbour board"), sentence(text, "Ms Duarte,")
    third, fourth = sentence(text, "Coastal Trust"), sentence(text, "Officials")
    return ArticleFacts(
        article=Article(
            "harbour-1", text, title="Ferry <em>winter</em> plan", published="2025-01-31"
        ),
        entities=[duarte, board, greens, trust, city, scheme, officials],
        facts=[
            RoleFact(
                duarte,
                "Harbour board chair",
                board,
                Evidence(first, "role.title", 0.9),
                mention=span(text, "Harbour board chair"),
            ),
            RoleFact(duarte, "member", greens, Evidence(second, "role.party", 0.7)),
            QuoteFact(
                duarte,
                "The ferry will run all winter.",
                True,
                span(text, "The ferry will run all winter."),
                Evidence(first, "quote.colon", 0.95),
                speaker_mention=span(text, "Ines Duarte"),
                cue=span(text, "said"),
            ),
            QuoteFact(
                duarte,
                "the timetable was final",
                False,
                span(text, "the timetable was final"),
                Evidence(second, "quote.reported", 0.8),
                speaker_mention=span(text, "Ms Duarte"),
                cue=span(text, "said", second.start),
            ),
            QuoteFact(
                officials,
                "the cost <script>alert(1)</script> was too high",
                False,
                span(text, "the cost <script>alert(1)</script> was too high"),
                Evidence(fourth, "quote.reported", 0.6),
                speaker_mention=span(text, "Officials"),
            ),
            FundingFact(
                trust,
                Decimal("1250000"),
                "GBP",
                Evidence(third, "funding.gave", 0.85),
                programme=scheme,
                amount_mention=span(text, "\u00a31.25m"),
            ),
            FundingFact(city, Decimal("300000.50"), "USD", Evidence(third, "funding.paid", 0.5)),
        ],
    )


def quiet_facts() -> ArticleFacts:
    """An article in which nothing was found."""
    return ArticleFacts(article=Article("quiet-2", "Nothing happened on the pier today."))


class StubPipeline:
    """Stands in for a spaCy pipeline where only the model's metadata is read."""

    meta = {"version": "0.0-test"}


def sample_extraction(
    nlp: object, articles: Iterable[Article]
) -> Iterator[tuple[Article, ArticleFacts]]:
    """Extraction without spaCy: every article yields the harbour sample's facts."""
    for article in articles:
        sample = harbour_facts()
        yield article, ArticleFacts(article, sample.entities, sample.facts)
