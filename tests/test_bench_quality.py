"""`kg bench quality`: gold files split into groups and the spread of their scores."""

from kg.bench_quality import CorpusScore, split_gold, spread
from kg.evaluate import score


def _gold() -> dict:
    fact = {"type": "role", "person": "Ann Ray", "role": "Mayor", "organisation": "Leeds"}
    return {
        "format": "kg-facts/1",
        "documents": [
            {"id": "a", "fold": 1, "facts": [fact]},
            {"id": "b", "fold": 2, "facts": [fact]},
        ],
    }


def test_gold_splits_by_fold_into_gold_files_of_their_own():
    parts = split_gold(_gold(), "knowledgenet")
    assert {label: [d["id"] for d in part["documents"]] for label, part in parts.items()} == {
        "1": ["a"],
        "2": ["b"],
    }


def test_spread_shows_each_group_and_the_range():
    gold = _gold()
    predicted = {"format": "kg-facts/1", "documents": [gold["documents"][0]]}  # only "a" found
    groups = {
        label: score(part, predicted) for label, part in split_gold(gold, "knowledgenet").items()
    }
    line = spread([CorpusScore("knowledgenet", score(gold, predicted), 2, 0.0, groups)])
    assert "1 1.000" in line and "2 0.000" in line and "range 0.000-1.000" in line


def test_corpora_without_groups_print_no_spread():
    assert split_gold(_gold(), "seed") == {}
