"""The graph page: opens offline, shows the right relations, never runs text from an article."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from graph_samples import harbour_facts, quiet_facts

from kg.rdf import build_graph
from kg.viz import render_html, to_networkx, write_html


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(build_graph([harbour_facts(), quiet_facts()]))


def test_page_loads_no_script_or_stylesheet_from_the_network(page: str) -> None:
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.IGNORECASE)
    assert not re.search(r"@import|<link\b", page, re.IGNORECASE)
    assert "vis.Network" in page


def test_markup_in_article_text_is_escaped(page: str) -> None:
    assert "<script>alert(1)</script>" not in page
    assert "<em>" not in page
    assert page.count("</script>") == 2


def test_physics_stops_once_the_layout_is_stable(page: str) -> None:
    assert 'network.once("stabilizationIterationsDone"' in page
    assert "setOptions({ physics: false })" in page


def test_projection_draws_posts_memberships_claims_and_funding() -> None:
    projection = to_networkx(build_graph([harbour_facts()]))
    labels = {(projection.nodes[u]["label"], data["label"], projection.nodes[v]["label"])
              for u, v, data in projection.edges(data=True)}  # fmt: skip
    assert ("Ines Duarte", "holds post", "Harbour Board") in labels
    assert ("Ines Duarte", "member of", "Green Party") in labels
    assert ("Coastal Trust", "funds", "Night Ferry Scheme") in labels
    assert ("Portmouth City Council", "funds", "USD 300,000.5") in labels
    said = [(u, v) for u, v, data in projection.edges(data=True) if data["label"] == "said"]
    assert len(said) == 3
    kinds = {data["kind"] for _, data in projection.nodes(data=True)}
    assert kinds == {"Person", "Organisation", "UnnamedSource", "Programme", "Claim", "Funding"}
    claim = projection.nodes[said[0][1]]
    assert len(claim["label"].split()) <= 7 and claim["tooltip"][-1] in {
        "The ferry will run all winter.",
        "the timetable was final",
        "the cost <script>alert(1)</script> was too high",
    }


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_page_script_is_valid_javascript(page: str, tmp_path: Path) -> None:
    script = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)[-1]
    path = tmp_path / "page.js"
    path.write_text(script, encoding="utf-8")
    subprocess.run(["node", "--check", str(path)], check=True)


def test_page_is_written_in_one_piece(tmp_path: Path) -> None:
    path = tmp_path / "graph.html"
    write_html(build_graph([quiet_facts()]), path)
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_page_draws_offline_and_stops_moving_in_a_browser(page: str, tmp_path: Path) -> None:
    # Report back through the DOM: layout done (node count) or any script error.
    probe = page.replace(
        "network.setOptions({ physics: false });",
        "network.setOptions({ physics: false });"
        ' document.body.dataset.nodes = String(Object.keys(network.getPositions()).length);',
    ).replace("<body>", '<body><script>window.onerror = (m) => { document.body && '
              "(document.body.dataset.error = m); };</script>", 1)  # fmt: skip
    path = tmp_path / "page.html"
    path.write_text(probe, encoding="utf-8")
    result = subprocess.run(
        ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--virtual-time-budget=30000", "--dump-dom", path.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    body = re.search(r"<body[^>]*>", result.stdout).group(0)
    assert "data-error" not in body
    drawn = to_networkx(build_graph([harbour_facts(), quiet_facts()])).number_of_nodes()
    assert f'data-nodes="{drawn}"' in body
