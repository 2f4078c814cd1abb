"""Quote rules, each with a text of its own."""

import pytest

from kg.facts import EntityKind, QuoteFact


def quotes(facts) -> list[QuoteFact]:
    return [f for f in facts.facts if isinstance(f, QuoteFact)]


def test_colon_introduced_quote_resolves_he_to_the_last_speaker(extract):
    text = (
        "Council leader Jane Moss said that the budget was balanced.\n\n"
        "She said: “We have protected every library in the borough.”"
    )
    found = quotes(extract(text))
    direct = [q for q in found if q.direct]
    assert [(q.speaker.name, q.text) for q in direct] == [
        ("Jane Moss", "We have protected every library in the borough.")
    ]


def test_quote_before_said_mr_x_uses_the_full_name(extract):
    text = (
        "Transport minister Peter Hall opened the line.\n\n"
        "“The new trains will halve the journey time,” said Mr Hall."
    )
    direct = [q for q in quotes(extract(text)) if q.direct]
    assert direct[0].speaker.name == "Peter Hall"
    assert direct[0].speaker_mention.text == "Mr Hall"


def test_straight_and_curly_marks_mix(extract):
    text = (
        "Anna Lee, the club's coach, spoke after the game.\n\n"
        '“We played with real heart," she said.'
    )
    direct = [q for q in quotes(extract(text)) if q.direct]
    assert direct and direct[0].text.startswith("We played with real heart")
    assert direct[0].speaker.name == "Anna Lee"


def test_quote_open_at_paragraph_end_continues_in_the_next(extract):
    text = (
        'Union leader Sam Ortiz said: "Our members have waited three years for this offer.\n\n'
        "“They will not wait another three,” he added."
    )
    direct = [q for q in quotes(extract(text)) if q.direct]
    assert len(direct) == 1
    assert "waited three years" in direct[0].text and "another three" in direct[0].text


def test_reported_speech_after_said_that(extract):
    text = "Finance director Omar Reed said that the council would sell two car parks."
    found = quotes(extract(text))
    assert [(q.speaker.name, q.direct) for q in found] == [("Omar Reed", False)]
    assert found[0].text == "the council would sell two car parks"


def test_participle_cue_takes_the_subject_of_its_clause(extract):
    text = "Ms Grant attacked the plan, saying that it would close three schools."
    found = quotes(extract(text))
    assert any(q.speaker.name == "Grant" and "close three schools" in q.text for q in found)


def test_content_before_the_cue(extract):
    text = "The factory will close in March, the company's owners said."
    found = quotes(extract(text))
    assert found and found[0].text.startswith("The factory will close in March")


def test_unnamed_source_is_kept_as_a_source(extract):
    text = "The minister is expected to resign on Friday, a senior official said."
    found = quotes(extract(text))
    assert found and found[0].speaker.kind is EntityKind.UNNAMED_SOURCE


def test_according_to(extract):
    text = "According to the Office for National Statistics, inflation fell to 2 per cent in May."
    found = quotes(extract(text))
    assert found and "inflation fell" in found[0].text
    assert found[0].speaker.kind is EntityKind.ORGANISATION


def test_scare_quotes_are_not_claims(extract):
    text = "Campaigners called it a ‘quiet revolution’ in the town."
    assert not [q for q in quotes(extract(text)) if q.direct]


def test_phrase_quoted_inside_reported_speech_belongs_to_it(extract):
    text = "Diane Moore said the decision was “a betrayal of every tenant” and vowed to appeal."
    found = quotes(extract(text))
    assert found and not found[0].direct
    assert "decision was" in found[0].text


def test_quote_interrupted_by_its_attribution_is_one_quote(extract):
    text = "“We are ready,” said Karen Bell. “The hospital has never been better staffed.”"
    direct = [q for q in quotes(extract(text)) if q.direct]
    joined = [q for q in direct if "ready" in q.text and "better staffed" in q.text]
    assert len(joined) == 1
    assert all("ready" in q.text for q in direct)  # the short part, if kept, is no new claim


def test_mentions_inside_quotes_are_not_pronoun_antecedents(extract):
    text = (
        "Councillor Ruth Price spoke first.\n\n"
        "“Tom Baker promised us a new bridge,” she said.\n\n"
        "“It never came,” he said."
    )
    speakers = [q.speaker.name for q in quotes(extract(text)) if q.direct]
    assert "Tom Baker" not in speakers


def test_speaker_span_selects_the_mention(extract):
    text = "“Prices will keep rising,” said Hannah Wood, an economist at Barclays."
    facts = extract(text)
    quote = quotes(facts)[0]
    assert facts.article.text[quote.speaker_mention.start : quote.speaker_mention.end] == (
        quote.speaker_mention.text
    )
    assert "Hannah Wood" in quote.speaker_mention.text


def test_attribution_inside_the_content(extract):
    text = (
        "Chief executive Lena Park said the firm was growing.\n\n"
        "Back in March, Ms Park said, the plant had been due to open."
    )
    found = [q for q in quotes(extract(text)) if "plant" in q.text]
    assert found and found[0].speaker.name == "Lena Park"
    assert found[0].text == "Back in March the plant had been due to open"


def test_two_apostrophes_are_one_quotation_mark(extract):
    text = "''The reform is overdue,'' said Carl Jensen, a tax lawyer. ''It should pass easily.''"
    direct = [q for q in quotes(extract(text)) if q.direct]
    assert len(direct) == 1 and direct[0].speaker.name == "Carl Jensen"
    assert "overdue" in direct[0].text and "pass easily" in direct[0].text


def test_noun_that_reports_a_claim(extract):
    text = "Economists rejected Senator Ruth Baker's claim that the tax cut would pay for itself."
    found = quotes(extract(text))
    assert any(q.speaker.name == "Ruth Baker" and "pay for itself" in q.text for q in found)


def test_verb_of_judgement_reports_its_object(extract):
    text = (
        "Opposition leader Mark Hale called the budget “a reckless gamble with people's savings”."
    )
    found = quotes(extract(text))
    assert any(q.speaker.name == "Mark Hale" and "reckless gamble" in q.text for q in found)


def test_transcript_labels_name_the_speaker(extract):
    text = (
        'The interview with Senator Ann Cole followed.\n\n"HOST: Will you vote for the bill?\n\n'
        '"COLE: I will vote for it because it helps families.'
    )
    found = quotes(extract(text))
    assert [(q.speaker.name, q.text) for q in found if "families" in q.text] == [
        ("Ann Cole", "I will vote for it because it helps families.")
    ]


def test_quotation_signed_with_a_dash(extract):
    text = "“We were never asked what we wanted.” ― Maria Lopez"
    direct = [q for q in quotes(extract(text)) if q.direct]
    assert direct and direct[0].speaker.name == "Maria Lopez"


def test_signatures_padded_with_no_break_spaces_name_each_quotation(extract):
    text = (
        "“The new bridge has cut my commute in half.”\xa0― Maria Lopez\xa0\n"
        "“I still cannot afford the tolls every day.”\xa0― Tom Reyes\xa0\n"
    )
    direct = [q for q in quotes(extract(text)) if q.direct]
    assert [q.speaker.name for q in direct] == ["Maria Lopez", "Tom Reyes"]


def test_dateline_is_not_the_speaker(extract):
    text = "NEW YORK (Reuters) - Acme Corp said on Thursday it would close two factories in Ohio."
    found = quotes(extract(text))
    assert found and found[0].speaker.name == "Acme Corp"


def test_she_skips_a_man_named_more_recently(extract):
    text = (
        "Councillor Amy Lee opened the debate.\n\n"
        "Council leader Nick Baker said the budget was tight.\n\n"
        "“We cannot keep cutting services,” she said."
    )
    direct = [q for q in quotes(extract(text)) if q.direct]
    assert direct and direct[0].speaker.name == "Amy Lee"


def test_quote_resumed_after_its_attribution_mid_sentence(extract):
    text = '"The hacking was only the start," Grant told reporters, "and the leaks came next."'
    direct = [q for q in quotes(extract(text)) if q.direct]
    assert len(direct) == 1 and "leaks came next" in direct[0].text


def test_block_quote_after_a_colon(extract):
    text = (
        "Talk show host Ray Burns added:\n\n"
        "And this is the most desperate campaign I have ever seen."
    )
    found = quotes(extract(text))
    assert [(q.speaker.name, q.direct) for q in found] == [("Ray Burns", True)]
    assert found[0].text.startswith("And this is the most desperate campaign")


def test_bare_surname_that_speaks_is_a_person(extract):
    text = '"We will not back down," Kowalczyk told reporters on Monday.'
    found = quotes(extract(text))
    assert found and found[0].speaker.kind is EntityKind.PERSON


def test_they_is_the_last_group_that_was_a_subject(extract):
    text = (
        "Republican senators met on Tuesday.\n\n"
        "They said that the bill would fail without changes to the tax section."
    )
    found = quotes(extract(text))
    assert found and found[0].speaker.name == "Republican senators"


def test_quantifiers_are_unnamed_sources(extract):
    found = quotes(extract("Some argue that the rule will raise prices for farmers."))
    assert [(q.speaker.name, q.speaker.kind) for q in found] == [
        ("some", EntityKind.UNNAMED_SOURCE)
    ]


def test_reported_clause_ends_before_an_adding_participle(extract):
    text = (
        "Housing officer Nina Shaw said the estate would be rebuilt by 2030, "
        "adding that tenants would be rehoused nearby."
    )
    found = sorted((q.speaker.name, q.text) for q in quotes(extract(text)))
    assert found == [
        ("Nina Shaw", "tenants would be rehoused nearby"),
        ("Nina Shaw", "the estate would be rebuilt by 2030"),
    ]


def test_quotation_before_said_adding_stays_apart_from_the_next(extract):
    text = (
        "Coach Tom Reyes spoke after the match.\n\n"
        "“We defended well for ninety minutes,” he said, adding that “the young players "
        "showed real courage tonight.”"
    )
    direct = [q.text for q in quotes(extract(text)) if q.direct]
    assert len(direct) == 2 and "courage" not in direct[0]


def test_conjoined_speech_verb_starts_a_claim_of_its_own(extract):
    text = (
        "Finance chief Ola Berg said the levy would rise next year and warned that "
        "reserves were running low."
    )
    texts = [q.text for q in quotes(extract(text))]
    assert "the levy would rise next year" in texts


def test_said_she_believes_is_one_claim(extract):
    text = "Governor Lucy Hart said she believes the new bridge will open in May."
    found = quotes(extract(text))
    assert [(q.speaker.name, q.text) for q in found] == [
        ("Lucy Hart", "she believes the new bridge will open in May")
    ]


def test_demand_names_the_addressee_and_the_act(extract):
    text = "Union leader Rita Gomez called on the mayor to reopen the two closed libraries."
    found = quotes(extract(text))
    assert [(q.speaker.name, q.text) for q in found] == [
        ("Rita Gomez", "the mayor to reopen the two closed libraries")
    ]


def test_judgement_spans_the_object_and_the_verdict(extract):
    text = "Senator Paul Ward called the new border rules a costly failure."
    found = quotes(extract(text))
    assert [q.text for q in found] == ["the new border rules a costly failure"]


def test_call_for_a_gerund(extract):
    text = "The opposition leader Maya Roy called for scrapping the airport tax entirely."
    found = quotes(extract(text))
    assert [q.text for q in found] == ["scrapping the airport tax entirely"]


def test_question_asked_in_reported_speech(extract):
    text = "Councillor Dan Price asked whether the contract had been signed before the vote."
    found = quotes(extract(text))
    assert [(q.speaker.name, q.text) for q in found] == [
        ("Dan Price", "whether the contract had been signed before the vote")
    ]


def test_intention_is_attributed_to_its_holder(extract):
    text = "Governor Ellen Park wants to close the old prison by next spring."
    found = quotes(extract(text))
    assert [(q.speaker.name, q.text) for q in found] == [
        ("Ellen Park", "to close the old prison by next spring")
    ]


def test_stance_verb_reports_its_object(extract):
    text = "Mayor Tom Walsh cited the rising cost of steel as the reason for the delay."
    found = quotes(extract(text))
    assert any(q.speaker.name == "Tom Walsh" and "cost of steel" in q.text for q in found)


def test_said_he_wants_keeps_the_whole_clause(extract):
    text = "Senator Omar Hill said he wants to repeal three provisions that favour landlords."
    found = quotes(extract(text))
    assert [q.text for q in found] == ["he wants to repeal three provisions that favour landlords"]


def test_what_a_poll_shows_is_its_claim(extract):
    text = "The latest county poll shows the incumbent with a narrow lead among older voters."
    found = quotes(extract(text))
    assert found and "narrow lead" in found[0].text


def test_writers_closing_aside_is_not_part_of_the_claim(extract):
    text = (
        "Doctor Sara Kent said she expects the senator to recover fully from the infection, "
        "which forced him to miss two votes last week."
    )
    found = quotes(extract(text))
    assert [q.text for q in found] == [
        "she expects the senator to recover fully from the infection"
    ]


def test_paragraph_opened_with_a_reversed_mark_is_a_quotation(extract):
    text = "Readers wrote in after the debate.\n\n”We deserve better than this.” ― Helen Carter"
    direct = [q for q in quotes(extract(text)) if q.direct]
    assert [(q.speaker.name, q.text) for q in direct] == [
        ("Helen Carter", "We deserve better than this.")
    ]


def test_content_before_the_cue_runs_over_but(extract):
    text = (
        "The convoy was meant to leave at dawn, but the drivers refused to move until noon, "
        "a police source said."
    )
    found = quotes(extract(text))
    assert [q.text for q in found] == [
        "The convoy was meant to leave at dawn, but the drivers refused to move until noon"
    ]


def test_a_list_of_infinitives_is_one_intention(extract):
    text = "Senator Ruth Calder wants to cut fuel duty, freeze rail fares and build more homes."
    found = quotes(extract(text))
    assert [q.text for q in found] == ["to cut fuel duty, freeze rail fares and build more homes"]


def test_the_span_keeps_that_and_the_claim_drops_it(extract):
    text = "Mayor Ann Ray said that the bridge would reopen in May."
    (quote,) = quotes(extract(text))
    assert quote.text == "the bridge would reopen in May"
    assert quote.content.text == "that the bridge would reopen in May"


def test_a_stance_inside_another_claim_is_part_of_it(extract):
    text = "Party whip Jo Lane said the Greens would oppose any cut to the arts budget."
    found = quotes(extract(text))
    assert [(q.speaker.name, q.text) for q in found] == [
        ("Jo Lane", "the Greens would oppose any cut to the arts budget")
    ]


def test_a_cue_in_the_next_paragraph_does_not_claim_the_quotation(extract):
    text = (
        "Pollster Ian Brody said the swing was large.\n\n"
        "“It would be unwise to read too much into it,” he said. “Turnout was low.”\n\n"
        "According to the Electoral Office, turnout was 38%."
    )
    direct = [q for q in quotes(extract(text)) if q.direct]
    assert {q.speaker.name for q in direct} == {"Ian Brody"}
    assert any("Turnout was low" in q.text for q in direct)


def test_speakers_listed_together_each_make_the_claim(extract):
    text = "Councillors Amy Hart and Ben Ode said the depot should close by June."
    found = quotes(extract(text))
    assert sorted(q.speaker.name for q in found) == ["Amy Hart", "Ben Ode"]
    assert {q.text for q in found} == {"the depot should close by June"}


def test_a_relative_pronoun_before_the_cue_is_not_the_claim(extract):
    text = "Ferris Bank gave £2m to the Riverside Trust, which it says will train 300 nurses."
    found = quotes(extract(text))
    assert [q.text for q in found] == ["the Riverside Trust will train 300 nurses"]
    assert found[0].content.text == "will train 300 nurses"


def test_gerund_cue_after_a_preposition_takes_the_clause_subject(extract):
    text = (
        "Head teacher Joan Pike opened the assembly by saying the school would stay open "
        "all summer."
    )
    found = quotes(extract(text))
    assert [(q.speaker.name, q.text) for q in found] == [
        ("Joan Pike", "the school would stay open all summer")
    ]


def test_told_a_group_that_reports_the_clause_after_the_group(extract):
    text = "Mayor Tom Hill told a crowd of farmers that few people cared about rural roads."
    found = quotes(extract(text))
    assert [(q.speaker.name, q.text) for q in found] == [
        ("Tom Hill", "few people cared about rural roads")
    ]


def test_one_of_an_unnamed_group_is_the_source(extract):
    text = "One of the nurses called the new rota a danger to patients and staff."
    found = quotes(extract(text))
    assert found and found[0].speaker_mention.text == "One of the nurses"
    assert found[0].speaker.kind is EntityKind.UNNAMED_SOURCE


def test_clause_saying_when_it_was_said_is_not_a_claim(extract):
    text = "“We will rebuild the stand by August,” club chairman Ian Brook said as he left."
    found = quotes(extract(text))
    assert [q.text for q in found] == ["We will rebuild the stand by August,"]


def test_when_after_a_refusal_to_say_is_the_question(extract):
    text = "Council leader Rosa Diaz would not say when the library would reopen."
    found = quotes(extract(text))
    assert [q.text for q in found] == ["when the library would reopen"]


def test_quoted_programme_title_is_not_a_claim(extract):
    text = (
        "On Sunday’s edition of “Match of the Day,” club chairman Ian Brook said the club "
        "would appeal."
    )
    found = quotes(extract(text))
    assert [q.text for q in found] == ["the club would appeal"]


def test_a_pronoun_inside_a_quotation_does_not_set_the_speaker_gender(extract):
    text = (
        "Sam Okafor, a politics professor at Keele University, described the minister's "
        "approach.\n\n"
        '"If he is the party leader next year, he will cut taxes," she said.'
    )
    direct = [q for q in quotes(extract(text)) if q.direct]
    assert [q.speaker.name for q in direct] == ["Sam Okafor"]


def test_short_reply_with_its_cue_is_a_quote(extract):
    text = "Councillor Amy Lee was asked if she would stand again. “I might,” she said."
    direct = [q for q in quotes(extract(text)) if q.direct]
    assert [(q.speaker.name, q.text) for q in direct] == [("Amy Lee", "I might,")]


def test_short_quoted_phrase_without_a_cue_is_not_a_quote(extract):
    text = "Councillor Amy Lee spoke about the “new normal,” and the cost of living."
    assert not [q for q in quotes(extract(text)) if q.direct]


def test_what_a_poll_shows_keeps_the_views_it_reports(extract):
    text = "A YouGov poll showed that few voters thought the new bridge was worth the cost."
    found = quotes(extract(text))
    assert [q.text for q in found] == ["few voters thought the new bridge was worth the cost"]


def test_an_intention_is_recorded_under_its_own_rule(extract):
    text = "Transport minister Ruth Calder wants to freeze rail fares next year."
    (quote,) = quotes(extract(text))
    assert quote.evidence.rule == "quote.intent"


def test_a_cue_conjoined_after_a_reported_clause_keeps_the_outer_speaker(extract):
    text = (
        "Council leader Dana Pryce said the budget was “a disgrace” and claimed the mayor "
        "had hidden the true cost of the tram.\n\n"
        "Union secretary Omar Hale said the offer did not go far enough and called for a "
        "pay review."
    )
    found = {(q.speaker.name, q.text) for q in quotes(extract(text))}
    assert ("Dana Pryce", "the mayor had hidden the true cost of the tram") in found
    assert ("Omar Hale", "a pay review") in found
    assert not [s for s, _ in found if s not in {"Dana Pryce", "Omar Hale"}]


def test_she_after_a_name_apposed_in_a_caption_is_that_person(extract):
    text = (
        "The council leader, Dana Pryce, at the opening of the new library on Friday.\n\n"
        "She said the building had cost less than planned."
    )
    found = quotes(extract(text))
    assert [(q.speaker.name, q.text) for q in found] == [
        ("Dana Pryce", "the building had cost less than planned")
    ]


def test_a_quote_interrupted_between_sentences_reads_as_two_sentences(extract):
    text = (
        "Council leader Jane Moss spoke after the vote.\n\n"
        "“We have heard the residents,” she said. “But the library must close.”"
    )
    direct = [q.text for q in quotes(extract(text)) if q.direct]
    assert direct == ["We have heard the residents. But the library must close."]


def test_the_question_put_to_a_speaker_is_not_her_claim(extract):
    text = (
        "Asked whether the council had cut too deep, Ana Ruiz told the local radio station: "
        "“No. We protected every school in the city.”"
    )
    found = quotes(extract(text))
    assert [(q.speaker.name, q.direct) for q in found] == [("Ana Ruiz", True)]


def test_what_a_hearer_was_told_has_no_speaker(extract):
    text = "Tom Berry was told that his contract would not be renewed."
    assert quotes(extract(text)) == []


def test_a_headline_does_not_report_claims(extract):
    text = (
        "Farmers demand rethink on water levy as drought bites\n\n"
        "Farmers in the valley say the new water levy will drive families off the land."
    )
    found = quotes(extract(text))
    assert [q.text for q in found] == ["the new water levy will drive families off the land"]


def test_a_relative_pronoun_subject_is_read_as_its_noun(extract):
    text = "The grant goes to the flood relief fund, which officials said was nearly empty."
    found = quotes(extract(text))
    assert [(q.speaker.name, q.text) for q in found] == [
        ("officials", "the flood relief fund was nearly empty")
    ]


def test_a_relative_pronoun_that_is_the_source_stays_the_source(extract):
    text = "Mr Hale trusted the surveys that showed him ahead in every county."
    found = quotes(extract(text))
    assert all(not q.text.startswith("the surveys") for q in found)


def test_a_clipped_has_before_a_cue_is_not_a_passive(extract):
    text = "The housing minister, Rita Vale, who's called for a ban on no-fault evictions, spoke."
    found = quotes(extract(text))
    assert [(q.speaker.name, q.text) for q in found] == [
        ("Rita Vale", "a ban on no-fault evictions")
    ]


def test_finding_someone_to_do_a_job_is_not_a_demand(extract):
    text = "The parish council is trying to find a community group to take over the library."
    assert quotes(extract(text)) == []


def test_a_percent_sign_ends_the_claim_with_its_number(extract):
    text = "According to the county returning officer, turnout was 41%."
    found = quotes(extract(text))
    assert [q.text for q in found] == ["turnout was 41%"]


def test_a_participle_after_the_cue_is_what_the_speaker_did_not_said(extract):
    text = (
        "Ruth Penhale runs the village bakery.\n\n"
        "“We bake every loaf by hand,” Ms Penhale said, wiping flour from the counter."
    )
    found = quotes(extract(text))
    assert [(q.speaker.name, q.text) for q in found] == [
        ("Ruth Penhale", "We bake every loaf by hand,")
    ]


def test_asked_opening_a_sentence_is_the_hearer_even_when_tagged_past(extract):
    text = (
        "Colin Marsh chairs the harbour trust.\n\n"
        "Asked whether the ferry would return next summer, Mr Marsh shrugged."
    )
    assert quotes(extract(text)) == []


def test_a_stance_coordinated_in_the_reported_clause_stays_in_it(extract):
    text = (
        "Defending, Tom Reyes said his client was sorry and had sought counselling for his temper."
    )
    found = quotes(extract(text))
    assert [(q.speaker.name, q.text) for q in found] == [
        ("Tom Reyes", "his client was sorry and had sought counselling for his temper")
    ]


def test_a_two_word_name_read_as_a_body_is_the_person_an_honorific_names(extract):
    text = (
        "Halvern's chief executive, Brent Aldous, told analysts in February that the frozen "
        'division had "a bright future" and that he was "not a seller".\n\n'
        '"We like this business. We think it has years of growth in it," Mr Aldous said on a '
        "call with analysts at the time."
    )
    direct = [q for q in quotes(extract(text)) if q.direct]
    assert [q.speaker.name for q in direct] == ["Brent Aldous"]


def test_declining_to_comment_is_no_claim(extract):
    text = "A spokesperson for Harwell Bank declined to comment on the leaked report."
    assert quotes(extract(text)) == []


def test_the_post_is_its_holder_not_the_holder_of_the_shadow_post(extract):
    text = (
        "The Chancellor of the Exchequer, Ann Pryce, set out her plans on Monday.\n\n"
        "Ferry routes will get £2bn, the Chancellor said.\n\n"
        "The shadow chancellor, Neil Ober, said the plans were reckless."
    )
    found = {q.text: q.speaker.name for q in quotes(extract(text))}
    assert found["Ferry routes will get £2bn"] == "Ann Pryce"


def test_wrote_on_a_site_that_reports_the_clause_after_the_site(extract):
    text = "Councillor Ruth Abara wrote on X, formerly Twitter, that the depot would close in May."
    found = [(q.speaker.name, q.text) for q in quotes(extract(text))]
    assert found == [("Ruth Abara", "the depot would close in May")]


def test_posted_on_a_site_that_is_reported_speech(extract):
    text = "Victor Osei posted on Facebook that the ground would be sold."
    found = [(q.speaker.name, q.text) for q in quotes(extract(text))]
    assert found == [("Victor Osei", "the ground would be sold")]


def test_a_company_that_posted_a_loss_claims_nothing(extract):
    text = "Harlow Foods posted a loss of £3m for the year."
    assert quotes(extract(text)) == []


def test_a_subject_after_an_opening_phrase_speaks(extract):
    text = "In a post on Instagram, the mayor of Dunmore, Alan Keyes, said the bridge would reopen."
    found = [(q.speaker.name, q.text) for q in quotes(extract(text))]
    assert found == [("Alan Keyes", "the bridge would reopen")]


def test_calling_an_election_is_no_judgement(extract):
    assert quotes(extract("The premier, Dan Wills, called a snap election for March.")) == []


def test_calling_a_plan_something_is_a_judgement(extract):
    text = "Dan Wills called the plan reckless."
    found = [(q.speaker.name, q.text) for q in quotes(extract(text))]
    assert found == [("Dan Wills", "the plan reckless")]


def test_ruling_out_an_act_keeps_the_gerund(extract):
    text = "The treasurer, Amy Cole, ruled out raising the fuel levy."
    found = [(q.speaker.name, q.text) for q in quotes(extract(text))]
    assert found == [("Amy Cole", "raising the fuel levy")]


def test_ruling_out_a_thing_is_a_decision_not_a_claim(extract):
    assert quotes(extract("The umpire, Ravi Nair, ruled out the catch.")) == []


def test_reported_words_keep_the_mark_that_closes_their_quotation(extract):
    text = 'Lena Varga said the budget was "a cruel joke".'
    assert [q.text for q in quotes(extract(text))] == ['the budget was "a cruel joke"']


def test_a_stance_on_a_thing_has_its_own_rule_and_a_claim_keeps_its_own(extract):
    stance = quotes(extract("Mayor Ann Ray has defended her record on housing."))
    claim = quotes(extract("Mayor Ann Ray denied that the scheme had failed."))
    assert [q.evidence.rule for q in stance] == ["quote.stance"]
    assert [q.evidence.rule for q in claim] == ["quote.indirect"]


def test_quoted_words_that_open_a_reported_clause_belong_to_it(extract):
    text = (
        "Treasurer Ann Cole said that, “Of course the council will protect its reserves” "
        "despite what critics see as a reckless spending plan."
    )
    found = quotes(extract(text))
    assert [(q.speaker.name, q.direct) for q in found] == [("Ann Cole", False)]
    assert found[0].text.startswith("“Of course the council")
    assert found[0].text.endswith("reckless spending plan")


def test_a_new_paragraph_after_a_closed_and_attributed_quote_is_a_new_quote(extract):
    # “A,” she said.⏎⏎“B.”: A closed and was attributed; B, with marks of its own in a
    # paragraph of its own, is her next quote (a quote left open at the paragraph's end is
    # the one that runs on)
    text = (
        "Harbour master Lena Fox inspected the pier on Monday.\n\n"
        "“The timber has rotted right through in places,” she said.\n\n"
        "“We cannot let the ferries tie up here until it is replaced.”"
    )
    found = [f for f in extract(text).facts if isinstance(f, QuoteFact)]
    direct = [(q.speaker.name, q.text) for q in found if q.direct]
    assert direct == [
        ("Lena Fox", "The timber has rotted right through in places,"),
        ("Lena Fox", "We cannot let the ferries tie up here until it is replaced."),
    ]


def test_quote_carried_over_keeps_the_mention_that_named_its_speaker(extract):
    text = (
        "“The timber has rotted right through in places,” said harbour master Lena Fox. "
        "The pier was last repaired in 2009. Its owners have spent little on it since. "
        "“We cannot let the ferries tie up here until it is replaced.”"
    )
    direct = [q for q in quotes(extract(text)) if q.direct]
    assert [q.speaker.name for q in direct] == ["Lena Fox", "Lena Fox"]
    assert all("Lena Fox" in q.speaker_mention.text for q in direct)


def test_an_as_clause_attributes_the_clause_it_is_set_off_from(extract):
    before = quotes(extract("As several analysts have pointed out, the bank can still act in May."))
    assert [(q.speaker.name, q.text) for q in before] == [
        ("several analysts", "the bank can still act in May")
    ]
    after = quotes(extract("The firm paid no tax in Ireland that year, as regulators have said."))
    assert [(q.speaker.name, q.text) for q in after] == [
        ("regulators", "The firm paid no tax in Ireland that year")
    ]


def test_as_one_put_it_is_an_attribution(extract):
    found = quotes(extract("As one council officer put it, the levy is “a tax on being poor.”"))
    assert [q.speaker.name for q in found] == ["one council officer"]
    assert found[0].text.startswith("the levy is")


def test_an_as_clause_of_time_attributes_nothing(extract):
    assert quotes(extract("The crowd cheered as she told reporters about the new stadium.")) == []


def test_a_so_called_inside_the_claim_is_no_cue_of_its_own(extract):
    found = quotes(extract("Mr. Hale has called for taxing so-called 'pass through' firms at 9%."))
    assert [q.text for q in found] == ["taxing so-called 'pass through' firms at 9%"]


def test_according_to_a_source_read_as_the_root_still_gives_the_clause(extract):
    text = (
        "The campaign pulled its ads. According to conservative radio host Dan Miller, "
        "the move reeks of “fear” and desperation."
    )
    found = quotes(extract(text))
    assert [(q.speaker.name, q.text) for q in found] == [
        ("Dan Miller", "the move reeks of “fear” and desperation")
    ]


def test_a_short_stance_on_something_named_is_kept_and_one_on_a_pronoun_is_not(extract):
    endorsed = quotes(extract("The nurses' union has endorsed Ms Okafor."))
    assert [(q.speaker.name, q.text, q.evidence.rule) for q in endorsed] == [
        ("The nurses' union", "Ms Okafor", "quote.stance")
    ]
    assert quotes(extract("The nurses' union has denied it.")) == []


def test_a_claim_that_opens_a_quotation_runs_to_its_closing_mark(extract):
    text = (
        'Mayor Tom Reid called the new road "a clear breach and in open defiance" '
        "of the planning rules."
    )
    found = quotes(extract(text))
    assert [q.speaker.name for q in found] == ["Tom Reid"]
    assert found[0].text.startswith("the new road")
    assert found[0].text.endswith('in open defiance"')


def test_a_demand_ends_before_the_writers_aside(extract):
    text = (
        "Governor Ann Webb urged the county's voters to back the levy, "
        "which has been defeated twice since 2010."
    )
    found = quotes(extract(text))
    assert [q.text for q in found] == ["the county's voters to back the levy"]


def test_what_a_claim_reports_of_another_speaker_is_part_of_that_claim(extract):
    text = (
        "Campaign manager Tom Reid asserted that Ken Hill tells so many lies "
        "that voters no longer listen to him."
    )
    found = quotes(extract(text))
    assert [q.speaker.name for q in found] == ["Tom Reid"]


def test_a_claim_in_a_relative_clause_inside_another_stays_its_speakers(extract):
    text = (
        "Lawyer Ann Cole said the videos do not show the gun, "
        "which police chief Tom Hale says was found in the car."
    )
    found = quotes(extract(text))
    assert "Tom Hale" in {q.speaker.name for q in found}


def test_a_speech_verb_tagged_as_a_plural_noun_still_reports(extract):
    found = quotes(extract("Ann Webb opposes the deal. But Hale claims that it will create jobs."))
    assert ("Hale", "it will create jobs") in {(q.speaker.name, q.text) for q in found}


def test_a_reason_after_the_reported_clause_is_part_of_the_claim(extract):
    text = (
        "Councillor Ann Webb said that plan smacked of panic, "
        "because the council has ignored the problem for years."
    )
    found = quotes(extract(text))
    assert [q.text for q in found] == [
        "that plan smacked of panic, because the council has ignored the problem for years"
    ]


def test_an_inverted_said_before_the_speaker_introduces_the_quote(extract):
    text = (
        "Tax adviser Nora Quill doubts the plan will pass. "
        "Said Quill: “I don’t think anyone in the cabinet wants it.”\n\n"
        "Said one aide, “We have never seen anything like it.”"
    )
    found = [q for q in quotes(extract(text)) if q.direct]
    assert [q.speaker_mention.text for q in found] == ["Quill", "one aide"]
    assert found[0].speaker.name.endswith("Quill") and found[0].text.startswith("I don’t think")


def test_a_claim_the_parser_hung_on_the_setting_of_the_speech_is_reported(extract):
    text = (
        "Finance chief Oliver Grant told analysts on a call that margins would be stable. "
        "Assemblymember Tom Reyes said in a statement that wildfire victims must not be "
        "forgotten."
    )
    found = [(q.speaker.name, q.text) for q in quotes(extract(text))]
    assert ("Oliver Grant", "margins would be stable") in found
    assert ("Tom Reyes", "wildfire victims must not be forgotten") in found


def test_a_speaker_with_a_relative_clause_the_parser_split_off_still_speaks(extract):
    text = (
        "Chief executive Priya Natarajan, who co-founded the company in 2019 with chief "
        "technology officer Tom Ashdown, said the money would be used to expand."
    )
    found = [(q.speaker.name, q.text) for q in quotes(extract(text))]
    assert found == [("Priya Natarajan", "the money would be used to expand")]


def test_a_sum_expected_to_come_from_somewhere_is_no_speaker(extract):
    text = "Ohio has committed $230 million, with the remainder expected to come from the city."
    assert quotes(extract(text)) == []


def test_declining_to_say_whether_claims_nothing(extract):
    text = "Osei declined to say whether Ledgerly was considering a stock market listing."
    assert quotes(extract(text)) == []


def test_the_name_in_apposition_before_a_subjectless_cue_speaks(extract):
    text = "The grant goes to Dunmore Council, whose leader, Ann Coyle, said it was welcome."
    found = [(q.speaker.name, q.text) for q in quotes(extract(text))]
    assert found == [("Ann Coyle", "it was welcome")]


def test_a_writers_sentence_between_two_quotations_keeps_them_apart(extract):
    text = (
        "Strike\n\n“We will not back down,” said union leader Ann Ray. The company refused to "
        "comment on the dispute. “This is about safety.”\n\nOther news followed."
    )
    found = [q.text for q in quotes(extract(text))]
    assert found == ["We will not back down,", "This is about safety."]


def test_the_subject_speaks_not_the_person_named_in_its_relative_clause(extract):
    text = (
        "Chief executive Tom Berg, who took over in 2022 from the former boss, Ann Lee, said "
        "the group had won market share by holding prices on 800 basic products."
    )
    facts = extract(text)
    speakers = [f.speaker.name for f in facts.facts if isinstance(f, QuoteFact)]
    assert speakers == ["Tom Berg"]


def test_a_co_founder_speaks_when_the_parser_misreads_the_relative_clause(extract):
    text = (
        "Chief executive Maya Okafor, who co-founded the company in 2020 with chief technology "
        "officer Rohan Deshpande, said the round would be used to double the engineering team."
    )
    facts = extract(text)
    quotes = [(f.speaker.name, f.text) for f in facts.facts if isinstance(f, QuoteFact)]
    assert ("Maya Okafor", "the round would be used to double the engineering team") in quotes


def test_a_seat_the_article_gave_nobody_is_the_politician_just_named(extract):
    text = (
        "Scottish Conservative health spokesman Graham Okafor said the SNP had failed.\n\n"
        "“This is a sticking plaster on a gaping wound,” the Highlands and Islands MSP said."
    )
    speakers = [f.speaker.name for f in extract(text).facts if isinstance(f, QuoteFact)]
    assert speakers == ["Graham Okafor", "Graham Okafor"]


def test_a_seat_named_by_its_place_is_the_politician_just_named_not_another_holder(extract):
    text = (
        "Mr Berg is a TD for Roscommon-Galway.\n\n"
        "Sinn Féin's spokesperson, Ann Lee, said the money would not go far.\n\n"
        "\"It's a start, but it's a small start,\" the Donegal TD said."
    )
    facts = extract(text)
    quotes = {f.text: f.speaker.name for f in facts.facts if isinstance(f, QuoteFact)}
    assert quotes["It's a start, but it's a small start,"] == "Ann Lee"


def test_a_stance_joined_to_a_passive_is_its_subjects_not_its_agents(extract):
    text = (
        "The Ohio Education Association, the state's largest teachers union, said it was "
        "disappointed by the pension delay but would not oppose the budget."
    )
    speakers = {q.speaker.name for q in quotes(extract(text))}
    assert speakers == {"Ohio Education Association"}


def test_why_a_source_would_not_be_named_is_no_claim_and_no_part_of_its_name(extract):
    text = (
        "The round values the company at about $300 million, according to a person "
        "familiar with the matter who asked not to be identified because the figure is private."
    )
    found = quotes(extract(text))
    assert [q.speaker.name for q in found] == ["a person familiar with the matter"]


def test_figures_speak_for_the_body_they_come_from(extract):
    text = (
        "Fintech startups raised $9 billion last year, according to data from research firm "
        "Ledgerline."
    )
    assert [q.speaker.name for q in quotes(extract(text))] == ["Ledgerline"]


def test_a_report_in_a_time_clause_of_an_aside_is_its_own_claim(extract):
    text = (
        "Harlow Foods said Ana Ruiz will succeed Tom Vance as chief executive, ending a "
        "search that began when Mr. Vance said last spring that he planned to retire."
    )
    found = {(q.speaker.name, q.text) for q in quotes(extract(text))}
    assert ("Tom Vance", "he planned to retire") in found


def test_the_people_said_takes_up_the_unnamed_sources_introduced_before(extract):
    text = (
        "The council is weighing a plan to close three libraries, according to two people "
        "familiar with the deliberations. The plan would save $2 million a year, the people "
        "said, speaking on the condition of anonymity to describe internal discussions."
    )
    found = quotes(extract(text))
    assert {q.speaker.name for q in found} == {"two people familiar with the deliberations"}
    assert not any(q.text == "internal discussions" for q in found)


def test_an_indefinite_source_named_in_apposition_is_that_name(extract):
    text = (
        "A super PAC backing Ruiz, Prairie Forward, said this week it would spend $2 million "
        "on television ads."
    )
    assert [q.speaker.name for q in quotes(extract(text))] == ["Prairie Forward"]


def test_a_quoted_judgement_ends_with_its_quoted_words(extract):
    text = (
        'Mayor Ann Roy called the agreement "a shot in the arm" for a city where rents have '
        "risen faster than anywhere else."
    )
    assert [q.text for q in quotes(extract(text))] == ['the agreement "a shot in the arm"']


def test_a_list_after_a_bare_noun_is_still_the_claim(extract):
    text = (
        "Union spokesman Martin Doyle said the drivers want fair pay, the return of rest breaks "
        "that were cut last year and an end to split shifts."
    )
    found = quotes(extract(text))
    assert len(found) == 1 and "rest breaks" in found[0].text


def test_he_goes_on_reporting_the_speaker_not_a_person_in_the_claim(extract):
    text = (
        "Council leader Rachel Moss said on Monday that Emma Hart had called for a review of the "
        "scheme. She said Hart hopes the review will be quick."
    )
    found = {q.text: q.speaker.name for q in quotes(extract(text))}
    assert found["Hart hopes the review will be quick"] == "Rachel Moss"


def test_figures_and_records_are_no_speakers_but_a_study_is(extract):
    text = (
        "Official figures show that 3,900 people slept rough last autumn. The company's annual "
        "report says the chief executive earned £4.1m. A study by the Kestrel Institute found "
        "that rents rose by a third in five years."
    )
    found = [(q.speaker.name, q.text) for q in quotes(extract(text))]
    assert len(found) == 1 and "rents rose by a third" in found[0][1]


def test_a_short_part_of_an_interrupted_quote_is_a_claim_of_its_own_too(extract):
    text = (
        "“Nobody up here likes this budget,” Mayor Gloria Santangelo told council members. "
        "“But it is balanced, it is honest, and it keeps the lights on without raising "
        "property taxes for the families who can least afford another increase this year.”"
    )
    quotes = [f.text for f in extract(text).facts if isinstance(f, QuoteFact)]
    assert any(q.startswith("Nobody up here likes this budget") and "honest" in q for q in quotes)
    assert "Nobody up here likes this budget" in [q.rstrip(",.") for q in quotes]


def test_parts_of_an_interrupted_quote_of_like_length_stay_one_quote(extract):
    text = (
        "“We will not wait for the bridge to fail,” Lorraine Acheson said. "
        "“We will replace it before it does.”"
    )
    quotes = [f.text for f in extract(text).facts if isinstance(f, QuoteFact)]
    assert len(quotes) == 1


def test_a_plan_or_a_budget_a_sentence_cites_is_no_speaker(extract):
    text = (
        "The state will contribute $93 million toward the bridge, according to a funding plan "
        "filed with the application. The city's budget shows a $14 million shortfall."
    )
    assert quotes(extract(text)) == []


def test_according_to_after_a_clause_takes_all_of_it_not_its_inner_clause(extract):
    text = (
        "Renters would see their monthly costs go up by as much as 14.2 percent, according "
        "to the left-leaning Hartwell Policy Institute, more than twice what it projected for "
        "homeowners."
    )
    found = quotes(extract(text))
    assert [q.speaker.name for q in found] == ["Hartwell Policy Institute"]
    assert found[0].text.startswith("Renters would see their monthly costs go up")


def test_according_to_between_a_clause_and_an_aside_gives_the_clause(extract):
    text = (
        "Ticket prices rose by 8 percent, according to the Hartwell Transit Authority, more "
        "than twice what it projected for the whole of the year."
    )
    found = quotes(extract(text))
    assert [q.text for q in found] == ["Ticket prices rose by 8 percent"]


def test_what_a_programme_aims_to_do_is_its_purpose_not_a_claim(extract):
    text = (
        "The council put $1 million into Summer Start, a youth jobs initiative that aims to "
        "place 800 teenagers in paid summer work. The teachers' union seeks a new vote."
    )
    found = [(q.speaker.name, q.text) for q in quotes(extract(text))]
    assert not [q for q in found if "teenagers" in q[1]]
    assert [q[1] for q in found] == ["a new vote"]


def test_calling_people_is_phoning_them_not_naming_anything(extract):
    text = (
        "Mayor Dan Hale spent the weekend calling members. Council leader Ruth Amos called "
        "the plan reckless."
    )
    found = [(q.speaker.name, q.text) for q in quotes(extract(text))]
    assert ("Ruth Amos", "the plan reckless") in found
    assert not [q for q in found if q[1] == "members"]


def test_a_verb_joined_to_the_reported_clause_goes_on_with_the_claim(extract):
    text = (
        "Councillor Amy Voss said she supported new housing but objected to the Quayside "
        "scheme because its developer had been fined."
    )
    found = [q.text for q in quotes(extract(text))]
    assert found and found[0].startswith("she supported new housing but objected to the Quayside")


def test_a_subject_the_parser_took_for_said_s_object_stays_in_the_claim(extract):
    text = (
        "Lena Marsh said construction of a new four-lane bridge, just upstream from the old "
        "one, could begin in late 2027."
    )
    found = [q.text for q in quotes(extract(text))]
    assert found and found[0].startswith("construction of a new four-lane bridge")
    assert found[0].endswith("could begin in late 2027")


def test_a_place_opening_the_sentence_is_not_the_speaker_named_after_it(extract):
    text = (
        "Outside Leinster House, Maeve Scanlon, chief executive of Cúram Services, said her "
        "organisation faced a deficit this year."
    )
    assert [q.speaker.name for q in quotes(extract(text))] == ["Maeve Scanlon"]


def test_a_companys_accounts_are_a_record_not_a_speaker(extract):
    text = "Harbour Trams reported a loss of £2.4m last year, according to its latest accounts."
    assert quotes(extract(text)) == []


def test_the_person_of_a_firm_the_parser_made_the_subject_speaks(extract):
    text = (
        "Analysts were broadly positive. Ciara Dolan of stockbrokers Kenmare Gallagher said the "
        "results were well ahead of forecasts."
    )
    assert [q.speaker.name for q in quotes(extract(text))] == ["Ciara Dolan"]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "The Pensions Regulator fined Harwell Trustees £2m on Tuesday. Pensions Regulator "
            "officials said six more schemes were under investigation.",
            "Pensions Regulator",
        ),
        (
            "The Environment Agency closed the river to swimmers. Officials at the Environment "
            "Agency said the water would be tested daily.",
            "Environment Agency",
        ),
    ],
)
def test_officials_named_with_their_body_speak_for_it(extract, text, body):
    assert [q.speaker.name for q in quotes(extract(text))] == [body]


def test_an_adverb_of_the_saying_is_not_part_of_the_claim(extract):
    text = "Housing Minister Aoife Byrne said earlier that the target was 50,000 homes."
    claims = [q.text for q in extract(text).facts if isinstance(q, QuoteFact)]
    assert claims == ["the target was 50,000 homes"]


def test_she_skips_a_man_named_last_when_his_given_name_says_so(extract):
    text = (
        "Delia Ortiz, the council leader, met Tobias Brandt on Monday. Brandt urged the "
        "council to delay the vote. “We will not be rushed,” she said."
    )
    direct = [q for q in quotes(extract(text)) if q.direct]
    assert [q.speaker.name for q in direct] == ["Delia Ortiz"]


def test_a_surname_alone_tells_no_gender_even_when_it_is_also_a_given_name(extract):
    text = "Warren questioned the bank's chief on Tuesday. “You should resign,” she said."
    direct = [q for q in quotes(extract(text)) if q.direct]
    assert [q.speaker.name for q in direct] == ["Warren"]


def test_the_time_of_the_saying_is_not_part_of_the_claim(extract):
    text = "Jo Bloggs told supporters this weekend he would consider it a personal insult."
    assert [q.text for q in quotes(extract(text))] == ["he would consider it a personal insult"]


def test_what_a_judgement_is_for_is_part_of_it(extract):
    text = "His former partner, Lawrence Cummings, called him a master at closing hard deals."
    assert [q.text for q in quotes(extract(text))] == ["him a master at closing hard deals"]


def test_a_member_described_by_party_is_the_person_just_named(extract):
    text = (
        "Sen. Mark Ellery, D-Ore., backed the bill on Tuesday. The Oregon Democrat said "
        "the money was overdue."
    )
    assert [q.speaker.name for q in quotes(extract(text))] == ["Mark Ellery"]
