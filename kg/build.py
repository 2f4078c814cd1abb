"""`kg build`: a corpus in, the graph and its views out, incrementally.

    read        kg.corpus streams Articles; a bad one is reported and skipped
    parse       spaCy's nlp.pipe (a long article in pieces of whole paragraphs), in worker
                processes with `workers` > 1
    extract     kg.extract: Doc -> ArticleFacts
    render      kg.rdf's triples of the article, and its parts of graph.ttl and facts.json
                (made where the article was parsed, so in parallel with workers; the part
                of facts.json by the bundled queries, run over a batch of articles at once)
    store       these replace the article's named graph in the on-disk store OUT/store
                (pyoxigraph), with the article's content hash, in one transaction: the
                triples about the nodes articles share (people, bodies, amounts, the run)
                as triples, the article's own as the Turtle that graph.ttl has for them
    write       graph.ttl, facts.json and graph.html from the store: the nodes articles share
                (people, bodies, amounts) once, then each article's own part; written to
                temporary files and moved into place together at the end

An article whose content hash (its text, metadata and the extraction code, lexicons and
model that read it) is in the store is not parsed again; an article no longer in the corpus
leaves the store. A killed build leaves the previous outputs as they were; the store is
only ever whole articles ahead of them, and the next build catches up.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import multiprocessing
import os
import signal
import tempfile
import time
import traceback
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pyoxigraph as ox
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import PROV, SDO

import kg
from kg.atomic import remove_stale_temporaries, staged_files
from kg.corpus import Problem, count_articles, read_articles
from kg.errors import InputError, UserError
from kg.facts import Article, ArticleFacts, Entity, EntityKind, Evidence
from kg.facts import Span as TextSpan
from kg.rdf import (
    DATASET_SUFFIXES,
    PREFIXES,
    ExtractionRun,
    article_triples,
    graph_name,
    serialize_triples,
)
from kg.views import FORMAT, dumps, facts_json
from kg.vocab import KGO, OA

if TYPE_CHECKING:
    from kg.viz import Triples

__all__ = ["BuildOptions", "BuildReport", "build", "extract_articles", "text_chunks"]

STORE_DIR = "store"
GRAPH_FILE, FACTS_FILE, PAGE_FILE = "graph.ttl", "facts.json", "graph.html"
# spaCy parses at most nlp.max_length characters at once, and extraction compares mentions
# within an article (its work grows faster than the text): an article longer than this is
# read in pieces of whole paragraphs whose facts are put together.
CHUNK_CHARS = 30_000
# The page draws every claim as a node: past this many articles it is too crowded to read,
# and building it would cost more than the rest of the output.
PAGE_MAX_ARTICLES = 200
PAGE_MAX_FACTS = 5000
_PARSE_BATCH = 16
_STORE_BATCH = 32
# RocksDB keeps recent writes in memory tables (one per index) until it flushes them: flush
# every so many articles, or a build's memory grows with the store (~0.3 MB per article).
_FLUSH_EVERY = 128

# Kept in each article's named graph besides the triples about shared nodes, and left out of
# every output: its content hash and id, and its parts of graph.ttl and facts.json. (Its own
# triples are kept only as that Turtle: writing its ~900 triples as quads took 13 ms an
# article, more than extracting them, and only `--format trig/nquads` and the page read
# them back.)
_BUILD = "urn:kg:build#"
_HASH = ox.NamedNode(f"{_BUILD}contentHash")
_DOCUMENT = ox.NamedNode(f"{_BUILD}documentId")
_TURTLE = ox.NamedNode(f"{_BUILD}turtle")
_FACTS = ox.NamedNode(f"{_BUILD}facts")
# Bumped when what the store keeps for an article changes: every article is read again.
_STORE_FORMAT = 3
_RDF_TYPE = ox.NamedNode(str(RDF.type))
# Nodes that several articles' graphs describe alike: written once in graph.ttl.
_SHARED_CLASSES = (
    KGO.Person, KGO.Organisation, KGO.UnnamedSource, KGO.Programme, SDO.MonetaryAmount,
    KGO.ExtractionRun, PROV.SoftwareAgent,
)  # fmt: skip
_SHARED = {ox.NamedNode(str(c)) for c in _SHARED_CLASSES}
_ENTITY_CLASSES = {
    KGO.Person: "person",
    KGO.Organisation: "organisation",
    KGO.UnnamedSource: "unnamed source",
    KGO.Programme: "programme",
}
# Text spans are most of the graph; the page shows only the sentences facts come from.
_SPAN_CLASSES = {
    ox.NamedNode(str(c)) for c in (KGO.TextSpan, OA.TextPositionSelector, OA.TextQuoteSelector)
}
_SENTENCE = ox.NamedNode(str(KGO.sentence))
_POSITION = ox.NamedNode(str(OA.TextPositionSelector))
_HAS_SELECTOR = ox.NamedNode(str(OA.hasSelector))
_EXTRACTION_SOURCES = ("extract", "lexicons", "facts.py", "nlp.py", "rdf.py", "vocab.py")


@dataclass(frozen=True)
class BuildOptions:
    """What `kg build` was asked to do."""

    inputs: list[str]
    out: Path
    model: str | None = None
    workers: int = 1
    strict: bool = False
    progress: bool = False
    # "trig" or "nquads": also write the article graphs as named graphs (graph.trig, graph.nq).
    dataset_format: str | None = None


@dataclass
class BuildReport:
    """What a build did: articles parsed, unchanged, removed and skipped; what the graph holds."""

    articles: int = 0
    parsed: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: list[Problem] = field(default_factory=list)
    entities: Counter[str] = field(default_factory=Counter)
    facts: Counter[str] = field(default_factory=Counter)
    files: list[Path] = field(default_factory=list)
    page_left_out: bool = False
    seconds: float = 0.0

    def summary(self) -> str:
        def counted(counts: Counter[str], kinds: Iterable[str]) -> str:
            details = ", ".join(f"{kind} {counts[kind]}" for kind in kinds if counts[kind])
            return f"{counts.total()}" + (f" ({details})" if details else "")

        work = [f"{self.parsed} parsed", f"{self.unchanged} unchanged"]
        if self.removed:
            work.append(f"{self.removed} removed")
        if self.skipped:
            work.append(f"{len(self.skipped)} skipped")
        lines = [
            f"kg build: {self.articles} article{'' if self.articles == 1 else 's'}"
            f" ({', '.join(work)}) in {self.seconds:.1f} s",
            f"  entities: {counted(self.entities, _ENTITY_CLASSES.values())}",
            f"  facts:    {counted(self.facts, ('role', 'quote', 'funding'))}",
            f"  wrote {', '.join(str(path) for path in self.files)}",
        ]
        if self.page_left_out:
            lines.append(
                f"  no {PAGE_FILE}: more than {PAGE_MAX_ARTICLES} articles or {PAGE_MAX_FACTS}"
                " facts to draw on one page (kg viz draws parts of a graph)"
            )
        return "\n".join(lines)


def build(options: BuildOptions, report: Callable[[Problem], None]) -> BuildReport:
    """Build the graph of `options.inputs` into `options.out`; returns what was done.

    Each problem with an input goes to `report`; a skipped article is also listed in the
    returned report, and with `options.strict` the first one raises InputError instead.
    Raises UserError (nothing written) when the output directory cannot be written, the
    model is missing, or no article can be read.
    """
    import kg.nlp  # spaCy takes a moment to import: only a build needs it

    started = time.perf_counter()
    result = BuildReport()
    out = options.out
    _check_output_dir(out)
    progress = _Progress(options, report)

    def on_problem(problem: Problem) -> None:
        if problem.skipped:
            if options.strict:
                raise InputError(f"{problem} (--strict)")
            result.skipped.append(problem)
        progress.write(problem)

    articles = read_articles(options.inputs, on_problem, exclude=[out])
    first = next(articles)  # read_articles raises InputError when there is none at all
    try:
        nlp = kg.nlp.load_pipeline(options.model)
    except kg.nlp.ModelError as error:
        raise UserError(str(error)) from error
    run = ExtractionRun(pipeline=pipeline_label(options.model, nlp.meta))
    fingerprint = extraction_fingerprint(run)

    out.mkdir(parents=True, exist_ok=True)
    store = open_store(out / STORE_DIR)
    known = stored_hashes(store)
    seen: set[str] = set()

    def changed(stream: Iterable[Article]) -> Iterator[tuple[Article, str]]:
        for article in stream:
            name = str(graph_name(article.id))
            seen.add(name)
            content_hash = article_hash(article, fingerprint)
            if known.get(name) == content_hash:
                result.unchanged += 1
                progress.advance()
                continue
            yield article, content_hash

    with progress:
        todo = changed(_chain(first, articles))
        if options.workers > 1:
            done = _parallel(todo, options.model, run, options.workers)
        else:
            done = _serial(todo, nlp, run)
        writer = _StoreWriter(store, known)
        for article, content_hash, payload in done:
            if isinstance(payload, Problem):
                writer.drop(article.id)
                on_problem(payload)
            else:
                writer.add(article.id, content_hash, payload)
                result.parsed += 1
            progress.advance()
        writer.flush()
    for name in sorted(set(known) - seen):
        store.remove_graph(ox.NamedNode(name))
        result.removed += 1
    store.flush()
    _write_outputs(store, out, result, options.dataset_format)
    result.seconds = time.perf_counter() - started
    return result


def _chain(first: Article, rest: Iterator[Article]) -> Iterator[Article]:
    yield first
    yield from rest


def _check_output_dir(out: Path) -> None:
    """Fail before any work when `out` cannot hold the outputs."""
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a directory")
    existing = out
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise InputError(f"{out}: cannot be created ({existing} is not a directory)")
    try:
        with tempfile.TemporaryFile(dir=existing):
            pass
    except OSError as error:
        raise InputError(f"{out}: cannot write there: {error.strerror or error}") from error


class _Progress:
    """A progress bar on stderr (articles done, articles/s, ETA) when asked for; problems are
    reported above it."""

    def __init__(self, options: BuildOptions, report: Callable[[Problem], None]) -> None:
        self.report = report
        self.bar = None
        if options.progress:
            from tqdm import tqdm

            total = count_articles(options.inputs, exclude=[options.out])
            self.bar = tqdm(total=total or None, unit=" articles", desc="kg build")

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *_: object) -> None:
        if self.bar is not None:
            self.bar.close()

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.update()

    def write(self, problem: Problem) -> None:
        if self.bar is None:
            self.report(problem)
        else:
            with self.bar.external_write_mode():
                self.report(problem)


# -- identity of an article's content ---------------------------------------------------


def pipeline_label(model: str | None, meta: dict) -> str:
    """The spaCy pipeline as recorded in the graph: package name and version."""
    import kg.nlp

    return f"{kg.nlp.model_name(model)} {meta.get('version', '')}".strip()


def extraction_fingerprint(run: ExtractionRun) -> str:
    """A hash of everything that decides an article's graph besides the article itself: kg's
    version, the pipeline, and the extraction and RDF code and lexicons."""
    digest = hashlib.sha256(
        json.dumps([run.software_version, run.pipeline, _STORE_FORMAT]).encode()
    )
    package = Path(kg.__file__).parent
    for name in _EXTRACTION_SOURCES:
        path = package / name
        for source in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if source.suffix in (".py", ".tsv", ".txt") and source.is_file():
                digest.update(source.relative_to(package).as_posix().encode())
                digest.update(source.read_bytes())
    return digest.hexdigest()


def article_hash(article: Article, fingerprint: str) -> str:
    """The content hash of an article as kg would read it now."""
    key = [article.id, article.text, article.title, article.url, article.published, fingerprint]
    return hashlib.sha256(json.dumps(key, ensure_ascii=False).encode("utf-8")).hexdigest()


# -- parsing and extraction -------------------------------------------------------------


def text_chunks(text: str, limit: int | None = None) -> list[str]:
    """`text` cut into pieces of at most `limit` (CHUNK_CHARS) characters that join back into
    it: at paragraph breaks where it can, else at line breaks or spaces, else anywhere."""
    limit = limit or CHUNK_CHARS
    chunks: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = next(
            (
                found + len(mark)
                for mark in ("\n\n", "\n", " ")
                if (found := window.rfind(mark)) > 0
            ),
            limit,
        )
        chunks.append(text[start : start + cut])
        start += cut
    chunks.append(text[start:])
    return chunks


def extract_articles(
    nlp, articles: Iterable[Article], batch_size: int = _PARSE_BATCH
) -> Iterator[tuple[Article, ArticleFacts | Problem]]:
    """Each article with its facts, or with the Problem that stopped kg extracting them,
    parsing with `nlp.pipe` in batches.

    An article longer than CHUNK_CHARS is parsed and read in pieces of whole paragraphs
    (extraction compares mentions within a text, so its work grows faster than the text),
    each piece as soon as it is parsed, and the pieces' facts put together.
    """
    from kg.extract import extract_doc
    from kg.extract.lexicon import lexicon_dirs, load_lexicons
    from kg.nlp import parser_text

    lexicons = load_lexicons(lexicon_dirs())

    def pieces() -> Iterator[tuple[str, tuple[Article, str, int, int, int]]]:
        for article in articles:
            chunks = text_chunks(article.text)
            offset = 0
            for index, chunk in enumerate(chunks):
                yield parser_text(chunk), (article, chunk, offset, index, len(chunks))
                offset += len(chunk)

    offsets: list[int] = []
    results: list[ArticleFacts] = []
    failure: Problem | None = None
    parsed = nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size)
    for doc, (article, chunk, offset, index, count) in parsed:
        if failure is None:
            try:
                piece = article if count == 1 else dataclasses.replace(article, text=chunk)
                results.append(extract_doc(doc, piece, lexicons))
                offsets.append(offset)
            except Exception as error:  # noqa: BLE001 (one article must not stop the corpus)
                failure = _failure(article, "extracting facts", error)
        if index == count - 1:
            if failure is not None:
                yield article, failure
            else:
                yield article, results[0] if count == 1 else _joined(article, offsets, results)
            offsets, results, failure = [], [], None


def _joined(article: Article, offsets: list[int], results: list[ArticleFacts]) -> ArticleFacts:
    """The facts of an article's pieces as facts of the article: offsets shifted, entities
    of the same name and kind merged."""
    entities: dict[tuple[str, EntityKind], Entity] = {}
    for result in results:
        for entity in result.entities:
            key = (entity.name, entity.kind)
            known = entities.get(key)
            aliases = entity.aliases | (known.aliases if known else frozenset())
            entities[key] = dataclasses.replace(entity, aliases=aliases)
    facts = [
        _shifted(fact, offset)
        for offset, result in zip(offsets, results, strict=True)
        for fact in result.facts
    ]
    return ArticleFacts(
        article, sorted(entities.values(), key=lambda e: (e.kind.value, e.name)), facts
    )


def _shifted(value: object, offset: int) -> object:
    """A fact (or evidence, or span) with every text span moved `offset` characters on."""
    if isinstance(value, TextSpan):
        return TextSpan(value.start + offset, value.end + offset, value.text)
    if not dataclasses.is_dataclass(value) or isinstance(value, Entity):
        return value
    changes = {
        f.name: _shifted(getattr(value, f.name), offset)
        for f in dataclasses.fields(value)
        if isinstance(getattr(value, f.name), TextSpan | Evidence)
    }
    return dataclasses.replace(value, **changes)


def _failure(article: Article, doing: str, error: Exception) -> Problem:
    """A bug met on one article, in one line that says where to look."""
    frame = traceback.extract_tb(error.__traceback__)[-1]
    place = f"{Path(frame.filename).name}:{frame.lineno}"
    message = " ".join(f"{type(error).__name__}: {error}".split())[:200]
    return Problem(article.source or article.id, f"kg failed {doing} ({message} at {place})")


@dataclass(frozen=True)
class RenderedArticle:
    """One article's graph in the form the store keeps it, made where the article was parsed
    (in a worker with `workers` > 1) so that writing the outputs is only copying: the
    triples about the nodes articles share, and its own parts of graph.ttl and facts.json."""

    shared: bytes  # N-Triples: the triples about its people, bodies, amounts and the run
    turtle: str  # its other triples, as graph.ttl has them (without the prefixes)
    facts: str  # its document in facts.json, laid out as kg.views.dumps lays it out


def render_articles(
    items: list[tuple[Article, ArticleFacts | Problem]], run: ExtractionRun
) -> list[RenderedArticle | Problem]:
    """The graphs of some articles and their parts of graph.ttl and facts.json, or the Problem
    that stopped an article.

    The facts.json documents come from one run of the bundled queries over all the articles'
    graphs together: parsing and planning the queries costs more than running them over one
    article. (No node one article's facts reach is described differently by another article,
    so each document is what the queries give over its article alone, or over graph.ttl.)
    """
    graphs: list[list[ox.Triple] | Problem] = []
    for article, item in items:
        if isinstance(item, Problem):
            graphs.append(item)
            continue
        try:
            graphs.append(article_triples(item, run))
        except Exception as error:  # noqa: BLE001 (one article must not stop the corpus)
            graphs.append(_failure(article, "building its graph", error))
    try:
        documents = _facts_documents(g for g in graphs if not isinstance(g, Problem))
    except Exception as error:  # noqa: BLE001 (find the article it was, if it was one)
        if len(items) > 1:
            return [rendered for item in items for rendered in render_articles([item], run)]
        return [_failure(items[0][0], "building its graph", error)]
    rendered: list[RenderedArticle | Problem] = []
    for (article, _), triples in zip(items, graphs, strict=True):
        if isinstance(triples, Problem):
            rendered.append(triples)
            continue
        try:
            rendered.append(_rendered(triples, documents[article.id]))
        except Exception as error:  # noqa: BLE001 (one article must not stop the corpus)
            rendered.append(_failure(article, "building its graph", error))
    return rendered


def _facts_documents(graphs: Iterable[list[ox.Triple]]) -> dict[str, dict]:
    """Document id -> its document in facts.json, for the articles whose triples are given."""
    view = ox.Store()
    # As N-Triples: loading them is faster than making a Quad of each triple in Python.
    ntriples = ox.serialize(chain.from_iterable(graphs), format=ox.RdfFormat.N_TRIPLES)
    view.load(ntriples, format=ox.RdfFormat.N_TRIPLES, lenient=True)
    return {document["id"]: document for document in facts_json(view)["documents"]}


def _rendered(triples: list[ox.Triple], document: dict) -> RenderedArticle:
    shared = {t.subject for t in triples if t.predicate == _RDF_TYPE and t.object in _SHARED}
    own = serialize_triples(t for t in triples if t.subject not in shared)
    return RenderedArticle(
        shared=ox.serialize(
            [t for t in triples if t.subject in shared], format=ox.RdfFormat.N_TRIPLES
        ),
        turtle=_without_prefixes(own).decode("utf-8"),
        facts=_FactsWriter.document_text(document),
    )


# An article, its content hash, and what was made of it or the problem that stopped it.
Done = tuple[Article, str, "RenderedArticle | Problem"]


def _serial(todo: Iterable[tuple[Article, str]], nlp, run: ExtractionRun) -> Iterator[Done]:
    hashes: dict[str, str] = {}

    def articles() -> Iterator[Article]:
        for article, content_hash in todo:
            hashes[article.id] = content_hash
            yield article

    extracted = extract_articles(nlp, articles())
    while batch := list(islice(extracted, _PARSE_BATCH)):
        for (article, _), rendered in zip(batch, render_articles(batch, run), strict=True):
            yield article, hashes.pop(article.id), rendered


_worker: dict[str, object] = {}


def _start_worker(model: str | None, run: ExtractionRun) -> None:
    import kg.nlp

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    _worker["nlp"] = kg.nlp.load_pipeline(model)
    _worker["run"] = run


def _work(batch: list[tuple[Article, str]]) -> list[Done]:
    hashes = dict((article.id, content_hash) for article, content_hash in batch)
    extracted = list(extract_articles(_worker["nlp"], [article for article, _ in batch]))
    rendered = render_articles(extracted, _worker["run"])
    return [
        (article, hashes[article.id], item)
        for (article, _), item in zip(extracted, rendered, strict=True)
    ]


def _parallel(
    todo: Iterable[tuple[Article, str]], model: str | None, run: ExtractionRun, workers: int
) -> Iterator[Done]:
    """`_serial` in `workers` processes, with a bounded number of batches in flight."""
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(model, run)
    )
    pending: deque[Future[list[Done]]] = deque()
    items = iter(todo)
    try:
        while batch := list(islice(items, _PARSE_BATCH // 2)):
            pending.append(pool.submit(_work, batch))
            while len(pending) > 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=not pending, cancel_futures=True)


# -- the store ---------------------------------------------------------------------------


def open_store(path: Path) -> ox.Store:
    """The on-disk store of article graphs at `path` (created when missing)."""
    try:
        return ox.Store(str(path))
    except OSError as error:
        message = " ".join(str(error).split())
        if "lock" in message.lower():
            raise UserError(f"{path}: the store is in use by another kg build") from error
        raise UserError(f"{path}: cannot open the store: {message}") from error


def stored_hashes(store: ox.Store) -> dict[str, str]:
    """Named graph IRI -> content hash of every article in the store."""
    return {
        quad.graph_name.value: quad.object.value
        for quad in store.quads_for_pattern(None, _HASH, None, None)
    }


def stored_articles(store: ox.Store) -> list[tuple[str, ox.NamedNode]]:
    """(document id, named graph) of every article in the store, sorted by document id."""
    return sorted(
        (quad.object.value, quad.graph_name)
        for quad in store.quads_for_pattern(None, _DOCUMENT, None, None)
    )


def article_graph_triples(store: ox.Store, name: ox.NamedNode) -> list[ox.Triple]:
    """The triples of one article's graph: those about shared nodes, kept as triples in its
    named graph, and its own, kept as the Turtle of graph.ttl."""
    shared = [
        quad.triple
        for quad in store.quads_for_pattern(None, None, None, name)
        if not quad.predicate.value.startswith(_BUILD)
    ]
    own = _PREFIX_HEADER + _stored_text(store, name, _TURTLE)
    return shared + list(ox.parse(own.encode("utf-8"), format=ox.RdfFormat.TURTLE))


class _StoreWriter:
    """Replaces article graphs in the store, a batch of articles per transaction."""

    def __init__(self, store: ox.Store, known: dict[str, str]) -> None:
        self.store = store
        self.known = known
        self.quads: list[ox.Quad] = []
        self.count = 0
        self.unflushed = 0

    def add(self, document_id: str, content_hash: str, rendered: RenderedArticle) -> None:
        name = ox.NamedNode(str(graph_name(document_id)))
        if name.value in self.known:
            # Its own transaction: if the build dies before the batch is in, the article is
            # simply missing (and its hash with it), so the next build parses it again.
            self.store.remove_graph(name)
        self.quads += (
            ox.Quad(triple.subject, triple.predicate, triple.object, name)
            for triple in ox.parse(rendered.shared, format=ox.RdfFormat.N_TRIPLES)
        )
        for predicate, value in (
            (_HASH, content_hash), (_DOCUMENT, document_id),
            (_TURTLE, rendered.turtle), (_FACTS, rendered.facts),
        ):  # fmt: skip
            self.quads.append(ox.Quad(name, predicate, ox.Literal(value), name))
        self.count += 1
        if self.count >= _STORE_BATCH:
            self.flush()

    def drop(self, document_id: str) -> None:
        """Remove an article that could not be read this time (its old graph is stale)."""
        name = ox.NamedNode(str(graph_name(document_id)))
        if name.value in self.known:
            self.store.remove_graph(name)

    def flush(self) -> None:
        if self.quads:
            self.store.extend(self.quads)
            self.unflushed += self.count
        if self.unflushed >= _FLUSH_EVERY:
            self.store.flush()
            self.unflushed = 0
        self.quads, self.count = [], 0


# -- the output files --------------------------------------------------------------------


def _write_outputs(
    store: ox.Store, out: Path, result: BuildReport, dataset_format: str | None
) -> None:
    """graph.ttl, facts.json, graph.html (up to PAGE_MAX_ARTICLES and PAGE_MAX_FACTS) and,
    when asked for, graph.trig or graph.nq: from the store one article at a time, moved into
    place together."""
    articles = stored_articles(store)
    result.articles = len(articles)
    shared = _shared_nodes(store)
    result.entities.update(_ENTITY_CLASSES[c] for c in shared.values() if c in _ENTITY_CLASSES)
    paths = [out / GRAPH_FILE, out / FACTS_FILE, out / PAGE_FILE]
    if dataset_format:
        paths.append(out / f"graph{DATASET_SUFFIXES[dataset_format]}")
    for path in paths:
        remove_stale_temporaries(path)
    with staged_files() as stage:
        turtle = stage.open(paths[0])
        turtle.write(_PREFIX_HEADER.encode("utf-8"))
        turtle.write(_without_prefixes(serialize_triples(_shared_triples(store))))
        facts = _FactsWriter(stage.open(paths[1]), result.facts)
        dataset = _DatasetWriter(stage.open(paths[3]), dataset_format) if dataset_format else None
        for _, name in articles:
            turtle.write(_stored_text(store, name, _TURTLE).encode("utf-8"))
            facts.add(_stored_text(store, name, _FACTS))
            if dataset is not None:
                dataset.add(name, article_graph_triples(store, name))
        facts.close()
        result.files = paths[:2] + paths[3:]
        if len(articles) <= PAGE_MAX_ARTICLES and result.facts.total() <= PAGE_MAX_FACTS:
            from kg.viz import Triples, render_html

            page_graph = Triples()
            for _, name in articles:
                _add_page_triples(page_graph, article_graph_triples(store, name))
            stage.open(paths[2]).write(render_html(page_graph).encode("utf-8"))
            result.files.append(paths[2])
        else:
            stage.remove(paths[2])
            result.page_left_out = True


def _stored_text(store: ox.Store, name: ox.NamedNode, part: ox.NamedNode) -> str:
    """A part of the outputs that the store keeps for the article in graph `name`."""
    return next(store.quads_for_pattern(name, part, None, name)).object.value


def _shared_nodes(store: ox.Store) -> dict[URIRef, URIRef]:
    """Node -> class of the nodes that more than one article graph may describe."""
    classes = " ".join(f"<{c}>" for c in _SHARED_CLASSES)
    rows = store.query(
        f"SELECT DISTINCT ?node ?class WHERE {{ GRAPH ?g {{ ?node a ?class }} "
        f"VALUES ?class {{ {classes} }} }}"
    )
    return {URIRef(row["node"].value): URIRef(row["class"].value) for row in rows}


def _shared_triples(store: ox.Store) -> list[ox.Triple]:
    """The triples about nodes that several articles may share (people, bodies, amounts, the
    run), each once: the part of graph.ttl that comes before the articles' own triples."""
    classes = " ".join(f"<{c}>" for c in _SHARED_CLASSES)
    rows = store.query(
        f"SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s a ?class ; ?p ?o }} "
        f"VALUES ?class {{ {classes} }} }}"
    )
    return [ox.Triple(row["s"], row["p"], row["o"]) for row in rows]


_PREFIX_HEADER = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items()))


class _DatasetWriter:
    """The article graphs as named graphs in TriG or N-Quads, one graph after another."""

    def __init__(self, handle: IO[bytes], dataset_format: str) -> None:
        self.handle = handle
        self.format = ox.RdfFormat.TRIG if dataset_format == "trig" else ox.RdfFormat.N_QUADS
        if self.format == ox.RdfFormat.TRIG:
            handle.write(_PREFIX_HEADER.encode("utf-8"))

    def add(self, name: ox.NamedNode, triples: list[ox.Triple]) -> None:
        ordered = ox.parse(serialize_triples(triples), format=ox.RdfFormat.TURTLE)
        quads = [ox.Quad(t.subject, t.predicate, t.object, name) for t in ordered]
        body = ox.serialize(quads, format=self.format, prefixes=PREFIXES)
        self.handle.write(_without_prefixes(body))


def _without_prefixes(turtle: bytes) -> bytes:
    """Turtle (or TriG) without the @prefix lines it starts with."""
    start = 0
    while turtle.startswith(b"@prefix ", start):
        start = turtle.index(b"\n", start) + 1
    return turtle[start:]


class _FactsWriter:
    """facts.json (kg-facts/1, as kg.views.dumps lays it out) from each article's document."""

    _HEAD = f'{{\n  "format": {json.dumps(FORMAT)},\n  "documents": [\n'
    _TAIL = "\n  ]\n}\n"

    def __init__(self, handle: IO[bytes], kinds: Counter[str]) -> None:
        self.handle = handle
        self.kinds = kinds
        self.documents = 0

    @classmethod
    def document_text(cls, document: dict) -> str:
        """One document of facts.json as kg.views.dumps writes it."""
        text = dumps({"format": FORMAT, "documents": [document]})
        if not (text.startswith(cls._HEAD) and text.endswith(cls._TAIL)):
            raise RuntimeError("kg.views.dumps changed its layout: update _FactsWriter")
        return text[len(cls._HEAD) : -len(cls._TAIL)]

    def add(self, document_text: str) -> None:
        self.kinds.update(fact["type"] for fact in json.loads(document_text)["facts"])
        separator = ",\n" if self.documents else self._HEAD
        self.handle.write((separator + document_text).encode("utf-8"))
        self.documents += 1

    def close(self) -> None:
        if self.documents:
            self.handle.write(self._TAIL.encode("utf-8"))
        else:
            self.handle.write(dumps({"format": FORMAT, "documents": []}).encode("utf-8"))


def _add_page_triples(graph: Triples, triples: list[ox.Triple]) -> None:
    """The triples the page draws from: all but the text spans of mentions and the character
    positions (the sentences facts come from stay, as text)."""
    sentences = {t.object for t in triples if t.predicate == _SENTENCE}
    sentences |= {
        t.object for t in triples if t.predicate == _HAS_SELECTOR and t.subject in sentences
    }
    hidden = {
        t.subject
        for t in triples
        if t.predicate == _RDF_TYPE and t.object in _SPAN_CLASSES and t.subject not in sentences
    }
    terms: dict[object, URIRef | Literal] = {}  # most terms recur: convert each once

    def term(value: object) -> URIRef | Literal:
        found = terms.get(value)
        if found is None:
            found = terms[value] = _rdflib(value)
        return found

    for t in triples:
        if t.subject not in hidden:
            graph.add((term(t.subject), term(t.predicate), term(t.object)))


def _rdflib(term: object) -> URIRef | Literal:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise ValueError(f"kg graphs have no blank nodes, found {term!r}")


def cpu_count() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
