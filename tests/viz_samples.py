"""Articles written sentence by sentence with their facts, for the page tests (no NLP involved):
a big synthetic corpus and one whose names and quotes carry script payloads."""

from __future__ import annotations

import random
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

PERSON, ORGANISATION = EntityKind.PERSON, EntityKind.ORGANISATION
PROGRAMME, SOURCE = EntityKind.PROGRAMME, EntityKind.UNNAMED_SOURCE


class ArticleWriter:
    """Builds an article's text and its facts together, so every span matches the text."""

    def __init__(self, document_id: str, title: str | None = None, url: str | None = None) -> None:
        self.document_id, self.title, self.url = document_id, title, url
        self.text = ""
        self.entities: dict[Entity, None] = {}
        self.facts: list = []

    def _sentence(self, *pieces: str) -> tuple[Span, list[Span]]:
        start, spans = len(self.text), []
        for piece in pieces:
            spans.append(Span(len(self.text), len(self.text) + len(piece), piece))
            self.text += piece
        sentence = Span(start, len(self.text), self.text[start:])
        self.text += " "
        return sentence, spans

    def role(self, person: Entity, post: str, body: Entity) -> None:
        sentence, _ = self._sentence(person.name, f" is {post} of ", body.name, ".")
        self.entities.update({person: None, body: None})
        self.facts.append(RoleFact(person, post, body, Evidence(sentence, "role.test", 0.9)))

    def claim(self, speaker: Entity, words: str, direct: bool = True) -> None:
        sentence, spans = self._sentence(speaker.name, " said: \u201c", words, "\u201d.")
        self.entities[speaker] = None
        self.facts.append(
            QuoteFact(speaker, words, direct, spans[2], Evidence(sentence, "quote.test", 0.8))
        )

    def funding(self, funder: Entity, amount: Decimal, currency: str, programme: Entity) -> None:
        sentence, spans = self._sentence(
            funder.name, " gave ", f"{currency} {amount}", " to ", programme.name, "."
        )
        self.entities.update({funder: None, programme: None})
        self.facts.append(
            FundingFact(
                funder,
                amount,
                currency,
                Evidence(sentence, "funding.test", 0.7),
                programme=programme,
                amount_mention=spans[2],
            )
        )

    def done(self) -> ArticleFacts:
        article = Article(self.document_id, self.text.strip(), title=self.title, url=self.url)
        return ArticleFacts(article, list(self.entities), self.facts)


_WORDS = [
    "budget", "council", "plan", "rail", "housing", "police", "school", "water", "energy",
    "health", "roads", "tax", "jobs", "rents", "ferry", "bridge", "parks", "flood", "grants",
]  # fmt: skip


def synthetic_corpus(nodes: int = 2000, seed: int = 5) -> list[ArticleFacts]:
    """Articles whose graph draws about `nodes` nodes: people holding posts in shared bodies,
    many claims each, bodies funding programmes; a few hubs, many leaves, like the news."""
    rng = random.Random(seed)
    people = [Entity(f"Person {i:04d}", PERSON) for i in range(nodes // 4)]
    bodies = [Entity(f"Body {i:03d}", ORGANISATION) for i in range(nodes // 12)]
    programmes = [Entity(f"Programme {i:03d}", PROGRAMME) for i in range(nodes // 40)]
    articles: list[ArticleFacts] = []
    drawn: set[Entity] = set()
    claims = 0
    while len(drawn) + claims < nodes:
        writer = ArticleWriter(f"synthetic-{len(articles):03d}", title=f"Story {len(articles)}")
        for person in rng.sample(people, 12):
            # A few bodies are in most stories: the hubs.
            body = bodies[min(int(rng.expovariate(0.08)), len(bodies) - 1)]
            writer.role(person, rng.choice(["chair", "member", "director", "spokesperson"]), body)
            for _ in range(rng.choice([0, 1, 1, 2])):
                writer.claim(person, " ".join(rng.choices(_WORDS, k=rng.randint(4, 14))))
                claims += 1
        for _ in range(2):
            writer.funding(rng.choice(bodies), Decimal(rng.randint(1, 900)) * 10**5, "GBP",
                           rng.choice(programmes))  # fmt: skip
        drawn |= set(writer.entities)
        articles.append(writer.done())
    return articles


PWNED = "window.kgPwned = (window.kgPwned || 0) + 1"
PAYLOADS = [
    f"<script>{PWNED}</script>",
    f'<img src=x onerror="{PWNED}">',
    f"<svg onload='{PWNED}'>",
    f"</script><script>{PWNED}</script><!--",
    f'"><img src=x onerror={PWNED}>',
    f'<a href="javascript:{PWNED}">link</a>',
]


def hostile_corpus() -> list[ArticleFacts]:
    """Two articles whose names, posts, quotes, titles and URL carry script payloads; each
    would add to `window.kgPwned` if the page ever ran it."""
    evil_person = Entity(f"Eve {PAYLOADS[1]}", PERSON, frozenset({f"E. {PAYLOADS[2]}"}))
    evil_body = Entity(f"Board {PAYLOADS[0]}", ORGANISATION)
    plain = Entity("Mallory Jones", PERSON)
    scheme = Entity(f"Scheme {PAYLOADS[4]}", PROGRAMME)
    first = ArticleWriter("hostile-1", title=f"Title {PAYLOADS[3]}", url=f"javascript:{PWNED}")
    first.role(evil_person, f"chair {PAYLOADS[5]}", evil_body)
    first.role(plain, "member", evil_body)
    for payload in PAYLOADS:
        first.claim(evil_person, f"we will {payload} win")
    first.funding(evil_body, Decimal("45000000"), "GBP", scheme)
    second = ArticleWriter("hostile-2", title="A plain title", url="https://example.org/story")
    second.claim(plain, PAYLOADS[1])
    second.claim(Entity(f"officials {PAYLOADS[0]}", SOURCE), PAYLOADS[2], direct=False)
    return [first.done(), second.done()]
