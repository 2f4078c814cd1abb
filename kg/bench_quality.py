"""`kg bench quality`: build and score the gold corpora, one table for every quality claim.

Each corpus goes through the product's own path — parse, extract, RDF graph, the facts
view of the graph — and is scored by `kg.evaluate` exactly as `kg eval` would. The gold
files are read from the directory given (they are never copied into the project):

    seed_gold.json                the seed article (texts from the project's seeds/)
    polnear_dev.json              PolNeAR: attribution spans (span mode)
    knowledgenet_roles_dev.json   KnowledgeNet: person-organisation role facts
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.evaluate import Report, score
from kg.facts import Article

CORPORA = {
    "seed": "seed_gold.json",
    "polnear": "polnear_dev.json",
    "knowledgenet": "knowledgenet_roles_dev.json",
}
SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
# How each corpus splits into groups whose spread hints at what a held-out split will see:
# PolNeAR by publisher, KnowledgeNet by its annotation fold.
GROUP_KEYS = {"polnear": "publisher", "knowledgenet": "fold"}


@dataclass(frozen=True)
class CorpusScore:
    """The report of one corpus and how long its build took."""

    corpus: str
    report: Report
    articles: int
    seconds: float
    groups: dict[str, Report] = field(default_factory=dict)


def gold_articles(gold: dict, seeds_dir: Path = SEEDS_DIR) -> list[Article]:
    """The articles a gold file is about: its own texts, or the seed files it names."""
    if "articles" in gold:
        return [Article(a["id"], a["text"]) for a in gold["articles"]]
    articles = []
    for document in gold["documents"]:
        text = document.get("text")
        if text is None:
            path = seeds_dir / (document.get("file") or f"{document['id']}.txt")
            text = path.read_text(encoding="utf-8")
        articles.append(Article(document["id"], text))
    return articles


def predict(articles: Iterable[Article], model: str | None = None) -> dict:
    """kg-facts/1 for `articles`, made the way `kg build` makes facts.json."""
    from kg.extract import extract_articles
    from kg.nlp import load_pipeline
    from kg.rdf import build_graph, serialize_turtle
    from kg.store import load_turtle
    from kg.views import facts_json

    graph = build_graph(extract_articles(load_pipeline(model), articles))
    return facts_json(load_turtle(serialize_turtle(graph)))


def run(
    bench_dir: Path, corpora: Iterable[str] = CORPORA, model: str | None = None
) -> list[CorpusScore]:
    """Build and score each named corpus found in `bench_dir`."""
    scores = []
    for corpus in corpora:
        path = bench_dir / CORPORA[corpus]
        gold = json.loads(path.read_text(encoding="utf-8"))
        articles = gold_articles(gold)
        started = time.perf_counter()
        predicted = predict(articles, model)
        report = score(gold, predicted)
        seconds = time.perf_counter() - started
        groups = {label: score(part, predicted) for label, part in split_gold(gold, corpus).items()}
        scores.append(CorpusScore(corpus, report, len(articles), seconds, groups))
    return scores


def split_gold(gold: dict, corpus: str) -> dict[str, dict]:
    """The gold cut into the corpus's groups (publisher, fold), each a gold file of its own."""
    key = GROUP_KEYS.get(corpus)
    if key is None:
        return {}
    items = "articles" if "articles" in gold else "documents"
    parts: dict[str, list] = {}
    for item in gold[items]:
        if item.get(key) is not None:
            parts.setdefault(str(item[key]), []).append(item)
    return {label: {**gold, items: part} for label, part in sorted(parts.items())}


def _headline(report: Report) -> tuple[str, float]:
    """The one figure a corpus is judged by: attribution F1, or micro F1 over fact types."""
    if report.span is not None:
        return "attribution F1", report.span.attribution.f1
    micro = report.micro
    return "F1", micro.f1 if micro is not None else 0.0


def spread(scores: list[CorpusScore]) -> str:
    """Each corpus's headline F1 per group, with the range: how far a held-out split may land."""
    lines = []
    for item in scores:
        if not item.groups:
            continue
        figures = {label: _headline(report)[1] for label, report in item.groups.items()}
        measure = _headline(item.report)[0]
        cells = "  ".join(f"{label} {f1:.3f}" for label, f1 in figures.items())
        low, high = min(figures.values()), max(figures.values())
        lines.append(
            f"{item.corpus} {measure} by {GROUP_KEYS[item.corpus]}: {cells}"
            f"  (range {low:.3f}-{high:.3f})"
        )
    return "\n".join(lines)


def table(scores: list[CorpusScore]) -> str:
    """One table: P/R/F1 per fact type (or span measure) per corpus."""
    rows = [("corpus", "measure", "P", "R", "F1", "tp", "fp", "fn")]
    for item in scores:
        report = item.report
        if report.span is not None:
            measures = {
                "attribution": report.span.attribution,
                "content-tokens": report.span.content_tokens,
            }
        else:
            measures = dict(report.by_type)
        for name, counts in measures.items():
            tp = getattr(counts, "tp", None)
            fp = getattr(counts, "fp", None)
            fn = getattr(counts, "fn", None)
            if tp is None:  # attribution counts: found gold / correct predictions
                tp, fp, fn = f"{counts.found}/{counts.correct}", counts.spurious, counts.missed
            rows.append(
                (
                    item.corpus, name, f"{counts.precision:.3f}", f"{counts.recall:.3f}",
                    f"{counts.f1:.3f}", str(tp), str(fp), str(fn),
                )
            )  # fmt: skip
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(
            cell.ljust(w) if i < 2 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    footer = ", ".join(f"{s.corpus} {s.articles} articles in {s.seconds:.0f}s" for s in scores)
    by_group = spread(scores)
    return "\n".join([*lines, "", *([by_group, ""] if by_group else []), footer])
