"""The `kg` command: happy paths, and one clear line with exit status 2 for user errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from graph_samples import HARBOUR_TEXT, StubPipeline, harbour_facts, sample_extraction

import kg.build
import kg.nlp
from kg.cli import main
from kg.facts import Article, ArticleFacts
from kg.rdf import build_graph, write_turtle
from kg.store import load_turtle
from kg.views import facts_json

PERSON_NAMES = """
PREFIX kgo: <https://w3id.org/kg-news/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?name WHERE { ?person a kgo:Person ; rdfs:label ?name } ORDER BY ?name
"""


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    write_turtle(build_graph([harbour_facts()]), path)
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _assert_one_line_error(status: int, err: str, *words: str) -> None:
    assert status == 2
    assert err.count("\n") == 1 and err.startswith("kg: error: ")
    assert "Traceback" not in err
    for word in words:
        assert word in err


def test_query_prints_a_table_by_default(capsys, graph_file: Path) -> None:
    status, out, _ = _run(capsys, "query", str(graph_file), "-e", PERSON_NAMES)
    assert status == 0
    assert out.splitlines()[0].strip() == "name"
    assert "Ines Duarte" in out and out.rstrip().endswith("(1 row)")


def test_query_writes_csv_and_sparql_json(capsys, graph_file: Path) -> None:
    _, out, _ = _run(capsys, "query", str(graph_file), "-e", PERSON_NAMES, "--format", "csv")
    assert list(csv.reader(io.StringIO(out))) == [["name"], ["Ines Duarte"]]
    _, out, _ = _run(capsys, "query", str(graph_file), "-e", PERSON_NAMES, "--format", "json")
    assert json.loads(out)["results"]["bindings"][0]["name"]["value"] == "Ines Duarte"


def test_ask_prints_true_or_false_and_construct_prints_turtle(capsys, graph_file: Path) -> None:
    ask = "ASK { ?claim a <https://w3id.org/kg-news/ontology#Claim> }"
    assert _run(capsys, "query", str(graph_file), "-e", ask)[1] == "true\n"
    construct = (
        "CONSTRUCT { ?p ?q ?o } WHERE { ?p a <https://w3id.org/kg-news/ontology#Person> ; ?q ?o }"
    )
    status, out, _ = _run(capsys, "query", str(graph_file), "-e", construct)
    assert status == 0
    assert len(load_turtle(out)) == 3


def test_bundled_query_file_runs_from_the_command_line(capsys, graph_file: Path) -> None:
    roles = Path(__file__).resolve().parent.parent / "ontology" / "queries" / "roles.rq"
    status, out, _ = _run(capsys, "query", str(graph_file), str(roles), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0
    assert {row["role"] for row in rows} == {"Harbour board chair", "member"}


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["-e", "SELEC ?x WHERE {}"], ["bad SPARQL"]),
        (["-e", "ASK {}", "--format", "turtle"], ["CONSTRUCT"]),
        (["missing.rq"], ["missing.rq"]),
        ([], ["FILE.rq", "-e"]),
    ],
)
def test_query_errors_are_one_line(capsys, graph_file: Path, argv: list[str], words) -> None:
    status, out, err = _run(capsys, "query", str(graph_file), *argv)
    _assert_one_line_error(status, err, *words)
    assert out == ""


def test_query_of_a_missing_or_broken_graph_is_one_line(capsys, tmp_path: Path) -> None:
    status, _, err = _run(capsys, "query", str(tmp_path / "none.ttl"), "-e", "ASK {}")
    _assert_one_line_error(status, err, "none.ttl")
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    status, _, err = _run(capsys, "query", str(broken), "-e", "ASK {}")
    _assert_one_line_error(status, err, "broken.ttl", "Turtle")


@pytest.fixture
def fake_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    """`kg build` without spaCy: the pipeline is a stub and extraction returns the sample facts."""
    monkeypatch.setattr(kg.nlp, "load_pipeline", lambda name=None: StubPipeline())
    monkeypatch.setattr(kg.build, "extract_articles", sample_extraction)


@pytest.mark.usefixtures("fake_extraction")
def test_build_writes_graph_facts_and_page_and_rebuilds_identically(capsys, tmp_path) -> None:
    article = tmp_path / "in" / "harbour-1.txt"
    article.parent.mkdir()
    article.write_text(HARBOUR_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    status, summary, _ = _run(capsys, "build", str(article.parent), "--out", str(out))
    assert status == 0
    assert "1 article" in summary and "role 2, quote 3, funding 2" in summary
    assert sorted(p.name for p in out.iterdir()) == [
        "facts.json", "graph.html", "graph.ttl", "store",
    ]  # fmt: skip
    files = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    facts = json.loads(files["facts.json"])
    assert facts == facts_json(load_turtle(files["graph.ttl"]))
    assert b"0.0-test" in files["graph.ttl"]

    assert _run(capsys, "build", str(article), "--out", str(out))[0] == 0
    assert files == {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}


@pytest.mark.usefixtures("fake_extraction")
def test_build_errors_are_one_line_and_write_nothing(capsys, tmp_path: Path) -> None:
    out = tmp_path / "out"
    status, _, err = _run(capsys, "build", str(tmp_path / "nowhere.txt"), "--out", str(out))
    assert status == 2
    assert err.splitlines() == [
        f"kg: skipped {tmp_path / 'nowhere.txt'}: no such file or directory",
        f"kg: error: no articles found in {tmp_path / 'nowhere.txt'}",
    ]
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    status, _, err = _run(capsys, "build", str(empty), "--out", str(out), "--strict")
    _assert_one_line_error(status, err, "empty.txt", "empty")
    assert not out.exists()


def test_build_that_fails_leaves_earlier_outputs_as_they_were(
    capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("old", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Text.", encoding="utf-8")

    def broken(nlp: object, articles: Iterable[Article]) -> Iterator[ArticleFacts]:
        raise RuntimeError("extractor bug")
        yield

    monkeypatch.setattr(kg.nlp, "load_pipeline", lambda name=None: StubPipeline())
    monkeypatch.setattr(kg.build, "extract_articles", broken)
    with pytest.raises(RuntimeError):
        main(["build", str(article), "--out", str(out)])
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl", "store"]
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "old"


def test_eval_prints_the_report_and_json(capsys, tmp_path: Path) -> None:
    facts = {
        "format": "kg-facts/1",
        "documents": [
            {"id": "d", "facts": [{"type": "role", "person": "Ines Duarte", "role": "chair",
                                   "organisation": "Harbour Board"}]},
        ],
    }  # fmt: skip
    gold, pred = tmp_path / "gold.json", tmp_path / "pred.json"
    gold.write_text(json.dumps(facts), encoding="utf-8")
    pred.write_text(json.dumps(facts), encoding="utf-8")
    status, out, _ = _run(capsys, "eval", str(gold), str(pred))
    assert status == 0 and "role" in out and "1.000" in out
    status, out, _ = _run(capsys, "eval", str(gold), str(pred), "--json")
    assert status == 0 and isinstance(json.loads(out), dict)


def test_eval_of_a_missing_or_malformed_file_is_one_line(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    status, _, err = _run(capsys, "eval", str(bad), str(bad))
    _assert_one_line_error(status, err, "bad.json")
    status, _, err = _run(capsys, "eval", str(tmp_path / "none.json"), str(bad))
    _assert_one_line_error(status, err, "none.json")


def test_python_dash_m_kg_runs_the_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kg", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("kg ")


def test_build_with_the_real_pipeline_writes_a_graph_its_facts_are_a_view_of(
    capsys, tmp_path: Path
) -> None:
    article = tmp_path / "rail.txt"
    article.write_text(
        "Transport Minister Lena Park said: \u201cThe new line opens in May.\u201d\n\n"
        "The Rail Trust gave \u00a33m to the Northern Link Programme.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    status, summary, err = _run(capsys, "build", str(article), "--out", str(out))
    assert status == 0, err
    assert "1 article" in summary
    facts = json.loads((out / "facts.json").read_text(encoding="utf-8"))
    assert facts == facts_json(load_turtle((out / "graph.ttl").read_bytes()))
    assert [document["id"] for document in facts["documents"]] == ["rail"]
