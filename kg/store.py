"""The triplestore: load a graph into pyoxigraph, run SPARQL over it, show the results, and
push a graph to a SPARQL server.

pyoxigraph parses and queries an order of magnitude faster than rdflib (see notes.md), so
every query kg runs, bundled or typed by a user, goes through here. Queries see the union of
all graphs as their default graph, so they give the same answers on the Turtle output as on
the per-article named graphs of TriG or N-Quads (and on `kg serve`).

`push` speaks only the SPARQL 1.1 Graph Store HTTP Protocol (PUT and POST of a graph), so
it loads a build into Oxigraph, Fuseki, GraphDB, Virtuoso or any other store that has it.
"""

from __future__ import annotations

import csv
import io
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal as Choice

import pyoxigraph as ox

from kg.errors import InputError, QueryError, UserError
from kg.rdf import PREFIXES, serialize_triples

QUERY_DIR = Path(__file__).resolve().parent.parent / "ontology" / "queries"
OutputFormat = Choice["table", "csv", "json", "turtle"]
Result = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = {
    f"{_XSD}{name}"
    for name in (
        "integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
        "negativeInteger", "long", "int", "short", "byte", "unsignedLong", "unsignedInt",
        "unsignedShort", "unsignedByte",
    )
}  # fmt: skip
_TABLE_CELL_MAX = 60
_ERROR_MAX = 160


def load_turtle(data: bytes | str) -> ox.Store:
    """An in-memory store holding the triples of a Turtle document."""
    store = ox.Store()
    try:
        store.load(data, format=ox.RdfFormat.TURTLE)
    except SyntaxError as error:
        raise InputError(f"not valid Turtle: {error}") from error
    return store


def rdf_format_of(path: str | Path) -> ox.RdfFormat:
    """The RDF format of a file, from its extension (.ttl, .trig, .nq, .nt ...), else Turtle."""
    return ox.RdfFormat.from_extension(Path(path).suffix.lstrip(".")) or ox.RdfFormat.TURTLE


def open_graph(path: str | Path) -> ox.Store:
    """An in-memory store holding the graph in an RDF file (format from the extension, else Turtle).

    Raises InputError when the file is missing, unreadable or not valid RDF.
    """
    path = Path(path)
    rdf_format = rdf_format_of(path)
    store = ox.Store()
    try:
        store.load(path=path, format=rdf_format)
    except FileNotFoundError as error:
        raise InputError(f"{path}: no such file") from error
    except IsADirectoryError as error:
        raise InputError(f"{path}: is a directory, not a graph file") from error
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from error
    except SyntaxError as error:
        raise InputError(f"{path}: not valid {rdf_format.name}: {error}") from error
    return store


def bundled_query(name: str) -> str:
    """The text of a query shipped in `ontology/queries/` (name without `.rq`)."""
    return (QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8")


def query(store: ox.Store, sparql: str) -> Result:
    """Run a SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE query over the union of the store's
    graphs (GRAPH ?g still sees each named graph); raises QueryError if it is invalid."""
    try:
        return store.query(sparql, use_default_graph_as_union=True)
    except SyntaxError as error:
        # Oxigraph can list every character class it expected: keep the position and the gist.
        message = " ".join(str(error).split())
        cut = message if len(message) <= _ERROR_MAX else message[: _ERROR_MAX - 1] + "…"
        raise QueryError(f"bad SPARQL: {cut}") from error


def select(store: ox.Store, sparql: str) -> list[dict[str, object]]:
    """The rows of a SELECT query as dicts of variable -> Python value (unbound: None)."""
    result = query(store, sparql)
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("expected a SELECT query")
    names = [variable.value for variable in result.variables]
    return [dict(zip(names, map(python_value, row), strict=True)) for row in result]


def ask(store: ox.Store, sparql: str) -> bool:
    """The answer to an ASK query."""
    result = query(store, sparql)
    if not isinstance(result, ox.QueryBoolean):
        raise QueryError("expected an ASK query")
    return bool(result)


def construct(store: ox.Store, sparql: str) -> list[ox.Triple]:
    """The triples of a CONSTRUCT or DESCRIBE query, sorted."""
    result = query(store, sparql)
    if not isinstance(result, ox.QueryTriples):
        raise QueryError("expected a CONSTRUCT or DESCRIBE query")
    return sorted(result, key=str)


def python_value(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> object:
    """A result term as Python: IRI -> str, integer -> int, decimal -> Decimal,
    double/float -> float, boolean -> bool, other literals -> their lexical form."""
    if term is None:
        return None
    if not isinstance(term, ox.Literal):
        return term.value
    datatype = term.datatype.value
    if datatype in _INTEGER_TYPES:
        return int(term.value)
    if datatype == f"{_XSD}decimal":
        return Decimal(term.value)
    if datatype in (f"{_XSD}double", f"{_XSD}float"):
        return float(term.value)
    if datatype == f"{_XSD}boolean":
        return term.value in ("true", "1")
    return term.value


def render(result: Result, output_format: OutputFormat | None = None) -> str:
    """Query results as text: SELECT as a table (default), CSV or SPARQL JSON; ASK as
    true/false (or SPARQL JSON); CONSTRUCT/DESCRIBE as sorted Turtle."""
    if isinstance(result, ox.QueryTriples):
        if output_format not in (None, "turtle"):
            raise QueryError(f"CONSTRUCT and DESCRIBE results are Turtle, not {output_format}")
        return serialize_triples(result).decode()
    if output_format == "turtle":
        raise QueryError("--format turtle needs a CONSTRUCT or DESCRIBE query")
    if output_format == "json":
        return result.serialize(format=ox.QueryResultsFormat.JSON).decode() + "\n"
    if isinstance(result, ox.QueryBoolean):
        return "true\n" if result else "false\n"
    names = [variable.value for variable in result.variables]
    solutions = list(result)
    if output_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([_cell(row[name], short=False) for name in names] for row in solutions)
        return buffer.getvalue()
    return _table(names, [[_cell(row[name], short=True) for name in names] for row in solutions])


def _cell(term: ox.NamedNode | ox.BlankNode | ox.Literal | None, short: bool) -> str:
    """A term as text: literals as their lexical form; IRIs in full, or for a human (`short`)
    shortened with kg's prefixes."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode) and short:
        for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
            if term.value.startswith(namespace):
                return f"{prefix}:{term.value[len(namespace) :]}"
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def _table(names: list[str], rows: list[list[str]]) -> str:
    def fit(text: str) -> str:
        flat = " ".join(text.split())
        return flat if len(flat) <= _TABLE_CELL_MAX else flat[: _TABLE_CELL_MAX - 1] + "…"

    cells = [[fit(cell) for cell in row] for row in rows]
    widths = [max([len(name)] + [len(row[i]) for row in cells]) for i, name in enumerate(names)]
    lines = [" | ".join(name.ljust(width) for name, width in zip(names, widths, strict=True))]
    lines.append("-+-".join("-" * width for width in widths))
    lines += [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    lines.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "".join(line.rstrip() + "\n" for line in lines)


PUSH_BATCH = 10_000
_PUSH_TIMEOUT = 120


@dataclass(frozen=True)
class PushSummary:
    """What `push` sent: named graphs, triples (all graphs) and HTTP requests."""

    graphs: int
    triples: int
    requests: int
    default_graph: bool


def push(
    path: str | Path, endpoint: str, batch_size: int = PUSH_BATCH, timeout: float = _PUSH_TIMEOUT
) -> PushSummary:
    """Load the graph(s) in an RDF file into a SPARQL 1.1 Graph Store Protocol `endpoint`.

    Each named graph of a TriG or N-Quads file (a kg build has one per article) replaces the
    server's graph of that name: its first batch of at most `batch_size` triples is PUT, the
    rest POSTed. Triples outside named graphs (all of a Turtle file) are POSTed to the default
    graph. The file is read as a stream, so its size is not limited by memory; blank nodes
    (kg writes none) are only kept together within one batch.
    Raises InputError for a file that cannot be read, UserError when the server refuses.
    """
    path = Path(path)
    url = _store_url(endpoint)
    rdf_format = rdf_format_of(path)
    seen: set[str] = set()
    triples = requests = 0
    default_graph = False

    def send(graph: ox.NamedNode | ox.DefaultGraph, batch: list[ox.Triple]) -> None:
        nonlocal requests, default_graph
        if isinstance(graph, ox.DefaultGraph):
            target, method, default_graph = "default", "POST", True
        else:
            target = "graph=" + urllib.parse.quote(graph.value, safe="")
            method = "POST" if graph.value in seen else "PUT"
            seen.add(graph.value)
        body = ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES)
        _send(method, f"{url}{'&' if '?' in url else '?'}{target}", body, timeout)
        requests += 1

    try:
        for graph, batch in _batches(ox.parse(path=path, format=rdf_format), batch_size):
            send(graph, batch)
            triples += len(batch)
    except FileNotFoundError as error:
        raise InputError(f"{path}: no such file") from error
    except IsADirectoryError as error:
        raise InputError(f"{path}: is a directory, not a graph file") from error
    except SyntaxError as error:
        done = f" ({triples} triples were pushed before it)" if triples else ""
        raise InputError(f"{path}: not valid {rdf_format.name}: {error}{done}") from error
    return PushSummary(len(seen), triples, requests, default_graph)


def _batches(
    quads: Iterator[ox.Quad], batch_size: int
) -> Iterator[tuple[ox.NamedNode | ox.DefaultGraph, list[ox.Triple]]]:
    """Consecutive triples of one graph, at most `batch_size` at a time."""
    current: ox.NamedNode | ox.DefaultGraph | None = None
    batch: list[ox.Triple] = []
    for quad in quads:
        if isinstance(quad.graph_name, ox.BlankNode):
            raise InputError("a graph named by a blank node cannot be pushed: name it with an IRI")
        if batch and (quad.graph_name != current or len(batch) >= batch_size):
            yield current, batch
            batch = []
        current = quad.graph_name
        batch.append(quad.triple)
    if batch:
        yield current, batch


def _store_url(endpoint: str) -> str:
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UserError(f"{endpoint}: not an http(s) URL of a SPARQL graph store")
    return endpoint


def _send(method: str, url: str, body: bytes, timeout: float) -> None:
    # N-Triples is also Turtle, the one syntax every Graph Store Protocol server reads.
    request = urllib.request.Request(
        url, data=body, method=method, headers={"Content-Type": "text/turtle; charset=utf-8"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as error:
        detail = " ".join(error.read(_ERROR_MAX).decode("utf-8", "replace").split())
        raise UserError(
            f"{method} {url}: HTTP {error.code} {error.reason}" + (f": {detail}" if detail else "")
        ) from error
    except urllib.error.URLError as error:
        raise UserError(f"cannot reach {url}: {error.reason}") from error
    except TimeoutError as error:
        raise UserError(f"{method} {url}: no answer within {timeout:g} s") from error
