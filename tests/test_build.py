"""`kg build` on dirty corpora: bad articles reported and skipped, outputs never half-written,
incremental rebuilds that parse only what changed."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from graph_samples import HARBOUR_TEXT, StubPipeline, harbour_facts, sample_extraction

import kg.build
import kg.nlp
import kg.views
from kg.build import BuildOptions, build, text_chunks
from kg.cli import main
from kg.corpus import Problem
from kg.facts import Article, ArticleFacts
from kg.rdf import ExtractionRun, article_triples, graph_name
from kg.store import load_turtle
from kg.views import facts_json

TESTS = Path(__file__).resolve().parent

GOOD = {
    "good.txt": "Transport Minister Lena Park said: “The new line opens in May.”\n\n"
    "The Rail Trust gave £3m to the Northern Link Programme.\n",
    "guillemets.txt": "Mayor Jean Dupont said: «The bridge opens in May.»\n\n"
    "« We have waited long enough », said Sophie Martin, the council leader.\n",
    "german.txt": "Chancellor Olaf Weber said: „We will invest in rail.“\n\n"
    "Finance Minister Anna Schmidt said: ‚Money is tight.‘\n",
    "unbalanced.txt": "Council leader Ann Cole said: “We will not cut the budget.\n\n"
    "The vote is on Monday. ” Stray marks ” here.\n",
}
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Council backs bridge</title>
</head><body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Council backs bridge</h1>
<p>The Harbour Board chair, Ines Duarte, said: “The bridge opens in May.”</p>
<p>The Rail Trust gave £3m to the Northern Link Programme.</p></article>
<footer>Copyright 2024 The Gazette.</footer></body></html>"""
# Quotes every good article must yield: (document, speaker, words).
QUOTES = {
    ("good", "Lena Park", "The new line opens in May."),
    ("guillemets", "Jean Dupont", "The bridge opens in May."),
    ("guillemets", "Sophie Martin", "We have waited long enough"),
    ("german", "Olaf Weber", "We will invest in rail."),
    ("german", "Anna Schmidt", "Money is tight."),
    ("unbalanced", "Ann Cole", "We will not cut the budget."),
    ("windows", "Tom Reed", "Waiting lists are falling."),
    ("utf16", "Maria Lopez", "Crime is down."),
    ("page", "Ines Duarte", "The bridge opens in May."),
}


def _dirty_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in GOOD.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "windows.txt").write_bytes(
        "Health Secretary Tom Reed said: “Waiting lists are falling.”\n".encode("cp1252")
    )
    (corpus / "utf16.txt").write_bytes(
        "Police Chief Maria Lopez said: “Crime is down.”\n".encode("utf-16")
    )
    (corpus / "page.html").write_text(PAGE, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blank.txt").write_bytes(b" \n\t\r\n")
    (corpus / "report.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    (corpus / "image.txt").write_bytes(b"\x00\x01\x02binary\x00\x00\xff")
    (corpus / "gone.txt").symlink_to(root / "nowhere.txt")
    lines = [
        json.dumps({"id": "j1", "text": "The Rail Trust gave £2m to the Southern Link."}),
        "{oops",
        json.dumps({"id": "j1", "text": "The same id again."}),
    ]
    (corpus / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return corpus


BAD = {
    "blank.txt": "article text is empty",
    "empty.txt": "article text is empty",
    "gone.txt": "cannot read: No such file or directory",
    "image.txt": "binary data, not text (it holds NUL bytes)",
    "news.jsonl:2": "not valid JSON",
    "news.jsonl:3": "article id 'j1' already used by",
    "report.txt": "a PDF document, not text",
}


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _outputs(out: Path) -> dict[str, bytes]:
    """The output files (not the store, not temporary files) by name."""
    return {
        p.name: p.read_bytes()
        for p in sorted(out.iterdir())
        if p.is_file() and not p.name.startswith(".")
    }


def test_dirty_corpus_builds_every_good_article_and_says_one_line_per_bad_one(
    capsys, tmp_path: Path
) -> None:
    corpus = _dirty_corpus(tmp_path)
    out = tmp_path / "out"
    status, summary, err = _run(capsys, "build", str(corpus), "--out", str(out))

    assert status == 1, err
    skipped = [line for line in err.splitlines() if line.startswith("kg: skipped ")]
    assert len(skipped) == len(BAD) == len(err.splitlines()) - 2
    for line, (where, reason) in zip(skipped, sorted(BAD.items()), strict=True):
        assert line.startswith(f"kg: skipped {corpus / where}: {reason}")
    assert f"kg: note: {corpus / 'windows.txt'}: not UTF-8: decoded as Windows-1252" in err
    assert f"kg: note: {corpus / 'utf16.txt'}: decoded as UTF-16 (byte-order mark)" in err
    assert "Traceback" not in err
    assert "8 articles (8 parsed, 0 unchanged, 7 skipped)" in summary

    facts = json.loads((out / "facts.json").read_text(encoding="utf-8"))
    assert facts == facts_json(load_turtle((out / "graph.ttl").read_bytes()))
    ids = [document["id"] for document in facts["documents"]]
    assert ids == ["german", "good", "guillemets", "j1", "page", "unbalanced", "utf16", "windows"]
    quotes = {
        (document["id"], fact["speaker"], fact["text"])
        for document in facts["documents"]
        for fact in document["facts"]
        if fact["type"] == "quote"
    }
    assert quotes >= QUOTES
    funding = {
        (document["id"], fact["funder"], fact["amount"])
        for document in facts["documents"]
        for fact in document["facts"]
        if fact["type"] == "funding"
    }
    assert funding == {
        ("good", "Rail Trust", 3_000_000),
        ("page", "Rail Trust", 3_000_000),
        ("j1", "Rail Trust", 2_000_000),
    }


def test_strict_stops_at_the_first_bad_article_and_writes_nothing(capsys, tmp_path: Path) -> None:
    corpus = _dirty_corpus(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("previous", encoding="utf-8")
    status, _, err = _run(capsys, "build", str(corpus), "--out", str(out), "--strict")
    assert status == 2
    assert err == f"kg: error: {corpus / 'blank.txt'}: article text is empty (--strict)\n"
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "previous"


@pytest.mark.parametrize("where", ["file", "under-a-file"])
def test_output_directory_that_cannot_be_written_is_one_line_before_any_work(
    capsys, tmp_path: Path, where: str
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Text.", encoding="utf-8")
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a directory", encoding="utf-8")
    out = blocker if where == "file" else blocker / "out"
    status, _, err = _run(capsys, "build", str(article), "--out", str(out))
    assert status == 2 and err.count("\n") == 1
    assert err.startswith(f"kg: error: {out}: ")
    assert blocker.read_text(encoding="utf-8") == "a file, not a directory"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Fake extraction that records the id of every article it is given."""
    parsed: list[str] = []

    def extract(nlp: object, articles: Iterable[Article]) -> Iterator[tuple[Article, object]]:
        for article, facts in sample_extraction(nlp, articles):
            parsed.append(article.id)
            yield article, facts

    monkeypatch.setattr(kg.nlp, "load_pipeline", lambda name=None: StubPipeline())
    monkeypatch.setattr(kg.build, "extract_articles", extract)
    return parsed


def _write_corpus(path: Path, texts: dict[str, str]) -> None:
    path.write_text(
        "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in texts.items()),
        encoding="utf-8",
    )


def _build(corpus: Path, out: Path) -> kg.build.BuildReport:
    problems: list[Problem] = []
    report = build(BuildOptions([str(corpus)], out), problems.append)
    assert problems == []
    return report


def test_rebuild_parses_only_changed_articles_and_drops_removed_ones(
    parses: list[str], tmp_path: Path
) -> None:
    corpus, out = tmp_path / "corpus.jsonl", tmp_path / "out"
    texts = {f"a{i}": f"{HARBOUR_TEXT}\n\nEdition {i}.\n" for i in range(5)}
    _write_corpus(corpus, texts)
    first = _build(corpus, out)
    assert (first.parsed, first.unchanged, first.removed, first.articles) == (5, 0, 0, 5)
    before = _outputs(out)

    again = _build(corpus, out)
    assert (again.parsed, again.unchanged) == (0, 5)
    assert _outputs(out) == before

    parses.clear()
    texts["a2"] += "A late correction.\n"
    del texts["a4"]
    _write_corpus(corpus, texts)
    edited = _build(corpus, out)
    assert parses == ["a2"]
    assert (edited.parsed, edited.unchanged, edited.removed, edited.articles) == (1, 3, 1, 4)
    facts = json.loads((out / "facts.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in facts["documents"]] == ["a0", "a1", "a2", "a3"]
    assert facts == facts_json(load_turtle((out / "graph.ttl").read_bytes()))
    assert b"/a4" not in (out / "graph.ttl").read_bytes()


def test_an_article_whose_graph_cannot_be_built_is_skipped_and_the_rest_of_its_batch_built(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def extract(nlp: object, articles: Iterable[Article]) -> Iterator[tuple[Article, object]]:
        for article, facts in sample_extraction(nlp, articles):
            if article.id == "a3":  # a confidence outside [0, 1]: kg.rdf refuses the fact
                evidence = dataclasses.replace(facts.facts[0].evidence, confidence=1.5)
                facts.facts[0] = dataclasses.replace(facts.facts[0], evidence=evidence)
            yield article, facts

    monkeypatch.setattr(kg.nlp, "load_pipeline", lambda name=None: StubPipeline())
    monkeypatch.setattr(kg.build, "extract_articles", extract)
    corpus, out = tmp_path / "corpus.jsonl", tmp_path / "out"
    _write_corpus(corpus, {f"a{i}": f"{HARBOUR_TEXT}\n\nEdition {i}.\n" for i in range(6)})
    problems: list[Problem] = []
    report = build(BuildOptions([str(corpus)], out), problems.append)
    [problem] = problems
    assert problem.skipped and problem.where.endswith("corpus.jsonl:4")
    assert problem.reason.startswith(
        "kg failed building its graph (ValueError: a3: confidence 1.5 is outside [0, 1] at rdf.py:"
    )
    assert (report.parsed, report.articles) == (5, 5)
    facts = json.loads((out / "facts.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in facts["documents"]] == ["a0", "a1", "a2", "a4", "a5"]
    assert facts == facts_json(load_turtle((out / "graph.ttl").read_bytes()))


def test_a_facts_view_that_fails_on_one_article_skips_only_that_article(
    parses: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def facts_json(store):
        if any(quad.object.value == "a3" for quad in store.quads_for_pattern(None, None, None)):
            raise RuntimeError("a bug met on a3")
        return kg.views.facts_json(store)

    monkeypatch.setattr(kg.build, "facts_json", facts_json)
    corpus, out = tmp_path / "corpus.jsonl", tmp_path / "out"
    _write_corpus(corpus, {f"a{i}": f"{HARBOUR_TEXT}\n\nEdition {i}.\n" for i in range(6)})
    problems: list[Problem] = []
    report = build(BuildOptions([str(corpus)], out), problems.append)
    assert [problem.reason.split(" at ")[0] for problem in problems] == [
        "kg failed building its graph (RuntimeError: a bug met on a3"
    ]
    assert (report.parsed, report.articles) == (5, 5)


def test_named_graphs_written_from_the_store_are_the_graphs_of_the_articles(
    parses: list[str], tmp_path: Path
) -> None:
    corpus, out = tmp_path / "corpus.jsonl", tmp_path / "out"
    texts = {f"a{i}": f"{HARBOUR_TEXT}\n\nEdition {i}.\n" for i in range(3)}
    run = ExtractionRun(pipeline=kg.build.pipeline_label(None, StubPipeline.meta))
    for edit in ("", "A late correction.\n"):
        texts["a1"] += edit
        _write_corpus(corpus, texts)
        problems: list[Problem] = []
        build(BuildOptions([str(corpus)], out, dataset_format="nquads"), problems.append)
        assert problems == []
        written: dict[str, set[ox.Triple]] = {}
        for quad in ox.parse(path=out / "graph.nq", format=ox.RdfFormat.N_QUADS):
            written.setdefault(quad.graph_name.value, set()).add(quad.triple)
        assert set(written) == {str(graph_name(document_id)) for document_id in texts}
        for document_id, text in texts.items():
            sample = harbour_facts()
            facts = ArticleFacts(Article(document_id, text), sample.entities, sample.facts)
            assert written[str(graph_name(document_id))] == set(article_triples(facts, run))
    assert parses[-1:] == ["a1"]


def test_a_changed_article_replaces_its_own_facts(capsys, tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus.jsonl", tmp_path / "out"
    texts = {
        "fund": "The Rail Trust gave £3m to the Northern Link Programme.\n",
        "other": "Mayor Jean Dupont said: “The bridge opens in May.”\n",
    }
    _write_corpus(corpus, texts)
    assert main(["build", str(corpus), "--out", str(out), "--quiet"]) == 0
    texts["fund"] = texts["fund"].replace("£3m", "£5m")
    _write_corpus(corpus, texts)
    assert main(["build", str(corpus), "--out", str(out), "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")
    facts = json.loads((out / "facts.json").read_text(encoding="utf-8"))
    amounts = [f["amount"] for d in facts["documents"] for f in d["facts"] if "amount" in f]
    assert amounts == [5_000_000]


def test_two_workers_build_the_same_outputs_as_one(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    _write_corpus(corpus, {f"n{i}": text for i, text in enumerate(GOOD.values())})
    one, two = tmp_path / "one", tmp_path / "two"
    assert main(["build", str(corpus), "--out", str(one), "--quiet"]) == 0
    assert main(["build", str(corpus), "--out", str(two), "--quiet", "--workers", "2"]) == 0
    assert _outputs(one) == _outputs(two)


def test_text_chunks_join_back_into_the_text_at_paragraph_breaks() -> None:
    text = "".join(f"Paragraph {i} has some words in it.\n\n" for i in range(50))
    chunks = text_chunks(text, limit=200)
    assert "".join(chunks) == text
    assert all(len(chunk) <= 200 and chunk.endswith("\n\n") for chunk in chunks)
    assert text_chunks("x" * 450, limit=200) == ["x" * 200, "x" * 200, "x" * 50]
    assert text_chunks("short", limit=200) == ["short"]


def test_a_long_article_is_read_in_pieces_with_the_facts_of_the_whole(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    paragraph = "Council leader Ann Cole said: “We will build {n} homes.”\n\n"
    text = "".join(paragraph.format(n=n) for n in range(40))
    corpus, whole, pieces = tmp_path / "long.jsonl", tmp_path / "whole", tmp_path / "pieces"
    _write_corpus(corpus, {"long": text})
    _build(corpus, whole)
    monkeypatch.setattr(kg.build, "CHUNK_CHARS", 300)
    assert len(text_chunks(text)) > 5
    _build(corpus, pieces)
    facts = json.loads((pieces / "facts.json").read_text(encoding="utf-8"))
    quotes = [f for f in facts["documents"][0]["facts"] if f["type"] == "quote"]
    assert [q["text"] for q in quotes] == [f"We will build {n} homes." for n in range(40)]
    assert all(text[q["span"][0] : q["span"][1]] == q["text"] for q in quotes)
    assert facts == json.loads((whole / "facts.json").read_text(encoding="utf-8"))


_KILLABLE_BUILD = """
import sys
sys.path[:0] = [{tests!r}]
import kg.build, kg.nlp
from graph_samples import StubPipeline, sample_extraction
kg.nlp.load_pipeline = lambda name=None: StubPipeline()
kg.build.extract_articles = sample_extraction
from kg.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_build_killed_while_writing_leaves_the_previous_outputs_byte_identical(
    parses: list[str], tmp_path: Path
) -> None:
    corpus, out = tmp_path / "corpus.jsonl", tmp_path / "out"
    _write_corpus(corpus, {"old": HARBOUR_TEXT})
    _build(corpus, out)
    before = _outputs(out)
    _write_corpus(corpus, {f"new{i}": f"{HARBOUR_TEXT}\n{i}\n" for i in range(600)})

    code = _KILLABLE_BUILD.format(tests=str(TESTS))
    child = subprocess.Popen(
        [sys.executable, "-c", code, "build", str(corpus), "--out", str(out), "--quiet"],
        cwd=TESTS.parent,
    )
    deadline = time.monotonic() + 120
    while not list(out.glob(".graph.ttl.*.tmp")) and time.monotonic() < deadline:
        assert child.poll() is None, "the build ended before it started writing"
        time.sleep(0.002)
    time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait() == -signal.SIGKILL
    assert list(out.glob(".*.tmp")), "killed after writing, not while"

    assert _outputs(out) == before
    rebuilt = _build(corpus, out)
    assert rebuilt.articles == 600 and not list(out.glob(".*.tmp"))
