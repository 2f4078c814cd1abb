"""Facts -> RDF: the graph of `ontology/kg.ttl`, with the evidence and provenance of every fact.

Every node has a deterministic IRI under `ID` and an rdfs:label; there are no blank nodes
and no timestamps unless asked for, so the same input always gives the same triples and
`serialize_triples` gives the same bytes. The shape of each fact is summarised at the top
of `ontology/kg.ttl`.

Each article's triples form one graph (`article_triples`): the article, the entities it
mentions, its facts with their evidence and text spans, and the run that read it. The
Turtle output is the union of these; TriG and N-Quads keep them apart as named graphs
(`graph_name`), so that one article can be replaced in a store without touching the others.

The triples are pyoxigraph terms, which `kg build` stores, serialises and queries as they
are; `article_graph` and `build_graph` give the same triples as an rdflib Graph, for the
libraries that want one (pyshacl, networkx views, tests).

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
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
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


class _Nodes:
    """The terms of an rdflib namespace as pyoxigraph nodes, each made once, on first use
    (a term the namespace does not define is still an AttributeError)."""

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> ox.NamedNode:
        node = ox.NamedNode(str(getattr(self._namespace, name)))
        setattr(self, name, node)
        return node


_KGO, _OA, _RDF, _RDFS, _XSD = _Nodes(KGO), _Nodes(OA), _Nodes(RDF), _Nodes(RDFS), _Nodes(XSD)
_DCTERMS, _ORG, _PROV, _SDO, _SKOS = (
    _Nodes(DCTERMS), _Nodes(ORG), _Nodes(PROV), _Nodes(SDO), _Nodes(SKOS),
)  # fmt: skip
Term = ox.NamedNode | ox.Literal

_ENTITY_SEGMENT = {
    EntityKind.PERSON: "person",
    EntityKind.ORGANISATION: "organisation",
    EntityKind.UNNAMED_SOURCE: "source",
    EntityKind.PROGRAMME: "programme",
}
_ENTITY_CLASS = {
    EntityKind.PERSON: _KGO.Person,
    EntityKind.ORGANISATION: _KGO.Organisation,
    EntityKind.UNNAMED_SOURCE: _KGO.UnnamedSource,
    EntityKind.PROGRAMME: _KGO.Programme,
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


def _named_iri(segment: str, name: str, *key: object) -> str:
    """`ID/<segment>/<slug>-<hash>` for a name; the hash is of `key` (the name's identity)."""
    words = slug(name)
    digest = _digest(segment, *key, length=12)
    return f"{ID}{segment}/{words}-{digest}" if words else f"{ID}{segment}/{digest}"


def article_iri(document_id: str) -> URIRef:
    """The IRI of the article with this document id."""
    return URIRef(_named_iri("article", document_id, document_id))


def _entity_iri(entity: Entity, document_id: str) -> str:
    name = normalise_name(entity.name)
    segment = _ENTITY_SEGMENT[entity.kind]
    if entity.kind is EntityKind.UNNAMED_SOURCE:
        return _named_iri(segment, name, document_id, name)
    return _named_iri(segment, name, name)


def entity_iri(entity: Entity, document_id: str) -> URIRef:
    """The IRI of an entity: the same for the same kind and name, whatever the article.

    Unnamed sources are the exception: "officials" in two articles are not the same people,
    so their IRI also depends on `document_id`.
    """
    return URIRef(_entity_iri(entity, document_id))


def decimal_literal(value: Decimal | float) -> ox.Literal:
    """An xsd:decimal literal in plain notation ("45000000", "0.85"), never an exponent."""
    number = Decimal(repr(value)) if isinstance(value, float) else value
    if not number.is_finite():
        raise ValueError(f"not a finite decimal: {value!r}")
    return ox.Literal(format(number.normalize(), "f"), datatype=_XSD.decimal)


def _integer_literal(value: int) -> ox.Literal:
    # xsd:integer, not the xsd:nonNegativeInteger Web Annotation suggests for offsets: Oxigraph
    # stores the latter as xsd:integer, and the graph should read back exactly as written.
    return ox.Literal(str(value), datatype=_XSD.integer)


def _date_literal(text: str) -> ox.Literal:
    """xsd:date or xsd:dateTime when `text` is one in ISO 8601, else a plain string."""
    try:
        if len(text) == 10:
            date.fromisoformat(text)
            return ox.Literal(text, datatype=_XSD.date)
        if "T" in text:
            datetime.fromisoformat(text)
            return ox.Literal(text, datatype=_XSD.dateTime)
    except ValueError:
        pass
    return ox.Literal(text)


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
    return URIRef(_named_iri("graph", document_id, document_id))


def article_triples(result: ArticleFacts, run: ExtractionRun | None = None) -> list[ox.Triple]:
    """One article's graph: the article, its entities and facts with their evidence, and the run.

    Entities are named by kind and name only, so the graphs of two articles that name the
    same person share that person's node. Raises ValueError when a fact is inconsistent with
    its article (a span outside the text or not matching it, a confidence outside [0, 1]).
    """
    writer = _GraphWriter(result.article, run or ExtractionRun())
    writer.add(result)
    return [ox.Triple(*triple) for triple in writer.triples]


def article_graph(result: ArticleFacts, run: ExtractionRun | None = None) -> Graph:
    """The triples of `article_triples` as an rdflib Graph."""
    return _rdflib_graph(article_triples(result, run))


def build_named_graphs(
    results: Iterable[ArticleFacts], run: ExtractionRun | None = None
) -> dict[URIRef, Graph]:
    """Every article's graph (see `article_triples`) as an rdflib Graph under its `graph_name`.

    Raises ValueError as `article_triples` does, and when two articles share an id.
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


def _new_graph() -> Graph:
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def _rdflib_graph(triples: Iterable[ox.Triple]) -> Graph:
    graph = _new_graph()
    for triple in triples:
        graph.add(
            (to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object))
        )
    return graph


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> URIRef | BNode | Literal:
    """A pyoxigraph term as rdflib writes it: plain strings without a datatype, other
    literals with their lexical form as it is."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype == _XSD.string:
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value), normalize=False)


def _to_oxigraph(term: object) -> Term:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise ValueError(f"kg graphs have no blank nodes, found {term!r}")


class _GraphWriter:
    """The triples of one article's graph: the article, its entities, its facts, the run."""

    def __init__(self, article: Article, run: ExtractionRun) -> None:
        self.article = article
        # Insertion-ordered and without repeats: a fact stated twice, or a sentence that is the
        # evidence of several facts, is written once.
        self.triples: dict[tuple[Term, Term, Term], None] = {}
        self.document = ox.NamedNode(_named_iri("article", article.id, article.id))
        self.entities: dict[Entity, ox.NamedNode] = {}
        self.spans: dict[tuple[int, int], ox.NamedNode] = {}
        self.run = self._run(run)

    def _add(self, subject: ox.NamedNode, predicate: ox.NamedNode, value: Term) -> None:
        self.triples[subject, predicate, value] = None

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

    def _run(self, run: ExtractionRun) -> ox.NamedNode:
        add = self._add
        version = run.software_version
        software = ox.NamedNode(f"{ID}software/kg-{slug(version) or _digest(version)}")
        add(software, _RDF.type, _PROV.SoftwareAgent)
        add(software, _RDFS.label, ox.Literal(f"kg {version}"))
        add(software, _SDO.softwareVersion, ox.Literal(version))

        node = ox.NamedNode(f"{ID}run/{_digest(version, run.pipeline, run.started)}")
        add(node, _RDF.type, _KGO.ExtractionRun)
        label = f"kg {version} extraction" + (f" with {run.pipeline}" if run.pipeline else "")
        add(node, _RDFS.label, ox.Literal(label))
        add(node, _PROV.wasAssociatedWith, software)
        if run.pipeline:
            add(node, _KGO.pipeline, ox.Literal(run.pipeline))
        if run.started:
            # As rdflib has always written it (a "Z" becomes "+00:00").
            started = str(Literal(run.started, datatype=XSD.dateTime))
            add(node, _PROV.startedAtTime, ox.Literal(started, datatype=_XSD.dateTime))
        return node

    def _add_article(self) -> None:
        article, node, add = self.article, self.document, self._add
        add(node, _RDF.type, _KGO.Article)
        add(node, _RDFS.label, ox.Literal(article.title or article.id))
        add(node, _KGO.documentId, ox.Literal(article.id))
        if article.title:
            add(node, _DCTERMS.title, ox.Literal(article.title))
        if article.url:
            add(node, _SDO.url, ox.Literal(article.url, datatype=_XSD.anyURI))
        if article.published:
            add(node, _SDO.datePublished, _date_literal(article.published))

    def _entity(self, entity: Entity) -> ox.NamedNode:
        known = self.entities.get(entity)
        if known is not None:
            return known
        node = self.entities[entity] = ox.NamedNode(_entity_iri(entity, self.article.id))
        name = normalise_name(entity.name)
        add = self._add
        add(node, _RDF.type, _ENTITY_CLASS[entity.kind])
        add(node, _RDFS.label, ox.Literal(name))
        for alias in entity.aliases:
            if normalise_name(alias) != name:
                add(node, _SKOS.altLabel, ox.Literal(normalise_name(alias)))
        add(self.document, _SDO.mentions, node)
        return node

    def _span(self, span: Span) -> ox.NamedNode:
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
        known = self.spans.get((span.start, span.end))
        if known is not None:
            return known
        iri = f"{ID}span/{_digest(self.article.id, span.start, span.end)}"
        node = self.spans[span.start, span.end] = ox.NamedNode(iri)
        position, quote = ox.NamedNode(f"{iri}#position"), ox.NamedNode(f"{iri}#quote")
        excerpt = _excerpt(span.text) or "(empty)"
        where = f"{self.article.id} [{span.start}:{span.end}]"
        add = self._add
        add(node, _RDF.type, _KGO.TextSpan)
        add(node, _RDFS.label, ox.Literal(f"{where} {excerpt}"))
        add(node, _OA.hasSource, self.document)
        add(node, _OA.hasSelector, position)
        add(node, _OA.hasSelector, quote)
        add(position, _RDF.type, _OA.TextPositionSelector)
        add(position, _RDFS.label, ox.Literal(f"characters {span.start}–{span.end}"))
        add(position, _OA.start, _integer_literal(span.start))
        add(position, _OA.end, _integer_literal(span.end))
        add(quote, _RDF.type, _OA.TextQuoteSelector)
        add(quote, _RDFS.label, ox.Literal(excerpt))
        add(quote, _OA.exact, ox.Literal(span.text))
        return node

    def _evidence(
        self, fact_node: ox.NamedNode, evidence: Evidence, mentions: dict[ox.NamedNode, Span]
    ) -> None:
        """Attach one kgo:Evidence: sentence, rule, confidence, run and the mention spans."""
        if not 0 <= evidence.confidence <= 1:
            raise ValueError(
                f"{self.article.id}: confidence {evidence.confidence} is outside [0, 1]"
            )
        confidence = decimal_literal(evidence.confidence)
        sentence = evidence.sentence
        key = sorted((p.value, s.start, s.end) for p, s in mentions.items())
        digest = _digest(
            fact_node.value, evidence.rule, sentence.start, sentence.end, confidence.value, key
        )
        node = ox.NamedNode(f"{ID}evidence/{digest}")
        add = self._add
        add(fact_node, _KGO.evidence, node)
        add(node, _RDF.type, _KGO.Evidence)
        where = f"{self.article.id} [{sentence.start}:{sentence.end}]"
        add(node, _RDFS.label, ox.Literal(f"{evidence.rule} in {where}"))
        add(node, _KGO.sentence, self._span(sentence))
        add(node, _KGO.rule, ox.Literal(evidence.rule))
        add(node, _KGO.confidence, confidence)
        add(node, _PROV.wasGeneratedBy, self.run)
        for prop, span in mentions.items():
            add(node, prop, self._span(span))

    def _role(self, fact: RoleFact) -> None:
        person = self._entity(fact.person)
        organisation = self._entity(fact.organisation) if fact.organisation else None
        role = " ".join(fact.role.split())
        where = organisation.value if organisation is not None else None
        digest = _digest(self.article.id, "role", person.value, role, where)
        node = ox.NamedNode(f"{ID}role/{digest}")
        add = self._add
        add(node, _RDF.type, _KGO.RoleFact)
        at = f", {normalise_name(fact.organisation.name)}" if fact.organisation else ""
        add(node, _RDFS.label, ox.Literal(f"{normalise_name(fact.person.name)}: {role}{at}"))
        add(node, _ORG.member, person)
        add(node, _KGO.roleTitle, ox.Literal(role))
        if organisation is not None:
            add(node, _ORG.organization, organisation)
        mentions = {_KGO.roleMention: fact.mention} if fact.mention else {}
        self._evidence(node, fact.evidence, mentions)

    def _claim(self, fact: QuoteFact) -> None:
        speaker = self._entity(fact.speaker)
        content = self._span(fact.content)
        digest = _digest(
            self.article.id, "quote", speaker.value, fact.text, fact.direct,
            fact.content.start, fact.content.end,
        )  # fmt: skip
        node = ox.NamedNode(f"{ID}claim/{digest}")
        add = self._add
        add(node, _RDF.type, _KGO.Claim)
        label = f"{normalise_name(fact.speaker.name)}: “{_excerpt(fact.text, 60)}”"
        add(node, _RDFS.label, ox.Literal(label))
        add(node, _KGO.speaker, speaker)
        add(node, _SDO.text, ox.Literal(fact.text))
        add(node, _KGO.direct, ox.Literal(str(fact.direct).lower(), datatype=_XSD.boolean))
        add(node, _KGO.content, content)
        mentions = {_KGO.speakerMention: fact.speaker_mention, _KGO.cue: fact.cue}
        self._evidence(node, fact.evidence, {p: s for p, s in mentions.items() if s is not None})

    def _funding(self, fact: FundingFact) -> None:
        funder = self._entity(fact.funder)
        programme = self._entity(fact.programme) if fact.programme else None
        amount = fact.amount.normalize() if fact.amount is not None else None
        what = programme.value if programme is not None else None
        digest = _digest(self.article.id, "funding", funder.value, amount, fact.currency, what)
        node = ox.NamedNode(f"{ID}funding/{digest}")
        add = self._add
        add(node, _RDF.type, _KGO.Funding)
        has_money = (amount, fact.currency) != (None, None)
        label = f"{normalise_name(fact.funder.name)} funds"
        if fact.programme:
            label += f" {normalise_name(fact.programme.name)}"
        if has_money:
            label += (": " if fact.programme else " ") + _money_label(amount, fact.currency)
        add(node, _RDFS.label, ox.Literal(label))
        add(node, _SDO.funder, funder)
        if programme is not None:
            add(node, _KGO.programme, programme)
        if has_money:
            add(node, _SDO.amount, self._money(amount, fact.currency))
        mentions = {_KGO.amountMention: fact.amount_mention} if fact.amount_mention else {}
        self._evidence(node, fact.evidence, mentions)

    def _money(self, amount: Decimal | None, currency: str | None) -> ox.NamedNode:
        """A schema:MonetaryAmount node, shared by every fact of the same amount and currency."""
        figure = format(amount, "f") if amount is not None else "unknown"
        iri = _named_iri("amount", f"{currency or 'unknown'} {figure}", figure, currency)
        node = ox.NamedNode(iri)
        add = self._add
        add(node, _RDF.type, _SDO.MonetaryAmount)
        add(node, _RDFS.label, ox.Literal(_money_label(amount, currency)))
        if amount is not None:
            add(node, _SDO.value, decimal_literal(amount))
        if currency:
            add(node, _SDO.currency, ox.Literal(currency))
        return node


_FIRST_PREDICATES = {str(RDF.type): 0, str(RDFS.label): 1}
DatasetFormat = Choice["trig", "nquads"]
DATASET_SUFFIXES: dict[str, str] = {"trig": ".trig", "nquads": ".nq"}


def _triple_order(triple: ox.Triple) -> tuple[str, int, str, str]:
    predicate = triple.predicate.value
    return str(triple.subject), _FIRST_PREDICATES.get(predicate, 2), predicate, str(triple.object)


def _quad_order(quad: ox.Quad) -> tuple[str, tuple[str, int, str, str]]:
    return str(quad.graph_name), _triple_order(quad.triple)


def _with_sorted_prefixes(document: bytes) -> bytes:
    """`document` with its leading @prefix lines in sorted order (Oxigraph's is arbitrary)."""
    end = 0
    while document.startswith(b"@prefix ", end):
        end = document.index(b"\n", end) + 1
    return b"".join(sorted(document[:end].splitlines(keepends=True))) + document[end:]


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
