"""Extraction: a parsed article in, its entities and facts out.

`extract_doc` runs the rule families in order: quotation marks (raw text), people and
organisations with coreference, roles (which also teach coreference who "the mayor" is),
quotes, then funding.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.entities import DocumentEntities
from kg.extract.evidence import doc_text
from kg.extract.funding import extract_funding, paid_through_office
from kg.extract.lexicon import Lexicons, lexicon_dirs, load_lexicons
from kg.extract.quotemarks import find_quotations
from kg.extract.quotes import extract_quotes, quoted_tokens
from kg.extract.roles import extract_roles
from kg.facts import Article, ArticleFacts, Entity, EntityKind, Fact, RoleFact
from kg.nlp import parser_text

__all__ = ["extract_article", "extract_articles", "extract_doc"]


def extract_doc(doc: Doc, article: Article, lex: Lexicons | None = None) -> ArticleFacts:
    """Entities and facts of one article whose text `doc` is the parse of."""
    lex = lex or load_lexicons(lexicon_dirs())
    lex = lex.localised(lex.article_country(article.text))
    doc.user_data["kg_text"] = (
        article.text
    )  # the text `doc` parses; spaCy rebuilds doc.text per call
    quotations = find_quotations(doc_text(doc))
    ents = DocumentEntities(doc, lex, quoted_tokens(doc, quotations))
    facts: list[Fact] = [*extract_roles(doc, ents, lex)]
    facts += extract_quotes(doc, ents, quotations, lex)
    facts += extract_funding(doc, ents, lex)
    facts += paid_through_office(facts, lex)
    doc.user_data.pop("kg_tokens", None)  # the tokens refer back to the doc: free them now
    facts = _with_final_entities(facts, ents)
    return ArticleFacts(article=article, entities=_entities_of(facts), facts=facts)


def _final(entity: Entity, ents: DocumentEntities) -> Entity:
    """The entity as the whole article names it (aliases gathered, organisations merged)."""
    if entity.kind is EntityKind.ORGANISATION:
        cluster = ents.orgs.get(entity.name.lower())
        return cluster.entity() if cluster else entity
    if entity.kind is EntityKind.PERSON:
        cluster = next((c for c in ents.people if c.name == entity.name), None)
        return cluster.entity() if cluster else entity
    return entity


def _with_final_entities(facts: list[Fact], ents: DocumentEntities) -> list[Fact]:
    final = []
    for fact in facts:
        # "Hartmoor's MP": a seat is the place as written, whichever body bears its name
        seat = isinstance(fact, RoleFact) and fact.evidence.rule.endswith("+seat")
        changes = {
            f.name: _final(getattr(fact, f.name), ents)
            for f in dataclasses.fields(fact)
            if isinstance(getattr(fact, f.name), Entity) and not (seat and f.name == "organisation")
        }
        final.append(dataclasses.replace(fact, **changes))
    return final


def _entities_of(facts: list[Fact]) -> list[Entity]:
    seen: dict[tuple[str, EntityKind], Entity] = {}
    for fact in facts:
        for f in dataclasses.fields(fact):
            value = getattr(fact, f.name)
            if isinstance(value, Entity):
                seen.setdefault((value.name, value.kind), value)
    return sorted(seen.values(), key=lambda e: (e.kind.value, e.name))


def extract_article(nlp: Language, article: Article) -> ArticleFacts:
    """Parse one article with `nlp` and extract its facts."""
    return extract_doc(nlp(parser_text(article.text)), article)


def extract_articles(
    nlp: Language, articles: Iterable[Article], batch_size: int = 16
) -> Iterator[ArticleFacts]:
    """Parse and extract a stream of articles, batching the parser with `nlp.pipe`."""
    lex = load_lexicons(lexicon_dirs())
    pairs = ((parser_text(article.text), article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield extract_doc(doc, article, lex)
