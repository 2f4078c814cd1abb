"""The `kg` command.

    kg build INPUT... [--out DIR] [--model NAME]   articles -> graph.ttl, facts.json, graph.html
             [--workers N] [--strict] [--quiet] [--format trig|nquads]
    kg bench quality [BENCH_DIR] [--only CORPUS]   build and score the gold corpora, one table
    kg bench speed [--articles N] [--workers N]    kg build against bare spaCy, words/s
    kg query GRAPH (FILE.rq | -e SPARQL) [--format table|csv|json|turtle]
    kg eval GOLD PRED [--json]                     score kg-facts/1 predictions against gold
    kg validate GRAPH [--shapes FILE]              check a graph against ontology/shapes.ttl
    kg serve GRAPH [--port N]                      a SPARQL endpoint on 127.0.0.1
    kg push GRAPH --endpoint URL                   load a graph into a Graph Store Protocol server
    kg viz GRAPH [--out FILE] [--focus NAME [--hops N]] [--max-nodes N]
                                                   the graph (or part of it) as an HTML page

Errors the user can cause print one line on stderr and exit with status 2; no output file
is left half-written. `kg build` skips a bad article with one line on stderr and then exits
with status 1 (`--strict`: status 2 at the first one).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import kg
from kg.corpus import Problem
from kg.errors import InputError, UserError
from kg.evaluate import format_report, load_facts, report_to_dict, score
from kg.store import open_graph, query, render


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg", description="Build a knowledge graph of roles, quotes and funding from news."
    )
    parser.add_argument("--version", action="version", version=f"kg {kg.__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="read articles and write the graph, facts and page")
    build.add_argument(
        "inputs", nargs="+", metavar="INPUT",
        help=".txt, .html, .jsonl(.gz), a directory of them, or a glob",
    )  # fmt: skip
    build.add_argument("--out", default="output", metavar="DIR", help="output directory")
    build.add_argument("--model", metavar="NAME", help="installed spaCy pipeline to parse with")
    build.add_argument(
        "--format", choices=("turtle", "trig", "nquads"), default="turtle",
        help="also write one named graph per article: graph.trig or graph.nq (graph.ttl always)",
    )  # fmt: skip
    build.add_argument(
        "--workers", type=_positive, default=1, metavar="N",
        help="processes parsing in parallel (1; 0 = one per core)",
    )  # fmt: skip
    build.add_argument(
        "--strict", action="store_true", help="stop at the first bad article instead of skipping it"
    )
    build.add_argument(
        "--quiet", action="store_true", help="no progress bar, notes or summary (for scripts)"
    )

    query = commands.add_parser("query", help="run SPARQL over a graph file")
    query.add_argument("graph", metavar="GRAPH", help="Turtle (or .nt, .trig, .rdf) file")
    query.add_argument("query_file", nargs="?", metavar="FILE.rq", help="file holding the query")
    query.add_argument("-e", dest="expression", metavar="SPARQL", help="the query itself")
    query.add_argument(
        "--format",
        choices=("table", "csv", "json", "turtle"),
        help="table (SELECT default), csv, json, turtle (CONSTRUCT/DESCRIBE default)",
    )

    evaluate = commands.add_parser("eval", help="score predicted facts against gold facts")
    evaluate.add_argument("gold", metavar="GOLD", help="gold kg-facts/1 (or span gold) JSON")
    evaluate.add_argument("pred", metavar="PRED", help="predicted kg-facts/1 JSON")
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON")

    bench = commands.add_parser("bench", help="measure quality or speed")
    benches = bench.add_subparsers(dest="bench", required=True, metavar="BENCH")
    quality = benches.add_parser("quality", help="build and score the gold corpora, one table")
    quality.add_argument(
        "bench_dir", nargs="?", default="../shared/bench", metavar="DIR",
        help="directory holding seed_gold.json, polnear_dev.json, knowledgenet_roles_dev.json",
    )  # fmt: skip
    quality.add_argument(
        "--only", action="append", choices=("seed", "polnear", "knowledgenet"),
        help="corpus to run (repeatable)",
    )  # fmt: skip
    quality.add_argument("--model", metavar="NAME", help="installed spaCy pipeline to parse with")
    speed = benches.add_parser("speed", help="kg build against bare spaCy parsing, words/s")
    speed.add_argument("--articles", type=_positive, default=500, metavar="N", help="(500)")
    speed.add_argument(
        "--workers", type=_positive, default=2, metavar="N", help="for the parallel run (2)"
    )
    speed.add_argument(
        "--corpus", action="append", metavar="INPUT", help="sample articles (default: seeds/)"
    )
    speed.add_argument("--model", metavar="NAME", help="installed spaCy pipeline to parse with")
    speed.add_argument(
        "--only", action="append", metavar="PART",
        choices=("bare", "build", "parallel", "incremental", "queries"),
        help="measure only this part (repeatable)",
    )  # fmt: skip

    validate = commands.add_parser("validate", help="check a graph against the SHACL shapes")
    validate.add_argument("graph", metavar="GRAPH", help="Turtle, TriG or N-Quads file")
    validate.add_argument("--shapes", metavar="FILE", help="SHACL shapes (ontology/shapes.ttl)")

    serve = commands.add_parser("serve", help="serve a graph as a SPARQL endpoint on 127.0.0.1")
    serve.add_argument("graph", metavar="GRAPH", help="Turtle, TriG or N-Quads file")
    serve.add_argument("--port", type=_port, default=7878, metavar="N", help="port (7878)")

    push = commands.add_parser("push", help="load a graph into a SPARQL graph store")
    push.add_argument("graph", metavar="GRAPH", help="TriG or N-Quads (one graph per article)")
    push.add_argument(
        "--endpoint", required=True, metavar="URL",
        help="SPARQL 1.1 Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store",
    )  # fmt: skip

    viz = commands.add_parser("viz", help="draw a graph as an interactive HTML page")
    viz.add_argument("graph", metavar="GRAPH", help="Turtle, TriG or N-Quads file")
    viz.add_argument("--out", metavar="FILE", help="the page (GRAPH with .html)")
    viz.add_argument("--focus", metavar="NAME", help="draw only what lies around this entity")
    viz.add_argument("--hops", type=_positive, metavar="N", help="links from --focus (2)")
    viz.add_argument(
        "--max-nodes", type=_positive, metavar="N", help="keep the N most connected nodes"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `kg` command with `argv` (default: sys.argv[1:]); returns the exit status."""
    args = _parser().parse_args(argv)
    commands = {
        "build": _build, "query": _query, "eval": _eval, "bench": _bench,
        "validate": _validate, "serve": _serve, "push": _push, "viz": _viz,
    }  # fmt: skip
    status = None
    try:
        status = commands[args.command](args)
    except UserError as error:
        return _fail(str(error))
    except BrokenPipeError:
        # The reader (e.g. `| head`) has gone: say nothing more, not even at interpreter exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        return _fail(f"{where}{error.strerror or error}")
    except KeyboardInterrupt:
        return 130
    return status or 0


def _fail(message: str) -> int:
    print(f"kg: error: {' '.join(message.split())}", file=sys.stderr)
    return 2


# spaCy is imported only by `kg build`: `kg query` and `kg eval` should not wait for it.


def _build(args: argparse.Namespace) -> int:
    """Build the graph (kg.build); status 1 when bad articles were skipped."""
    from kg import build

    def report(problem: Problem) -> None:
        if problem.skipped:
            print(f"kg: skipped {problem}", file=sys.stderr)
        elif not args.quiet:
            print(f"kg: note: {problem}", file=sys.stderr)

    options = build.BuildOptions(
        inputs=args.inputs,
        out=Path(args.out),
        model=args.model,
        workers=args.workers or build.cpu_count(),
        strict=args.strict,
        progress=not args.quiet and sys.stderr.isatty(),
        dataset_format=None if args.format == "turtle" else args.format,
    )
    result = build.build(options, report)
    if not args.quiet:
        print(result.summary())
    return 1 if result.skipped else 0


def _query(args: argparse.Namespace) -> None:
    if (args.query_file is None) == (args.expression is None):
        raise UserError("give the query as FILE.rq or with -e 'SPARQL' (one of the two)")
    if args.expression is not None:
        sparql = args.expression
    else:
        try:
            sparql = Path(args.query_file).read_text(encoding="utf-8")
        except OSError as error:
            raise InputError(f"{args.query_file}: {error.strerror or error}") from error
        except UnicodeDecodeError as error:
            raise InputError(f"{args.query_file}: not UTF-8 text") from error
    store = open_graph(args.graph)
    sys.stdout.write(render(query(store, sparql), args.format))


def _eval(args: argparse.Namespace) -> None:
    try:
        report = score(load_facts(args.gold), load_facts(args.pred))
    except ValueError as error:
        raise InputError(str(error)) from error
    if args.json:
        print(json.dumps(report_to_dict(report), indent=2, sort_keys=True))
    else:
        print(format_report(report))


def _bench(args: argparse.Namespace) -> None:
    if args.bench == "quality":
        from kg import bench_quality

        bench_dir = Path(args.bench_dir)
        corpora = args.only or list(bench_quality.CORPORA)
        missing = [
            name
            for corpus, name in bench_quality.CORPORA.items()
            if corpus in corpora and not (bench_dir / name).is_file()
        ]
        if missing:
            raise InputError(f"{bench_dir}: no {', '.join(missing)} there (give the bench dir)")
        print(bench_quality.table(bench_quality.run(bench_dir, corpora, args.model)))
    elif args.bench == "speed":
        from kg import bench_speed

        sources = args.corpus or bench_speed.default_sources()
        parts = set(args.only or bench_speed.PARTS)
        bench_speed.run(max(args.articles, 1), args.workers, sources, args.model, parts)


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"not a port number (1-65535): {text!r}")
    return port


def _positive(text: str) -> int:
    """A count of 0 or more."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"not a whole number (0 or more): {text!r}")
    return int(text)


def _validate(args: argparse.Namespace) -> int:
    """Print the SHACL report of a graph; status 1 when it does not conform."""
    from kg.validate import load_shapes, validate_file

    shapes = load_shapes(args.shapes) if args.shapes else None
    report = validate_file(args.graph, shapes)
    sys.stdout.write(report.text(args.graph))
    return 0 if report.conforms else 1


def _serve(args: argparse.Namespace) -> None:
    """Serve a graph file on 127.0.0.1 until interrupted (Ctrl-C or SIGTERM)."""
    from kg.server import sigterm_as_interrupt, start_server

    with sigterm_as_interrupt(), start_server(args.graph, args.port) as server:
        print(
            f"kg serve: {args.graph} at {server.query_url} (SPARQL 1.1 query), "
            f"{server.store_url} (graph store); Ctrl-C stops it",
            flush=True,
        )
        server.process.wait()
        raise UserError(f"the SPARQL server stopped: {server.last_words()}")


def _push(args: argparse.Namespace) -> None:
    from kg.store import push

    summary = push(args.graph, args.endpoint)
    targets = [f"{summary.graphs} named graph{'' if summary.graphs == 1 else 's'}"]
    if summary.default_graph:
        targets = [*targets[: bool(summary.graphs)], "the default graph"]
    where = " and ".join(targets)
    print(
        f"kg push: {summary.triples} triples into {where} at {args.endpoint} "
        f"({summary.requests} request{'' if summary.requests == 1 else 's'})"
    )


def _viz(args: argparse.Namespace) -> None:
    """Draw a graph file as a page; say on stderr what was left out of it."""
    from kg.viz import write_page

    if args.hops is not None and args.focus is None:
        raise UserError("--hops counts links from an entity: give it with --focus NAME")
    if args.max_nodes == 0:
        raise UserError("--max-nodes must be 1 or more")
    out = Path(args.out) if args.out else Path(args.graph).with_suffix(".html")
    hops = 2 if args.hops is None else args.hops
    view = write_page(args.graph, out, args.focus, hops, args.max_nodes)
    for note in view.graph["notes"]:
        print(f"kg viz: {note}", file=sys.stderr)
    print(f"kg viz: wrote {out} ({view.number_of_nodes()} nodes, {view.number_of_edges()} links)")
