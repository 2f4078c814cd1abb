"""Property-based tests: whatever the text, kg reads it, extracts from it without crashing,
and writes a graph that parses back in rdflib and pyoxigraph and conforms to the SHACL shapes.

One spaCy pipeline serves every example (the session `nlp` fixture); texts are short, so the
500 examples of the main property take seconds.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kg.corpus import Problem, read_articles
from kg.extract import extract_doc
from kg.facts import Article
from kg.rdf import ExtractionRun, article_graph, build_graph, serialize_turtle
from kg.store import load_turtle
from kg.validate import validate_graph

# Pieces of news copy that reach the extractors' rules: titles and names, speech verbs,
# quotation marks of every convention (balanced or not), money, paragraph breaks.
NEWS_PIECES = [
    "Mayor Sadiq Khan", "Home Secretary Amber Rudd", "the Rail Trust", "Harbour Board",
    "Ines Duarte, chair of the", " said", " told reporters", ": ", ", ", ". ", " ",
    "“", "”", "«", "»", "„", "‚", "‘", "’", '"', "'", "‹", "›",
    "We will build homes", "it's", "He", "She", "officials", "a spokesperson",
    " gave ", "£3m", "$2.5bn", "€40,000", " to the ", "Northern Link Programme",
    "\n", "\n\n", "\r\n", "\u2028", "\t", "é", "Zoë", "🙂", "\u200b", "—",
]  # fmt: skip
news_text = st.lists(st.sampled_from(NEWS_PIECES), max_size=30).map("".join)
any_text = st.text(max_size=80)
article_text = st.one_of(
    news_text, any_text, st.lists(st.one_of(news_text, any_text), max_size=4).map("\n\n".join)
)
SETTINGS = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
RUN = ExtractionRun(pipeline="test")


def _facts(nlp, text: str, doc_id: str = "p") -> object:
    return extract_doc(nlp(text), Article(doc_id, text))


@settings(max_examples=500, **SETTINGS)
@given(text=article_text)
def test_any_text_extracts_and_its_graph_reads_back_in_rdflib_and_oxigraph(nlp, text) -> None:
    result = _facts(nlp, text)
    for fact in result.facts:
        for span in (fact.evidence.sentence, getattr(fact, "content", None)):
            if span is not None:
                assert text[span.start : span.end] == span.text
    graph = article_graph(result, RUN)
    turtle = serialize_turtle(graph)
    assert len(Graph().parse(data=turtle, format="turtle")) == len(graph)
    assert len(load_turtle(turtle)) == len(graph)


@settings(max_examples=100, **SETTINGS)
@given(texts=st.lists(article_text, min_size=1, max_size=8))
def test_graphs_of_any_texts_conform_to_the_shapes(nlp, texts: list[str]) -> None:
    results = [_facts(nlp, text, f"doc-{i}") for i, text in enumerate(texts)]
    report = validate_graph(build_graph(results, RUN))
    assert report.conforms, report.text("graph")


@settings(max_examples=200, **SETTINGS)
@given(data=st.one_of(st.binary(max_size=200), article_text.map(lambda t: t.encode("utf-8"))))
def test_any_bytes_are_an_article_or_one_reported_problem(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "any.txt"
        path.write_bytes(data)
        problems: list[Problem] = []
        try:
            articles = list(read_articles([str(path)], problems.append))
        except Exception as error:  # noqa: BLE001 (only "no articles" may escape)
            assert "no articles found" in str(error)
            articles = []
        skipped = [p for p in problems if p.skipped]
        assert len(articles) + len(skipped) == 1
        assert all("\n" not in str(p) for p in problems)
