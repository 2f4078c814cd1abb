"""The graph as a page: a networkx projection of the RDF graph, drawn with vis-network.

People, organisations, unnamed sources, programmes and claims become nodes, coloured by
kind; role facts become "holds post" / "member of" edges, claims hang off their speaker by
"said", funding goes from funder to programme as "funds". The page is self-contained: the
vis-network script bundled with pyvis is inlined, so it opens offline. Article text is
untrusted, so every tooltip is built from html.escape'd text and the embedded JSON escapes
"<", ">" and "&".
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import networkx as nx
import pyvis
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import ORG, SDO, SKOS

from kg.atomic import write_atomic
from kg.vocab import KGO

VIS_JS = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js"
# The script ends by naming a source map that is not shipped; browser tools would go looking for it.
_SOURCE_MAP = re.compile(r"//# sourceMappingURL=\S*")
COLOURS = {
    "Person": "#4e79a7",
    "Organisation": "#f28e2b",
    "UnnamedSource": "#bab0ac",
    "Programme": "#59a14f",
    "Claim": "#edc948",
    "Funding": "#76b7b2",
}
_ENTITY_KINDS = {
    KGO.Person: "Person",
    KGO.Organisation: "Organisation",
    KGO.UnnamedSource: "UnnamedSource",
    KGO.Programme: "Programme",
}
_KIND_NAMES = {
    "Person": "person",
    "Organisation": "organisation",
    "UnnamedSource": "unnamed source",
    "Programme": "programme",
}
_CLAIM_LABEL_WORDS = 6
# Physics lays the graph out, then the page switches it off so that the drawing keeps still.
# Layout work grows with the graph: in headless Chromium 400 iterations over 2,000 nodes took
# ~25 s before the first still picture, 100 took ~8 s; vis's "improved layout" adds to it.
_ITERATION_BUDGET = 100_000


def _options(node_count: int) -> dict:
    """vis-network options for a graph of `node_count` nodes."""
    iterations = max(100, min(400, _ITERATION_BUDGET // max(node_count, 1)))
    return {
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
            "stabilization": {"enabled": True, "iterations": iterations, "fit": True},
        },
        "layout": {"improvedLayout": node_count <= 100},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "font": {"size": 10}},
        "nodes": {"font": {"size": 14}},
        "interaction": {"hover": True, "tooltipDelay": 150},
    }


def _label(graph: Graph, node: URIRef) -> str:
    return str(graph.value(node, RDFS.label) or node)


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Project the kg RDF graph onto its people, bodies, sources, programmes and claims.

    Nodes are keyed by IRI with attributes `label`, `kind` (a key of COLOURS) and `tooltip`
    (lines of plain text); edges carry `label` and `tooltip`. A fact stated in several
    articles is one edge.
    """
    projection = nx.MultiDiGraph()
    for rdf_class, kind in _ENTITY_KINDS.items():
        for node in sorted(graph.subjects(RDF.type, rdf_class)):
            aliases = sorted(str(alias) for alias in graph.objects(node, SKOS.altLabel))
            articles = len(set(graph.subjects(SDO.mentions, node)))
            lines = [_label(graph, node), _KIND_NAMES[kind]]
            if aliases:
                lines.append("also: " + ", ".join(aliases))
            lines.append(f"in {articles} article{'' if articles == 1 else 's'}")
            projection.add_node(str(node), label=_label(graph, node), kind=kind, tooltip=lines)

    for fact in sorted(graph.subjects(RDF.type, KGO.RoleFact)):
        person, title = graph.value(fact, ORG.member), str(graph.value(fact, KGO.roleTitle))
        organisation = graph.value(fact, ORG.organization)
        if organisation is None:
            projection.nodes[str(person)]["tooltip"].append(f"post: {title}")
            continue
        relation = "member of" if title.lower() == "member" else "holds post"
        projection.add_edge(
            str(person), str(organisation), key=(relation, title), label=relation, tooltip=[title]
        )

    for claim in sorted(graph.subjects(RDF.type, KGO.Claim)):
        text = str(graph.value(claim, SDO.text))
        words = text.split()
        short = " ".join(words[:_CLAIM_LABEL_WORDS]) + (
            "…" if len(words) > _CLAIM_LABEL_WORDS else ""
        )
        manner = "direct quote" if graph.value(claim, KGO.direct).toPython() else "reported speech"
        speaker = graph.value(claim, KGO.speaker)
        projection.add_node(
            str(claim),
            label=short,
            kind="Claim",
            tooltip=[f"{_label(graph, speaker)} ({manner}):", text],
        )
        projection.add_edge(str(speaker), str(claim), key="said", label="said", tooltip=[manner])

    for funding in sorted(graph.subjects(RDF.type, KGO.Funding)):
        funder, programme = graph.value(funding, SDO.funder), graph.value(funding, KGO.programme)
        amount = graph.value(funding, SDO.amount)
        money = _label(graph, amount) if amount is not None else "amount not given"
        if programme is None:
            programme = funding
            projection.add_node(
                str(funding), label=money, kind="Funding", tooltip=[_label(graph, funding)]
            )
        projection.add_edge(
            str(funder), str(programme), key=("funds", money), label="funds", tooltip=[money]
        )
    return projection


def _tooltip(lines: list[str]) -> str:
    """Tooltip HTML: each line escaped, the first in bold."""
    escaped = [html.escape(line) for line in lines]
    return "<br>".join([f"<b>{escaped[0]}</b>", *escaped[1:]]) if escaped else ""


def _script_json(value: object) -> str:
    """JSON that is safe inside a <script> element whatever strings it holds."""
    text = json.dumps(value, ensure_ascii=True, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(graph: Graph, title: str = "kg: knowledge graph") -> str:
    """A self-contained HTML page drawing the RDF graph's people, bodies, claims and funding."""
    projection = to_networkx(graph)
    nodes = [
        {
            "id": node,
            "label": data["label"],
            "title": _tooltip(data["tooltip"]),
            "color": COLOURS[data["kind"]],
            "shape": "box" if data["kind"] == "Claim" else "dot",
            "kind": data["kind"],
        }
        for node, data in sorted(projection.nodes(data=True))
    ]
    edges = [
        {"from": source, "to": target, "label": data["label"], "title": _tooltip(data["tooltip"])}
        for source, target, data in sorted(
            projection.edges(data=True), key=lambda edge: (edge[0], edge[1], edge[2]["label"])
        )
    ]
    return _PAGE.format(
        title=html.escape(title),
        vis_js=_SOURCE_MAP.sub("", VIS_JS.read_text(encoding="utf-8")),
        nodes=_script_json(nodes),
        edges=_script_json(edges),
        options=_script_json(_options(len(nodes))),
    )


def write_html(graph: Graph, path: str | Path) -> None:
    """Write the page for `graph` to `path`, atomically."""
    write_atomic(path, render_html(graph))


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
  html, body {{ margin: 0; height: 100%; font-family: system-ui, sans-serif; }}
  #graph {{ position: absolute; inset: 0; }}
  div.vis-tooltip {{
    position: absolute; visibility: hidden; max-width: 28em; padding: 6px 8px;
    white-space: normal; background: #fffbe6; border: 1px solid #999; border-radius: 3px;
    box-shadow: 2px 2px 6px rgba(0, 0, 0, 0.2); font-size: 13px; pointer-events: none;
  }}
</style>
<script>{vis_js}</script>
</head>
<body>
<div id="graph"></div>
<script>
(function () {{
  // Tooltips are HTML made of escaped text; vis-network would show a string title as plain text.
  function tooltip(markup) {{
    var element = document.createElement("div");
    element.innerHTML = markup;
    return element;
  }}
  var nodes = {nodes}.map(function (node) {{ node.title = tooltip(node.title); return node; }});
  var edges = {edges}.map(function (edge) {{ edge.title = tooltip(edge.title); return edge; }});
  var network = new vis.Network(
    document.getElementById("graph"),
    {{ nodes: new vis.DataSet(nodes), edges: new vis.DataSet(edges) }},
    {options}
  );
  network.once("stabilizationIterationsDone", function () {{
    network.setOptions({{ physics: false }});
  }});
}})();
</script>
</body>
</html>
"""
