"""Shared fixtures: one spaCy pipeline per test session, and extraction of inline texts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.facts import Article, ArticleFacts


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline, loaded once (about half a second)."""
    from kg.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extract(nlp) -> Callable[[str], ArticleFacts]:
    """Extract the facts of an inline text, as `kg build` would."""
    from kg.extract import extract_article

    def run(text: str, doc_id: str = "test") -> ArticleFacts:
        return extract_article(nlp, Article(doc_id, text))

    return run
