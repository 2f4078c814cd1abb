"""SHACL validation: does a graph have the shape of `ontology/shapes.ttl`?

pyshacl runs the shapes (SHACL Core only, see notes.md) over an rdflib graph; the file is
read with pyoxigraph, which is an order of magnitude faster than rdflib's parser, and the
report is turned into a few lines a person can act on: each kind of problem once, with how
often it occurs and a few of the nodes it occurs on.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pyshacl
from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kg.rdf import PREFIXES, to_rdflib
from kg.store import open_graph

SHAPES = Path(__file__).resolve().parent.parent / "ontology" / "shapes.ttl"
SH = Namespace("http://www.w3.org/ns/shacl#")
_EXAMPLES = 3


@dataclass(frozen=True, order=True)
class Violation:
    """One result of validation: which node breaks which constraint, and with what value."""

    message: str
    focus: str
    path: str | None
    value: str | None
    severity: str


@dataclass(frozen=True)
class ValidationReport:
    """Whether a graph conforms, and every violation when it does not."""

    conforms: bool
    triples: int
    violations: tuple[Violation, ...]

    def text(self, name: str = "the graph") -> str:
        """The report for a person: a verdict, then each kind of violation with its count
        and up to three examples (node, and the offending value when there is one)."""
        size = f"{self.triples} triple{'' if self.triples == 1 else 's'}"
        if self.conforms:
            return f"{name} conforms to the kg shapes ({size} checked)\n"
        count = len(self.violations)
        lines = [f"{name} does not conform to the kg shapes: {count} violation"
                 f"{'' if count == 1 else 's'} in {size}"]  # fmt: skip
        groups: dict[str, list[Violation]] = defaultdict(list)
        for violation in sorted(self.violations):
            groups[violation.message].append(violation)
        for message, group in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
            lines.append(f"  {len(group)} × {message}")
            for violation in group[:_EXAMPLES]:
                where = f" {violation.path}" if violation.path else ""
                value = f" = {violation.value}" if violation.value is not None else ""
                lines.append(f"      {violation.focus}{where}{value}")
            if len(group) > _EXAMPLES:
                lines.append(f"      … and {len(group) - _EXAMPLES} more")
        return "\n".join(lines) + "\n"


def load_shapes(path: str | Path = SHAPES) -> Graph:
    """The shapes graph in an RDF file (default: kg's own `ontology/shapes.ttl`).

    Read with pyoxigraph, whose syntax errors are one line; raises InputError for a bad file.
    """
    return _rdflib_graph(open_graph(path))


def validate_graph(graph: Graph, shapes: Graph | None = None) -> ValidationReport:
    """Validate `graph` against `shapes` (default: kg's) with SHACL Core, no inference."""
    conforms, results, _ = pyshacl.validate(
        graph,
        shacl_graph=shapes if shapes is not None else load_shapes(),
        inference="none",
        advanced=False,
        allow_warnings=False,
    )
    found = results.subjects(RDF.type, SH.ValidationResult)
    # One node can break several constraints of one property shape (a start offset that is
    # neither an integer nor before its end): the shape's message is reported once.
    violations = tuple(sorted({_violation(results, result) for result in found}))
    return ValidationReport(bool(conforms), len(graph), violations)


def validate_file(path: str | Path, shapes: Graph | None = None) -> ValidationReport:
    """Validate the graph in an RDF file (Turtle, TriG, N-Quads ...: all its graphs as one)."""
    return validate_graph(_rdflib_graph(open_graph(path)), shapes)


def _violation(results: Graph, result: Node) -> Violation:
    def short(term: Node | None) -> str | None:
        return None if term is None else _short(term)

    message = results.value(result, SH.resultMessage)
    component = results.value(result, SH.sourceConstraintComponent)
    return Violation(
        message=str(message) if message is not None else short(component) or "violation",
        focus=short(results.value(result, SH.focusNode)) or "?",
        path=_path(results, results.value(result, SH.resultPath)),
        value=short(results.value(result, SH.value)),
        severity=short(results.value(result, SH.resultSeverity)) or "sh:Violation",
    )


def _path(results: Graph, path: Node | None) -> str | None:
    """A property path as SPARQL writes it: `kgo:evidence`, `^kgo:evidence` (inverse) or
    `oa:hasSelector/rdf:type` (sequence)."""
    if path is None:
        return None
    if not isinstance(path, BNode):
        return _short(path)
    inverse = results.value(path, SH.inversePath)
    if inverse is not None:
        return f"^{_path(results, inverse)}"
    if results.value(path, RDF.first) is not None:
        return "/".join(_path(results, step) or "?" for step in Collection(results, path))
    return _short(path)


def _short(term: Node) -> str:
    """A term as a person reads it: IRIs with kg's prefixes, literals quoted with their type."""
    if isinstance(term, URIRef):
        for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
            if term.startswith(namespace):
                return f"{prefix}:{term[len(namespace) :]}"
        if term.startswith(str(SH)):
            return f"sh:{term[len(str(SH)) :]}"
        return f"<{term}>"
    if isinstance(term, Literal):
        text = str(term) if len(str(term)) <= 60 else str(term)[:59] + "…"
        kind = f"^^{_short(term.datatype)}" if term.datatype else ""
        return f'"{text}"{kind}'
    if isinstance(term, BNode):
        return "[a blank node]"
    return str(term)


def _rdflib_graph(store: ox.Store) -> Graph:
    """The triples of every graph in `store` as one rdflib Graph."""
    graph = Graph(bind_namespaces="none")
    graph.addN((*map(to_rdflib, quad.triple), graph) for quad in store)
    return graph
