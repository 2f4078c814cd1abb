"""Funding rules and money normalisation, each with a text of its own."""

from decimal import Decimal

import pytest

from kg.extract.funding import find_money
from kg.extract.lexicon import load_lexicons
from kg.facts import FundingFact


def funding(facts) -> list[FundingFact]:
    return [f for f in facts.facts if isinstance(f, FundingFact)]


def paid_directly(facts) -> list[FundingFact]:
    """The funding facts without the government a paying minister's post is held in."""
    return [f for f in funding(facts) if f.evidence.rule != "funding.office"]


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("a £45 million fund", Decimal(45_000_000), "GBP"),
        ("rose to £1.4m", Decimal(1_400_000), "GBP"),
        ("another £250,000", Decimal(250_000), "GBP"),
        ("a US$2.6bn plan", Decimal(2_600_000_000), "USD"),
        ("just €10k", Decimal(10_000), "EUR"),
        ("A$35m for roads", Decimal(35_000_000), "AUD"),
        # A bare dollar is settled later by the article's country: "?$" until then.
        ("1.2 million dollars", Decimal(1_200_000), "?$"),
        ("$4 billion", Decimal(4_000_000_000), "?$"),
        ("₹500 crore", Decimal(5_000_000_000), "INR"),
        ("Rs 20 lakh", Decimal(2_000_000), "INR"),
        ("a $4.5-billion fund", Decimal(4_500_000_000), "?$"),
        ("half a million pounds", Decimal(500_000), "GBP"),
        ("a quarter of a billion euros", Decimal(250_000_000), "EUR"),
    ],
)
def test_money_is_normalised(text, amount, currency):
    assert [(m.amount, m.currency) for m in find_money(text, load_lexicons())] == [
        (amount, currency)
    ]


def test_vague_amount_keeps_its_currency():
    found = find_money("with tens of millions of pounds for youth clubs", load_lexicons())
    assert [(m.amount, m.currency) for m in found] == [(None, "GBP")]


def test_programme_named_by_the_fund_it_sizes(extract):
    text = "Council leader Ann Ray announced a £3 million Clean Air Fund for schools."
    facts = funding(extract(text))
    assert [(f.funder.name, f.amount, f.currency, f.programme.name) for f in facts] == [
        ("Ann Ray", Decimal(3_000_000), "GBP", "Clean Air Fund")
    ]


def test_funder_resolved_through_the_role_noun(extract):
    text = (
        "Mayor of Bristol Tom Reed visited the school.\n\n"
        "The mayor pledged £500,000 to repair its roof."
    )
    facts = funding(extract(text))
    assert facts and facts[0].funder.name == "Tom Reed"


def test_dollar_follows_the_article_country(extract):
    text = (
        "The Australian government will invest $35m in rural clinics, "
        "Health Minister Mark Butler said in Canberra. Australians welcomed it."
    )
    facts = funding(extract(text))
    assert facts and facts[0].currency == "AUD"


def test_dateline_in_capitals_gives_the_country(extract):
    text = (
        "WELLINGTON — The Government will invest $50 million in a new cancer wing at "
        "Waikeria Hospital, the health minister said on Tuesday."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.currency) for f in facts] == [("New Zealand Government", "NZD")]


@pytest.mark.parametrize(
    "text",
    [
        "Acme Corp agreed to buy its rival for $4bn.",
        "The retailer reported a £30m profit for the year.",
        "The council faces a £12m shortfall next year.",
        "The bank announced a $2bn share buyback.",
    ],
)
def test_money_that_is_not_funding(extract, text):
    assert not funding(extract(text))


def test_company_and_its_legal_form_are_one_funder(extract):
    text = (
        "Microsoft Corp said it would invest $3.2 billion in Sweden. "
        "Microsoft pledged $2.9 billion for Japan earlier this year."
    )
    assert {f.funder.name for f in funding(extract(text))} == {"Microsoft Corp"}


def test_programme_named_after_for(extract):
    text = "Leeds City Council has approved a £30 million fund for the Kirkgate Market."
    facts = funding(extract(text))
    assert facts and facts[0].programme is not None and "Kirkgate Market" in facts[0].programme.name


def test_the_government_is_the_article_countrys_government(extract):
    text = (
        "The £1.2bn Towns Fund, launched by the government in 2019, has paid for new markets "
        "across England."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.programme.name) for f in facts] == [("UK Government", "Towns Fund")]


def test_donation_from_a_foundation(extract):
    text = "A $10m donation from the Carver Family Foundation will fund a new science centre."
    facts = funding(extract(text))
    assert facts and facts[0].funder.name == "Carver Family Foundation"


def test_loan_received_from_the_lender(extract):
    text = "The carmaker received a $465m loan from the Department of Energy in 2010."
    facts = funding(extract(text))
    assert facts and facts[0].funder.name == "Department of Energy"


def test_money_without_a_payer_is_not_a_fact(extract):
    assert not funding(extract("Under the scheme, each school will receive up to £50,000."))


def test_money_spent_buying_back_shares_is_not_funding(extract):
    assert not funding(extract("Shell will spend $4bn buying back shares over the next months."))


def test_funding_round_funds_the_company_that_raised_it(extract):
    text = "London fintech Zilch has raised $125m in a funding round led by Goldman Sachs."
    facts = funding(extract(text))
    assert [(f.funder.name, f.programme.name) for f in facts] == [("Goldman Sachs", "Zilch")]


def test_amount_of_funding_for_a_named_body(extract):
    text = "Chancellor Rachel Reeves announced £22bn of extra funding for the NHS in London."
    facts = funding(extract(text))
    assert [(f.funder.name, f.amount, f.programme.name) for f in facts] == [
        ("Rachel Reeves", Decimal(22_000_000_000), "NHS"),
        ("HM Treasury", Decimal(22_000_000_000), "NHS"),  # the chancellor's department
    ]


def test_award_to_a_university(extract):
    text = "The Wellcome Trust has awarded £20m to the University of Oxford to study malaria."
    facts = funding(extract(text))
    assert facts and facts[0].programme.name == "University of Oxford"


def test_federal_government_is_the_national_government(extract):
    text = (
        "Canberra welcomed the plan.\n\n"
        "The federal government has committed $60m to the Kids Helpline network, "
        "the Australian health minister said."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.amount, f.currency, f.programme.name) for f in facts] == [
        ("Australian Government", Decimal(60_000_000), "AUD", "Kids Helpline network")
    ]


def test_the_council_is_not_the_company_named_last(extract):
    text = (
        "Shares in Brightwell Foods rose on Monday.\n\nThe council has committed £2m to the scheme."
    )
    assert [f.funder.name for f in funding(extract(text))] != ["Brightwell Foods"]


def test_the_council_is_the_council_named_before(extract):
    text = (
        "Leeds City Council met on Monday, after Brightwell Foods closed its plant.\n\n"
        "The council has committed £2m to the Green Streets scheme."
    )
    assert [f.funder.name for f in funding(extract(text))] == ["Leeds City Council"]


def test_it_in_a_reported_clause_is_the_body_that_reports(extract):
    text = (
        "Northgate Energy signed a supply deal with Harwell Logistics on Monday.\n\n"
        "Separately, the Ashby Trust said it would donate $20m to malaria research."
    )
    assert [f.funder.name for f in funding(extract(text))] == ["Ashby Trust"]


def test_spending_on_buybacks_is_not_funding(extract):
    text = "Crestline Oil reported a $3bn profit and said it would spend $1bn on share buybacks."
    assert funding(extract(text)) == []


def test_a_contract_is_a_purchase_not_funding(extract):
    text = "Vantor Marine has secured a £300m contract from the Ministry of Defence."
    assert funding(extract(text)) == []


def test_an_administration_named_after_a_person_is_the_funder(extract):
    text = (
        "WASHINGTON (AP) — The Hale administration on Monday announced $2 billion in grants "
        "to help states repair bridges."
    )
    assert [f.funder.name.lower() for f in funding(extract(text))] == ["hale administration"]


def test_a_state_in_the_dateline_places_a_us_article(extract):
    text = (
        "SACRAMENTO, Calif. — The federal government has pledged $5m to the Delta Levee "
        "program, officials in California said."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.currency) for f in facts] == [("United States Government", "USD")]


def test_a_converted_amount_in_brackets_is_the_same_funding(extract):
    text = "Halverd Robotics has raised $40m (£31m) in a round led by Northgate Capital."
    facts = funding(extract(text))
    assert [(f.amount, f.currency) for f in facts] == [(Decimal(40_000_000), "USD")]


def test_what_raises_the_money_is_what_is_funded(extract):
    text = "Halverd Robotics has raised $40m in a Series B funding round led by Northgate Capital."
    facts = funding(extract(text))
    assert [(f.funder.name, f.programme.name) for f in facts] == [
        ("Northgate Capital", "Halverd Robotics")
    ]


def test_a_funder_ner_ends_on_a_conjunction_is_named_without_it(extract):
    facts = extract(
        "Acme said the purchase would be paid for with a 500 million pound loan "
        "provided by Barclays and HSBC."
    )
    assert all(not f.funder.name.endswith(" and") for f in funding(facts))


def test_the_same_sum_from_the_same_funder_twice_is_one_fact(extract):
    text = (
        "Government unveils $2 billion schools package.\n\n"
        "The Australian government will spend $2 billion over four years on new schools."
    )
    assert len(funding(extract(text))) == 1


def test_the_fund_a_later_sentence_sends_the_money_to_is_the_programme(extract):
    text = (
        "The Australian government will spend $2 billion over four years on new schools. "
        "Education Minister Jason Clare said the money would flow to the states through a new "
        "School Building Fund."
    )
    facts = funding(extract(text))
    assert [f.programme.name if f.programme else None for f in facts] == ["School Building Fund"]


def test_money_given_through_a_fund_names_it_as_the_programme(extract):
    text = "The UK government will provide £24m through the Fleming Fund to track infections."
    facts = funding(extract(text))
    assert facts and facts[0].programme and facts[0].programme.name == "Fleming Fund"


def test_each_sum_is_paid_by_its_own_from_phrase(extract):
    text = (
        "The largest share, £4m, comes from the Science Council, with a further £2m from "
        "the Harbour Trust."
    )
    found = {(f.funder.name, f.amount) for f in extract(text).facts if isinstance(f, FundingFact)}
    assert found == {("Science Council", 4000000), ("Harbour Trust", 2000000)}


def test_a_sum_from_an_unnamed_source_is_not_given_to_another_payer(extract):
    text = "The Science Council gave £4m, and the charity raised a further £2m from local people."
    found = {(f.funder.name, f.amount) for f in extract(text).facts if isinstance(f, FundingFact)}
    assert ("Science Council", 2000000) not in found


def test_money_received_from_a_funders_named_programme_is_that_programme(extract):
    text = "Oldham Council received £2m from the Department for Transport's Active Travel Fund."
    facts = [f for f in extract(text).facts if isinstance(f, FundingFact)]
    assert [(f.funder.name, f.programme.name if f.programme else None) for f in facts] == [
        ("Department for Transport", "Active Travel Fund")
    ]


def test_a_programme_named_before_a_common_noun_is_named_whole(extract):
    text = "The Halden Foundation is providing £400,000 through its Skills for Life programme."
    facts = [f for f in extract(text).facts if isinstance(f, FundingFact)]
    assert [f.programme.name for f in facts if f.programme] == ["Skills for Life programme"]


def test_one_sum_from_one_body_named_two_ways_is_one_fact(extract):
    text = (
        "Energy Department gives $300 million to power plants\n\n"
        "The U.S. Department of Energy on Monday gave $300 million in grants to power plants."
    )
    found = [(f.funder.name, f.amount) for f in funding(extract(text))]
    assert found == [("U.S. Department of Energy", Decimal(300_000_000))]


def test_government_funding_is_paid_by_the_government(extract):
    text = (
        "The UK economy grew last year.\n\n"
        "Ferry operators will receive £40m of government funding to replace old boats."
    )
    found = [(f.funder.name, f.amount) for f in funding(extract(text))]
    assert found == [("UK Government", Decimal(40_000_000))]


def test_the_money_comes_from_a_named_fund(extract):
    text = (
        "The Scottish Government will give £12m to island ports. "
        "The money comes from the Island Harbours Fund."
    )
    found = funding(extract(text))
    assert [f.programme.name for f in found if f.programme] == ["Island Harbours Fund"]


def test_money_sent_to_a_named_fund_is_paid_by_who_says_so(extract):
    text = (
        "The Welsh health minister, Owen Price, spoke in Cardiff. "
        "Another £90m will go to the Rural Clinics Fund, Mr Price said, with more next year."
    )
    found = [(f.funder.name, f.amount, f.programme.name) for f in paid_directly(extract(text))]
    assert found == [("Owen Price", Decimal(90_000_000), "Rural Clinics Fund")]


def test_money_that_goes_to_a_club_is_no_funding(extract):
    text = "The transfer fee of £9m will go to Harrow Rovers, the chairman said."
    assert funding(extract(text)) == []


def test_money_from_an_owned_fund_is_paid_by_its_owner(extract):
    text = (
        "The Department for Education said it would give the trust £2.5m from its "
        "Holiday Meals Fund to run summer clubs."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.amount, f.programme.name) for f in facts] == [
        ("Department for Education", Decimal(2_500_000), "Holiday Meals Fund")
    ]


def test_sizes_of_each_grant_are_not_sums_paid(extract):
    text = (
        "Transport Minister Ann Ray pledged A$80 million for a new Country Bridges Fund, "
        "with grants of between A$100,000 and A$2 million. Councils can also seek loans of "
        "up to A$1 million each."
    )
    facts = paid_directly(extract(text))
    assert [(f.funder.name, f.amount) for f in facts] == [("Ann Ray", Decimal(80_000_000))]


def test_a_headline_sum_the_body_repeats_is_one_fact(extract):
    text = (
        "Britain pledges £12m for flood defences\n\n"
        "Environment Secretary Ann Ray has pledged £12m for the Coastal Defence Fund, "
        "the department said."
    )
    facts = paid_directly(extract(text))
    assert [(f.funder.name, f.amount, f.programme.name) for f in facts] == [
        ("Ann Ray", Decimal(12_000_000), "Coastal Defence Fund")
    ]


def test_a_later_sentence_names_the_money_or_the_scheme(extract):
    text = (
        "Harlow District Council will spend £2m on a new youth programme.\n\n"
        "The scheme, called Safe Spaces, was approved on Tuesday.\n\n"
        "Transport Secretary Jo Dale said the UK government would spend £90m on buses.\n\n"
        "The money, from a new Village Transport Fund, will be shared among councils."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.amount, f.programme.name) for f in facts] == [
        ("Harlow District Council", Decimal(2_000_000), "Safe Spaces"),
        ("UK Government", Decimal(90_000_000), "Village Transport Fund"),
    ]


def test_a_payer_listed_without_its_verb_pays_its_own_sum(extract):
    text = "Ohio has committed $230 million and Kentucky $190 million to the new bridge."
    facts = funding(extract(text))
    assert [(f.funder.name, f.amount) for f in facts] == [
        ("Ohio", Decimal(230_000_000)),
        ("Kentucky", Decimal(190_000_000)),
    ]


def test_money_put_into_a_named_fund_is_funding(extract):
    text = "In Scotland, the Scottish Government said it would put £8m into its Ferries Fund."
    facts = funding(extract(text))
    assert [(f.funder.name, f.amount, f.programme.name) for f in facts] == [
        ("Scottish Government", Decimal(8_000_000), "Ferries Fund")
    ]


def test_a_share_buyback_is_not_funding_however_it_is_parsed(extract):
    text = "Kestrel Foods said profits fell and launched a £150m share buyback to reassure them."
    assert funding(extract(text)) == []


def test_who_reports_money_taken_or_announced_does_not_pay_it(extract):
    text = (
        "Opposition spokesman Tom Vale claimed that £6m of the money had been taken from "
        "another fund. Ann Ray said that the Housing Fund had been announced with a $1 billion "
        "budget."
    )
    assert funding(extract(text)) == []


def test_the_government_of_a_state_story_is_the_states(extract):
    text = (
        "SYDNEY — The NSW government will spend $310 million on new roads in Australia's "
        "largest city, Premier Dan Cole said.\n\n"
        "Housing Minister Lee Ha said the government would also give the council $2.5 "
        "million to hire planners."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.amount) for f in facts] == [
        ("NSW Government", Decimal(310_000_000)),
        ("NSW Government", Decimal(2_500_000)),
    ]


def test_the_state_government_is_the_state_named_last(extract):
    text = (
        "CANBERRA — Australia's federal government pledged A$120 million for country roads.\n\n"
        "Queensland's Transport Minister, Shane Holt, said the state government would "
        "contribute A$20 million to the Outback Roads Fund."
    )
    facts = funding(extract(text))
    assert ("Queensland Government", Decimal(20_000_000)) in [
        (f.funder.name, f.amount) for f in facts
    ]


def test_a_grant_from_a_bodys_named_programme_is_paid_by_the_body(extract):
    text = "The trust has a £2m grant from Homes England’s Affordable Homes Programme."
    facts = funding(extract(text))
    assert [(f.funder.name, f.programme.name) for f in facts] == [
        ("Homes England", "Affordable Homes Programme")
    ]


def test_a_bare_dollar_beside_another_countrys_marked_dollar_is_the_home_one(extract):
    text = (
        "SYDNEY — Harbour University will sell its Auckland campus for NZ$62 million. The "
        "Auckland sale follows talks in Auckland and Wellington with New Zealand officials.\n\n"
        "The Ngaio Foundation has donated $20 million to set up a clinical school in Sydney."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.currency) for f in facts] == [("Ngaio Foundation", "AUD")]


def test_a_province_named_like_a_country_places_the_article_by_its_full_name():
    lex = load_lexicons()
    text = "Loggers in British Columbia fear the duty. British Columbia exports most lumber."
    assert lex.article_country(text) == "CA"


def test_a_state_government_or_shire_named_alone_places_an_australian_article(extract):
    text = (
        "The Victorian Government will spend $12 million on new levees. "
        "Wombelong Shire Council said the money was welcome."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.currency) for f in facts] == [("Victorian Government", "AUD")]


def test_a_round_valuing_the_company_is_still_funding(extract):
    text = (
        "Quillby has raised $85 million in a funding round led by Northpass Capital, "
        "valuing the company at $1.1 billion."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.amount) for f in facts] == [
        ("Northpass Capital", Decimal(85_000_000))
    ]


def test_a_body_named_with_a_country_is_the_body_not_the_country(extract):
    text = "Quillby received a £1.4 million grant from Innovate UK to develop its software."
    facts = funding(extract(text))
    assert [f.funder.name for f in facts] == ["Innovate UK"]


def test_a_charitable_arm_named_in_apposition_pays(extract):
    text = "Last month its charitable arm, the Quillby Foundation, pledged €10k to a coding club."
    facts = funding(extract(text))
    assert [(f.funder.name, f.currency) for f in facts] == [("Quillby Foundation", "EUR")]


def test_a_fund_named_in_the_next_sentence_is_the_programme(extract):
    text = (
        "The Chancellor, Ann Ray, has announced a £1.2bn fund to regenerate coastal towns "
        "in England.\n\n"
        "The Coastal Towns Renewal Fund will run for five years.\n\n"
        "The Treasury said the fund was part of a wider £5bn regeneration programme."
    )
    facts = paid_directly(extract(text))
    assert [(f.funder.name, f.amount, f.programme.name) for f in facts] == [
        ("Ann Ray", Decimal(1_200_000_000), "Coastal Towns Renewal Fund")
    ]


def test_money_under_a_scheme_known_by_a_name_is_that_programme(extract):
    text = (
        "Under the scheme, known as the Rural Practice Programme, the Scottish government "
        "will also provide £12m in capital grants to health boards."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.programme.name) for f in facts] == [
        ("Scottish Government", "Rural Practice Programme")
    ]


def test_grants_others_use_to_buy_things_are_still_funding(extract):
    text = "The Welsh Government will provide £12m in capital grants to health boards to buy homes."
    facts = funding(extract(text))
    assert [(f.funder.name, f.amount) for f in facts] == [("Welsh Government", Decimal(12_000_000))]


def test_what_a_body_is_before_its_name_is_not_its_name(extract):
    text = "Existing investor Renwald AG also took part, investing 30 million euros in the round."
    facts = funding(extract(text))
    assert [f.funder.name for f in facts] == ["Renwald AG"]


def test_a_country_that_pays_is_its_government_and_no_agency_named_after_it(extract):
    text = (
        "OTTAWA (Reuters) - Canada will provide C$1.2 billion to help its forestry industry, "
        "Trade Minister Claire Beaulieu said.\n\n"
        "Canada exported C$8.4 billion of lumber last year, according to Statistics Canada."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.amount) for f in facts] == [
        ("Government of Canada", Decimal(1_200_000_000))
    ]


def test_a_fund_the_money_goes_to_a_few_words_on_takes_the_later_name(extract):
    text = (
        "CANBERRA — The Australian government will spend A$3.1 billion over four years on a "
        "new fund to build 20,000 homes.\n\n"
        "The Social Housing Fund will be run by a new agency."
    )
    facts = funding(extract(text))
    assert [(f.amount, f.programme.name) for f in facts] == [
        (Decimal(3_100_000_000), "Social Housing Fund")
    ]


def test_a_grant_under_a_programme_run_by_a_body_is_paid_by_that_body(extract):
    text = (
        "The company has also been awarded a 45 million euro grant under the German "
        "government's Battery Innovation Programme, which is run by the Federal Ministry for "
        "Economic Affairs, she said."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.currency, f.programme.name) for f in facts] == [
        ("Federal Ministry for Economic Affairs", "EUR", "Battery Innovation Programme")
    ]


def test_a_fund_named_later_whose_name_the_parser_heads_on_its_first_word(extract):
    text = (
        "The federal government will spend A$2.4 billion over four years on a new fund to "
        "build homes in regional Queensland, Housing Minister Jo Bloggs said.\n\n"
        "The Homes for Regions Fund will be administered by a housing agency."
    )
    facts = funding(extract(text))
    assert [f.programme.name if f.programme else None for f in facts] == ["Homes for Regions Fund"]


def test_a_package_named_in_the_next_sentence_is_the_programme(extract):
    text = (
        "The Canadian government will spend C$900 million to support sawmill towns.\n\n"
        "The package, called the Timber Towns Fund, includes loan guarantees for mills."
    )
    facts = funding(extract(text))
    assert [f.programme.name if f.programme else None for f in facts] == ["Timber Towns Fund"]


def test_money_received_through_a_named_initiative_is_that_programme(extract):
    text = (
        "Dunmore District Council will receive £800,000 from the Home Office through its "
        "Safer Nights Initiative, officials said."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.programme.name if f.programme else None) for f in facts] == [
        ("Home Office", "Safer Nights Initiative")
    ]


def test_the_money_spent_under_a_named_programme_is_that_programme(extract):
    text = (
        "Dunmore District Council has pledged £900,000 to tackle rough sleeping.\n\n"
        "The money will pay for 30 emergency beds under the council's Homes First "
        "programme, which starts in May."
    )
    facts = funding(extract(text))
    assert [f.programme.name if f.programme else None for f in facts] == ["Homes First programme"]


def test_a_nations_ministers_are_its_government(extract):
    text = "Welsh ministers have announced a £30 million fund to keep rural pharmacies open."
    facts = funding(extract(text))
    assert [f.funder.name for f in facts] == ["Welsh Government"]


def test_payments_of_up_to_an_amount_size_each_payment(extract):
    text = (
        "The Welsh Government will offer relocation payments of up to £15,000 to nurses "
        "who move to rural Powys."
    )
    assert funding(extract(text)) == []


def test_a_phrase_of_something_listed_beside_the_money_names_no_payer(extract):
    text = (
        "The Dunmore City Council voted 5-4 to create a $9 million housing fund, overriding "
        "objections from Mayor Ruth Okafor, who warned that the money would strain the budget."
    )
    facts = funding(extract(text))
    assert [f.funder.name for f in facts] == ["Dunmore City Council"]


def test_the_government_of_a_story_led_by_a_state_premier_is_the_states(extract):
    text = (
        "Tasmanian Premier Jo Bloggs has announced a plan to reopen two hospitals in Hobart.\n\n"
        "Health Minister Ann Lee said the government would also provide $45 million to the "
        "Rural Nurses Program."
    )
    facts = funding(extract(text))
    assert [f.funder.name for f in facts] == ["Tasmanian Government"]


def test_a_programme_named_first_in_the_next_sentence_is_what_the_sum_pays_for(extract):
    text = (
        "The Tasmanian government will spend $20 million over four years to put nurses in "
        "country schools in Hobart and Launceston.\n\n"
        "Premier Jo Bloggs announced the School Nurses Program in Devonport on Monday."
    )
    facts = funding(extract(text))
    assert [f.programme.name if f.programme else None for f in facts] == ["School Nurses Program"]


def test_a_share_of_a_package_already_counted_is_no_new_funding(extract):
    text = (
        "The Welsh Government will spend £400m on rural buses. It said £90m of the package "
        "would be spent in the first year."
    )
    facts = funding(extract(text))
    assert [f.amount for f in facts] == [Decimal(400_000_000)]


def test_money_spent_lobbying_is_not_funding(extract):
    text = "Acme Farms spent about $250,000 lobbying against the bill this year."
    assert funding(extract(text)) == []


def test_the_commonwealth_in_an_australian_story_is_the_federal_government(extract):
    text = (
        "Federal Infrastructure Minister Jo Bloggs said the Commonwealth would contribute "
        "A$38 million to the Bega bypass in New South Wales."
    )
    facts = funding(extract(text))
    assert [f.funder.name for f in facts] == ["Australian Government"]


def test_money_put_into_an_unnamed_scheme_is_funding(extract):
    text = "The government will put £30 million into a flood defence scheme in Cumbria, England."
    facts = funding(extract(text))
    assert [(f.funder.name, f.amount) for f in facts] == [("UK Government", Decimal(30_000_000))]


def test_a_marked_dollar_places_an_article_that_names_no_country_we_know():
    lex = load_lexicons()
    text = "Ministers will put NZ$30 million into a dam near Hastings. It will cost $90 million."
    assert lex.article_country(text) == "NZ"


def test_a_named_public_fund_that_pays_is_the_paying_governments(extract):
    text = (
        "The Scottish Government will put £30 million into a water scheme in the Highlands.\n\n"
        "The money comes from the Rural Water Fund, a £400 million pot set up last year."
    )
    facts = funding(extract(text))
    assert {(f.funder.name, f.programme.name if f.programme else None) for f in facts} >= {
        ("Scottish Government", "Rural Water Fund")
    }
    assert not any(f.funder.name == "Rural Water Fund" for f in facts)


def test_a_further_sum_pays_for_what_the_sum_before_it_paid_for(extract):
    text = (
        "The Welsh Government will give £10m to the Valleys Bus Fund. A further £4m will come "
        "from Taf Valley Council."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.programme.name if f.programme else None) for f in facts] == [
        ("Welsh Government", "Valleys Bus Fund"),
        ("Taf Valley Council", "Valleys Bus Fund"),
    ]


def test_the_authority_is_the_authority_named_before(extract):
    text = (
        "The Kelbrook Combined Authority met on Monday. The authority will spend £12.4 million "
        "on a park-and-ride site."
    )
    facts = funding(extract(text))
    assert [f.funder.name for f in facts] == ["Kelbrook Combined Authority"]


def test_a_sum_in_a_sentence_about_the_scheme_pays_for_the_one_programme_named(extract):
    text = (
        "Ministers said the Tarn Valley Water Project would protect farms from drought.\n\n"
        "Cumbria County Council voted last month to contribute £18m, to be repaid from charges "
        "on farms that benefit from the scheme."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.programme.name if f.programme else None) for f in facts] == [
        ("Cumbria County Council", "Tarn Valley Water Project")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Brannock Foods made a profit of £412m. It also announced a £250m share buyback, "
        "sending its shares up 4 per cent.",
        "Jo Bloggs, who led the firm's investment in Plugwise before its $480 million sale to "
        "Kestrel Energy last year, said storage mattered.",
        "Harbourline Ventures, which manages about $2 billion, closed its third climate fund "
        "at $650 million in March.",
    ],
)
def test_money_named_by_the_words_after_it_as_no_funding(extract, text):
    assert funding(extract(text)) == []


def test_money_received_with_no_payer_is_paid_by_the_owner_of_the_storys_fund(extract):
    text = (
        "Twelve market towns in England are to share £30m to restore their high streets.\n\n"
        "The money comes from the Market Towns Renewal Fund, which is run by the Department "
        "for Levelling Up.\n\n"
        "Bridport will receive the largest single award, £2.1m, to repair its market hall."
    )
    facts = funding(extract(text))
    assert {(f.funder.name, f.amount) for f in facts} == {
        ("Department for Levelling Up", Decimal(30_000_000)),
        ("Department for Levelling Up", Decimal(2_100_000)),
    }


def test_money_a_candidate_raised_is_not_paid_by_the_storys_fund(extract):
    text = (
        "The money comes from the Flood Resilience Fund, which is run by the Environment "
        "Agency.\n\nThe candidate raised $2.3 million in the third quarter."
    )
    assert funding(extract(text)) == []


def test_the_body_a_bill_directs_to_distribute_money_pays_it(extract):
    text = (
        "A Senate committee advanced a bill that would direct the Commerce Department to "
        "distribute $4.5 billion in grants to rural areas."
    )
    facts = funding(extract(text))
    assert [f.funder.name for f in facts] == ["Commerce Department"]


def test_the_fund_the_money_goes_into_beats_the_charity_it_was_given_to(extract):
    text = (
        "Separately, the Harwood Foods Foundation, the company's charitable arm, will give £5m "
        "over three years to the Community Larder Network, a charity that supplies food "
        "banks. The money will go into a new Food Bank Resilience Fund, which pays for vans."
    )
    facts = funding(extract(text))
    assert [f.programme.name if f.programme else None for f in facts] == [
        "Food Bank Resilience Fund"
    ]


def test_a_body_whose_name_pairs_two_remits_is_named_whole(extract):
    text = "The Arts and Humanities Research Council will provide £6.8m to set up the centre."
    facts = funding(extract(text))
    assert [f.funder.name for f in facts] == ["Arts and Humanities Research Council"]


def test_a_paired_remit_ner_called_a_body_of_its_own_is_part_of_the_name(extract):
    body = "Biotechnology and Biological Sciences Research Council"
    facts = funding(extract(f"The project secured £4m from the {body}."))
    assert [f.funder.name for f in facts] == [body]


def test_a_provinces_government_by_its_own_name(extract):
    text = "The Manitoba government says it will spend $60 million on rural doctors in Canada."
    facts = funding(extract(text))
    assert [f.funder.name for f in facts] == ["Government of Manitoba"]


def test_a_programme_named_at_the_start_of_a_sentence_drops_the_article(extract):
    text = (
        "The Queensland Government will spend $85 million to make homes in Cairns safer.\n\n"
        "The Resilient Homes North program will offer grants to households."
    )
    facts = funding(extract(text))
    assert [f.programme.name if f.programme else None for f in facts] == [
        "Resilient Homes North program"
    ]


def test_money_spent_to_make_something_is_funding(extract):
    text = "The Welsh Government will spend £8m to make village halls warmer."
    facts = funding(extract(text))
    assert [(f.funder.name, f.amount) for f in facts] == [("Welsh Government", Decimal(8_000_000))]


def test_a_sum_the_budget_also_includes_is_paid_by_whoever_put_the_budget_forward(extract):
    text = (
        "COLUMBUS, Ohio (AP) — Gov. Jo Bloggs on Monday proposed spending $250 million on "
        "child care.\n\n"
        "The two-year budget also includes $2.5 million for the Rural Care Pilot."
    )
    facts = paid_directly(extract(text))
    assert [(f.funder.name, f.amount, f.programme.name if f.programme else None) for f in facts][
        -1
    ] == ("Jo Bloggs", Decimal(2_500_000), "Rural Care Pilot")
    assert not any(f.amount > Decimal(250_000_000) for f in facts)


def test_other_awards_a_story_lists_are_paid_by_its_funds_owner(extract):
    text = (
        "The money comes from the Market Towns Renewal Fund, which is run by the Department "
        "for Levelling Up.\n\n"
        "Other awards include £2.75m for Skegness and £1.9m for Whitby."
    )
    facts = funding(extract(text))
    assert {(f.funder.name, f.amount) for f in facts} >= {
        ("Department for Levelling Up", Decimal(2_750_000))
    }


def test_the_money_comes_through_a_programme_named_by_a_compound_of_a_compound(extract):
    text = (
        "The U.S. Department of Transportation awarded the city an $18.5 million grant.\n\n"
        "The federal money comes through the department's RAISE grant program, which funds "
        "local road projects."
    )
    facts = funding(extract(text))
    assert [f.programme.name if f.programme else None for f in facts] == ["RAISE grant program"]


def test_a_name_ner_took_for_a_place_in_apposition_to_a_post_is_a_person(extract):
    text = (
        "Leitrim County Council's chief executive, Declan Furey, said the council would "
        "contribute €150,000 of its own funds to help businesses, in Ireland."
    )
    facts = funding(extract(text))
    assert [f.funder.name for f in facts] == ["Leitrim County Council"]


def test_a_sum_the_funding_holds_is_paid_by_its_own_source(extract):
    text = "The new funding also includes £300,000 from the Pendle Trust for school libraries."
    facts = funding(extract(text))
    assert [(f.funder.name, f.amount) for f in facts] == [("Pendle Trust", 300000)]


def test_a_programme_named_further_on_in_its_sentence(extract):
    text = (
        "The Merrow Foundation will give £2m for a programme of nursing bursaries, "
        "to be known as the Merrow Bursaries, from next year."
    )
    facts = funding(extract(text))
    assert [f.programme.name if f.programme else None for f in facts] == ["Merrow Bursaries"]


def test_the_last_sum_of_a_list_of_awards_is_paid_like_the_others(extract):
    text = (
        "Ten towns are to share £20m. The money comes from the Harbour Towns Fund, which is "
        "run by the Department for Transport. Other awards include £2.75m for Girvan, "
        "£1.9m for Whitby and £850,000 for Port Logan."
    )
    facts = funding(extract(text))
    assert [f.amount for f in facts][1:] == [2750000, 1900000, 850000]


def test_money_paid_through_a_settlement_is_funding(extract):
    # "settlement" sizes no money here: it is what the money comes through
    text = "The Department for Transport has awarded the region £1.1bn through the settlement."
    facts = funding(extract(text))
    assert [(f.funder.name, f.amount) for f in facts] == [("Department for Transport", 1100000000)]


def test_money_paid_through_the_thing_a_name_gave_earlier_pays_for_that_name(extract):
    text = (
        "Most of the money comes from the Northern Rail Renewal Settlement. "
        "The Department for Transport has awarded the region £900m through the settlement."
    )
    facts = funding(extract(text))
    assert [f.programme.name if f.programme else None for f in facts] == [
        "Northern Rail Renewal Settlement"
    ]


def test_money_spent_on_a_named_fund_pays_for_it(extract):
    text = "The Welsh Government will spend £20m over three years on a new Rural Bus Fund."
    facts = funding(extract(text))
    assert [f.programme.name if f.programme else None for f in facts] == ["Rural Bus Fund"]


def test_a_share_of_a_sized_budget_and_the_budget_are_no_new_funding(extract):
    text = (
        "The Energy Department's program has now committed $2.1 billion of its $5 billion "
        "budget, according to department figures."
    )
    assert funding(extract(text)) == []


def test_a_named_fund_in_an_aside_of_its_sentence_is_the_programme(extract):
    text = (
        "The Department of Energy on Tuesday awarded $1.2 billion in grants to five firms, "
        "the largest round of awards under its Grid Storage Manufacturing Program."
    )
    facts = funding(extract(text))
    assert [f.programme.name if f.programme else None for f in facts] == [
        "Grid Storage Manufacturing Program"
    ]


def test_a_named_fund_given_with_its_owner_is_the_owners_money(extract):
    text = (
        "The council accepted a $3 million grant from the U.S. Department of Justice's "
        "Safer Neighborhoods Initiative, which will fund youth workers."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.programme.name if f.programme else None) for f in facts] == [
        ("U.S. Department of Justice", "Safer Neighborhoods Initiative")
    ]


def test_a_named_fund_that_pays_as_a_subject_is_its_owners(extract):
    text = (
        "The U.S. Department of Agriculture runs several schemes. Records show that the "
        "department’s Clean Rivers Partnership Program committed $80 million last year to a "
        "water project."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.programme.name if f.programme else None) for f in facts] == [
        ("U.S. Department of Agriculture", "Clean Rivers Partnership Program")
    ]


def test_the_state_that_pays_is_the_us_state_the_article_is_about(extract):
    text = (
        "LANSING, Mich. (AP) — Michigan lawmakers agreed a budget on Tuesday. Under the deal, "
        "the state will put $300 million into the Michigan Housing Opportunity Fund, a "
        "program created last year to build homes, and $60 million into a new School "
        "Counselor Grant program that will pay for counselors."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.programme.name if f.programme else None) for f in facts] == [
        ("Michigan", "Michigan Housing Opportunity Fund"),
        ("Michigan", "School Counselor Grant program"),
    ]


def test_a_prime_ministers_government_that_pays_is_the_nations(extract):
    text = (
        "OTTAWA (Reuters) - Canada will help Halifax build homes. The money is part of a "
        "C$3 billion national program launched by Prime Minister Ann Whitby's Liberal "
        "government in 2023."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.amount) for f in facts] == [("Government of Canada", 3000000000)]


def test_a_foundations_endowment_is_no_funding(extract):
    text = "The Kerr Foundation, which has an endowment of about $300m, gave $2m to a school."
    assert [f.amount for f in funding(extract(text))] == [2000000]


def test_each_listed_sum_goes_to_its_own_recipient(extract):
    text = (
        "The Kerr Foundation will give Tacoma Public Schools $1m. The foundation also "
        "awarded $200,000 to Boise Literacy Project, a charity that trains volunteer reading "
        "coaches, and $80,000 to the Idaho Chess Association."
    )
    facts = funding(extract(text))
    assert [f.programme.name if f.programme else None for f in facts][1:] == [
        "Boise Literacy Project",
        "Idaho Chess Association",
    ]


def test_money_granted_under_a_law_is_paid_through_it(extract):
    text = (
        "The US Department of Commerce finalised a $450mn grant to Corvane under the Chips "
        "and Science Act to expand its plant."
    )
    facts = funding(extract(text))
    assert [f.programme.name if f.programme else None for f in facts] == ["Chips and Science Act"]


def test_further_money_set_aside_with_no_payer_is_paid_by_the_payer_before(extract):
    text = (
        "The Scottish Government has committed £800m over the next decade to improve rail "
        "services. A further £12m has been set aside for the Active Travel Fund to build "
        "cycle paths."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.amount) for f in facts] == [
        ("Scottish Government", 800000000),
        ("Scottish Government", 12000000),
    ]


def test_a_phase_worth_a_sum_is_part_of_the_money_before(extract):
    text = (
        "The Scottish Government has committed £800m over the next decade to improve rail "
        "services. The first phase, worth £60m, will pay for new electric trains."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.amount) for f in facts] == [
        ("Scottish Government", 800000000),
        ("Scottish Government", 60000000),
    ]


def test_money_set_aside_to_cover_payouts_is_no_funding(extract):
    text = (
        "Carlow Bank set aside a further £300 million to cover potential payouts to "
        "customers who were mis-sold loans."
    )
    assert funding(extract(text)) == []


def test_a_budget_that_sets_money_aside_is_paid_by_its_proposer(extract):
    text = (
        "Dayton City Council approved a $90 million budget on Monday. The budget sets aside "
        "$1.2 million to hire new officers."
    )
    facts = funding(extract(text))
    assert ("Dayton City Council", 1200000) in {(f.funder.name, f.amount) for f in facts}


def test_two_governments_that_fund_together_each_pay(extract):
    text = (
        "The federal and NSW governments will jointly fund a $30 million bypass of Emu Flat, "
        "ending a long campaign by Australian truckies."
    )
    facts = funding(extract(text))
    assert sorted(f.funder.name for f in facts) == ["Australian Government", "NSW Government"]


def test_funding_a_project_described_by_its_place_pays_for_it(extract):
    text = (
        "The NSW Government will fund a $12 million bypass of Tumbarumba, the roads minister said."
    )
    facts = funding(extract(text))
    assert [f.programme.name if f.programme else None for f in facts] == ["bypass of Tumbarumba"]


def test_its_own_funds_are_the_subjects(extract):
    text = (
        "The Donegal TD said the scheme was too small. Sligo County Council's chief "
        "executive, Ann Furey, said the council would contribute €200,000 of its own funds."
    )
    facts = funding(extract(text))
    assert [f.funder.name for f in facts] == ["Sligo County Council"]


def test_money_put_towards_a_home_buy_back_is_funding(extract):
    text = "Cairns Regional Council agreed to put $9 million towards a voluntary buy-back of homes."
    facts = funding(extract(text))
    assert [(f.funder.name, f.amount) for f in facts] == [("Cairns Regional Council", 9000000)]


def test_what_the_budget_also_includes_is_paid_by_the_budgets_government(extract):
    text = (
        "The Queensland government will spend $85 million helping homeowners, under a "
        "measure in Tuesday's state budget. The Australian Government will contribute $20 "
        "million from its Disaster Ready Fund. The budget also includes $4.5 million for "
        "flood gauges."
    )
    facts = funding(extract(text))
    assert (("Queensland Government", 4500000)) in {(f.funder.name, f.amount) for f in facts}


def test_a_running_total_is_no_new_funding(extract):
    text = (
        "Ottawa will provide C$20 million under the Canada Health Workforce Agreement, "
        "bringing the combined investment to more than $70 million."
    )
    facts = funding(extract(text))
    assert [(f.amount, f.programme.name if f.programme else None) for f in facts] == [
        (20000000, "Canada Health Workforce Agreement")
    ]


ROUNDS_STORY = (
    "Ledgerly previously raised a $10M seed round from Harrow Ventures in 2021 and a $28 "
    "million Series A led by Pinecrest Capital last year. Ledgerly Corp also received a "
    "$1.2 million Small Business Innovation Research grant from the National Science "
    "Foundation. "
    "Fintech startups raised $9.4 billion in venture funding last year, according to data "
    "from research firm Dealbook."
)


def test_each_funding_round_is_paid_by_its_own_lead(extract):
    facts = funding(extract(ROUNDS_STORY))
    paid = {(f.funder.name, f.amount) for f in facts}
    assert ("Harrow Ventures", 10000000) in paid
    assert ("Pinecrest Capital", 28000000) in paid


def test_a_named_grant_received_is_the_programme(extract):
    facts = funding(extract(ROUNDS_STORY))
    grant = next(f for f in facts if f.amount == 1200000)
    assert (
        grant.programme is not None and "Small Business Innovation Research" in grant.programme.name
    )


def test_who_reports_money_raised_does_not_pay_it(extract):
    facts = funding(extract(ROUNDS_STORY))
    assert not any(f.funder.name == "Dealbook" for f in facts)


def test_the_state_of_a_named_state_that_pays_is_that_state(extract):
    text = (
        "Separately, the state of Arizona said it would provide Corvane $60mn in job-training "
        "grants tied to the expansion."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.amount) for f in facts] == [("Arizona", 60000000)]


def test_money_a_relative_clause_sets_aside_is_paid_by_its_subject(extract):
    text = (
        "For two years, the $12 billion that Congress set aside in the Clean Farms Act for "
        "soil conservation has been one of the least controversial parts of the law."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.amount) for f in facts] == [("Congress", 12000000000)]


def test_a_programme_the_moneys_purpose_runs_is_what_it_pays_for(extract):
    text = (
        "The Kestrel Foundation pledged $2 million over three years to run a literacy program "
        "at the county's libraries called Read Forward."
    )
    facts = funding(extract(text))
    assert [f.programme.name if f.programme else None for f in facts] == ["Read Forward"]


def test_what_the_money_sets_up_by_the_name_it_will_bear(extract):
    text = (
        "The Wattle Foundation has donated $15 million to set up a rural nursing school in "
        "Dubbo, to be named the Hargreave Rural Nursing School."
    )
    facts = funding(extract(text))
    assert [f.programme.name if f.programme else None for f in facts] == [
        "Hargreave Rural Nursing School"
    ]


def test_a_sum_ending_a_sentence_ends_it(extract):
    text = (
        "The Ministry of Justice announced the grants on Monday. The department has awarded "
        "Leeds City Council £1.9m. Bradford Council gets nothing."
    )
    facts = funding(extract(text))
    assert [(f.funder.name, f.amount) for f in facts] == [("Ministry of Justice", 1900000)]


def test_money_received_from_one_owners_funds_is_paid_by_the_owner(extract):
    text = (
        "Councils will share £40 million, the Ministry of Housing announced. The money comes "
        "from the department's Rough Sleeping Initiative. Leeds City Council will receive "
        "£2.1m. Shelter will receive £900,000 from the department's Winter Pressures Fund."
    )
    paid = {(f.funder.name, f.amount) for f in funding(extract(text))}
    assert ("Ministry of Housing", 2100000) in paid


def test_more_money_added_to_a_plan_is_paid_by_the_body_it_comes_from(extract):
    text = (
        "Kirklees Council will spend £9 million on its Pothole Action Plan. A further £2m will "
        "be added to the plan this year. The money comes from the Department for Transport."
    )
    paid = {(f.funder.name, f.amount) for f in funding(extract(text))}
    assert paid == {("Kirklees Council", 9000000), ("Department for Transport", 2000000)}


def test_a_further_sum_that_was_cut_is_no_funding(extract):
    text = (
        "Kirklees Council will spend £9 million on its Pothole Action Plan. A further £2m was "
        "cut from the libraries budget."
    )
    assert [f.amount for f in funding(extract(text))] == [9000000]


def test_money_received_is_paid_through_the_named_fund_of_the_sum_before(extract):
    text = (
        "The Department of Rural Affairs has allocated €20 million to 10 projects under the "
        "Rural Regeneration Fund. Offaly County Council will receive €5.2m to build a library. "
        "A further €3m for peatland towns comes from the EU's Just Transition Fund."
    )
    paid = {(f.funder.name, f.amount) for f in funding(extract(text))}
    assert ("Department of Rural Affairs", 5200000) in paid


CITY_GRANT_STORY = (
    "TOLEDO, Ohio — The U.S. Department of Transportation has awarded the city of Toledo a "
    "$12 million grant to rebuild Monroe Street. Of the total, $3 million will go to new bus "
    "shelters. The city will put up $2.5 million of its own money as a local match, and "
    "Lucas County commissioners pledged another $900,000 for lighting."
)


def test_a_share_of_the_total_is_paid_by_the_payer_before(extract):
    paid = {(f.funder.name, f.amount) for f in funding(extract(CITY_GRANT_STORY))}
    assert ("U.S. Department of Transportation", 3000000) in paid


def test_the_city_putting_up_its_own_money_pays_it(extract):
    paid = {(f.funder.name, f.amount) for f in funding(extract(CITY_GRANT_STORY))}
    assert ("Toledo", 2500000) in paid


def test_county_commissioners_pledge_the_countys_money(extract):
    paid = {(f.funder.name, f.amount) for f in funding(extract(CITY_GRANT_STORY))}
    assert ("Lucas County", 900000) in paid


def test_shares_of_a_gift_pay_for_what_each_creates_or_is_named(extract):
    text = (
        "The Harwood Family Foundation has donated $60 million to the University of Leeds and "
        "its children's hospital.\n\nOf the total, $40 million will go to the university to "
        "create the Harwood Institute for Brain Health. The remaining $20 million will pay for "
        "a new neonatal unit at the hospital, to be named the Harwood Newborn Centre."
    )
    facts = funding(extract(text))
    assert [(f.amount, f.programme.name if f.programme else None) for f in facts][1:] == [
        (40000000, "Harwood Institute for Brain Health"),
        (20000000, "Harwood Newborn Centre"),
    ]


def test_a_grant_comes_from_the_sized_fund_named_after_it(extract):
    text = (
        "Separately, Voltex has won a £1.2m grant from Innovate UK to build a pilot line in "
        "Suffolk. The grant comes from the £25m Battery Scale-Up Fund, run by Innovate UK."
    )
    facts = funding(extract(text))
    found = {(f.amount, f.programme.name if f.programme else None) for f in facts}
    assert (25000000, "Battery Scale-Up Fund") in found
    assert any(a == 1200000 and p and p.endswith("Scale-Up Fund") for a, p in found)


def test_awards_in_a_named_round_of_grants_are_paid_through_it(extract):
    text = (
        "Arts Council England has awarded £1.8 million to 30 arts organisations in the North "
        "West in its latest round of National Lottery Project Grants.\n\nBolton Youth Choir "
        "will receive £42,500 for a year of free singing lessons."
    )
    facts = funding(extract(text))
    assert [
        (f.funder.name, f.amount, f.programme.name if f.programme else None) for f in facts
    ] == [
        ("Arts Council England", 1800000, "National Lottery Project Grants"),
        ("Arts Council England", 42500, "National Lottery Project Grants"),
    ]


def test_the_package_announced_before_pays_through_its_announcer(extract):
    text = (
        "Gov. Marisol Keane on Monday proposed spending $200 million of the state's surplus "
        "on transit. The package would put $90 million into a new Rural Bus Fund."
    )
    facts = funding(extract(text))
    assert ("Marisol Keane", Decimal(90_000_000), "Rural Bus Fund") in {
        (f.funder.name, f.amount, f.programme.name if f.programme else None) for f in facts
    }


def test_a_body_in_a_clause_about_the_payer_does_not_pay(extract):
    text = (
        "Gov. Marisol Keane on Monday proposed spending $200 million of the state's surplus "
        "on transit. The package, which needs approval from the Legislature, would put "
        "$90 million into a new Rural Bus Fund."
    )
    facts = funding(extract(text))
    assert "Legislature" not in {f.funder.name for f in facts}


def test_the_next_in_a_ranking_does_not_pay_and_a_share_is_the_payers(extract):
    text = (
        "The Department of Transportation announced $300 million in grants for rural bridges. "
        "Montana will receive the largest share, about $80 million, followed by Wyoming."
    )
    facts = funding(extract(text))
    assert {(f.funder.name, f.amount) for f in facts} == {
        ("Department of Transportation", Decimal(300_000_000)),
        ("Department of Transportation", Decimal(80_000_000)),
    }


def test_an_acronym_is_the_body_it_stands_for(extract):
    text = (
        "The Federal Aviation Administration announced $40 million for airport towers. "
        '"Safety comes first," FAA Administrator Dana Reyes said. '
        "A grant of $6 million from the FAA will go to Billings."
    )
    facts = funding(extract(text))
    assert {f.funder.name for f in facts} == {"Federal Aviation Administration"}


def test_the_parts_of_a_scheme_money_pay_for_the_scheme(extract):
    text = (
        "Dunmere District Council has approved a £9m plan for the Harbour Quarter "
        "regeneration scheme. Most of the money comes from central government, with the "
        "Department for Transport providing £6m. The council will put in a further £2.5m "
        "from its reserves, while the remaining half a million pounds is a grant from the "
        "Marlow Heritage Trust."
    )
    facts = {
        (f.funder.name, f.amount, f.programme.name if f.programme else None)
        for f in funding(extract(text))
    }
    scheme = "Harbour Quarter regeneration scheme"
    assert ("Department for Transport", Decimal(6_000_000), scheme) in facts
    assert ("Dunmere District Council", Decimal(2_500_000), scheme) in facts
    assert ("Marlow Heritage Trust", Decimal(500_000)) in {(f, a) for f, a, _ in facts}


def test_money_from_the_programme_is_paid_by_its_payer(extract):
    text = (
        "The Scottish Government will spend £300m on the Coastal Homes Programme. "
        "Ministers said £12m from the programme would be set aside to train surveyors."
    )
    facts = funding(extract(text))
    assert ("Scottish Government", Decimal(12_000_000)) in {
        (f.funder.name, f.amount) for f in facts
    }


def test_a_sum_the_money_includes_and_the_named_service_it_expands(extract):
    text = (
        "The Scottish Government will spend £20m on island ferries. "
        "It includes £3m to expand the Skerryhopper air taxi service to two more islands."
    )
    facts = {
        (f.funder.name, f.amount, f.programme.name if f.programme else None)
        for f in funding(extract(text))
    }
    assert (
        "Scottish Government",
        Decimal(3_000_000),
        "Skerryhopper air taxi service",
    ) in facts


def test_the_city_is_the_city_not_a_programme_ending_with_its_name(extract):
    text = (
        "FERNDALE — The council approved a $10 million summer jobs program. The program, "
        "called Youth Works Ferndale, starts in June. The city will put $8 million from its "
        "general fund toward the program. The police department overspent its budget by "
        "$4 million last year."
    )
    facts = {(f.funder.name, f.amount) for f in funding(extract(text))}
    assert ("Ferndale", Decimal(8_000_000)) in facts
    assert not any(amount == Decimal(4_000_000) for _, amount in facts)


def test_the_biggest_award_goes_to_a_named_body_the_payer_before_funds(extract):
    text = (
        "Creative Scotland has awarded £1.8 million to 30 theatre companies. "
        "The biggest single award, £90,000, goes to Lochside Puppet Company in Oban."
    )
    facts = {
        (f.funder.name, f.amount, f.programme.name if f.programme else None)
        for f in funding(extract(text))
    }
    assert ("Creative Scotland", Decimal(90_000), "Lochside Puppet Company") in facts


def test_the_federal_government_is_not_a_state_government_named_after_it(extract):
    text = (
        "The federal government will spend A$300 million on regional dams. "
        "The Western Australian Government will contribute a further $15 million."
    )
    facts = {(f.funder.name, f.amount) for f in funding(extract(text))}
    assert ("Australian Government", Decimal(300_000_000)) in facts
    assert ("Western Australian Government", Decimal(15_000_000)) in facts


def test_each_investor_in_a_round_pays_for_the_company_that_raised_it(extract):
    text = (
        "Brackenfield, the Leeds start-up that makes hydrogen valves, has raised £30m in a "
        "Series B funding round. The round was led by Harrowgate Capital, which put in £18m, "
        "with the British Business Bank investing £4m."
    )
    facts = {
        (f.funder.name, f.amount, f.programme.name if f.programme else None)
        for f in funding(extract(text))
    }
    assert ("Harrowgate Capital", Decimal(18_000_000), "Brackenfield") in facts
    assert ("British Business Bank", Decimal(4_000_000), "Brackenfield") in facts


def test_a_grant_to_a_named_council_pays_for_that_council(extract):
    text = (
        "The Department for Communities has allocated £9m under its Town Centres Fund. "
        "Derry City Council will receive £2.2m to reopen the market hall, and the department "
        "has awarded Newry City Council £1.5m. Omagh District Council has been awarded "
        "£900,000 for a riverside path."
    )
    facts = {
        (f.funder.name, f.amount, f.programme.name if f.programme else None)
        for f in funding(extract(text))
    }
    payer = "Department for Communities"
    assert (payer, Decimal(2_200_000), "Derry City Council") in facts
    assert (payer, Decimal(1_500_000), "Newry City Council") in facts
    assert (payer, Decimal(900_000), "Omagh District Council") in facts


def test_the_shares_of_a_joint_total_pay_for_what_the_total_does(extract):
    text = (
        "The federal and Victorian governments will jointly fund a A$250 million upgrade of "
        "the Calder Freeway. Under the deal, the Commonwealth will provide A$200 million and "
        "the Victorian Government A$50 million."
    )
    facts = {
        (f.funder.name, f.amount, f.programme.name if f.programme else None)
        for f in funding(extract(text))
    }
    upgrade = "upgrade of the Calder Freeway"
    assert ("Australian Government", Decimal(200_000_000), upgrade) in facts
    assert ("Victorian Government", Decimal(50_000_000), upgrade) in facts


def test_what_the_award_funds_in_the_next_sentence_is_its_programme(extract):
    text = (
        "The University of Dunmere is to open a new institute after securing £4.2m from the "
        "Medical Research Council. "
        "The research council's award will fund five years of work at the Institute for "
        "Rural Health."
    )
    facts = {
        (f.funder.name, f.programme.name if f.programme else None) for f in funding(extract(text))
    }
    assert ("Medical Research Council", "Institute for Rural Health") in facts


def test_a_second_payer_and_sum_after_and_without_the_verb(extract):
    text = (
        "Ohio will contribute $640 million and Indiana $510 million, the two states said in a "
        "joint statement."
    )
    found = {(f.funder.name, f.amount) for f in funding(extract(text))}
    assert found == {("Ohio", 640_000_000), ("Indiana", 510_000_000)}


def test_money_put_toward_doing_something(extract):
    text = "Oregon will put $2.6 million toward replacing the Cascade Street bridge."
    found = {(f.funder.name, f.amount) for f in funding(extract(text))}
    assert found == {("Oregon", 2_600_000)}


def test_a_bodys_named_fund_after_its_possessive_is_the_programme(extract):
    text = (
        "Kelso Plastics said it had been awarded a £3 million grant from the Department for "
        "Energy Security’s Industrial Heat Recovery Fund towards a new kiln."
    )
    found = [
        (f.funder.name, f.amount, f.programme and f.programme.name) for f in funding(extract(text))
    ]
    assert found == [("Department for Energy Security", 3_000_000, "Industrial Heat Recovery Fund")]


def test_a_fund_named_after_a_bodys_possessive_inside_the_bodys_phrase(extract):
    text = (
        "A separate €2.2 million allocation from the Department of Further and Higher "
        "Education’s Rural Campus Renewal Fund will pay for a new library at Ballinmore."
    )
    found = [
        (f.funder.name, f.amount, f.programme and f.programme.name) for f in funding(extract(text))
    ]
    assert found == [
        ("Department of Further and Higher Education", 2_200_000, "Rural Campus Renewal Fund")
    ]


def test_its_fund_after_a_from_is_the_fund_of_the_body_named_there(extract):
    text = (
        "Ferrolith Energy raised $200m this week. Ferrolith Energy will build a factory in "
        "Fresno. The company also expects to draw down a $96 million grant from the U.S. "
        "Department of Energy under its Grid Endurance Storage program."
    )
    found = [(f.funder.name, f.amount) for f in funding(extract(text)) if f.amount == 96_000_000]
    assert found == [("U.S. Department of Energy", 96_000_000)]


def test_money_bid_for_or_applied_for_is_not_funding(extract):
    text = (
        "Hartmoor District Council met on Monday. The council had bid unsuccessfully for £18m "
        "of levelling-up money. It has also applied for £2m from the Towns Fund."
    )
    assert funding(extract(text)) == []


def test_a_receiver_draws_on_the_fund_of_whoever_reports_the_award(extract):
    text = (
        "Hartmoor District Council has closed two pools. Hartmoor District Council blamed "
        "energy bills. The Department for Culture said on Monday that it would help. The row "
        "comes a week after the department confirmed Hartmoor District Council would receive "
        "£2.4m from its Community Pools Fund."
    )
    found = [(f.funder.name, f.amount) for f in funding(extract(text))]
    assert found == [("Department for Culture", 2_400_000)]


def test_a_bodys_named_program_ending_in_a_lower_case_program(extract):
    text = (
        "The Millbrook Police Department wants cameras. The department has secured a $640,000 "
        "grant from the state Office of Public Safety's Accountability Technology Grant program "
        "to cover part of the cost."
    )
    found = [(f.funder.name, f.programme and f.programme.name) for f in funding(extract(text))]
    assert found == [("Office of Public Safety", "Accountability Technology Grant program")]


def test_councillors_approving_money_are_the_council_of_the_article(extract):
    text = (
        "Roads across Kestrel will be resurfaced after councillors signed off a £3.2m repair "
        "programme. Kestrel Borough Council's cabinet voted on Tuesday. Kestrel Borough "
        "Council said work would start in May."
    )
    found = [(f.funder.name, f.amount) for f in funding(extract(text))]
    assert found == [("Kestrel Borough Council", 3_200_000)]


def test_bracketed_shares_of_awards_handed_out_are_the_payers_before(extract):
    text = (
        "The Dunmore City Council voted on Tuesday to award $7.5 million from the city's "
        "Housing Fund to three projects. Smaller awards went to Alder Court, a building for "
        "seniors ($2.2 million), and a project by Bridgeview Partners on Elm Street "
        "($1.2 million)."
    )
    found = {(f.funder.name, f.amount) for f in funding(extract(text))}
    assert ("Dunmore City Council", 2_200_000) in found
    assert ("Dunmore City Council", 1_200_000) in found
    assert not any(name == "Bridgeview Partners" for name, _ in found)


def test_a_sum_a_bill_includes_for_a_body_pays_for_that_body(extract):
    text = (
        "The spending bill was approved by the Senate Appropriations Committee on Thursday. "
        "It also includes $48.7 billion for the National Institutes of Health."
    )
    found = [(f.amount, f.programme and f.programme.name) for f in funding(extract(text))]
    assert (48_700_000_000, "National Institutes of Health") in found


def test_the_department_announcing_its_governments_money_pays_it(extract):
    text = (
        "The federal government will spend $2.6 billion to repair bridges in 14 states, the "
        "Transportation Department announced Thursday. Ohio receives the biggest single award, "
        "$412 million, and Pennsylvania gets $318 million to rebuild 46 smaller bridges."
    )
    found = {(f.funder.name, f.amount) for f in funding(extract(text))}
    assert found == {
        ("Transportation Department", 2_600_000_000),
        ("Transportation Department", 412_000_000),
        ("Transportation Department", 318_000_000),
    }


def test_a_budget_story_with_key_points_and_shares_of_the_money(extract):
    text = (
        "Key points:\n"
        "The government will spend $9.8 billion on hospitals\n"
        "The deficit is forecast to reach $3.1 billion\n\n"
        "The Tasmanian government will pour $9.8 billion into hospitals over four years.\n\n"
        "Of the health money, $2.4 billion will go towards a new hospital at Pelican Heads.\n\n"
        "A further $1.1 billion is set aside to expand Carramar Hospital, while $350 million "
        "will pay for 14 satellite clinics."
    )
    found = {(f.funder.name, f.amount) for f in funding(extract(text))}
    assert found == {
        ("Tasmanian Government", 9_800_000_000),
        ("Tasmanian Government", 2_400_000_000),
        ("Tasmanian Government", 1_100_000_000),
        ("Tasmanian Government", 350_000_000),
    }


def test_money_matched_by_a_sum_from_a_payer(extract):
    text = "The minister said the loan would be matched by €150 million from Enterprise Ireland."
    found = {(f.funder.name, f.amount) for f in funding(extract(text))}
    assert found == {("Enterprise Ireland", 150_000_000)}


def test_what_a_sum_backs_as_the_passives_agent_is_what_it_pays_for(extract):
    text = (
        "The Wearside Youth Orchestra lessons are backed by £20,000 from Sunderland City Council."
    )
    found = [(f.funder.name, f.programme and f.programme.name) for f in funding(extract(text))]
    assert found == [("Sunderland City Council", "Wearside Youth Orchestra lessons")]


def test_the_sum_a_body_had_provided_with_the_relative_pronoun_left_out(extract):
    text = (
        "The Wales Office said it was pleased and pointed to the £25m it had provided "
        "through the Levelling Up Fund for a new station at Abercynon."
    )
    found = [
        (f.funder.name, f.amount, f.programme and f.programme.name) for f in funding(extract(text))
    ]
    assert found == [("Wales Office", 25_000_000, "Levelling Up Fund")]


def test_money_from_its_own_fund_is_paid_by_the_body_that_said_it(extract):
    text = (
        "Pay talks with Northway Trains have stalled. The Rail Workers Union said it had set "
        "aside £500,000 from its national hardship fund to support members on strike."
    )
    found = [(f.funder.name, f.amount) for f in funding(extract(text))]
    assert found == [("Rail Workers Union", 500_000)]


def test_money_given_to_pay_for_something_is_funding(extract):
    text = (
        "Harrowdale Borough Council has confirmed it will give the force £150,000 from its "
        "community safety fund to pay for two extra neighbourhood officers."
    )
    found = [(f.funder.name, f.amount) for f in funding(extract(text))]
    assert found == [("Harrowdale Borough Council", 150_000)]


def test_the_law_a_grant_is_paid_under_is_its_programme(extract):
    text = (
        "The deal comes weeks after the US Department of Commerce finalised a $450mn grant "
        "to Corvane Technologies Inc. under the Chips and Science Act to expand its plant."
    )
    found = [(f.amount, f.programme and f.programme.name) for f in funding(extract(text))]
    assert found == [(450_000_000, "Chips and Science Act")]


def test_the_body_announcing_an_award_pays_it(extract):
    text = (
        "Rural bus routes across Wales are to receive £42m over the next two years, the "
        "Welsh Government has announced.\n\n"
        "A further £6.5m will go to Transport for Wales to run minibuses into valley "
        "communities that have lost their timetabled buses."
    )
    found = [(f.funder.name, f.amount) for f in funding(extract(text))]
    assert found == [("Welsh Government", 42_000_000), ("Welsh Government", 6_500_000)]


def test_a_body_announcing_its_own_win_does_not_pay_it(extract):
    text = (
        "Lindell Unified School District announced Thursday that it has won a five-year, "
        "$14.8M federal grant to turn three schools into magnet schools."
    )
    assert not any(f.funder.name.startswith("Lindell") for f in funding(extract(text)))


def test_ministers_of_a_story_about_one_devolved_nation_are_its_government(extract):
    text = (
        "Ministers have unveiled an £18.5 million package to recruit GPs in remote and "
        "island communities, as one of Scotland's health boards warned of an overspend.\n\n"
        "A Scottish Government spokesman said more would follow."
    )
    assert [f.funder.name for f in funding(extract(text))] == ["Scottish Government"]


def test_ministers_of_a_story_about_england_stay_the_uk_governments(extract):
    text = (
        "Ministers pledged £450m to protect rural bus routes in England on Monday.\n\n"
        "In Scotland, the Scottish Government confirmed it would put £18.5m into its "
        "Community Bus Fund next year."
    )
    found = {f.amount: f.funder.name for f in funding(extract(text))}
    assert found[450_000_000] == "UK Government"


def test_a_second_payer_listed_after_the_first_ones_purpose(extract):
    text = (
        "The Ohio Department of Transportation will contribute $93 million toward the "
        "replacement and the West Virginia Division of Highways $70 million, according to a "
        "funding plan."
    )
    found = {f.amount: f.funder.name for f in funding(extract(text))}
    assert found[93_000_000] == "Ohio Department of Transportation"
    assert found[70_000_000].startswith("West Virginia Division")


def test_a_programme_name_with_for_the_inside_it(extract):
    text = (
        "The Department for Education will spend £2.6bn over six years. The education "
        "secretary said that the Rebuilding Schools for the Future programme will put "
        "primary schools first."
    )
    found = [f.programme and f.programme.name for f in funding(extract(text))]
    assert found == ["Rebuilding Schools for the Future programme"]


def test_a_matching_rate_is_no_sum_paid(extract):
    text = (
        "The Kansas Government matches private donations for nursing education at a rate of "
        "$1 for every $5 raised, and will give $15 million to Carver State University."
    )
    assert [f.amount for f in funding(extract(text))] == [15_000_000]


def test_money_a_gift_unlocks_from_a_payer_is_funding(extract):
    text = "The Wexford Foundation's gift will also unlock $15 million from the Wexford Trust."
    assert [(f.funder.name, f.amount) for f in funding(extract(text))] == [
        ("Wexford Trust", 15_000_000)
    ]


def test_the_letter_of_an_amount_is_no_programme_name(extract):
    text = "The Wexford Trust gave Lindell school district a $14.8M federal grant."
    assert [f.programme for f in funding(extract(text))] == [None]


def test_a_sum_naming_nothing_it_pays_for_pays_for_the_programme_named_before_it(extract):
    text = (
        "The Department for Communities has opened a new Community Halls Fund for "
        "village halls.\n\n"
        "Ballymore Hall will receive £68,500 from the department for a new roof."
    )
    found = [(f.amount, f.programme and f.programme.name) for f in funding(extract(text))]
    assert (68_500, "Community Halls Fund") in found


def test_the_department_announcing_what_a_state_receives_pays_it(extract):
    text = (
        "FRANKFORT, Ky. — Kentucky will receive $61.4 million in federal State Opioid "
        "Response grants over the next two years, the U.S. Department of Health and Human "
        "Services announced Wednesday, as state officials credit expanded treatment."
    )
    found = [(f.funder.name, f.amount) for f in funding(extract(text))]
    assert found == [("U.S. Department of Health and Human Services", 61_400_000)]


def test_the_bulk_of_the_money_paying_to_replace_something_is_part_of_it(extract):
    text = (
        "The EPA awarded Eastwick $31 million on Monday. The bulk of the money, $28.5 "
        "million, will pay to replace roughly 3,500 lead service lines."
    )
    found = [(f.funder.name, f.amount) for f in funding(extract(text))]
    assert found == [("EPA", 31_000_000), ("EPA", 28_500_000)]


def test_a_sum_pays_for_what_its_purpose_describes_when_nothing_is_named(extract):
    text = (
        "The Department of Health and Social Care will provide £9m to build a community "
        "diagnostic centre on the site of the old cottage hospital in Pelham."
    )
    found = [(f.funder.name, f.programme and f.programme.name) for f in funding(extract(text))]
    assert found == [("Department of Health and Social Care", "community diagnostic centre")]


def test_a_named_fund_before_the_sum_beats_the_purpose_its_sentence_describes(extract):
    text = (
        "The Department for Communities has opened a new Community Halls Fund.\n\n"
        "The department will give £68,500 to build a new kitchen at Ballymore Hall."
    )
    found = [(f.amount, f.programme and f.programme.name) for f in funding(extract(text))]
    assert found == [(68_500, "Community Halls Fund")]


def test_a_gift_included_in_money_raised_pays_for_its_purpose_not_for_all_of_it(extract):
    text = (
        "The Pelham Hospitals Charity said it had raised £380,000 towards a new CT scanner "
        "for Pelham General, including an £80,000 donation from local builder Marsh & Cole."
    )
    found = [
        (f.funder.name, f.amount, f.programme and f.programme.name) for f in funding(extract(text))
    ]
    assert found == [("Marsh & Cole", 80_000, "new CT scanner for Pelham General")]


def test_a_gift_funding_what_a_bigger_sum_pays_for_pays_only_its_own_part(extract):
    text = (
        "The university pointed to a £15m investment in a new library, funded by a £6m "
        "donation from alumna Dame Ruth Hale and by borrowing."
    )
    found = [
        (f.funder.name, f.amount, f.programme and f.programme.name) for f in funding(extract(text))
    ]
    assert ("Ruth Hale", 6_000_000, "new library") in found
    assert not [f for f in found if f[0] == "Ruth Hale" and f[1] == 15_000_000]


def test_a_story_counted_in_pounds_is_british_for_the_government_it_names(extract):
    text = (
        "Hollinsford was bought by a Canadian pension fund in 2019.\n\n"
        "The government will provide £3m to build a new flood barrier on the River Aln, "
        "ministers said on Tuesday. The £3m comes on top of £1.2m already spent on repairs."
    )
    assert [f.funder.name for f in funding(extract(text))][:1] == ["UK Government"]


def test_pay_a_post_holder_receives_is_no_grant_from_the_storys_fund(extract):
    text = (
        "The government said fines would go to river projects through its Water Restoration "
        "Fund. Dunsford County Council has been awarded £240,000 from the fund to monitor "
        "bathing water.\n\n"
        "The chief executive received a total of £780,000 last year, including a bonus."
    )
    assert [f.amount for f in funding(extract(text))] == [240_000]


def test_a_part_of_the_total_paid_from_a_named_body_is_paid_by_that_body(extract):
    text = (
        "Community groups in Pelham are sharing £2.1m in lottery grants from the National "
        "Lottery.\n\n"
        "The biggest award, £900,000 from the Heritage Lottery Fund, will restore the "
        "Victorian bandstand in Pelham Park. Pelham Borough Council is contributing a "
        "further £150,000."
    )
    found = {
        (f.funder.name, f.amount, f.programme and f.programme.name) for f in funding(extract(text))
    }
    assert ("Heritage Lottery Fund", 900_000, "Victorian bandstand in Pelham Park") in found
    assert ("Pelham Borough Council", 150_000, "Victorian bandstand in Pelham Park") in found


def test_a_places_post_named_before_its_holder_is_that_holder(extract):
    text = (
        "Wexshire's police and crime commissioner has announced a £900,000 programme to keep "
        "teenagers away from gangs.\n\n"
        "Labour PCC Dana Okafor said the Fresh Start programme would pay for youth workers."
    )
    found = [(f.funder.name, f.amount) for f in funding(extract(text))]
    assert found == [("Dana Okafor", 900_000)]


def test_parts_of_a_sum_taken_up_again_pay_for_what_it_pays_for(extract):
    text = (
        "Labour PCC Dana Okafor has announced a £900,000 Fresh Start programme for teenagers.\n\n"
        "Of the £900,000, £600,000 comes from the Home Office's Safer Streets Fund and "
        "£300,000 from the commissioner's own budget."
    )
    found = [
        (f.funder.name, f.amount, f.programme and f.programme.name) for f in funding(extract(text))
    ]
    assert found == [
        ("Dana Okafor", 900_000, "Fresh Start programme"),
        ("Home Office", 600_000, "Safer Streets Fund"),
        ("Dana Okafor", 300_000, "Fresh Start programme"),
    ]


def test_money_added_or_transferred_to_a_cause_is_funding(extract):
    text = (
        "The Wexford Foundation will add $2 million of its own to the Harbour Arts Fund. "
        "The Government of Canada is transferring C$30 million to Nova Scotia for clinics."
    )
    amounts = [f.amount for f in funding(extract(text))]
    assert amounts == [2_000_000, 30_000_000]


def test_a_budget_pays_through_the_body_that_agreed_it_for_each_sums_own_purpose(extract):
    text = (
        "Brackwell Council agreed its budget on Wednesday. The budget also commits £2.2m to "
        "the restoration of the Corn Exchange, and £1m to keep all nine libraries open."
    )
    found = [
        (f.funder.name, f.amount, f.programme and f.programme.name) for f in funding(extract(text))
    ]
    assert found[0] == ("Brackwell Council", 2_200_000, "restoration of the Corn Exchange")
    assert found[1][:2] == ("Brackwell Council", 1_000_000)
    assert found[1][2] != "restoration of the Corn Exchange"


def test_a_sum_for_a_described_cause_pays_for_it(extract):
    text = "The Department for Education will provide £45m for teacher recruitment."
    found = [(f.funder.name, f.programme and f.programme.name) for f in funding(extract(text))]
    assert found == [("Department for Education", "teacher recruitment")]


def test_money_a_governor_commits_is_also_paid_by_the_state_a_mayors_is_not(extract):
    text = (
        "SALEM, Ore. (AP) — Oregon Gov. Dana Whitfield pledged $40 million for rural "
        "clinics on Tuesday.\n\n"
        "In Portland, Mayor Tom Okafor pledged $2 million for street lighting."
    )
    found = {(f.funder.name, f.amount) for f in funding(extract(text))}
    assert {("Dana Whitfield", 40_000_000), ("Oregon", 40_000_000)} <= found
    assert ("Tom Okafor", 2_000_000) in found
    assert not [f for f in found if f[1] == 2_000_000 and f[0] != "Tom Okafor"]


def test_what_money_is_invested_in_is_what_it_pays_for(extract):
    text = "The Ontario government will invest $2.6 billion in the Lakeshore light rail line."
    facts = funding(extract(text))
    assert [f.programme.name for f in facts if f.programme] == ["Lakeshore light rail line"]


def test_a_canadian_city_in_the_dateline_makes_dollars_canadian(extract):
    text = (
        "CALGARY — The city will spend $45 million on the Deerfoot interchange, the mayor said "
        "on Tuesday."
    )
    assert [f.currency for f in funding(extract(text))] == ["CAD"]


def test_a_project_said_by_what_it_is_is_what_money_pays_for(extract):
    text = "The Quebec government announced $85 million for the Longueuil tramway project."
    facts = funding(extract(text))
    assert [f.programme.name for f in facts if f.programme] == ["Longueuil tramway project"]


@pytest.mark.parametrize(
    "text",
    [
        "The Oregon Legislature appropriated $120 million for the Middle Housing Fund in 2024.",
        "The Department of Energy is sending $40 million to Ohio for grid upgrades.",
    ],
)
def test_legislatures_appropriate_and_departments_send_money(extract, text):
    assert [f.amount for f in funding(extract(text))] in ([Decimal(120000000)], [Decimal(40000000)])


def test_a_named_place_money_restores_is_what_it_pays_for(extract):
    text = "The Heritage Fund has given £1.2m to restore the Winter Gardens in Weston-super-Mare."
    facts = funding(extract(text))
    assert [f.programme.name for f in facts if f.programme] == [
        "Winter Gardens in Weston-super-Mare"
    ]


def test_a_programme_said_by_what_it_does_is_what_money_pays_for(extract):
    text = "The Gates Foundation will donate $50 million to the WHO's polio eradication programme."
    facts = funding(extract(text))
    assert any("polio eradication programme" in f.programme.name for f in facts if f.programme)


def test_what_money_is_spent_on_is_what_it_pays_for(extract):
    text = "The NSW Government will spend $250 million on new ambulance stations in Sydney."
    facts = funding(extract(text))
    assert [f.programme.name for f in facts if f.programme] == ["new ambulance stations in Sydney"]


def test_us_state_lawmakers_spend_the_states_money_and_vetoed_money_is_not_paid(extract):
    text = (
        "SANTA FE, N.M. — New Mexico Gov. Ann Brennan signed the state budget on Friday. "
        "Lawmakers set aside $150 million for the Opportunity Scholarship. Brennan vetoed "
        "$75 million that lawmakers had set aside for a new state prison."
    )
    found = [(f.funder.name, f.amount) for f in funding(extract(text))]
    assert found == [("New Mexico", Decimal(150000000))]
