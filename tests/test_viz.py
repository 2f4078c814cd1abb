"""The graph page without a browser: projection, selection, layout, escaping and `kg viz`.

What the page does in a browser is tested in test_viz_browser.py.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import networkx as nx
import pytest
from graph_samples import harbour_facts, quiet_facts
from rdflib import RDF, RDFS, Literal
from viz_samples import PAYLOADS, hostile_corpus, synthetic_corpus

from kg.cli import main
from kg.errors import UserError
from kg.rdf import build_graph, write_turtle
from kg.viz import (
    PAGE_DIR,
    PHYSICS_MAX_NODES,
    format_money,
    layout,
    page_data,
    project,
    read_graph,
    render_html,
    select,
    write_html,
)
from kg.vocab import KGO


@pytest.fixture(scope="module")
def harbour() -> nx.MultiDiGraph:
    return project(build_graph([harbour_facts(), quiet_facts()]))


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(build_graph([harbour_facts(), quiet_facts()]))


def _data(page: str) -> dict:
    block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    return json.loads(block.group(1))


def _edges(projection: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    names = {node: data["name"] for node, data in projection.nodes(data=True)}
    return {(names[u], data["label"], names[v]) for u, v, data in projection.edges(data=True)}


def test_page_loads_no_script_or_stylesheet_from_the_network(page: str) -> None:
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.IGNORECASE)
    assert not re.search(r"<link\b", page, re.IGNORECASE)
    assert not re.search(r"@import|url\(", (PAGE_DIR / "page.css").read_text(encoding="utf-8"))
    assert "vis.Network" in page and "sourceMappingURL" not in page


def test_markup_in_article_text_only_reaches_the_page_as_json_text(page: str) -> None:
    assert "<script>alert(1)</script>" not in page and "<em>" not in page
    assert page.count("</script>") == 3  # vis-network, the data, the page's own script
    data = _data(page)
    assert data["articles"][0]["title"] == "Ferry <em>winter</em> plan"
    claims = {node["name"] for node in data["nodes"] if node["kind"] == "Claim"}
    assert "the cost <script>alert(1)</script> was too high" in claims


def test_payloads_survive_as_text_and_never_as_markup() -> None:
    page = render_html(build_graph(hostile_corpus()))
    names = json.dumps(_data(page), ensure_ascii=False)
    for payload in PAYLOADS:
        assert payload not in page
        assert json.dumps(payload, ensure_ascii=False)[1:-1] in names
    assert "</script><script>" not in page.split('id="kg-data">')[1].split("</script>")[0]


def test_the_page_script_uses_no_html_parsing() -> None:
    script = (PAGE_DIR / "page.js").read_text(encoding="utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(", script)


def test_projection_draws_posts_memberships_claims_and_funding(harbour: nx.MultiDiGraph) -> None:
    edges = _edges(harbour)
    assert ("Ines Duarte", "holds post: Harbour board chair", "Harbour Board") in edges
    assert ("Ines Duarte", "member of", "Green Party") in edges
    assert ("Coastal Trust", "funds £1.25m", "Night Ferry Scheme") in edges
    assert ("Portmouth City Council", "funds", "$300,000.50") in edges
    said = [(u, v) for u, v, data in harbour.edges(data=True) if data["relation"] == "said"]
    assert len(said) == 3
    kinds = {data["kind"] for _, data in harbour.nodes(data=True)}
    assert kinds == {"Person", "Organisation", "UnnamedSource", "Programme", "Claim", "Amount"}


def test_a_claim_is_shown_by_its_first_words_with_speaker_article_and_evidence(
    harbour: nx.MultiDiGraph,
) -> None:
    claim = next(
        data for _, data in harbour.nodes(data=True) if data["name"].startswith("The ferry")
    )
    assert claim["label"] == "The ferry will run all winter."
    assert ("said by", "Ines Duarte") in claim["lines"] and ("as", "direct quote") in claim["lines"]
    assert claim["articles"] == {"harbour-1"}
    [(document, sentence)] = claim["evidence"]
    assert document == "harbour-1" and sentence.startswith("Harbour board chair Ines Duarte said")
    long = next(data for _, data in harbour.nodes(data=True) if data["name"].startswith("the cost"))
    assert long["label"] == long["name"]  # six words: short enough


def test_people_are_sized_by_the_facts_they_take_part_in(harbour: nx.MultiDiGraph) -> None:
    data = page_data(harbour, "t")
    size = {node["name"]: (node["facts"], node["size"]) for node in data["nodes"]}
    assert size["Ines Duarte"][0] == 4  # a post, a party, two claims
    assert size["Green Party"][0] == 1
    assert size["Ines Duarte"][1] > size["Green Party"][1]


@pytest.mark.parametrize(
    ("value", "currency", "shown"),
    [
        ("45000000", "GBP", "£45m"),
        ("2600000000", "USD", "$2.6bn"),
        ("1250000", "EUR", "€1.25m"),
        ("250000", "GBP", "£250,000"),
        ("300000.50", "USD", "$300,000.50"),
        ("1400000", "CHF", "CHF 1.4m"),
        ("5000", None, "5,000 (currency unknown)"),
        (None, "GBP", "an unknown sum of GBP"),
        (None, None, "amount not given"),
    ],
)
def test_amounts_are_written_as_a_reader_would(
    value: str | None, currency: str | None, shown: str
) -> None:
    assert format_money(Decimal(value) if value else None, currency) == shown


def test_focus_keeps_the_neighbourhood_of_one_entity(harbour: nx.MultiDiGraph) -> None:
    one = select(harbour, "ines duarte", hops=1)
    names = {data["name"] for _, data in one.nodes(data=True)}
    assert {"Ines Duarte", "Harbour Board", "Green Party"} <= names
    assert "Coastal Trust" not in names and "officials" not in names
    assert "within 1 link of Ines Duarte" in one.graph["notes"][0]
    assert select(harbour, "Ms Duarte", hops=0).number_of_nodes() == 1  # an alias finds her too


def test_an_unknown_focus_says_which_names_are_close(harbour: nx.MultiDiGraph) -> None:
    with pytest.raises(UserError, match="'Ines Duartes'; did you mean 'Ines Duarte'"):
        select(harbour, "Ines Duartes")


def test_max_nodes_keeps_the_most_connected_and_says_what_it_left_out(
    harbour: nx.MultiDiGraph,
) -> None:
    kept = select(harbour, max_nodes=3)
    assert kept.number_of_nodes() == 3
    assert "Ines Duarte" in {data["name"] for _, data in kept.nodes(data=True)}
    [note] = kept.graph["notes"]
    left_out = harbour.number_of_nodes() - 3
    assert note.startswith(f"Showing the 3 most connected of {harbour.number_of_nodes()} nodes")
    assert f"left out {left_out}: 3 claims" in note


def test_small_graphs_settle_by_physics_and_big_ones_arrive_laid_out() -> None:
    small = page_data(project(build_graph([harbour_facts()])), "t")
    assert small["physics"] and small["options"]["physics"]["enabled"]
    assert all("x" not in node for node in small["nodes"])
    big = project(build_graph(synthetic_corpus(PHYSICS_MAX_NODES + 50)))
    data = page_data(big, "t")
    assert not data["physics"] and not data["options"]["physics"]["enabled"]
    points = {(node["x"], node["y"]) for node in data["nodes"]}
    assert len(points) == len(data["nodes"])  # no two nodes on the same spot
    assert layout(big) == layout(big)


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_page_script_is_valid_javascript() -> None:
    subprocess.run(["node", "--check", str(PAGE_DIR / "page.js")], check=True)


def test_page_is_written_in_one_piece(tmp_path: Path) -> None:
    path = tmp_path / "graph.html"
    write_html(build_graph([quiet_facts()]), path)
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    write_turtle(build_graph([harbour_facts(), quiet_facts()]), path)
    return path


def test_kg_viz_writes_the_page_beside_the_graph(capsys, graph_file: Path) -> None:
    assert main(["viz", str(graph_file)]) == 0
    out, err = capsys.readouterr()
    page = graph_file.with_suffix(".html")
    data = _data(page.read_text(encoding="utf-8"))
    assert out == f"kg viz: wrote {page} ({len(data['nodes'])} nodes, {len(data['edges'])} links)\n"
    assert err == ""


def test_kg_viz_says_on_stderr_and_in_the_page_what_it_left_out(
    capsys, graph_file: Path, tmp_path: Path
) -> None:
    out_file = tmp_path / "part.html"
    assert main(["viz", str(graph_file), "--out", str(out_file), "--max-nodes", "4"]) == 0
    _, err = capsys.readouterr()
    assert err.startswith("kg viz: Showing the 4 most connected of")
    notes = _data(out_file.read_text())["notes"]
    assert notes and notes[0] in err


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--focus", "Nobody At All"], "no person, organisation, source or programme is called"),
        (["--hops", "2"], "--hops counts links from an entity"),
        (["--max-nodes", "0"], "--max-nodes must be 1 or more"),
        (["--out", "/"], "is a directory"),
    ],
)
def test_kg_viz_user_errors_are_one_line(
    capsys, graph_file: Path, arguments: list[str], message: str
) -> None:
    assert main(["viz", str(graph_file), *arguments]) == 2
    _, err = capsys.readouterr()
    assert err.count("\n") == 1 and err.startswith("kg: error: ") and message in err


def test_kg_viz_of_a_missing_file_is_one_line(capsys, tmp_path: Path) -> None:
    assert main(["viz", str(tmp_path / "nothing.ttl")]) == 2
    _, err = capsys.readouterr()
    assert err == f"kg: error: {tmp_path / 'nothing.ttl'}: no such file\n"


def test_facts_about_undescribed_entities_are_left_out_with_a_note() -> None:
    graph = build_graph([harbour_facts()])
    [duarte] = [
        person
        for person in graph.subjects(RDF.type, KGO.Person)
        if graph.value(person, RDFS.label) == Literal("Ines Duarte")
    ]
    graph.remove((duarte, None, None))
    projection = project(graph)
    assert "Ines Duarte" not in {data["name"] for _, data in projection.nodes(data=True)}
    assert projection.graph["notes"] == [
        "Left out 4 facts whose people or bodies the graph does not describe."
    ]


def test_the_page_reads_a_graph_file_as_rdflib_reads_it(tmp_path: Path):
    graph = build_graph([harbour_facts(), quiet_facts()])
    path = tmp_path / "graph.ttl"
    write_turtle(graph, path)
    from_file, from_rdflib = project(read_graph(path)), project(graph)
    assert sorted(from_file.nodes(data="name")) == sorted(from_rdflib.nodes(data="name"))
    assert sorted(from_file.edges(data="label")) == sorted(from_rdflib.edges(data="label"))
    assert from_file.graph["articles"] == from_rdflib.graph["articles"]
