"""Facts -> RDF: the graph of `ontology/kg.ttl`, with the evidence and provenance of every fact.

Every node has a deterministic IRI under `ID` and an rdfs:label; there are no blank nodes
and no timestamps unless asked for, so the same input always gives the same triples and
`serialize_turtle` gives the same bytes. The shape of each fact is summarised at the top
of `ontology/kg.ttl`.

Each article's triples form one graph (`article_graph`): the article, the entities it
mentions, its facts with their evidence and text spans, and the run that read it. The
Turtle output is the union of these; TriG and N-Quads keep them apart as named graphs
(`graph_name`), so that one article can be replaced in a store without touching the others.

IRIs: named things are `ID/<kind>/<slug>-<hash>` where the hash is of the kind and the
name, so one name of one kind is one node across articles. Unnamed sources ("officials")
are scoped to their article. Facts, evidence and text spans are `ID/<kind>/<hash>` of their
content and document id.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Literal as Choice

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, SDO, SKOS

import kg
from kg.atomic import write_atomic
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
from kg.vocab import ID, KGO, OA

PREFIXES: dict[str, str] = {
    "kgo": str(KGO),
    "org": str(ORG),
    "schema": str(SDO),
    "prov": str(PROV),
    "oa": str(OA),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "owl": str(OWL),
    "skos": str(SKOS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    **{
        segment: f"{ID}{segment}/"
        for segment in (
            "article",
            "graph",
            "person",
            "organisation",
            "source",
            "programme",
            "role",
            "claim",
            "funding",
            "amount",
            "evidence",
            "span",
            "run",
            "software",
        )
    },
}

_ENTITY_SEGMENT = {
    EntityKind.PERSON: "person",
    EntityKind.ORGANISATION: "organisation",
    EntityKind.UNNAMED_SOURCE: "source",
    EntityKind.PROGRAMME: "programme",
}
_ENTITY_CLASS = {
    EntityKind.PERSON: KGO.Person,
    EntityKind.ORGANISATION: KGO.Organisation,
    EntityKind.UNNAMED_SOURCE: KGO.UnnamedSource,
    EntityKind.PROGRAMME: KGO.Programme,
}
_SLUG_MAX = 48
_LABEL_MAX = 80


@dataclass(frozen=True)
class ExtractionRun:
    """What produced the facts: kg's version, the NLP pipeline, and (only if given) when.

    `started` is an ISO 8601 timestamp; leave it None for byte-identical rebuilds.
    """

    software_version: str = kg.__version__
    pipeline: str | None = None
    started: str | None = None


def normalise_name(name: str) -> str:
    """A name as kg stores it: NFC, runs of whitespace as one space, no outer whitespace."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def slug(text: str) -> str:
    """A short lower-case ASCII slug of `text` ("" when nothing ASCII is left)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return words[:_SLUG_MAX].rstrip("-")


def _digest(*parts: object, length: int = 16) -> str:
    """A hex digest of the JSON of `parts`: stable across runs, machines and Python versions."""
    canonical = json.dumps(parts, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:length]


def _named_iri(segment: str, name: str, *key: object) -> URIRef:
    """`ID/<segment>/<slug>-<hash>` for a name; the hash is of `key` (the name's identity)."""
    words = slug(name)
    digest = _digest(segment, *key, length=12)
    return ID[f"{segment}/{words}-{digest}" if words else f"{segment}/{digest}"]


def article_iri(document_id: str) -> URIRef:
    """The IRI of the article with this document id."""
    return _named_iri("article", document_id, document_id)


def entity_iri(entity: Entity, document_id: str) -> URIRef:
    """The IRI of an entity: the same for the same kind and name, whatever the article.

    Unnamed sources are the exception: "officials" in two articles are not the same people,
    so their IRI also depends on `document_id`.
    """
    name = normalise_name(entity.name)
    segment = _ENTITY_SEGMENT[entity.kind]
    if entity.kind is EntityKind.UNNAMED_SOURCE:
        return _named_iri(segment, name, document_id, name)
    return _named_iri(segment, name, name)


def decimal_literal(value: Decimal | float) -> Literal:
    """An xsd:decimal literal in plain notation ("45000000", "0.85"), never an exponent."""
    number = Decimal(repr(value)) if isinstance(value, float) else value
    if not number.is_finite():
        raise ValueError(f"not a finite decimal: {value!r}")
    text = format(number.normalize(), "f")
    return Literal(text, datatype=XSD.decimal, normalize=False)


def _integer_literal(value: int) -> Literal:
    # xsd:integer, not the xsd:nonNegativeInteger Web Annotation suggests for offsets: Oxigraph
    # stores the latter as xsd:integer, and the graph should read back exactly as written.
    return Literal(str(value), datatype=XSD.integer, normalize=False)


def _date_literal(text: str) -> Literal:
    """xsd:date or xsd:dateTime when `text` is one in ISO 8601, else a plain string."""
    try:
        if len(text) == 10:
            date.fromisoformat(text)
            return Literal(text, datatype=XSD.date, normalize=False)
        if "T" in text:
            datetime.fromisoformat(text)
            return Literal(text, datatype=XSD.dateTime, normalize=False)
    except ValueError:
        pass
    return Literal(text)


def _excerpt(text: str, limit: int = _LABEL_MAX) -> str:
    """`text` on one line, cut at a word boundary with an ellipsis if longer than `limit`."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + "…"


def _money_label(amount: Decimal | None, currency: str | None) -> str:
    if amount is None:
        return f"an unknown amount of {currency}"
    figure = format(amount.normalize(), ",f")
    return f"{currency} {figure}" if currency else f"{figure} (currency unknown)"


def graph_name(document_id: str) -> URIRef:
    """The IRI of the named graph that holds the triples of the article with this id."""
    return _named_iri("graph", document_id, document_id)


def _new_graph() -> Graph:
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def article_graph(result: ArticleFacts, run: ExtractionRun | None = None) -> Graph:
    """One article's graph: the article, its entities and facts with their evidence, and the run.

    Entities are named by kind and name only, so the graphs of two articles that name the
    same person share that person's node. Raises ValueError when a fact is inconsistent with
    its article (a span outside the text or not matching it, a confidence outside [0, 1]).
    """
    graph = _new_graph()
    run_node = _add_run(graph, run or ExtractionRun())
    _GraphWriter(graph, result.article, run_node).add(result)
    return graph


def build_named_graphs(
    results: Iterable[ArticleFacts], run: ExtractionRun | None = None
) -> dict[URIRef, Graph]:
    """Every article's graph (see `article_graph`) under its `graph_name`.

    Raises ValueError as `article_graph` does, and when two articles share an id.
    """
    graphs: dict[URIRef, Graph] = {}
    seen: set[str] = set()
    for result in results:
        if result.article.id in seen:
            raise ValueError(f"two articles have the id {result.article.id!r}")
        seen.add(result.article.id)
        graphs[graph_name(result.article.id)] = article_graph(result, run)
    return graphs


def union_graph(graphs: Iterable[Graph]) -> Graph:
    """One graph holding the triples of all `graphs`."""
    union = _new_graph()
    for graph in graphs:
        union += graph
    return union


def build_graph(results: Iterable[ArticleFacts], run: ExtractionRun | None = None) -> Graph:
    """Build the knowledge graph of all articles' facts: the union of their article graphs.

    Takes each article's extracted facts and what produced them (default: this kg version,
    no pipeline, no timestamp) and returns one rdflib Graph.
    Raises ValueError when a fact is inconsistent with its article (a span outside the text
    or not matching it, a confidence outside [0, 1]) or two articles share an id.
    """
    return union_graph(build_named_graphs(results, run).values())


def _add_run(graph: Graph, run: ExtractionRun) -> URIRef:
    software = ID[f"software/kg-{slug(run.software_version) or _digest(run.software_version)}"]
    graph.add((software, RDF.type, PROV.SoftwareAgent))
    graph.add((software, RDFS.label, Literal(f"kg {run.software_version}")))
    graph.add((software, SDO.softwareVersion, Literal(run.software_version)))

    node = ID[f"run/{_digest(run.software_version, run.pipeline, run.started)}"]
    graph.add((node, RDF.type, KGO.ExtractionRun))
    label = f"kg {run.software_version} extraction"
    graph.add(
        (node, RDFS.label, Literal(f"{label} with {run.pipeline}" if run.pipeline else label))
    )
    graph.add((node, PROV.wasAssociatedWith, software))
    if run.pipeline:
        graph.add((node, KGO.pipeline, Literal(run.pipeline)))
    if run.started:
        graph.add((node, PROV.startedAtTime, Literal(run.started, datatype=XSD.dateTime)))
    return node


class _GraphWriter:
    """Adds one article, its entities and its facts to that article's graph."""

    def __init__(self, graph: Graph, article: Article, run: URIRef) -> None:
        self.graph = graph
        self.article = article
        self.run = run
        self.document = article_iri(article.id)

    def add(self, result: ArticleFacts) -> None:
        self._add_article()
        for entity in result.entities:
            self._entity(entity)
        for fact in result.facts:
            if isinstance(fact, RoleFact):
                self._role(fact)
            elif isinstance(fact, QuoteFact):
                self._claim(fact)
            else:
                self._funding(fact)

    def _add_article(self) -> None:
        article, node, add = self.article, self.document, self.graph.add
        add((node, RDF.type, KGO.Article))
        add((node, RDFS.label, Literal(article.title or article.id)))
        add((node, KGO.documentId, Literal(article.id)))
        if article.title:
            add((node, DCTERMS.title, Literal(article.title)))
        if article.url:
            add((node, SDO.url, Literal(article.url, datatype=XSD.anyURI)))
        if article.published:
            add((node, SDO.datePublished, _date_literal(article.published)))

    def _entity(self, entity: Entity) -> URIRef:
        node = entity_iri(entity, self.article.id)
        name = normalise_name(entity.name)
        add = self.graph.add
        add((node, RDF.type, _ENTITY_CLASS[entity.kind]))
        add((node, RDFS.label, Literal(name)))
        for alias in entity.aliases:
            if normalise_name(alias) != name:
                add((node, SKOS.altLabel, Literal(normalise_name(alias))))
        add((self.document, SDO.mentions, node))
        return node

    def _span(self, span: Span) -> URIRef:
        """A kgo:TextSpan with its position and quote selectors; the same span is one node."""
        text = self.article.text
        if (
            not (0 <= span.start <= span.end <= len(text))
            or text[span.start : span.end] != span.text
        ):
            raise ValueError(
                f"{self.article.id}: span [{span.start}:{span.end}] {span.text!r} "
                "does not match the article text"
            )
        node = ID[f"span/{_digest(self.article.id, span.start, span.end)}"]
        position, quote = URIRef(f"{node}#position"), URIRef(f"{node}#quote")
        excerpt = _excerpt(span.text) or "(empty)"
        where = f"{self.article.id} [{span.start}:{span.end}]"
        add = self.graph.add
        add((node, RDF.type, KGO.TextSpan))
        add((node, RDFS.label, Literal(f"{where} {excerpt}")))
        add((node, OA.hasSource, self.document))
        add((node, OA.hasSelector, position))
        add((node, OA.hasSelector, quote))
        add((position, RDF.type, OA.TextPositionSelector))
        add((position, RDFS.label, Literal(f"characters {span.start}–{span.end}")))
        add((position, OA.start, _integer_literal(span.start)))
        add((position, OA.end, _integer_literal(span.end)))
        add((quote, RDF.type, OA.TextQuoteSelector))
        add((quote, RDFS.label, Literal(excerpt)))
        add((quote, OA.exact, Literal(span.text)))
        return node

    def _evidence(
        self, fact_node: URIRef, evidence: Evidence, mentions: dict[URIRef, Span]
    ) -> None:
        """Attach one kgo:Evidence: sentence, rule, confidence, run and the mention spans."""
        if not 0 <= evidence.confidence <= 1:
            raise ValueError(
                f"{self.article.id}: confidence {evidence.confidence} is outside [0, 1]"
            )
        confidence = decimal_literal(evidence.confidence)
        sentence = evidence.sentence
        key = [(str(p), s.start, s.end) for p, s in sorted(mentions.items())]
        node = ID[
            "evidence/"
            + _digest(
                str(fact_node), evidence.rule, sentence.start, sentence.end, str(confidence), key
            )
        ]
        add = self.graph.add
        add((fact_node, KGO.evidence, node))
        add((node, RDF.type, KGO.Evidence))
        add(
            (
                node,
                RDFS.label,
                Literal(f"{evidence.rule} in {self.article.id} [{sentence.start}:{sentence.end}]"),
            )
        )
        add((node, KGO.sentence, self._span(sentence)))
        add((node, KGO.rule, Literal(evidence.rule)))
        add((node, KGO.confidence, confidence))
        add((node, PROV.wasGeneratedBy, self.run))
        for prop, span in mentions.items():
            add((node, prop, self._span(span)))

    def _role(self, fact: RoleFact) -> None:
        person = self._entity(fact.person)
        organisation = self._entity(fact.organisation) if fact.organisation else None
        role = " ".join(fact.role.split())
        node = ID[f"role/{_digest(self.article.id, 'role', str(person), role, organisation)}"]
        add = self.graph.add
        add((node, RDF.type, KGO.RoleFact))
        where = f", {normalise_name(fact.organisation.name)}" if fact.organisation else ""
        add((node, RDFS.label, Literal(f"{normalise_name(fact.person.name)}: {role}{where}")))
        add((node, ORG.member, person))
        add((node, KGO.roleTitle, Literal(role)))
        if organisation is not None:
            add((node, ORG.organization, organisation))
        self._evidence(node, fact.evidence, {KGO.roleMention: fact.mention} if fact.mention else {})

    def _claim(self, fact: QuoteFact) -> None:
        speaker = self._entity(fact.speaker)
        content = self._span(fact.content)
        node = ID[
            "claim/"
            + _digest(
                self.article.id,
                "quote",
                str(speaker),
                fact.text,
                fact.direct,
                fact.content.start,
                fact.content.end,
            )
        ]
        add = self.graph.add
        add((node, RDF.type, KGO.Claim))
        add(
            (
                node,
                RDFS.label,
                Literal(f"{normalise_name(fact.speaker.name)}: “{_excerpt(fact.text, 60)}”"),
            )
        )
        add((node, KGO.speaker, speaker))
        add((node, SDO.text, Literal(fact.text)))
        add((node, KGO.direct, Literal(fact.direct)))
        add((node, KGO.content, content))
        mentions = {KGO.speakerMention: fact.speaker_mention, KGO.cue: fact.cue}
        self._evidence(node, fact.evidence, {p: s for p, s in mentions.items() if s is not None})

    def _funding(self, fact: FundingFact) -> None:
        funder = self._entity(fact.funder)
        programme = self._entity(fact.programme) if fact.programme else None
        amount = fact.amount.normalize() if fact.amount is not None else None
        node = ID[
            "funding/"
            + _digest(self.article.id, "funding", str(funder), amount, fact.currency, programme)
        ]
        add = self.graph.add
        add((node, RDF.type, KGO.Funding))
        has_money = (amount, fact.currency) != (None, None)
        label = f"{normalise_name(fact.funder.name)} funds"
        if fact.programme:
            label += f" {normalise_name(fact.programme.name)}"
        if has_money:
            label += (": " if fact.programme else " ") + _money_label(amount, fact.currency)
        add((node, RDFS.label, Literal(label)))
        add((node, SDO.funder, funder))
        if programme is not None:
            add((node, KGO.programme, programme))
        if has_money:
            add((node, SDO.amount, self._money(amount, fact.currency)))
        mentions = {KGO.amountMention: fact.amount_mention} if fact.amount_mention else {}
        self._evidence(node, fact.evidence, mentions)

    def _money(self, amount: Decimal | None, currency: str | None) -> URIRef:
        """A schema:MonetaryAmount node, shared by every fact of the same amount and currency."""
        figure = format(amount, "f") if amount is not None else "unknown"
        node = _named_iri("amount", f"{currency or 'unknown'} {figure}", figure, currency)
        add = self.graph.add
        add((node, RDF.type, SDO.MonetaryAmount))
        add((node, RDFS.label, Literal(_money_label(amount, currency))))
        if amount is not None:
            add((node, SDO.value, decimal_literal(amount)))
        if currency:
            add((node, SDO.currency, Literal(currency)))
        return node


def _to_oxigraph(term: object) -> ox.NamedNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise ValueError(f"kg graphs have no blank nodes, found {term!r}")


_FIRST_PREDICATES = {str(RDF.type): 0, str(RDFS.label): 1}
DatasetFormat = Choice["trig", "nquads"]
DATASET_SUFFIXES: dict[str, str] = {"trig": ".trig", "nquads": ".nq"}


def _triple_order(triple: ox.Triple) -> tuple[str, int, str, str]:
    predicate = triple.predicate.value
    return str(triple.subject), _FIRST_PREDICATES.get(predicate, 2), predicate, str(triple.object)


def _quad_order(quad: ox.Quad) -> tuple[str, tuple[str, int, str, str]]:
    return str(quad.graph_name), _triple_order(quad.triple)


def _with_sorted_prefixes(document: bytes) -> bytes:
    """`document` with its leading @prefix lines in sorted order (Oxigraph keeps dict order)."""
    lines = document.splitlines(keepends=True)
    header = [line for line in lines if line.startswith(b"@prefix ")]
    return b"".join(sorted(header)) + b"".join(lines[len(header) :])


def serialize_triples(triples: Iterable[ox.Triple]) -> bytes:
    """Turtle for `triples`, the same bytes for the same set: the prefixes of `PREFIXES`
    sorted, then the triples sorted by subject, rdf:type and rdfs:label first."""
    ordered = sorted(set(triples), key=_triple_order)
    return _with_sorted_prefixes(
        ox.serialize(ordered, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    )


def _oxigraph_triples(graph: Graph) -> Iterable[ox.Triple]:
    return (ox.Triple(*map(_to_oxigraph, triple)) for triple in graph)


def serialize_turtle(graph: Graph) -> bytes:
    """Deterministic Turtle for a kg graph (see `serialize_triples`)."""
    return serialize_triples(_oxigraph_triples(graph))


def serialize_dataset(graphs: Mapping[URIRef, Graph], rdf_format: DatasetFormat) -> bytes:
    """TriG or N-Quads of named graphs, the same bytes for the same graphs: graphs sorted by
    name, each graph's triples in the order of `serialize_triples` (TriG: prefixes sorted)."""
    quads = sorted(
        {
            ox.Quad(*triple, ox.NamedNode(str(name)))
            for name, graph in graphs.items()
            for triple in _oxigraph_triples(graph)
        },
        key=_quad_order,
    )
    if rdf_format == "nquads":
        return ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    return _with_sorted_prefixes(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES))


def write_turtle(graph: Graph, path: str | Path) -> None:
    """Write `graph` as deterministic Turtle to `path`, atomically."""
    write_atomic(path, serialize_turtle(graph))
