"""Behaviour of the kg-facts/1 scorer (`kg.evaluate`), on small hand-made gold/pred dicts."""

from __future__ import annotations

import json
from typing import Any

import pytest

from kg.evaluate import (
    Counts,
    format_report,
    load_facts,
    names_match,
    normalise_name,
    report_to_dict,
    score,
)


def facts_file(facts: list[dict], aliases: dict | None = None, doc_id: str = "d1") -> dict:
    """A one-document kg-facts/1 object."""
    document: dict[str, Any] = {"id": doc_id, "facts": facts}
    if aliases is not None:
        document["aliases"] = aliases
    return {"format": "kg-facts/1", "documents": [document]}


def counts(gold_facts: list[dict], pred_facts: list[dict], aliases: dict | None = None) -> Counts:
    """Micro counts of one-document predictions against one-document gold."""
    report = score(facts_file(gold_facts, aliases), facts_file(pred_facts))
    assert report.micro is not None
    return report.micro


def role(person: str, post: str | None, org: str | None, **extra: Any) -> dict:
    return {"type": "role", "person": person, "role": post, "organisation": org, **extra}


def quote(speaker: str, text: str, **extra: Any) -> dict:
    return {"type": "quote", "speaker": speaker, "text": text, **extra}


def funding(funder: str, amount: float | None, currency: str | None = "GBP", **extra: Any) -> dict:
    return {"type": "funding", "funder": funder, "amount": amount, "currency": currency, **extra}


HIT = Counts(tp=1, fp=0, fn=0)
MISS = Counts(tp=0, fp=1, fn=1)


# --------------------------------------------------------------------------- names


def test_name_normalisation_drops_honorifics_possessive_s_and_punctuation() -> None:
    assert normalise_name("Mr. Khan's") == ("khan",)
    assert normalise_name("The Met") == ("met",)
    assert normalise_name("Baroness  Doreen-Lawrence") == ("doreen", "lawrence")
    assert normalise_name("Mayor’s Office") == ("mayor", "office")


def test_name_normalisation_applies_nfkc_and_lower_case() -> None:
    assert normalise_name("ＳＡＤＩＱ Khan") == ("sadiq", "khan")


def test_two_token_name_matches_as_whole_token_run_inside_longer_name() -> None:
    assert names_match("Sadiq Khan", "London Mayor Sadiq Khan")
    assert names_match("Mayor Sadiq Khan of London", "Sadiq Khan")


def test_tokens_must_be_contiguous_and_whole_to_match() -> None:
    assert not names_match("Sadiq Khan", "Sadiq Aman Khan")
    assert not names_match("Sadiq Khan", "Sadiq Khans")


def test_mr_khan_does_not_match_sadiq_khan_by_token_run_alone() -> None:
    # "Mr Khan" normalises to one token; the run rule needs at least two.
    assert not names_match("Sadiq Khan", "Mr Khan")


def test_mr_khan_matches_sadiq_khan_via_gold_alias() -> None:
    aliases = {"Sadiq Khan": ["Mr Khan"]}
    gold = [quote("Sadiq Khan", "violent crime is rising across London")]
    pred = [quote("Mr Khan", "violent crime is rising across London")]
    assert counts(gold, pred, aliases) == HIT
    assert counts(gold, pred) == MISS


def test_gold_name_listed_as_alias_reaches_its_canonical_name_and_siblings() -> None:
    aliases = {"London": ["Greater London Authority", "City Hall"]}
    gold = [role("Sadiq Khan", "Mayor", "Greater London Authority")]
    assert counts(gold, [role("Sadiq Khan", "Mayor", "City Hall")], aliases) == HIT
    assert counts(gold, [role("Sadiq Khan", "Mayor", "London")], aliases) == HIT


def test_aliases_apply_to_the_funder_slot() -> None:
    aliases = {"Home Office": ["UK Government"]}
    gold = [funding("Home Office", 1000)]
    assert counts(gold, [funding("UK Government", 1000)], aliases) == HIT


def test_top_level_aliases_apply_to_every_document() -> None:
    gold = facts_file([quote("Amber Rudd", "the leaked documents were never seen")])
    gold["aliases"] = {"Amber Rudd": ["Ms Rudd"]}
    pred = facts_file([quote("Ms Rudd", "the leaked documents were never seen")])
    assert score(gold, pred).micro == HIT


# --------------------------------------------------------------------------- roles


def test_role_matches_on_a_role_word_that_is_not_an_organisation_word() -> None:
    gold = [role("Keith Prince", "London Assembly member", "London Assembly")]
    assert counts(gold, [role("Keith Prince", "member", "London Assembly")]) == HIT


def test_role_made_only_of_organisation_words_is_a_miss() -> None:
    gold = [role("Keith Prince", "London Assembly member", "London Assembly")]
    assert counts(gold, [role("Keith Prince", "London Assembly", "London Assembly")]) == MISS


def test_role_with_no_word_outside_the_organisation_needs_one_of_its_content_words() -> None:
    gold = [role("Keith Prince", "Assembly", "London Assembly")]
    assert counts(gold, [role("Keith Prince", "Assembly seat", "London Assembly")]) == HIT
    assert counts(gold, [role("Keith Prince", "member", "London Assembly")]) == MISS


def test_null_gold_role_compares_person_and_organisation_only() -> None:
    gold = [role("Daniel Feldmann", None, "Timbercreek")]
    assert counts(gold, [role("Daniel Feldmann", "Analyst", "Timbercreek")]) == HIT
    assert counts(gold, [role("Daniel Feldmann", None, "Timbercreek")]) == HIT


def test_null_gold_organisation_compares_person_and_role_only() -> None:
    gold = [role("Cressida Dick", "Commissioner", None)]
    assert counts(gold, [role("Cressida Dick", "Commissioner", "Metropolitan Police")]) == HIT


def test_null_predicted_organisation_misses_a_gold_organisation() -> None:
    gold = [role("Cressida Dick", "Commissioner", "Metropolitan Police")]
    assert counts(gold, [role("Cressida Dick", "Commissioner", None)]) == MISS


def test_wrong_person_is_a_miss() -> None:
    gold = [role("Amber Rudd", "Home Secretary", "Home Office")]
    assert counts(gold, [role("Cressida Dick", "Home Secretary", "Home Office")]) == MISS


# --------------------------------------------------------------------------- quotes


def test_quote_with_content_word_f1_of_at_least_half_matches() -> None:
    gold = [quote("Keith Prince", "police must target resources effectively")]
    # content words: gold {police, target, resources, effectively}; pred {police, target}
    # precision 1, recall 0.5 -> F1 0.667
    assert counts(gold, [quote("Keith Prince", "the police must target")]) == HIT


def test_quote_with_content_word_f1_below_half_is_a_miss() -> None:
    gold = [quote("Keith Prince", "police must target resources effectively")]
    # pred content words {police, budgets, rising, sharply}: 1 shared -> F1 0.25
    assert counts(gold, [quote("Keith Prince", "police budgets are rising sharply")]) == MISS


def test_quote_overlap_in_stop_words_only_does_not_count() -> None:
    gold = [quote("Keith Prince", "it is about what you have got and how you use it")]
    # every gold word is a stop word except "got"; shared stop words earn nothing
    assert counts(gold, [quote("Keith Prince", "it is about what you have and how")]) == MISS


def test_quote_needs_a_matching_speaker() -> None:
    gold = [quote("Keith Prince", "police must target resources effectively")]
    assert counts(gold, [quote("Sadiq Khan", "police must target resources effectively")]) == MISS


# --------------------------------------------------------------------------- funding


def test_amount_within_one_percent_matches() -> None:
    assert counts([funding("Sadiq Khan", 1_400_000)], [funding("Sadiq Khan", 1_414_000)]) == HIT


def test_amount_outside_one_percent_is_a_miss() -> None:
    assert counts([funding("Sadiq Khan", 1_400_000)], [funding("Sadiq Khan", 1_414_001)]) == MISS


def test_missing_predicted_amount_is_a_miss_when_gold_has_one() -> None:
    assert counts([funding("Sadiq Khan", 1_400_000)], [funding("Sadiq Khan", None)]) == MISS


def test_gold_without_amount_accepts_any_amount() -> None:
    assert counts([funding("Sadiq Khan", None)], [funding("Sadiq Khan", 250_000)]) == HIT


def test_currency_must_be_equal_when_both_give_one() -> None:
    gold = [funding("Sadiq Khan", 1000, "GBP")]
    assert counts(gold, [funding("Sadiq Khan", 1000, "USD")]) == MISS
    assert counts(gold, [funding("Sadiq Khan", 1000, "gbp")]) == HIT
    assert counts(gold, [funding("Sadiq Khan", 1000, None)]) == HIT


def test_programme_needs_half_of_its_content_words_in_the_prediction() -> None:
    gold = [funding("Sadiq Khan", 45_000_000, programme="Young Londoners Fund")]
    half = funding("Sadiq Khan", 45_000_000, programme="the Londoners Fund")
    third = funding("Sadiq Khan", 45_000_000, programme="Fund")
    assert counts(gold, [half]) == HIT
    assert counts(gold, [third]) == MISS
    assert counts(gold, [funding("Sadiq Khan", 45_000_000)]) == MISS


def test_null_gold_programme_accepts_any_programme() -> None:
    gold = [funding("Sadiq Khan", 1000, programme=None)]
    assert counts(gold, [funding("Sadiq Khan", 1000, programme="Knife Crime Fund")]) == HIT


# --------------------------------------------------------------------------- assignment


def test_optional_match_is_not_a_false_positive() -> None:
    gold = [role("Amber Rudd", "member", "Conservative Party", optional=True)]
    assert counts(gold, [role("Amber Rudd", "member", "Conservative Party")]) == Counts()


def test_missing_optional_gold_is_not_a_false_negative() -> None:
    gold = [role("Amber Rudd", "member", "Conservative Party", optional=True)]
    assert counts(gold, []) == Counts()


def test_each_prediction_matches_at_most_one_gold_fact() -> None:
    gold = [funding("Sadiq Khan", None, "GBP"), funding("Sadiq Khan", 1000, None)]
    assert counts(gold, [funding("Sadiq Khan", 1000, "GBP")]) == Counts(tp=1, fp=0, fn=1)


def test_duplicate_predictions_beyond_the_gold_are_false_positives() -> None:
    gold = [role("Tim Cook", "CEO", "Apple")]
    assert counts(gold, [role("Tim Cook", "CEO", "Apple")] * 2) == Counts(tp=1, fp=1, fn=0)


def test_identical_gold_facts_count_as_one_fact() -> None:
    gold = [role("Tim Cook", "CEO", "Apple"), role("Tim Cook", "CEO", "Apple")]
    assert counts(gold, [role("Tim Cook", "CEO", "Apple")]) == HIT


def test_identical_gold_facts_are_required_if_any_copy_is() -> None:
    gold = [role("Tim Cook", "CEO", "Apple", optional=True), role("Tim Cook", "CEO", "Apple")]
    assert counts(gold, []) == Counts(tp=0, fp=0, fn=1)


def test_required_gold_is_not_starved_by_a_greedy_best_score_choice() -> None:
    # The 100 EUR prediction is the best-scoring candidate for the first gold fact but
    # the only candidate for the second; the 100.5 USD one can serve the first.
    gold = [funding("Sadiq Khan", 100, None), funding("Sadiq Khan", None, "EUR")]
    pred = [funding("Sadiq Khan", 100, "EUR"), funding("Sadiq Khan", 100.5, "USD")]
    assert counts(gold, pred) == Counts(tp=2, fp=0, fn=0)


def test_required_gold_is_matched_before_optional_gold() -> None:
    gold = [
        funding("Sadiq Khan", None, optional=True),
        funding("Sadiq Khan", 1_400_000),
    ]
    assert counts(gold, [funding("Sadiq Khan", 1_400_000)]) == HIT


def test_optional_gold_takes_a_prediction_the_required_gold_can_spare() -> None:
    # The required fact accepts either prediction; the optional one only the first.
    gold = [funding("Sadiq Khan", None), funding("Sadiq Khan", 250_000, optional=True)]
    pred = [funding("Sadiq Khan", 250_000), funding("Sadiq Khan", 1_400_000)]
    assert counts(gold, pred) == HIT


# --------------------------------------------------------------------------- documents


def test_gold_document_missing_from_predictions_counts_as_false_negatives() -> None:
    gold = facts_file([role("Tim Cook", "CEO", "Apple"), quote("Tim Cook", "privacy matters")])
    report = score(gold, {"format": "kg-facts/1", "documents": []})
    assert report.by_type["role"] == Counts(fn=1)
    assert report.by_type["quote"] == Counts(fn=1)


def test_predicted_document_not_in_gold_is_ignored_and_listed() -> None:
    gold = facts_file([role("Tim Cook", "CEO", "Apple")])
    pred = facts_file([role("Tim Cook", "CEO", "Apple")])
    pred["documents"].append({"id": "other", "facts": [role("Satya Nadella", "CEO", "MS")]})
    report = score(gold, pred)
    assert report.micro == HIT
    assert report.unscored_documents == ("other",)


def test_facts_are_matched_within_their_own_document_only() -> None:
    gold = facts_file([role("Tim Cook", "CEO", "Apple")], doc_id="a")
    pred = facts_file([role("Tim Cook", "CEO", "Apple")], doc_id="b")
    assert score(gold, pred).micro == Counts(fn=1)


def test_role_facts_only_scoring_ignores_other_fact_types() -> None:
    gold = facts_file([role("Tim Cook", "CEO", "Apple")])
    gold["scoring"] = "role facts only"
    pred = facts_file([role("Tim Cook", "CEO", "Apple"), quote("Tim Cook", "privacy matters")])
    report = score(gold, pred)
    assert list(report.by_type) == ["role"]
    assert report.micro == HIT


def test_micro_average_sums_counts_over_fact_types() -> None:
    gold = facts_file([role("Tim Cook", "CEO", "Apple"), funding("Apple", 1000, "USD")])
    pred = facts_file([role("Tim Cook", "CEO", "Apple"), quote("Tim Cook", "privacy matters")])
    report = score(gold, pred)
    assert report.micro == Counts(tp=1, fp=1, fn=1)
    assert report.micro.precision == pytest.approx(0.5)
    assert report.micro.recall == pytest.approx(0.5)
    assert report.micro.f1 == pytest.approx(0.5)


def test_empty_gold_and_empty_predictions_score_one() -> None:
    empty = Counts()
    assert (empty.precision, empty.recall, empty.f1) == (1.0, 1.0, 1.0)
    only_fp = Counts(fp=2)
    assert (only_fp.precision, only_fp.recall, only_fp.f1) == (0.0, 0.0, 0.0)


def test_gold_with_unknown_fact_type_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown type"):
        score(facts_file([{"type": "membership", "person": "X"}]), facts_file([]))


def test_predicted_facts_of_unknown_type_are_ignored() -> None:
    gold = facts_file([role("Tim Cook", "CEO", "Apple")])
    pred = facts_file([role("Tim Cook", "CEO", "Apple"), {"type": "event", "name": "WWDC"}])
    assert score(gold, pred).micro == HIT


# --------------------------------------------------------------------------- loading


def test_load_facts_reads_a_kg_facts_file(tmp_path) -> None:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(facts_file([role("Tim Cook", "CEO", "Apple")])), "utf-8")
    assert load_facts(path)["documents"][0]["id"] == "d1"


def test_load_facts_reports_bad_json_with_its_location(tmp_path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"documents": [\n  {"id": "d1",}\n]}', "utf-8")
    with pytest.raises(ValueError, match=r"bad\.json: not valid JSON \(line 2"):
        load_facts(path)


def test_load_facts_rejects_another_format(tmp_path) -> None:
    path = tmp_path / "other.json"
    path.write_text('{"format": "kg-facts/2", "documents": []}', "utf-8")
    with pytest.raises(ValueError, match="expected 'kg-facts/1'"):
        load_facts(path)


def test_load_facts_rejects_an_object_without_documents(tmp_path) -> None:
    path = tmp_path / "empty.json"
    path.write_text('{"format": "kg-facts/1"}', "utf-8")
    with pytest.raises(ValueError, match='with "documents"'):
        load_facts(path)


def test_load_facts_rejects_a_fact_without_type(tmp_path) -> None:
    path = tmp_path / "untyped.json"
    path.write_text('{"documents": [{"id": "d1", "facts": [{"person": "X"}]}]}', "utf-8")
    with pytest.raises(ValueError, match=r'facts\[0\] must be an object with a string "type"'):
        load_facts(path)


# --------------------------------------------------------------------------- span mode

TEXT = "Khan said the budget was too small. Officials warned that cuts would hurt."


def at(fragment: str) -> list[int]:
    """[start, end] of the first occurrence of `fragment` in TEXT."""
    start = TEXT.index(fragment)
    return [start, start + len(fragment)]


def span_gold(*quotes: dict) -> dict:
    """PolNeAR-shaped gold with one article over TEXT."""
    return {"articles": [{"id": "a1", "text": TEXT, "quotes": list(quotes)}]}


def gold_attribution(content: str, speaker: str | None, **extra: Any) -> dict:
    return {
        "speaker_span": at(speaker) if speaker else None,
        "content_span": at(content),
        **extra,
    }


def span_pred(*quotes: dict) -> dict:
    return facts_file(list(quotes), doc_id="a1")


def predicted(content: str | None, speaker: str | None) -> dict:
    fact = quote("x", content or "")
    if content is not None:
        fact["span"] = at(content)
    fact["speaker_span"] = at(speaker) if speaker else None
    return fact


BUDGET = "the budget was too small"  # 5 tokens
CUTS = "cuts would hurt"  # 3 tokens


def test_span_mode_scores_content_tokens_and_attribution() -> None:
    gold = span_gold(gold_attribution(BUDGET, "Khan"), gold_attribution(CUTS, "Officials"))
    report = score(gold, span_pred(predicted(BUDGET, "Khan"), predicted("budget", "Khan")))
    assert report.span is not None
    assert report.span.content_tokens == Counts(tp=5, fp=0, fn=3)
    # the second prediction has all its token in the gold but not half of the gold's
    attribution = report.span.attribution
    assert (attribution.found, attribution.missed) == (1, 1)
    assert (attribution.correct, attribution.spurious) == (1, 1)
    assert report.by_type == {}


def test_span_mode_counts_a_token_once_however_many_spans_cover_it() -> None:
    gold = span_gold(gold_attribution(BUDGET, "Khan"))
    pred = span_pred(predicted(BUDGET, "Khan"), predicted("budget was too", "Khan"))
    assert score(gold, pred).span.content_tokens == Counts(tp=5, fp=0, fn=0)


def test_span_mode_span_cutting_a_word_covers_the_whole_word() -> None:
    gold = span_gold(gold_attribution(BUDGET, "Khan"))
    fact = predicted(BUDGET, "Khan")
    fact["span"][0] += 1  # "he budget was too small"
    assert score(gold, span_pred(fact)).span.content_tokens == Counts(tp=5)


def test_span_mode_attribution_needs_speaker_overlap() -> None:
    gold = span_gold(gold_attribution(BUDGET, "Khan"))
    wrong_speaker = score(gold, span_pred(predicted(BUDGET, "Officials"))).span.attribution
    no_speaker = score(gold, span_pred(predicted(BUDGET, None))).span.attribution
    right_speaker = score(gold, span_pred(predicted(BUDGET, "Kha"))).span.attribution
    assert wrong_speaker.found == no_speaker.found == 0
    assert right_speaker.found == right_speaker.correct == 1


def test_span_mode_attribution_without_gold_source_ignores_the_speaker() -> None:
    gold = span_gold(gold_attribution(CUTS, None))
    assert score(gold, span_pred(predicted(CUTS, "Khan"))).span.attribution.found == 1


def test_span_mode_attribution_needs_half_of_the_predicted_tokens_too() -> None:
    gold = span_gold(gold_attribution(CUTS, "Officials"))
    too_long = predicted("Officials warned that cuts would hurt", "Officials")  # 3 of 6
    longer = predicted("Khan said the budget was too small. Officials warned that cuts", None)
    assert score(gold, span_pred(too_long)).span.attribution.found == 1
    assert score(gold, span_pred(longer)).span.attribution.found == 0


def test_span_mode_quote_without_span_is_a_spurious_prediction() -> None:
    gold = span_gold(gold_attribution(BUDGET, "Khan"))
    report = score(gold, span_pred(predicted(BUDGET, "Khan"), predicted(None, "Khan")))
    assert report.span.attribution.spurious == 1
    assert report.span.attribution.precision == pytest.approx(0.5)
    assert report.span.content_tokens == Counts(tp=5)


def test_span_mode_uses_gold_content_fragments_over_the_covering_span() -> None:
    # "Khan said" sits between the fragments and is not content
    gold = span_gold(
        {
            "speaker_span": at("Khan"),
            "content_span": [0, at("small")[1]],
            "content_fragments": [at(BUDGET)],
        }
    )
    pred = span_pred(predicted("Khan said the budget was too small", "Khan"))
    assert score(gold, pred).span.content_tokens == Counts(tp=5, fp=2, fn=0)


def test_span_mode_gold_article_missing_from_predictions_counts_as_missed() -> None:
    gold = span_gold(gold_attribution(BUDGET, "Khan"))
    report = score(gold, {"format": "kg-facts/1", "documents": []})
    assert report.span.content_tokens == Counts(fn=5)
    assert report.span.attribution.missed == 1


def test_span_mode_rejects_a_predicted_span_outside_the_text() -> None:
    fact = predicted(BUDGET, "Khan")
    fact["span"] = [10, len(TEXT) + 5]
    with pytest.raises(ValueError, match="a1"):
        score(span_gold(gold_attribution(BUDGET, "Khan")), span_pred(fact))


# --------------------------------------------------------------------------- output


def test_format_report_is_an_aligned_table_with_a_micro_row() -> None:
    gold = facts_file([role("Tim Cook", "CEO", "Apple"), funding("Apple", 1000, "USD")])
    pred = facts_file([role("Tim Cook", "CEO", "Apple")])
    lines = format_report(score(gold, pred)).splitlines()
    assert lines[0].split() == ["type", "P", "R", "F1", "tp", "fp", "fn"]
    rows = {line.split()[0]: line.split()[1:] for line in lines[1:5]}
    assert rows["role"] == ["1.000", "1.000", "1.000", "1", "0", "0"]
    assert rows["funding"] == ["0.000", "0.000", "0.000", "0", "0", "1"]
    assert rows["micro"] == ["1.000", "0.500", "0.667", "1", "0", "1"]
    assert len({len(line) for line in lines[:5]}) == 1  # columns aligned, right-justified


def test_format_report_in_span_mode_has_attribution_and_content_token_rows() -> None:
    gold = span_gold(gold_attribution(BUDGET, "Khan"))
    table = format_report(score(gold, span_pred(predicted(BUDGET, "Khan"))))
    names = [line.split()[0] for line in table.splitlines()[1:3]]
    assert names == ["attribution", "content-tokens"]


def test_report_to_dict_gives_json_ready_scores() -> None:
    gold = facts_file([role("Tim Cook", "CEO", "Apple")])
    data = report_to_dict(score(gold, facts_file([role("Tim Cook", "CEO", "Apple")])))
    assert json.loads(json.dumps(data))["facts"]["role"] == {
        "tp": 1,
        "fp": 0,
        "fn": 0,
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
    }
    assert data["facts"]["micro"]["f1"] == 1.0
