"""The kg-facts/1 JSON view of a graph, made only by running the bundled queries over it.

`ontology/queries/{articles,roles,quotes,funding}.rq` give one row per piece of evidence;
a fact stated more than once is reported once, with its most confident evidence (then
the earliest). Documents and facts are sorted, so the same graph gives the same JSON.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal

import pyoxigraph as ox

from kg.store import bundled_query, select

FORMAT = "kg-facts/1"
_TYPE_ORDER = {"role": 0, "quote": 1, "funding": 2}
Row = dict[str, object]


def facts_json(store: ox.Store) -> dict:
    """kg-facts/1 for the graph in `store`: every article, and its role, quote and funding facts.

    Besides the scored keys, each fact carries its IRI, confidence, rule and character spans
    (`[start, end]`, end-exclusive): `sentence_span` for all; `span`, `speaker_span` and
    `cue_span` for quotes; `role_span` for roles; `amount_span` for funding.
    """
    documents: dict[str, list[dict]] = {
        row["document"]: [] for row in select(store, bundled_query("articles"))
    }
    views: dict[str, Callable[[Row], dict]] = {
        "roles": _role, "quotes": _quote, "funding": _funding,
    }  # fmt: skip
    for query_name, view in views.items():
        for row in _best_evidence(select(store, bundled_query(query_name))):
            documents.setdefault(row["document"], []).append(view(row))
    return {
        "format": FORMAT,
        "documents": [
            {"id": document, "facts": sorted(facts, key=_fact_order)}
            for document, facts in sorted(documents.items())
        ],
    }


def dumps(facts: dict) -> str:
    """kg-facts/1 as JSON text, one fact per line (keys in a fixed order), ending in a newline."""

    def listing(items: list[str], indent: str) -> str:
        return "[\n" + ",\n".join(items) + f"\n{indent}]" if items else "[]"

    documents = [
        f'    {{\n      "id": {json.dumps(document["id"], ensure_ascii=False)},\n'
        f'      "facts": {listing([f"        {_compact(f)}" for f in document["facts"]], "      ")}'
        "\n    }"
        for document in facts["documents"]
    ]
    return (
        f'{{\n  "format": {json.dumps(facts["format"])},\n'
        f'  "documents": {listing(documents, "  ")}\n}}\n'
    )


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _best_evidence(rows: list[Row]) -> list[Row]:
    """One row per fact: the one with the highest confidence, then the earliest sentence."""
    best: dict[str, Row] = {}
    for row in rows:
        current = best.get(row["fact"])
        if current is None or _evidence_rank(row) < _evidence_rank(current):
            best[row["fact"]] = row
    return list(best.values())


def _evidence_rank(row: Row) -> tuple:
    return -row["confidence"], row["sentenceStart"], json.dumps(row, default=str, sort_keys=True)


def _span(row: Row, name: str) -> list[int] | None:
    start, end = row[f"{name}Start"], row[f"{name}End"]
    return None if start is None or end is None else [start, end]


def _evidence_keys(row: Row) -> dict:
    return {
        "confidence": float(row["confidence"]),
        "rule": row["rule"],
        "sentence_span": _span(row, "sentence"),
        "iri": row["fact"],
    }


def _role(row: Row) -> dict:
    return {
        "type": "role",
        "person": row["person"],
        "role": row["role"],
        "organisation": row["organisation"],
        "role_span": _span(row, "role"),
        **_evidence_keys(row),
    }


def _quote(row: Row) -> dict:
    return {
        "type": "quote",
        "speaker": row["speaker"],
        "speaker_kind": str(row["speakerType"]).rsplit("#", 1)[-1],
        "text": row["text"],
        "direct": row["direct"],
        "span": _span(row, "content"),
        "speaker_span": _span(row, "speaker"),
        "cue_span": _span(row, "cue"),
        **_evidence_keys(row),
    }


def _funding(row: Row) -> dict:
    return {
        "type": "funding",
        "funder": row["funder"],
        "programme": row["programme"],
        "amount": _number(row["amount"]),
        "currency": row["currency"],
        "amount_span": _span(row, "amount"),
        **_evidence_keys(row),
    }


def _number(amount: object) -> int | float | None:
    """An amount for JSON: an int when it is whole (45000000), else a float (2.5)."""
    if not isinstance(amount, Decimal):
        return None
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _fact_order(fact: dict) -> tuple:
    """Facts by type, then where they are stated: sentence, then the fact's own span."""
    own = fact.get("span") or fact.get("role_span") or fact.get("amount_span")
    return (
        _TYPE_ORDER[fact["type"]],
        fact["sentence_span"],
        own or fact["sentence_span"],
        fact["iri"],
    )
