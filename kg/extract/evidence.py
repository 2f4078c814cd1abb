"""Evidence: the sentence(s) a fact comes from, as exact offsets into the article text."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kg.facts import Evidence
from kg.facts import Span as TextSpan


def doc_text(doc: Doc) -> str:
    """The article text of a parse; spaCy rebuilds `doc.text` on every access, so keep it."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


def doc_tokens(doc: Doc) -> list[Token]:
    """The tokens of a parse, built once: iterating a Doc makes every Token object anew, and
    the extractors walk the whole article several times."""
    tokens = doc.user_data.get("kg_tokens")
    if tokens is None:
        tokens = doc.user_data["kg_tokens"] = list(doc)
    return tokens


# A title is short: a first paragraph longer than this is the lede.
MAX_HEADLINE_WORDS = 25


def headline(text: str) -> tuple[int, int] | None:
    """Offsets of the article's title: a short first paragraph, followed by the body, that
    does not end in a full stop. Headlines restate the body in headline-ese."""
    first = re.match(r"\s*(\S[^\n]*?)\s*\n\s*\n\s*\S", text)
    if first is None:
        return None
    title = first.group(1)
    if len(re.findall(r"\w+", title)) > MAX_HEADLINE_WORDS:
        return None
    return None if title.rstrip("\"”’'")[-1:] in {".", "!", "?"} else first.span(1)


def text_span(doc: Doc, start: int, end: int) -> TextSpan:
    """The text between two character offsets, trimmed of surrounding whitespace."""
    text = doc_text(doc)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return TextSpan(start, end, text[start:end])


def sentence_evidence(
    span: Span, rule: str, confidence: float, end_span: Span | None = None
) -> Evidence:
    """Evidence covering the sentences from `span`'s first to `end_span`'s (or its own) last."""
    first = span.doc[span.start].sent
    last = (end_span or span).doc[(end_span or span).end - 1].sent
    return Evidence(
        text_span(span.doc, first.start_char, last.end_char), rule, round(confidence, 2)
    )


def char_evidence(doc: Doc, start: int, end: int, rule: str, confidence: float) -> Evidence:
    """Evidence covering every sentence that the characters start..end touch."""
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is None or len(first) == 0:
        return Evidence(text_span(doc, start, end), rule, round(confidence, 2))
    return sentence_evidence(first, rule, confidence)
