"""The seed build as a user receives it: evidence that points at the right text, a graph that
conforms to the shapes and that other parsers read, byte-identical rebuilds, one node per
person across articles, and README examples that print what the README says they print."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import rdflib.namespace as ns
from rdflib import RDF, RDFS

from kg.cli import main
from kg.corpus import read_articles
from kg.facts import ArticleFacts
from kg.rdf import article_iri, build_graph, graph_name
from kg.store import QUERY_DIR, open_graph, select
from kg.validate import validate_file
from kg.vocab import KGO
from scripts.readme_examples import README, examples, run_query

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EXAMPLES = sorted((QUERY_DIR / "examples").glob("*.rq"))
PREFIXES = """
PREFIX kgo: <https://w3id.org/kg-news/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
"""
SPANS = (
    PREFIXES
    + """
SELECT ?document ?start ?end ?exact WHERE {
  ?span a kgo:TextSpan ;
        oa:hasSource/kgo:documentId ?document ;
        oa:hasSelector ?position, ?quote .
  ?position a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
  ?quote a oa:TextQuoteSelector ; oa:exact ?exact .
}
"""
)
FACT_EVIDENCE = (
    PREFIXES
    + """
SELECT ?fact ?rule ?confidence ?version ?sentenceStart ?sentenceEnd ?start ?end WHERE {
  VALUES ?kind { kgo:RoleFact kgo:Claim kgo:Funding }
  ?fact a ?kind .
  OPTIONAL {
    ?fact kgo:evidence ?evidence .
    ?evidence kgo:rule ?rule ;
              kgo:confidence ?confidence ;
              prov:wasGeneratedBy/prov:wasAssociatedWith/schema:softwareVersion ?version ;
              kgo:sentence/oa:hasSelector ?sentence .
    ?sentence oa:start ?sentenceStart ; oa:end ?sentenceEnd .
    OPTIONAL {
      { ?evidence kgo:roleMention|kgo:speakerMention|kgo:cue|kgo:amountMention ?mention . }
      UNION { ?fact kgo:content ?mention . }
      ?mention oa:hasSelector ?position .
      ?position oa:start ?start ; oa:end ?end .
    }
  }
}
"""
)


def _seed_texts() -> dict[str, str]:
    return {article.id: article.text for article in read_articles([str(SEEDS)])}


def test_seed_build_conforms_to_the_shapes(seed_build: Path) -> None:
    for name in ("graph.ttl", "graph.trig"):
        report = validate_file(seed_build / name)
        assert report.conforms, report.text(name)


def test_the_turtle_is_the_union_of_the_article_graphs(seed_build: Path) -> None:
    turtle, trig = open_graph(seed_build / "graph.ttl"), open_graph(seed_build / "graph.trig")
    assert {quad.triple for quad in turtle} == {quad.triple for quad in trig}
    assert {str(quad.graph_name) for quad in trig} == {f"<{graph_name('000_db8a1dd7df858792')}>"}


def test_every_evidence_offset_selects_exactly_its_text(seed_build: Path) -> None:
    texts = _seed_texts()
    spans = select(open_graph(seed_build / "graph.ttl"), SPANS)
    assert len(spans) > 20
    for span in spans:
        text = texts[span["document"]]
        assert text[span["start"] : span["end"]] == span["exact"], span


def test_every_fact_has_a_sentence_rule_confidence_and_run_and_its_mentions_in_it(
    seed_build: Path,
) -> None:
    rows = select(open_graph(seed_build / "graph.ttl"), FACT_EVIDENCE)
    assert len({row["fact"] for row in rows}) >= 10
    for row in rows:
        assert row["rule"] and row["version"], row
        assert 0 <= row["confidence"] <= 1, row
        if row["start"] is not None:
            assert row["sentenceStart"] <= row["start"] <= row["end"] <= row["sentenceEnd"], row


def test_rebuilding_the_seed_gives_byte_identical_files(seed_build: Path, tmp_path: Path) -> None:
    assert main(["build", str(SEEDS), "--out", str(tmp_path), "--format", "trig"]) == 0
    for name in ("graph.ttl", "graph.trig", "facts.json"):
        assert (tmp_path / name).read_bytes() == (seed_build / name).read_bytes(), name


@pytest.mark.skipif(shutil.which("rapper") is None, reason="raptor2's rapper is not installed")
def test_rapper_reads_the_seed_build(seed_build: Path) -> None:
    for name, syntax in (("graph.ttl", "turtle"), ("graph.trig", "trig")):
        result = subprocess.run(
            ["rapper", "-i", syntax, "-c", "-q", str(seed_build / name)],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0 and result.stderr == "", result.stderr


def test_two_articles_naming_the_same_person_give_one_node(
    extract: Callable[[str, str], ArticleFacts],
) -> None:
    first = extract("Harbour master Tomas Berg said the port would reopen on Monday.", "a")
    second = extract(
        "The port reopened on Monday. Its harbour master, Tomas Berg, was pleased.\n\n"
        "\u201cThe ferries are back,\u201d Mr Berg said.",
        "b",
    )
    graph = build_graph([first, second])
    people = set(graph.subjects(RDF.type, KGO.Person))
    assert len(people) == 1, people
    (berg,) = people
    assert str(graph.value(berg, RDFS.label)) == "Tomas Berg"
    assert set(graph.subjects(ns.SDO.mentions, berg)) == {article_iri("a"), article_iri("b")}


def test_readme_shows_every_example_query(seed_build: Path) -> None:
    readme = README.read_text(encoding="utf-8")
    shown = {example.args[0] for example in examples(readme)}
    for path in EXAMPLES:
        assert path.read_text(encoding="utf-8") in readme, f"README lacks the text of {path.name}"
        assert str(path.relative_to(ROOT)) in shown, f"README shows no output of {path.name}"


@pytest.mark.parametrize(
    "example",
    examples(README.read_text(encoding="utf-8")),
    ids=lambda example: Path(example.args[0]).stem,
)
def test_readme_example_prints_what_the_readme_shows(seed_build: Path, example) -> None:
    printed = run_query(seed_build / "graph.ttl", example.args)
    assert printed == example.output, (
        "README.md shows another output than the seed build gives: if the change is right, "
        "run `.venv/bin/python scripts/readme_examples.py`"
    )
