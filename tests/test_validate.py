"""SHACL: kg's graphs conform to ontology/shapes.ttl, and a broken graph fails readably."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rdflib.namespace as ns
from graph_samples import harbour_facts, quiet_facts
from rdflib import RDF, Graph, Literal, URIRef

from kg.cli import main
from kg.errors import InputError
from kg.rdf import build_graph, build_named_graphs, serialize_dataset, write_turtle
from kg.validate import SHAPES, load_shapes, validate_file, validate_graph
from kg.vocab import KGO, OA

SH = "http://www.w3.org/ns/shacl#"


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


def _graph() -> Graph:
    return build_graph([harbour_facts(), quiet_facts()])


def _first(graph: Graph, rdf_class: URIRef) -> URIRef:
    return sorted(graph.subjects(RDF.type, rdf_class))[0]


def test_a_built_graph_conforms(shapes: Graph) -> None:
    report = validate_graph(_graph(), shapes)
    assert report.conforms, report.text()
    assert report.violations == ()
    assert report.text("g.ttl").startswith("g.ttl conforms to the kg shapes")


def test_shapes_are_shacl_core_only() -> None:
    # An sh:sparql constraint took minutes on 18k triples in pyshacl (notes.md).
    assert not any(str(p).startswith(SH + "sparql") for p in load_shapes().predicates())


def test_every_fact_class_has_a_shape(shapes: Graph) -> None:
    targets = set(shapes.objects(predicate=URIRef(SH + "targetClass")))
    fact_classes = {KGO.RoleFact, KGO.Claim, KGO.Funding, KGO.Evidence, KGO.TextSpan}
    assert fact_classes <= targets


def test_a_broken_graph_fails_with_one_readable_line_per_problem(shapes: Graph) -> None:
    graph = _graph()
    claim = _first(graph, KGO.Claim)
    graph.remove((claim, KGO.speaker, None))
    evidence = _first(graph, KGO.Evidence)
    graph.set((evidence, KGO.confidence, Literal("1.5", datatype=ns.XSD.decimal)))
    position = _first(graph, OA.TextPositionSelector)
    graph.set((position, OA.start, Literal("7")))
    amount = _first(graph, ns.SDO.MonetaryAmount)
    graph.set((amount, ns.SDO.currency, Literal("pounds")))
    role = _first(graph, KGO.RoleFact)
    graph.remove((role, KGO.evidence, None))

    report = validate_graph(graph, shapes)
    text = report.text("broken.ttl")
    assert not report.conforms
    assert text.splitlines()[0] == (
        f"broken.ttl does not conform to the kg shapes: 6 violations in {len(graph)} triples"
    )
    for expected in (
        r"1 × a claim needs exactly one kgo:speaker.*\n\s+claim:\w+ kgo:speaker\n",
        r"1 × evidence needs exactly one kgo:confidence, an xsd:decimal from 0 to 1\n"
        r'\s+evidence:\w+ kgo:confidence = "1.5"\^\^xsd:decimal\n',
        r'1 × a position needs exactly one oa:start.*\n\s+span:\w+#position oa:start = "7"\n',
        r'1 × an amount has at most one schema:currency.*\n.* schema:currency = "pounds"\n',
        r"1 × a fact needs at least one kgo:evidence.*\n\s+role:\w+ kgo:evidence\n",
        # The role's evidence is left without a fact.
        r"1 × evidence is the kgo:evidence of some fact\n\s+evidence:\w+ \^kgo:evidence\n",
    ):
        assert re.search(expected, text), (expected, text)


def test_a_span_must_have_one_selector_of_each_kind(shapes: Graph) -> None:
    graph = _graph()
    quote = _first(graph, OA.TextQuoteSelector)
    graph.remove((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, RDF.type, OA.TextPositionSelector))
    graph.add((quote, OA.start, Literal(0)))
    graph.add((quote, OA.end, Literal(1)))
    text = validate_graph(graph, shapes).text()
    assert "1 × a text span needs an oa:TextPositionSelector and an oa:TextQuoteSelector" in text
    assert "oa:hasSelector/rdf:type" in text


def test_many_violations_of_one_kind_are_summed_up_with_a_few_examples(shapes: Graph) -> None:
    graph = _graph()
    for node in list(graph.subjects(RDF.type, KGO.Evidence)):
        graph.remove((node, KGO.rule, None))
    text = validate_graph(graph, shapes).text()
    assert "7 × evidence needs exactly one kgo:rule, a non-empty string" in text
    assert "… and 4 more" in text
    assert len(text.splitlines()) == 6


def test_validate_command_exits_0_when_the_graph_conforms_and_1_when_not(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = tmp_path / "graph.trig"
    good.write_bytes(serialize_dataset(build_named_graphs([harbour_facts()]), "trig"))
    assert main(["validate", str(good)]) == 0
    assert "conforms" in capsys.readouterr().out

    graph = _graph()
    graph.remove((_first(graph, KGO.Claim), KGO.direct, None))
    bad = tmp_path / "bad.ttl"
    write_turtle(graph, bad)
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "does not conform" in out and "kgo:direct" in out


def test_validate_command_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["validate", str(tmp_path / "none.ttl")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "none.ttl" in err
    graph = tmp_path / "graph.ttl"
    write_turtle(_graph(), graph)
    assert main(["validate", str(graph), "--shapes", str(tmp_path / "none.ttl")]) == 2
    assert "none.ttl" in capsys.readouterr().err


def test_shapes_that_are_not_turtle_are_an_input_error(tmp_path: Path) -> None:
    broken = tmp_path / "shapes.ttl"
    broken.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\nsh:x sh:y", encoding="utf-8")
    with pytest.raises(InputError, match="not valid Turtle"):
        load_shapes(broken)


def test_validate_file_reads_turtle_and_trig_alike(tmp_path: Path, shapes: Graph) -> None:
    results = [harbour_facts(), quiet_facts()]
    turtle, trig = tmp_path / "g.ttl", tmp_path / "g.trig"
    write_turtle(build_graph(results), turtle)
    trig.write_bytes(serialize_dataset(build_named_graphs(results), "trig"))
    assert validate_file(turtle, shapes) == validate_file(trig, shapes)
    assert SHAPES.name == "shapes.ttl"
