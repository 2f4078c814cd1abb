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
    entity_iri,
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
def test_turtle_parses_in_rapper(tmp_path: Path) -> None:
    graph = build_graph([harbour_facts()])
    path = tmp_path / "graph.ttl"
    write_turtle(graph, path)
    result = subprocess.run(
        ["rapper", "-i", "turtle", "-o", "ntriples", "-q", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(result.stdout.splitlines()) == len(graph)


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
