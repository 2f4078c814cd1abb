"""The store: SELECT rows as Python values, ASK, CONSTRUCT, and clear errors."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from graph_samples import harbour_facts, quiet_facts

from kg.errors import InputError, QueryError
from kg.rdf import (
    build_graph,
    build_named_graphs,
    serialize_dataset,
    serialize_triples,
    serialize_turtle,
    write_turtle,
)
from kg.store import ask, construct, load_turtle, open_graph, select

PREFIXES = """
PREFIX kgo: <https://w3id.org/kg-news/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""


@pytest.fixture(scope="module")
def store():
    return load_turtle(serialize_turtle(build_graph([harbour_facts()])))


def test_select_rows_hold_typed_python_values(store) -> None:
    rows = select(
        store,
        PREFIXES + "SELECT ?value ?direct ?start ?missing WHERE { ?m schema:value ?value . "
        "?c kgo:direct ?direct ; kgo:content/oa:hasSelector/oa:start ?start } "
        "ORDER BY ?value ?start LIMIT 1",
    )
    assert rows == [{"value": Decimal("300000.5"), "direct": True, "start": 39, "missing": None}]


def test_ask_and_construct(store) -> None:
    assert ask(store, PREFIXES + "ASK { ?f a kgo:Funding }")
    assert not ask(store, PREFIXES + "ASK { ?f a kgo:Nothing }")
    triples = construct(
        store, PREFIXES + "CONSTRUCT { ?f a kgo:Funding } WHERE { ?f a kgo:Funding }"
    )
    assert len(triples) == 2 and triples == sorted(triples, key=str)


def test_a_query_of_the_wrong_kind_or_bad_syntax_is_a_query_error(store) -> None:
    with pytest.raises(QueryError, match="SELECT"):
        select(store, "ASK {}")
    with pytest.raises(QueryError, match="ASK"):
        ask(store, "SELECT * WHERE {}")
    with pytest.raises(QueryError, match="bad SPARQL"):
        select(store, "SELECT * WHERE {")


def test_open_graph_reads_a_file_and_explains_what_is_wrong(tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    write_turtle(build_graph([harbour_facts()]), path)
    assert len(open_graph(path)) == len(build_graph([harbour_facts()]))
    with pytest.raises(InputError, match="no such file"):
        open_graph(tmp_path / "none.ttl")
    with pytest.raises(InputError, match="is a directory"):
        open_graph(tmp_path)
    (tmp_path / "bad.nt").write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(InputError, match="not valid N-Triples"):
        open_graph(tmp_path / "bad.nt")


def test_graph_reads_back_from_the_store_exactly_as_written() -> None:
    turtle = serialize_turtle(build_graph([harbour_facts()]))
    store = load_turtle(turtle)
    assert serialize_triples(quad.triple for quad in store) == turtle


def test_queries_see_the_named_graphs_of_trig_as_one_graph(tmp_path: Path) -> None:
    results = [harbour_facts(), quiet_facts()]
    turtle, trig = tmp_path / "graph.ttl", tmp_path / "graph.trig"
    write_turtle(build_graph(results), turtle)
    trig.write_bytes(serialize_dataset(build_named_graphs(results), "trig"))
    facts = PREFIXES + "SELECT ?c ?start WHERE { ?c kgo:content/oa:hasSelector/oa:start ?start }"
    rows = sorted(select(open_graph(trig), facts), key=str)
    assert rows == sorted(select(open_graph(turtle), facts), key=str)
    assert len(rows) == 3
    per_graph = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    assert len(select(open_graph(trig), per_graph)) == 2
