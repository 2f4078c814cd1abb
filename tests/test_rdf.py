"""Facts -> RDF: IRIs, determinism, the shape of the graph, and Turtle other tools can read."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib.namespace as ns
from graph_samples import harbour_facts, quiet_facts, span
from rdflib import RDF, RDFS, BNode, Graph, Literal

from kg.facts import Article, ArticleFacts, Entity, EntityKind, Evidence, RoleFact
from kg.rdf import (
    ExtractionRun,
    article_iri,
    build_graph,
    build_named_graphs,
    entity_iri,
    graph_name,
    serialize_dataset,
    serialize_turtle,
    write_turtle,
)
from kg.vocab import KGO, OA

ODD_NAMES = [
    "Zoë Ó Súilleabháin",
    "北京市人民政府",
    'AT&T <Inc.> "quoted" #1 ?x=y {a|b} \\ ^ `',
    "   spaced\tout\nname   ",
    "🚀 Rocket Lab",
    "x" * 600,
    "/../etc/passwd",
    "%20%zz",
]
# Characters that may not appear in an IRI (RFC 3987) or that would need escaping in Turtle.
_NOT_IN_IRI = re.compile(r"[\x00-\x20<>\"{}|\\^`]")
_ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", ODD_NAMES)
@pytest.mark.parametrize("kind", list(EntityKind))
def test_iris_are_valid_and_short_for_odd_names(name: str, kind: EntityKind) -> None:
    iri = str(entity_iri(Entity(name, kind), "doc"))
    assert not _NOT_IN_IRI.search(iri)
    assert iri.isascii() and len(iri) < 120
    ox.NamedNode(iri)


@pytest.mark.parametrize("name", ODD_NAMES)
def test_same_name_and_kind_give_the_same_iri_and_other_kinds_another(name: str) -> None:
    person = entity_iri(Entity(name, EntityKind.PERSON), "a")
    assert person == entity_iri(Entity(name, EntityKind.PERSON, frozenset({"alias"})), "b")
    assert person != entity_iri(Entity(name, EntityKind.ORGANISATION), "a")


def test_names_differing_only_in_whitespace_or_unicode_form_are_one_node() -> None:
    composed, decomposed = "Zo\u00eb Ba\u00f1os", "Zoe\u0308 Ban\u0303os"
    assert entity_iri(Entity(composed, EntityKind.PERSON), "a") == entity_iri(
        Entity(f"  {decomposed}\n", EntityKind.PERSON), "a"
    )


def test_names_that_slug_alike_get_different_iris() -> None:
    first = entity_iri(Entity("Smith & Co", EntityKind.ORGANISATION), "a")
    assert first != entity_iri(Entity("Smith Co", EntityKind.ORGANISATION), "a")


def test_unnamed_sources_are_scoped_to_their_article() -> None:
    officials = Entity("officials", EntityKind.UNNAMED_SOURCE)
    assert entity_iri(officials, "a") != entity_iri(officials, "b")


def test_article_iris_differ_by_document_id() -> None:
    assert article_iri("doc 1") != article_iri("doc-1")


def test_iris_do_not_change_from_one_version_to_the_next() -> None:
    # Users link to these IRIs from their own data: changing how they are made breaks those links.
    assert str(entity_iri(Entity("Zoë Ó Súilleabháin", EntityKind.PERSON), "a")) == (
        "https://w3id.org/kg-news/id/person/zoe-o-suilleabhain-dbcbbd648045"
    )
    # The README shows this one.
    assert str(entity_iri(Entity("Sadiq Khan", EntityKind.PERSON), "b")) == (
        "https://w3id.org/kg-news/id/person/sadiq-khan-575f909b9289"
    )
    assert str(article_iri("000_db8a1dd7df858792")) == (
        "https://w3id.org/kg-news/id/article/000-db8a1dd7df858792-58416c47ee24"
    )
    assert str(graph_name("000_db8a1dd7df858792")) == (
        "https://w3id.org/kg-news/id/graph/000-db8a1dd7df858792-2b6feb29ebc9"
    )


def _article(document_id: str, text: str, person: Entity, *facts_of: str) -> ArticleFacts:
    """An article whose first sentence says `person` is a harbour master."""
    first = text.split(".")[0] + "."
    fact = RoleFact(person, "harbour master", None, Evidence(span(text, first), "role.test", 0.9))
    return ArticleFacts(Article(document_id, text), entities=[person], facts=[fact])


def test_two_articles_naming_the_same_person_share_one_node() -> None:
    first = _article("a", "Tomas Berg runs the port.", Entity("Tomas Berg", EntityKind.PERSON))
    second = _article(
        "b",
        "Mr Berg spoke on Monday. Tomas Berg runs the port.",
        Entity("Tomas Berg", EntityKind.PERSON, frozenset({"Mr Berg"})),
    )
    graph = build_graph([first, second])
    people = set(graph.subjects(RDF.type, KGO.Person))
    assert len(people) == 1
    (person,) = people
    assert set(graph.objects(person, RDFS.label)) == {Literal("Tomas Berg")}
    assert set(graph.objects(person, ns.SKOS.altLabel)) == {Literal("Mr Berg")}
    assert set(graph.subjects(ns.SDO.mentions, person)) == {article_iri("a"), article_iri("b")}


def test_each_article_is_one_named_graph_and_their_union_is_the_turtle() -> None:
    results = [harbour_facts(), quiet_facts()]
    named = build_named_graphs(results)
    assert set(named) == {graph_name("harbour-1"), graph_name("quiet-2")}
    union = {triple for graph in named.values() for triple in graph}
    assert union == set(build_graph(results))
    # Each graph stands alone: its article, and the run that read it.
    for graph in named.values():
        assert len(set(graph.subjects(RDF.type, KGO.Article))) == 1
        assert len(set(graph.subjects(RDF.type, KGO.ExtractionRun))) == 1
    store = ox.Store()
    store.load(serialize_dataset(named, "trig"), format=ox.RdfFormat.TRIG)
    assert {str(name.value) for name in store.named_graphs()} == {str(name) for name in named}
    assert len(store) == sum(len(graph) for graph in named.values())


@pytest.mark.parametrize("syntax", ["trig", "nquads"])
def test_named_graphs_serialise_to_identical_bytes_whatever_the_article_order(syntax) -> None:
    forward = serialize_dataset(build_named_graphs([harbour_facts(), quiet_facts()]), syntax)
    backward = serialize_dataset(build_named_graphs([quiet_facts(), harbour_facts()]), syntax)
    assert forward == backward


def test_two_builds_serialise_to_identical_bytes_whatever_the_fact_order() -> None:
    forward = harbour_facts()
    backward = dataclasses.replace(
        forward, entities=forward.entities[::-1], facts=forward.facts[::-1]
    )
    first = serialize_turtle(build_graph([forward, quiet_facts()]))
    assert first == serialize_turtle(build_graph([forward, quiet_facts()]))
    assert first == serialize_turtle(build_graph([backward, quiet_facts()]))


def test_turtle_is_identical_across_interpreter_runs(tmp_path: Path) -> None:
    script = (
        "import sys; sys.path[:0] = [sys.argv[1], sys.argv[1] + '/tests']\n"
        "from graph_samples import harbour_facts\n"
        "from kg.rdf import build_graph, write_turtle\n"
        "write_turtle(build_graph([harbour_facts()]), sys.argv[2])\n"
    )
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"graph-{seed}.ttl"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, str(_ROOT), str(out)], env=env, check=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_turtle_parses_back_to_the_same_graph_in_rdflib_and_pyoxigraph(tmp_path: Path) -> None:
    graph = build_graph([harbour_facts(), quiet_facts()])
    path = tmp_path / "graph.ttl"
    write_turtle(graph, path)
    reparsed = Graph().parse(path, format="turtle")
    assert set(reparsed) == set(graph)
    store = ox.Store()
    store.load(path=path, format=ox.RdfFormat.TURTLE)
    assert len(store) == len(graph)


@pytest.mark.skipif(shutil.which("rapper") is None, reason="raptor2's rapper is not installed")
@pytest.mark.parametrize(("syntax", "suffix"), [("turtle", ".ttl"), ("trig", ".trig"),
                                                ("nquads", ".nq")])  # fmt: skip
def test_raptor_reads_every_output_syntax_to_the_same_triples(
    tmp_path: Path, syntax: str, suffix: str
) -> None:
    results = [harbour_facts(), quiet_facts()]
    graph = build_graph(results)
    path = tmp_path / f"graph{suffix}"
    if syntax == "turtle":
        write_turtle(graph, path)
    else:
        path.write_bytes(serialize_dataset(build_named_graphs(results), syntax))
    result = subprocess.run(
        ["rapper", "-i", syntax, "-o", "ntriples", "-q", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stderr == ""
    # rapper prints the triples of every named graph; a node shared by two graphs repeats.
    assert set(Graph().parse(data=result.stdout, format="nt")) == set(graph)


def test_graph_has_no_blank_nodes_and_every_node_a_label() -> None:
    graph = build_graph([harbour_facts(), quiet_facts()])
    terms = {term for triple in graph for term in triple}
    assert not any(isinstance(term, BNode) for term in terms)
    subjects = set(graph.subjects())
    objects = {o for o in graph.objects() if not isinstance(o, Literal)}
    vocabulary = {o for o in graph.objects(predicate=RDF.type)}
    for node in subjects | (objects - vocabulary):
        assert graph.value(node, RDFS.label) is not None, node


def test_money_and_confidence_are_exact_decimals() -> None:
    graph = build_graph([harbour_facts()])
    values = {
        graph.value(amount, ns.SDO.value)
        for amount in graph.subjects(RDF.type, ns.SDO.MonetaryAmount)
    }
    assert values == {
        Literal("1250000", datatype=ns.XSD.decimal),
        Literal("300000.5", datatype=ns.XSD.decimal),
    }
    confidences = set(graph.objects(predicate=KGO.confidence))
    assert Literal("0.95", datatype=ns.XSD.decimal) in confidences
    assert all(c.datatype == ns.XSD.decimal for c in confidences)
    assert b"e+" not in serialize_turtle(graph).lower()


def test_every_fact_has_evidence_pointing_into_its_article() -> None:
    graph = build_graph([harbour_facts()])
    facts = [
        fact
        for fact_class in (KGO.RoleFact, KGO.Claim, KGO.Funding)
        for fact in graph.subjects(RDF.type, fact_class)
    ]
    assert len(facts) == 7
    for fact in facts:
        evidence = graph.value(fact, KGO.evidence)
        sentence = graph.value(evidence, KGO.sentence)
        assert graph.value(sentence, OA.hasSource) == article_iri("harbour-1")
        assert graph.value(evidence, KGO.rule) is not None
        assert graph.value(sentence, RDF.type) == KGO.TextSpan


def test_run_has_no_timestamp_unless_asked() -> None:
    assert b"startedAtTime" not in serialize_turtle(build_graph([harbour_facts()]))
    run = ExtractionRun(pipeline="some_model 1.0", started="2025-02-01T10:00:00Z")
    assert b"startedAtTime" in serialize_turtle(build_graph([harbour_facts()], run))


def test_span_that_does_not_match_the_text_is_rejected() -> None:
    result = harbour_facts()
    name = span(result.article.text, "Ines Duarte")
    shifted = dataclasses.replace(name, start=name.start + 1, end=name.end + 1)
    fact = RoleFact(result.facts[0].person, "chair", None, Evidence(shifted, "rule", 0.5))
    with pytest.raises(ValueError, match="does not match"):
        build_graph([ArticleFacts(result.article, facts=[fact])])


def test_confidence_outside_zero_to_one_is_rejected() -> None:
    result = harbour_facts()
    evidence = dataclasses.replace(result.facts[0].evidence, confidence=1.5)
    fact = dataclasses.replace(result.facts[0], evidence=evidence)
    with pytest.raises(ValueError, match="outside"):
        build_graph([ArticleFacts(result.article, facts=[fact])])


def test_two_articles_with_one_id_are_rejected() -> None:
    article = Article("same", "Some text.")
    with pytest.raises(ValueError, match="same"):
        build_graph([ArticleFacts(article), ArticleFacts(article)])


def test_article_metadata_is_kept() -> None:
    graph = build_graph([harbour_facts()])
    node = article_iri("harbour-1")
    assert graph.value(node, KGO.documentId) == Literal("harbour-1")
    assert graph.value(node, ns.SDO.datePublished) == Literal("2025-01-31", datatype=ns.XSD.date)
    assert graph.value(node, ns.DCTERMS.title) == Literal("Ferry <em>winter</em> plan")
