"""The graph as a page: a networkx projection of the RDF graph, drawn with vis-network.

    project(graph)        RDF graph -> networkx MultiDiGraph of people, bodies, unnamed sources,
                          programmes and claims; facts become edges (holds post, member of,
                          said, funds) carrying their evidence sentences and articles
    select(projection)    the neighbourhood of one entity (--focus/--hops) and/or the most
                          connected nodes (--max-nodes), with a note of what was left out
    render_page(view)     one self-contained HTML file: vis-network (shipped with pyvis), the
                          page's CSS and script (kg/page/) and the projection as JSON, inlined

Article text is untrusted. It reaches the page only inside a JSON data block in which every
"<", ">" and "&" is escaped, and the page's script puts it into the document as text
(textContent, vis-network's canvas labels), never as HTML.

Small graphs are laid out by vis-network's physics, which is switched off once the layout is
stable. Past `PHYSICS_MAX_NODES` the browser would take seconds to minutes (notes.md: ~22 s for
1,000 nodes), so positions are computed here and the page draws them still.
"""

from __future__ import annotations

import difflib
import gc
import html
import json
import math
import re
import string
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import networkx as nx
import numpy as np
import pyvis
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, ORG, SDO, SKOS

from kg.atomic import write_atomic
from kg.errors import InputError, UserError
from kg.rdf import to_rdflib
from kg.store import open_graph
from kg.vocab import KGO, OA

VIS_JS = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js"
PAGE_DIR = Path(__file__).parent / "page"
# The script ends by naming a source map that is not shipped; browser tools would go looking for it.
_SOURCE_MAP = re.compile(r"//# sourceMappingURL=\S*")

# Node kinds in legend order: what the legend calls them, colour, vis-network shape.
KINDS: dict[str, tuple[str, str, str]] = {
    "Person": ("person", "#4e79a7", "dot"),
    "Organisation": ("organisation", "#f28e2b", "square"),
    "Programme": ("programme", "#59a14f", "diamond"),
    "UnnamedSource": ("unnamed source", "#a0a0a0", "triangle"),
    "Claim": ("claim", "#f5e3a3", "box"),
    "Amount": ("amount with no recipient", "#76b7b2", "hexagon"),
}
# Relations in legend order: colour and whether the line is dashed.
RELATIONS: dict[str, tuple[str, bool]] = {
    "holds post": ("#2f5f8f", False),
    "member of": ("#9a5f93", True),
    "said": ("#b59a2c", False),
    "funds": ("#3f8f3a", False),
}
_ENTITY_KINDS = {
    KGO.Person: "Person",
    KGO.Organisation: "Organisation",
    KGO.UnnamedSource: "UnnamedSource",
    KGO.Programme: "Programme",
}
_CLAIM_LABEL_WORDS = 6
_CURRENCY_SIGNS = {"GBP": "£", "USD": "$", "EUR": "€", "JPY": "¥", "INR": "₹"}
_SCALES = ((Decimal(10) ** 12, "tn"), (Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "m"))

PHYSICS_MAX_NODES = 200
# Layout work grows with the graph: in headless Chromium 400 iterations over 2,000 nodes took
# ~25 s before the first still picture, 100 took ~8 s; vis's "improved layout" adds to it.
_ITERATION_BUDGET = 100_000
_PIXELS_PER_UNIT = 110.0
# A claim box is up to 190 px wide: leaves sit this many units apart on their ring.
_LEAF_SPACING = 1.9
_SIZE_MAX = 45
_LAYOUT_ROUNDS = 60
# Pairs of nodes times rounds: past ~3,000 nodes in one component, fewer rounds.
_LAYOUT_PAIR_BUDGET = 6e8


# ----------------------------------------------------------------------------- projection


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Run a block with the cyclic garbage collector off. The projection and the page data are
    many small acyclic objects made next to a big RDF graph; the collector's full passes over
    that graph took 5 of 6 s of drawing 5,000 nodes."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Triples:
    """RDF triples held for the page's reading of them: the `value`, `objects` and
    `subjects` lookups `project` makes of an rdflib Graph, in plain dicts (a fifth of the
    cost of rdflib's store to fill, the page of a 500-article build being ~300,000 triples)."""

    def __init__(self) -> None:
        # subject -> predicate -> objects (a dict as an ordered set); predicate -> object ->
        # subjects, made for a predicate when first asked
        self._out: dict[object, dict[URIRef, dict[object, None]]] = {}
        self._in: dict[URIRef, dict[object, dict[object, None]]] = {}

    def add(self, triple: tuple[object, URIRef, object]) -> None:
        subject, predicate, obj = triple
        self._out.setdefault(subject, {}).setdefault(predicate, {})[obj] = None
        self._in.pop(predicate, None)

    def value(self, subject: object, predicate: URIRef) -> object | None:
        found = self._out.get(subject, {}).get(predicate)
        return next(iter(found)) if found else None

    def objects(self, subject: object, predicate: URIRef) -> Iterator[object]:
        return iter(list(self._out.get(subject, {}).get(predicate, ())))

    def subjects(self, predicate: URIRef, obj: object) -> Iterator[object]:
        index = self._in.get(predicate)
        if index is None:
            index = self._in[predicate] = {}
            for subject, edges in self._out.items():
                for value in edges.get(predicate, ()):
                    index.setdefault(value, {})[subject] = None
        return iter(list(index.get(obj, ())))


def format_money(value: Decimal | None, currency: str | None) -> str:
    """An amount as a reader writes it: £45m, $2.6bn, £250,000, €1.25m, CHF 300."""
    if value is None:
        return f"an unknown sum of {currency}" if currency else "amount not given"
    for scale, suffix in _SCALES:
        if abs(value) >= scale:
            figure = f"{(value / scale).quantize(Decimal('0.01')).normalize():f}{suffix}"
            break
    else:
        figure = f"{value:,.2f}".removesuffix(".00")
    if currency in _CURRENCY_SIGNS:
        return _CURRENCY_SIGNS[currency] + figure
    return f"{currency} {figure}" if currency else f"{figure} (currency unknown)"


def _text(graph: Graph | Triples, node: object, prop: URIRef) -> str | None:
    value = None if node is None else graph.value(node, prop)
    return None if value is None else " ".join(str(value).split())


def _label(graph: Graph | Triples, node: URIRef) -> str:
    return _text(graph, node, RDFS.label) or str(node)


def _evidence(graph: Graph | Triples, fact: URIRef) -> list[tuple[str, str]]:
    """(document id, sentence) for every piece of evidence of `fact`."""
    found = set()
    for evidence in graph.objects(fact, KGO.evidence):
        span = graph.value(evidence, KGO.sentence)
        if span is None:
            continue
        document = _text(graph, graph.value(span, OA.hasSource), KGO.documentId)
        sentence = next(
            (_text(graph, s, OA.exact) for s in graph.objects(span, OA.hasSelector)
             if graph.value(s, OA.exact) is not None),
            None,
        )  # fmt: skip
        if document is not None:
            found.add((document, sentence or ""))
    return sorted(found)


def _short(text: str) -> str:
    words = text.split()
    return " ".join(words[:_CLAIM_LABEL_WORDS]) + ("…" if len(words) > _CLAIM_LABEL_WORDS else "")


def project(graph: Graph | Triples) -> nx.MultiDiGraph:
    """Project the kg RDF graph onto its people, bodies, sources, programmes and claims.

    Nodes are keyed by IRI and carry `label` (a claim's first words), `name` (full name or
    claim text), `kind` (a key of KINDS), `aliases`, `facts` (how many facts the node takes
    part in), `articles` (document ids), `lines` ((field, text) pairs for the reader) and
    `evidence` ((document id, sentence) pairs). Edges carry `relation` (a key of RELATIONS),
    `label`, `articles`, `lines` and `evidence`; a fact stated in several articles is one
    edge. `projection.graph["articles"]` maps document ids to title, date and URL.
    """
    with _collector_paused():
        return _project(graph)


def _project(graph: Graph | Triples) -> nx.MultiDiGraph:
    projection = nx.MultiDiGraph()
    projection.graph["articles"] = {
        _text(graph, article, KGO.documentId): {
            "title": _text(graph, article, DCTERMS.title) or _label(graph, article),
            "published": _text(graph, article, SDO.datePublished) or "",
            "url": _text(graph, article, SDO.url) or "",
        }
        for article in sorted(graph.subjects(RDF.type, KGO.Article))
    }
    projection.graph["notes"] = []
    mentions: dict[str, set[str]] = {}
    for article in graph.subjects(RDF.type, KGO.Article):
        document = _text(graph, article, KGO.documentId)
        for entity in graph.objects(article, SDO.mentions):
            mentions.setdefault(str(entity), set()).add(document)
    for rdf_class, kind in _ENTITY_KINDS.items():
        for node in sorted(graph.subjects(RDF.type, rdf_class)):
            projection.add_node(
                str(node),
                label=_label(graph, node),
                name=_label(graph, node),
                kind=kind,
                aliases=sorted({" ".join(a.split()) for a in graph.objects(node, SKOS.altLabel)}),
                facts=0,
                articles=set(mentions.get(str(node), ())),
                lines=[],
                evidence=[],
            )

    skipped = 0

    def missing(*entities: object) -> bool:
        """True (and the fact is counted as skipped) when an entity of it is not in the graph."""
        nonlocal skipped
        if all(entity is None or str(entity) in projection for entity in entities):
            return False
        skipped += 1
        return True

    def fact_edge(source: URIRef, target: URIRef, key: object, relation: str, label: str,
                  lines: list[tuple[str, str]], fact: URIRef) -> None:  # fmt: skip
        evidence = _evidence(graph, fact)
        for node in {str(source), str(target)}:
            projection.nodes[node]["facts"] += 1
        if projection.has_edge(str(source), str(target), key):
            data = projection.edges[str(source), str(target), key]
            data["evidence"] = sorted(set(data["evidence"]) | set(evidence))
            data["articles"] |= {document for document, _ in evidence}
            return
        projection.add_edge(
            str(source), str(target), key=key, relation=relation, label=label, lines=lines,
            evidence=evidence, articles={document for document, _ in evidence},
        )  # fmt: skip

    for fact in sorted(graph.subjects(RDF.type, KGO.RoleFact)):
        person, title = graph.value(fact, ORG.member), _text(graph, fact, KGO.roleTitle) or ""
        organisation = graph.value(fact, ORG.organization)
        if person is None or missing(person, organisation):
            continue
        if organisation is None:
            # A post with no body named ("the minister") is a fact about the person alone.
            data = projection.nodes[str(person)]
            data["facts"] += 1
            data["lines"].append(("post", title))
            data["evidence"].extend(_evidence(graph, fact))
            continue
        relation = "member of" if title.lower() == "member" else "holds post"
        label = relation if relation == "member of" else f"holds post: {title}"
        names = f"{_label(graph, person)} — {title} — {_label(graph, organisation)}"
        fact_edge(person, organisation, (relation, title.lower()), relation, label,
                  [("role", names)], fact)  # fmt: skip

    for claim in sorted(graph.subjects(RDF.type, KGO.Claim)):
        text = " ".join(str(graph.value(claim, SDO.text)).split())
        speaker = graph.value(claim, KGO.speaker)
        if speaker is None or missing(speaker):
            continue
        direct = graph.value(claim, KGO.direct)
        manner = "direct quote" if direct is not None and direct.toPython() else "reported speech"
        evidence = _evidence(graph, claim)
        projection.add_node(
            str(claim),
            label=_short(text),
            name=text,
            kind="Claim",
            aliases=[],
            facts=0,
            articles={document for document, _ in evidence},
            lines=[("said by", _label(graph, speaker)), ("as", manner)],
            evidence=evidence,
        )
        fact_edge(speaker, claim, "said", "said", "said", [("as", manner)], claim)

    for funding in sorted(graph.subjects(RDF.type, KGO.Funding)):
        funder, programme = graph.value(funding, SDO.funder), graph.value(funding, KGO.programme)
        if funder is None or missing(funder, programme):
            continue
        amount = graph.value(funding, SDO.amount)
        value = graph.value(amount, SDO.value) if amount is not None else None
        money = format_money(
            Decimal(str(value)) if value is not None else None,
            _text(graph, amount, SDO.currency) if amount is not None else None,
        )
        lines = [("funder", _label(graph, funder)), ("amount", money)]
        label = f"funds {money}"
        if programme is None:
            label = "funds"
            programme = funding
            evidence = _evidence(graph, funding)
            projection.add_node(
                str(funding), label=money, name=money, kind="Amount", aliases=[], facts=0,
                articles={document for document, _ in evidence}, lines=list(lines), evidence=[],
            )  # fmt: skip
        else:
            lines.append(("programme", _label(graph, programme)))
        fact_edge(funder, programme, ("funds", money), "funds", label, lines, funding)
    if skipped:
        projection.graph["notes"].append(
            f"Left out {skipped} fact{'' if skipped == 1 else 's'} whose people or bodies the "
            "graph does not describe."
        )
    return projection


# ----------------------------------------------------------------------------- selection


def find(projection: nx.MultiDiGraph, name: str) -> list[str]:
    """The entities called `name` (or with it as an alias), ignoring case and spacing.

    Raises UserError naming the closest names when there is none.
    """
    wanted = " ".join(name.split()).casefold()
    names: dict[str, list[str]] = {}
    for node, data in projection.nodes(data=True):
        if data["kind"] not in ("Claim", "Amount"):
            for known in (data["name"], *data["aliases"]):
                names.setdefault(known.casefold(), []).append(node)
    if wanted in names:
        return sorted(set(names[wanted]))
    close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.6)
    shown = {projection.nodes[names[c][0]]["name"] for c in close}
    hint = f"; did you mean {' or '.join(repr(c) for c in sorted(shown))}?" if shown else ""
    raise UserError(f"no person, organisation, source or programme is called {name!r}{hint}")


def _plural(count: int, noun: str) -> str:
    plurals = {"person": "people", "amount with no recipient": "amounts with no recipient"}
    return f"{count:,} {noun if count == 1 else plurals.get(noun, noun + 's')}"


def select(
    projection: nx.MultiDiGraph,
    focus: str | None = None,
    hops: int = 2,
    max_nodes: int | None = None,
) -> nx.MultiDiGraph:
    """The part of `projection` to draw, with `graph["notes"]` saying what was left out.

    `focus` keeps the entities of that name and the nodes within `hops` links of them;
    `max_nodes` then keeps the most connected nodes (the focused entities always stay).
    """
    notes = list(projection.graph.get("notes", []))
    keep = set(projection.nodes)
    centres: list[str] = []
    if focus is not None:
        centres = find(projection, focus)
        undirected = projection.to_undirected(as_view=True)
        keep = set()
        for centre in centres:
            keep |= set(nx.single_source_shortest_path_length(undirected, centre, cutoff=hops))
        notes.append(
            f"Showing what lies within {hops} link{'' if hops == 1 else 's'} of "
            f"{projection.nodes[centres[0]]['name']}: {len(keep):,} of "
            f"{projection.number_of_nodes():,} nodes."
        )
    view = projection.subgraph(keep)
    if max_nodes is not None and view.number_of_nodes() > max_nodes:
        order = list(KINDS)
        ranked = sorted(
            view.nodes,
            key=lambda n: (n not in centres, -view.degree(n), order.index(view.nodes[n]["kind"]),
                           view.nodes[n]["name"], n),
        )  # fmt: skip
        dropped = Counter(KINDS[view.nodes[n]["kind"]][0] for n in ranked[max_nodes:])
        kept = ranked[:max_nodes]
        what = ", ".join(_plural(n, kind) for kind, n in sorted(dropped.items(), key=_by_count))
        notes.append(
            f"Showing the {max_nodes:,} most connected of {view.number_of_nodes():,} nodes; "
            f"left out {dropped.total():,}: {what}."
        )
        view = view.subgraph(kept)
    result = nx.MultiDiGraph(view)
    result.graph = {**projection.graph, "notes": notes}
    return result


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


# ----------------------------------------------------------------------------- layout


def _force_layout(
    count: int, sources: np.ndarray, targets: np.ndarray, mass: np.ndarray, seed: int
) -> np.ndarray:
    """Fruchterman–Reingold positions (unit edge length) for `count` nodes.

    Repulsion between two nodes is scaled by their masses so that a hub with many leaves keeps
    room for them. All pairs are computed, in row blocks small enough to stay in cache; the
    number of rounds shrinks for big graphs (3,500 nodes: ~0.1 s a round).
    """
    rng = np.random.default_rng(seed)
    side = math.sqrt(count) * 1.5
    position = rng.random((count, 2)) * side
    rounds = int(min(_LAYOUT_ROUNDS, max(15, _LAYOUT_PAIR_BUDGET / count**2)))
    temperature = side / 8
    block = max(16, 250_000 // count)
    for step in range(rounds):
        x, y = position[:, 0].copy(), position[:, 1].copy()
        shift = np.zeros_like(position)
        for start in range(0, count, block):
            stop = min(start + block, count)
            dx = x[start:stop, None] - x[None, :]
            dy = y[start:stop, None] - y[None, :]
            strength = dx * dx + dy * dy
            np.maximum(strength, 1e-4, out=strength)
            np.divide(mass[None, :], strength, out=strength)
            strength *= mass[start:stop, None]
            shift[start:stop, 0] = (dx * strength).sum(axis=1)
            shift[start:stop, 1] = (dy * strength).sum(axis=1)
        delta = position[sources] - position[targets]
        pull = delta * np.linalg.norm(delta, axis=1)[:, None]
        for axis in (0, 1):
            shift[:, axis] -= np.bincount(sources, pull[:, axis], minlength=count)
            shift[:, axis] += np.bincount(targets, pull[:, axis], minlength=count)
        length = np.maximum(np.linalg.norm(shift, axis=1), 1e-9)
        cap = temperature * (1 - step / rounds) + 0.01
        position += shift * (np.minimum(length, cap) / length)[:, None]
    return position - position.mean(axis=0)


def _component_layout(component: nx.Graph) -> dict[str, tuple[float, float]]:
    """Positions for one connected component: its core by force, its leaves in rings."""
    degree = dict(component.degree)
    nodes = sorted(component, key=lambda n: (-degree[n], n))
    core = [n for n in nodes if degree[n] > 1] or nodes[:1]
    in_core = set(core)
    leaves: dict[str, list[str]] = {}
    for node in nodes:
        if node not in in_core:
            parent = min(component[node], key=lambda n: (-degree[n], n))
            leaves.setdefault(parent, []).append(node)
    index = {node: i for i, node in enumerate(core)}
    edges = [(index[u], index[v]) for u, v in component.edges if u in in_core and v in in_core]
    ring = {parent: max(1.2, _LEAF_SPACING * len(children) / (2 * math.pi))
            for parent, children in leaves.items()}  # fmt: skip
    # Repulsion grows with mass and two nodes settle about (m1 * m2) ** (1 / 3) apart: room
    # for both rings of leaves.
    mass = np.array([(1 + ring.get(n, 0)) ** 2 for n in core])
    if len(core) == 1:
        points = np.zeros((1, 2))
    else:
        sources = np.array([u for u, _ in edges], dtype=np.int64)
        targets = np.array([v for _, v in edges], dtype=np.int64)
        points = _force_layout(len(core), sources, targets, mass, seed=len(core))
    position = {node: (float(points[i, 0]), float(points[i, 1])) for node, i in index.items()}
    for parent, children in leaves.items():
        x, y = position[parent]
        radius = ring[parent]
        for i, child in enumerate(children):
            angle = 2 * math.pi * i / len(children) + 0.3
            position[child] = (x + radius * math.cos(angle), y + radius * math.sin(angle))
    return position


def layout(projection: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Pixel positions for every node: each component laid out alone, then packed in rows."""
    simple = nx.Graph(projection.to_undirected(as_view=True))
    pieces = []
    for component in nx.connected_components(simple):
        position = _component_layout(simple.subgraph(component))
        xs = [x for x, _ in position.values()]
        ys = [y for _, y in position.values()]
        pieces.append((position, min(xs), min(ys), max(xs) - min(xs) + 2, max(ys) - min(ys) + 2))
    pieces.sort(key=lambda piece: (-len(piece[0]), min(piece[0])))
    row_width = max(math.sqrt(sum(w * h for *_, w, h in pieces)) * 1.3,
                    max((w for *_, w, _ in pieces), default=0))  # fmt: skip
    placed: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for position, left, top, width, height in pieces:
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in position.items():
            placed[node] = (
                round((x + px - left + 1) * _PIXELS_PER_UNIT, 1),
                round((y + py - top + 1) * _PIXELS_PER_UNIT, 1),
            )
        x += width
        row_height = max(row_height, height)
    return placed


# ----------------------------------------------------------------------------- page


def _options(node_count: int, physics: bool) -> dict:
    """vis-network options for a graph of `node_count` nodes."""
    iterations = max(100, min(400, _ITERATION_BUDGET // max(node_count, 1)))
    return {
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -80,
                "springLength": 110,
                "avoidOverlap": 0.8,
            },
            "stabilization": {"enabled": physics, "iterations": iterations, "fit": True},
        },
        "layout": {"improvedLayout": physics and node_count <= 100, "randomSeed": 7},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {"size": 10, "strokeWidth": 0, "align": "middle", "background": "#fafafa"},
            "smooth": False,
            "width": 1.2,
        },
        "nodes": {"font": {"size": 14, "color": "#222"}, "borderWidth": 1},
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": node_count > 1000,
            "navigationButtons": False,
            "keyboard": {"enabled": True, "bindToWindow": False},
        },
    }


def _size(data: dict) -> float:
    """Node size grows with the square root of the facts the node takes part in."""
    return (
        round(min(10 + 5 * math.sqrt(data["facts"]), _SIZE_MAX), 1)
        if data["kind"] != "Claim"
        else 0
    )


def page_data(view: nx.MultiDiGraph, title: str) -> dict:
    """Everything the page script needs, as plain JSON-able data (see kg/page/page.js)."""
    articles = sorted(view.graph["articles"].items())
    article_index = {document: i for i, (document, _) in enumerate(articles)}
    physics = view.number_of_nodes() <= PHYSICS_MAX_NODES
    position = {} if physics else layout(view)
    ids = {node: i for i, node in enumerate(sorted(view.nodes))}

    def evidence(pairs: Iterable[tuple[str, str]]) -> list[list]:
        return [[article_index.get(document, -1), sentence] for document, sentence in pairs]

    nodes = []
    for node, data in sorted(view.nodes(data=True)):
        item = {
            "id": ids[node],
            "iri": node,
            "kind": data["kind"],
            "label": data["label"],
            "name": data["name"],
            "aliases": data["aliases"],
            "facts": data["facts"],
            "size": _size(data),
            "articles": sorted(article_index[d] for d in data["articles"] if d in article_index),
            "lines": [list(line) for line in data["lines"]],
            "evidence": evidence(data["evidence"]),
        }
        if node in position:
            item["x"], item["y"] = position[node]
        nodes.append(item)
    edges = []
    # Two facts between the same pair of nodes are drawn as lines bent apart (bend 1, 2, ...).
    parallels: Counter[frozenset[str]] = Counter()
    for source, target, data in sorted(
        view.edges(data=True), key=lambda e: (ids[e[0]], ids[e[1]], e[2]["label"])
    ):
        edges.append(
            {
                "from": ids[source],
                "to": ids[target],
                "relation": data["relation"],
                "label": data["label"],
                "bend": parallels[frozenset((source, target))],
                "articles": sorted(
                    article_index[d] for d in data["articles"] if d in article_index
                ),
                "lines": [list(line) for line in data["lines"]],
                "evidence": evidence(data["evidence"]),
            }
        )
        parallels[frozenset((source, target))] += 1
    return {
        "title": title,
        "kinds": [
            {"kind": kind, "name": name, "colour": colour, "shape": shape}
            for kind, (name, colour, shape) in KINDS.items()
        ],
        "relations": [
            {"relation": relation, "colour": colour, "dashes": dashes}
            for relation, (colour, dashes) in RELATIONS.items()
        ],
        "articles": [{"id": document, **fields} for document, fields in articles],
        "notes": view.graph.get("notes", []),
        "physics": physics,
        "glideMaxNodes": PHYSICS_MAX_NODES,
        "options": _options(len(nodes), physics),
        "nodes": nodes,
        "edges": edges,
    }


def script_json(value: object) -> str:
    """JSON that is inert inside a <script> element whatever strings it holds: no "<" (so no
    "</script>" or "<!--"), ">" or "&" appears in it, and line separators are escaped."""
    text = json.dumps(value, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_page(view: nx.MultiDiGraph, title: str = "kg: knowledge graph") -> str:
    """The self-contained HTML page drawing a projection (or a selection of one)."""
    template = string.Template((PAGE_DIR / "page.html").read_text(encoding="utf-8"))
    with _collector_paused():
        data = script_json(page_data(view, title))
    return template.substitute(
        title=html.escape(title),
        css=(PAGE_DIR / "page.css").read_text(encoding="utf-8"),
        vis_js=_SOURCE_MAP.sub("", VIS_JS.read_text(encoding="utf-8")),
        data=data,
        page_js=(PAGE_DIR / "page.js").read_text(encoding="utf-8"),
    )


def render_html(graph: Graph | Triples, title: str = "kg: knowledge graph") -> str:
    """The page for the whole RDF graph."""
    return render_page(project(graph), title)


def write_html(graph: Graph | Triples, path: str | Path) -> None:
    """Write the page for `graph` to `path`, atomically."""
    write_atomic(path, render_html(graph))


def read_graph(path: str | Path) -> Triples:
    """The RDF graph in a file, parsed by Oxigraph (an order of magnitude faster than rdflib).

    Raises InputError when it is missing, unreadable, not RDF or holds no kg article.
    """
    graph = Triples()
    for quad in open_graph(path):
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    if next(graph.subjects(RDF.type, KGO.Article), None) is None:
        raise InputError(f"{path}: holds no kg article (is it a graph written by kg build?)")
    return graph


def write_page(
    graph_file: str | Path,
    out: str | Path,
    focus: str | None = None,
    hops: int = 2,
    max_nodes: int | None = None,
) -> nx.MultiDiGraph:
    """Draw the graph in `graph_file` (or a selection of it, see `select`) into `out`.

    Returns what was drawn; its `graph["notes"]` say what was left out.
    """
    out = Path(out)
    if out.is_dir():
        raise InputError(f"{out}: is a directory; give the page's file name")
    if not out.parent.is_dir():
        raise InputError(f"{out.parent}: no such directory")
    view = select(project(read_graph(graph_file)), focus, hops, max_nodes)
    title = f"kg: around {focus}" if focus else f"kg: {Path(graph_file).name}"
    write_atomic(out, render_page(view, title))
    return view
