"""`kg bench speed`: how fast kg builds, measured against spaCy parsing the same texts bare.

The corpus is N articles made from the project's sample texts (`seeds/`, or `--corpus`),
repeated under new ids, written as one JSONL file. In one run it measures, each in a fresh
process so that peak memory is its own:

    bare        spaCy's nlp.pipe with the same model over the same texts (n_process 1 and 2)
    build       `kg build` of the corpus from scratch, one worker and `--workers` workers:
                reading, parsing, extraction, the store and all output files (the model is
                loaded before the clock starts, as for the bare run; workers load their own)
    incremental `kg build` again after editing one article (articles parsed, seconds)
    queries     each bundled SPARQL query (ontology/queries/*.rq) over the built graph

Words are whitespace-separated words of the article texts, the same count for every row.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from kg.corpus import read_articles
from kg.errors import InputError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PARTS = ("bare", "build", "parallel", "incremental", "queries")


@dataclass(frozen=True)
class Measure:
    """One timed run in its own process: wall-clock and CPU seconds (its worker processes
    included), and peak resident memory."""

    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    parsed: int | None = None


def make_corpus(sources: list[str], count: int, path: Path) -> int:
    """Write `count` articles cycling through the texts in `sources` to `path` (JSONL);
    returns the number of words."""
    texts = [article.text for article in read_articles(sources)]
    words = 0
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            text = texts[i % len(texts)]
            words += len(text.split())
            handle.write(json.dumps({"id": f"bench-{i:06d}", "text": text}) + "\n")
    return words


def _child(code: str, *args: str) -> dict:
    """Run `code` in a fresh interpreter; it prints one JSON object as its last line."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"benchmark step failed:\n{done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


_PEAK = """
import resource
def usage():
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    return {"own": own.ru_maxrss / 1024, "children": children.ru_maxrss / 1024, "cpu": cpu}
"""

_BARE = (
    _PEAK
    + """
import json, sys, time, spacy
model, corpus, processes = sys.argv[1], sys.argv[2], int(sys.argv[3])
texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8")]
nlp = spacy.load(model)
before = usage()
start = time.perf_counter()
for doc in nlp.pipe(texts, batch_size=16, n_process=processes):
    pass
seconds = time.perf_counter() - start
after = usage()
print(json.dumps({**after, "seconds": seconds, "cpu": after["cpu"] - before["cpu"]}))
"""
)

_BUILD = (
    _PEAK
    + """
import json, sys, time
from pathlib import Path
import kg.nlp
from kg.build import BuildOptions, build
corpus, out, workers, model = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] or None
kg.nlp.load_pipeline(model)  # as the bare run, time the work and not the loading of the model
before = usage()
start = time.perf_counter()
report = build(BuildOptions([corpus], Path(out), model=model, workers=workers), print)
seconds = time.perf_counter() - start
after = usage()
cpu = after["cpu"] - before["cpu"]
print(json.dumps({**after, "seconds": seconds, "cpu": cpu, "parsed": report.parsed}))
"""
)


def bare(model: str, corpus: Path, processes: int) -> Measure:
    """spaCy alone: load the model, then time nlp.pipe over every text."""
    result = _child(_BARE, model, str(corpus), str(processes))
    peak = result["own"] + (result["children"] if processes > 1 else 0)
    return Measure(result["seconds"], result["cpu"], peak)


def kg_build(corpus: Path, out: Path, workers: int, model: str | None) -> Measure:
    """`kg build` of `corpus` into `out`, timed from the call (model loading included)."""
    result = _child(_BUILD, str(corpus), str(out), str(workers), model or "")
    peak = result["own"] + (result["children"] if workers > 1 else 0)
    return Measure(result["seconds"], result["cpu"], peak, result["parsed"])


def edit_one_article(corpus: Path) -> None:
    """Change the text of the middle article of a JSONL corpus."""
    lines = corpus.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[len(lines) // 2])
    record["text"] += "\n\nThe council said the bridge would open in June."
    lines[len(lines) // 2] = json.dumps(record)
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")


def query_times(graph_file: Path) -> dict[str, float]:
    """Seconds for each bundled query over the built graph, loaded as `kg query` loads it."""
    import pyoxigraph as ox

    from kg.store import QUERY_DIR, open_graph

    store = open_graph(graph_file)
    times = {}
    for path in sorted(QUERY_DIR.glob("*.rq")):
        sparql = path.read_text(encoding="utf-8")
        start = time.perf_counter()
        rows = store.query(sparql)
        count = sum(1 for _ in rows) if isinstance(rows, ox.QuerySolutions) else 0
        times[f"{path.stem} ({count:,} rows)"] = time.perf_counter() - start
    return times


def _row(label: str, words: int, measure: Measure) -> str:
    return (
        f"  {label:<34} {words / measure.seconds:7,.0f} words/s wall {measure.seconds:7.1f} s"
        f" | {words / measure.cpu_seconds:7,.0f} words/s CPU {measure.cpu_seconds:7.1f} s"
        f" | peak RSS {measure.peak_rss_mb:5.0f} MB"
    )


def _ratio(label: str, numerator: Measure, denominator: Measure) -> str:
    wall = denominator.seconds / numerator.seconds
    cpu = denominator.cpu_seconds / numerator.cpu_seconds
    return f"      {label} = {wall:.2f} wall, {cpu:.2f} CPU"


def run(articles: int, workers: int, sources: list[str], model: str | None, parts: set[str]) -> str:
    """Measure, printing each line as it is known; returns the report."""
    import kg.nlp

    name = kg.nlp.model_name(model)
    lines: list[str] = []

    def say(line: str) -> None:
        lines.append(line)
        print(line, flush=True)

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as scratch:
        corpus, out = Path(scratch) / "corpus.jsonl", Path(scratch) / "out1"
        words = make_corpus(sources, articles, corpus)
        say(f"kg bench speed: {articles} articles, {words:,} words, model {name}, "
            f"{os.cpu_count()} cores; words/s by wall-clock and by CPU time")  # fmt: skip
        one = built = None
        if "bare" in parts:
            one = bare(name, corpus, 1)
            say(_row("(a) bare spaCy nlp.pipe, 1 process", words, one))
        if "build" in parts:
            built = kg_build(corpus, out, 1, model)
            say(_row("(b) kg build, 1 worker", words, built))
            if one is not None:
                say(_ratio("b/a", built, one))
        if "parallel" in parts and workers > 1:
            many = bare(name, corpus, workers)
            say(_row(f"(a) bare spaCy nlp.pipe, {workers} processes", words, many))
            parallel = kg_build(corpus, Path(scratch) / "outN", workers, model)
            say(_row(f"(b) kg build, {workers} workers", words, parallel))
            say(_ratio("b/a", parallel, many))
            if built is not None:
                speedup = built.seconds / parallel.seconds
                say(f"      {workers} workers / 1 worker = {speedup:.2f} wall")
        if "incremental" in parts and built is not None:
            edit_one_article(corpus)
            again = kg_build(corpus, out, 1, model)
            share = again.seconds / built.seconds
            say(f"  incremental rebuild, 1 article edited: {again.parsed} parsed, "
                f"{again.seconds:.1f} s = {share:.1%} of the full build")  # fmt: skip
        if "queries" in parts and built is not None:
            for query, seconds in query_times(out / "graph.ttl").items():
                say(f"  query {query:<28} {seconds * 1000:7.1f} ms")
    return "\n".join(lines)


def default_sources() -> list[str]:
    """The project's sample articles."""
    if not SEEDS.is_dir():
        raise InputError(f"{SEEDS}: no sample articles here (give --corpus)")
    return [str(SEEDS)]
