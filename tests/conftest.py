"""Shared fixtures: one spaCy pipeline per test session, extraction of inline texts, and the
build of seeds/ (once)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kg.facts import Article, ArticleFacts

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


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


@pytest.fixture(scope="session")
def seed_build(nlp, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output directory of `kg build seeds/ --format trig`, built once per session."""
    from kg.cli import main

    out = tmp_path_factory.mktemp("seed-build")
    assert main(["build", str(SEEDS), "--out", str(out), "--format", "trig"]) == 0
    return out
