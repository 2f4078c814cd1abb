"""A live Oxigraph server on loopback: kg push loads it; it answers as the embedded store does."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from graph_samples import harbour_facts, quiet_facts

from kg.cli import main
from kg.errors import InputError, UserError
from kg.rdf import build_graph, build_named_graphs, graph_name, serialize_dataset, write_turtle
from kg.server import ServerError, SparqlServer, free_port, start_server
from kg.store import QUERY_DIR, open_graph, push, query

ROOT = Path(__file__).resolve().parent.parent
QUERIES = sorted([*QUERY_DIR.glob("*.rq"), *QUERY_DIR.glob("examples/*.rq")])
GRAPH_SIZES = """
SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g
"""


@pytest.fixture(scope="module")
def trig(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample articles as TriG: two articles, two named graphs."""
    path = tmp_path_factory.mktemp("graph") / "graph.trig"
    samples = build_named_graphs([harbour_facts(), quiet_facts()])
    path.write_bytes(serialize_dataset(samples, "trig"))
    return path


@pytest.fixture(scope="module")
def builds(trig: Path, seed_build: Path) -> list[Path]:
    return [trig, seed_build / "graph.trig"]


@pytest.fixture(scope="module")
def embedded(builds: list[Path]) -> ox.Store:
    """The sample and the seed build in one embedded store."""
    store = ox.Store()
    for path in builds:
        store.load(path=path, format=ox.RdfFormat.TRIG)
    return store


@pytest.fixture(scope="module")
def server(builds: list[Path]) -> Iterator[SparqlServer]:
    """An empty server, then the sample and the seed build pushed into it."""
    with start_server() as running:
        pushed = [push(path, running.store_url) for path in builds]
        assert [(s.graphs, s.requests, s.default_graph) for s in pushed] == [
            (2, 2, False),
            (1, 1, False),
        ]
        yield running


def _remote(url: str, sparql: str) -> list[dict[str, object]]:
    """SELECT over HTTP (SPARQL 1.1 protocol, JSON results), rows as term -> text."""
    request = urllib.request.Request(
        url,
        data=sparql.encode("utf-8"),
        headers={
            "Content-Type": "application/sparql-query",
            "Accept": "application/sparql-results+json",
        },
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        results = ox.parse_query_results(response.read(), format=ox.QueryResultsFormat.JSON)
    return _rows(results)


def _rows(results: ox.QuerySolutions) -> list[dict[str, object]]:
    names = [variable.value for variable in results.variables]
    return [{name: str(row[name]) if row[name] else None for name in names} for row in results]


@pytest.mark.parametrize("query_file", QUERIES, ids=lambda path: path.stem)
def test_live_server_answers_every_bundled_query_as_the_embedded_store(
    server: SparqlServer, embedded: ox.Store, query_file: Path
) -> None:
    sparql = query_file.read_text(encoding="utf-8")
    expected = _rows(query(embedded, sparql))
    assert expected, f"{query_file.name} finds nothing"
    assert _remote(server.query_url, sparql) == expected


def test_each_article_is_its_own_graph_on_the_server(
    server: SparqlServer, embedded: ox.Store
) -> None:
    sizes = _remote(server.query_url, GRAPH_SIZES)
    documents = ("harbour-1", "quiet-2", "000_db8a1dd7df858792")
    assert [row["g"] for row in sizes] == sorted(f"<{graph_name(d)}>" for d in documents)
    assert sizes == _rows(query(embedded, GRAPH_SIZES))


def test_pushing_again_replaces_each_graph_and_batches_change_nothing(trig: Path) -> None:
    with start_server() as running:
        push(trig, running.store_url)
        once = _remote(running.query_url, GRAPH_SIZES)
        summary = push(trig, running.store_url, batch_size=25)
        assert summary.requests > 2 * summary.graphs
        assert _remote(running.query_url, GRAPH_SIZES) == once


def test_turtle_is_pushed_into_the_default_graph(tmp_path: Path) -> None:
    turtle = tmp_path / "graph.ttl"
    write_turtle(build_graph([harbour_facts()]), turtle)
    with start_server() as running:
        summary = push(turtle, running.store_url)
        assert (summary.graphs, summary.default_graph) == (0, True)
        count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        assert _remote(running.query_url, count) == _rows(query(open_graph(turtle), count))


def test_push_errors_are_user_errors_with_the_reason(trig: Path, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Connection refused"):
        push(trig, f"http://127.0.0.1:{free_port()}/store")
    with pytest.raises(UserError, match="not an http"):
        push(trig, "ftp://example.org/store")
    with pytest.raises(InputError, match="no such file"):
        push(tmp_path / "none.trig", "http://127.0.0.1:1/store")
    broken = tmp_path / "broken.nq"
    broken.write_text("<http://a> <http://b> .\n", encoding="utf-8")
    with pytest.raises(InputError, match="not valid N-Quads"):
        push(broken, "http://127.0.0.1:1/store")


def test_push_to_a_path_the_server_does_not_have_is_a_one_line_error(
    server: SparqlServer, trig: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["push", str(trig), "--endpoint", f"{server.url}/nowhere"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "HTTP 404" in err


def test_push_command_says_what_it_loaded(trig: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with start_server() as running:
        assert main(["push", str(trig), "--endpoint", running.store_url]) == 0
    out = capsys.readouterr().out
    assert out.startswith("kg push: ") and "into 2 named graphs" in out


def test_a_taken_port_is_a_server_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(ServerError, match="cannot listen"):
            start_server(port=taken.getsockname()[1])


def test_kg_serve_answers_queries_until_it_is_stopped(trig: Path) -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(trig), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        banner = process.stdout.readline()
        assert f"http://127.0.0.1:{port}/query" in banner, process.stderr.read()
        claims = "ASK { ?claim a <https://w3id.org/kg-news/ontology#Claim> }"
        ask = urllib.parse.urlencode({"query": claims})
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/query?{ask}", timeout=10) as answer:
            assert json.loads(answer.read())["boolean"] is True
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=15)
    assert process.returncode == 130
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                break
        time.sleep(0.05)
    else:
        pytest.fail(f"the server on port {port} is still running")
