"""facts.json is a view of the graph: the bundled queries give back exactly the facts put in."""

from __future__ import annotations

import dataclasses
import json

from graph_samples import harbour_facts, quiet_facts

from kg.evaluate import check_shape, score
from kg.facts import ArticleFacts
from kg.rdf import build_graph, serialize_turtle
from kg.store import load_turtle
from kg.views import dumps, facts_json

SCORED_KEYS = {
    "role": ("person", "role", "organisation"),
    "quote": ("speaker", "text", "direct", "span", "speaker_span", "cue_span"),
    "funding": ("funder", "programme", "amount", "currency", "amount_span"),
}


def _view(*results: ArticleFacts) -> dict:
    return facts_json(load_turtle(serialize_turtle(build_graph(results))))


def _essentials(document: dict) -> list[dict]:
    return [
        {"type": fact["type"], **{key: fact[key] for key in SCORED_KEYS[fact["type"]]}}
        for fact in document["facts"]
    ]


def test_bundled_queries_return_exactly_the_facts_put_in() -> None:
    view = _view(harbour_facts(), quiet_facts())
    assert view["format"] == "kg-facts/1"
    assert [document["id"] for document in view["documents"]] == ["harbour-1", "quiet-2"]
    harbour, quiet = view["documents"]
    assert quiet["facts"] == []
    text = harbour_facts().article.text

    def at(part: str, after: str = "") -> list[int]:
        start = text.index(part, text.index(after) if after else 0)
        return [start, start + len(part)]

    assert _essentials(harbour) == [
        {"type": "role", "person": "Ines Duarte", "role": "Harbour board chair",
         "organisation": "Harbour Board"},
        {"type": "role", "person": "Ines Duarte", "role": "member", "organisation": "Green Party"},
        {"type": "quote", "speaker": "Ines Duarte", "text": "The ferry will run all winter.",
         "direct": True, "span": at("The ferry will run all winter."),
         "speaker_span": at("Ines Duarte"), "cue_span": at("said")},
        {"type": "quote", "speaker": "Ines Duarte", "text": "the timetable was final",
         "direct": False, "span": at("the timetable was final"),
         "speaker_span": at("Ms Duarte"), "cue_span": at("said", after="Ms Duarte")},
        {"type": "quote", "speaker": "officials",
         "text": "the cost <script>alert(1)</script> was too high", "direct": False,
         "span": at("the cost <script>alert(1)</script> was too high"),
         "speaker_span": at("Officials"), "cue_span": None},
        {"type": "funding", "funder": "Portmouth City Council", "programme": None,
         "amount": 300000.5, "currency": "USD", "amount_span": None},
        {"type": "funding", "funder": "Coastal Trust", "programme": "Night Ferry Scheme",
         "amount": 1250000, "currency": "GBP", "amount_span": at("\u00a31.25m")},
    ]  # fmt: skip


def test_spans_in_the_view_index_the_article_text() -> None:
    result = harbour_facts()
    text = result.article.text
    for fact in _view(result)["documents"][0]["facts"]:
        if fact["type"] == "quote":
            start, end = fact["span"]
            assert text[start:end] == fact["text"]
        start, end = fact["sentence_span"]
        assert "\n" not in text[start:end]


def test_confidence_rule_and_iri_come_with_every_fact() -> None:
    facts = _view(harbour_facts())["documents"][0]["facts"]
    assert [fact["confidence"] for fact in facts] == [0.9, 0.7, 0.95, 0.8, 0.6, 0.5, 0.85]
    assert all(
        fact["rule"] and fact["iri"].startswith("https://w3id.org/kg-news/id/") for fact in facts
    )
    assert facts[4]["speaker_kind"] == "UnnamedSource"


def test_a_fact_stated_twice_is_reported_once_with_its_most_confident_evidence() -> None:
    result = harbour_facts()
    role = result.facts[0]
    again = dataclasses.replace(role, evidence=dataclasses.replace(role.evidence, confidence=0.99))
    facts = _view(dataclasses.replace(result, facts=[role, again]))["documents"][0]["facts"]
    assert len(facts) == 1
    assert facts[0]["confidence"] == 0.99


def test_view_is_valid_kg_facts_and_scores_perfectly_against_itself() -> None:
    view = _view(harbour_facts(), quiet_facts())
    check_shape(view)
    report = score(json.loads(dumps(view)), view)
    assert report.micro.f1 == 1.0


def test_dumped_json_is_stable_and_round_trips() -> None:
    first, second = dumps(_view(harbour_facts())), dumps(_view(harbour_facts()))
    assert first == second
    assert json.loads(first) == _view(harbour_facts())
    assert dumps({"format": "kg-facts/1", "documents": []}) == (
        '{\n  "format": "kg-facts/1",\n  "documents": []\n}\n'
    )
