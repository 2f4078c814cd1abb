"""Role rules, each with a sentence of its own."""

import pytest

from kg.facts import EntityKind, QuoteFact, RoleFact


def roles(facts) -> set[tuple[str, str, str]]:
    return {
        (f.person.name, f.role.lower(), f.organisation.name)
        for f in facts.facts
        if isinstance(f, RoleFact) and f.organisation is not None
    }


def test_prenominal_title_with_its_body_before_it(extract):
    found = roles(extract("Camden Council leader Georgia Gould opened the new library on Monday."))
    assert ("Georgia Gould", "leader", "Camden Council") in found


def test_title_of_place_before_the_name(extract):
    found = roles(extract("Mayor of Manchester Andy Burnham said the trams would run all night."))
    assert ("Andy Burnham", "mayor", "Manchester") in found


def test_well_known_post_takes_its_body_from_the_lexicon(extract):
    found = roles(extract("Home Secretary Yvette Cooper visited Dover on Friday."))
    assert ("Yvette Cooper", "home secretary", "Home Office") in found


def test_party_adjective_makes_a_membership(extract):
    found = roles(extract("Labour Home Secretary Yvette Cooper visited Dover on Friday."))
    assert ("Yvette Cooper", "member", "Labour Party") in found
    assert ("Yvette Cooper", "home secretary", "Home Office") in found


def test_lower_case_body_noun_joins_the_organisation(extract):
    found = roles(
        extract("The board met Greater Manchester police chief constable Stephen Watson.")
    )
    assert any(p == "Stephen Watson" and "Police" in o for p, _, o in found)


def test_apposition_after_the_name(extract):
    text = "Mary Barra, the chief executive of General Motors, said sales had risen."
    assert ("Mary Barra", "chief executive", "General Motors") in roles(extract(text))


def test_copular_clause(extract):
    text = "Satya Nadella is the chief executive of Microsoft."
    assert ("Satya Nadella", "chief executive", "Microsoft") in roles(extract(text))


def test_post_verb_in_a_relative_clause(extract):
    text = "Meg Hillier, who chairs the Treasury Committee, questioned the minister."
    found = roles(extract(text))
    assert any(p == "Meg Hillier" and "Treasury Committee" in o for p, _, o in found)


def test_us_party_state_tag(extract):
    text = "Sen. Elizabeth Warren (D-Mass.) questioned the bank's chief executive."
    assert ("Elizabeth Warren", "member", "Democratic Party") in roles(extract(text))


def test_former_post_keeps_its_status(extract):
    text = "Former Foreign Secretary William Hague said the treaty was sound."
    found = roles(extract(text))
    assert any(p == "William Hague" and r.startswith("former") for p, r, _ in found)


def test_nationality_is_not_an_organisation(extract):
    found = roles(extract("James Tobin was an American economist."))
    assert not any(o == "American" for _, _, o in found)


def test_no_role_without_a_body(extract):
    assert not roles(extract("The spokesman John Smith declined to comment."))


def test_posts_and_parties_read_by_the_article_country(extract):
    text = (
        "Treasurer Jim Chalmers said the budget was on track.\n\n"
        "Greens leader Adam Bandt, speaking in Canberra, said Australia needed more."
    )
    found = roles(extract(text))
    assert ("Jim Chalmers", "treasurer", "Australian Government") in found
    assert ("Adam Bandt", "leader", "Australian Greens") in found


def test_title_abbreviation_names_the_post(extract):
    text = "Sen. Maria Cantwell said Congress in Washington would vote on the bill next week."
    assert ("Maria Cantwell", "senator (sen.)", "United States Senate") in roles(extract(text))


def test_possessor_owns_the_posts_listed_after_it(extract):
    text = "Jane Roe, Acme Corp's vice chair and president, spoke in Berlin."
    found = roles(extract(text))
    assert any(p == "Jane Roe" and "president" in r and o == "Acme Corp" for p, r, o in found)


def test_national_post_of_a_nationality_is_its_government(extract):
    found = roles(extract("Swedish Prime Minister Ulf Kristersson welcomed the plan."))
    assert ("Ulf Kristersson", "prime minister", "Swedish Government") in found


def test_body_named_after_a_titled_name(extract):
    text = "Acting chief constable Rachel Swann of Derbyshire Police said officers were ready."
    found = roles(extract(text))
    assert ("Rachel Swann", "acting chief constable", "Derbyshire Police") in found


def test_its_post_belongs_to_the_body_named_before(extract):
    text = "Acme Corp opened a plant. Its chief executive, Jo Bloggs, said it would hire staff."
    assert ("Jo Bloggs", "chief executive", "Acme Corp") in roles(extract(text))


def test_portfolio_minister_of_the_article_country(extract):
    text = "Transport Minister Lena Park said the trains in London were late."
    assert ("Lena Park", "transport minister", "UK Government") in roles(extract(text))


def test_first_name_ner_left_out_between_title_and_surname(extract):
    text = "Mayor Tom Hale said the budget would rise."
    facts = extract(text)
    assert any(e.name == "Tom Hale" for e in facts.entities)


def test_nationality_in_the_title_beats_the_article_country(extract):
    text = (
        "Swedish Prime Minister Ulf Kristersson welcomed the plan. Japan and Japanese firms "
        "had pledged more in Tokyo."
    )
    assert ("Ulf Kristersson", "prime minister", "Swedish Government") in roles(extract(text))


def test_employers_listed_together(extract):
    text = "Dana Whitfield worked at Acme Corp and the University of Leeds before moving to Paris."
    found = roles(extract(text))
    assert ("Dana Whitfield", "employee", "Acme Corp") in found
    assert ("Dana Whitfield", "employee", "University of Leeds") in found


def test_posts_listed_together_are_one_post(extract):
    text = "Sarah Kemp, President and Chief Executive Officer of Brightline Analytics, said so."
    found = roles(extract(text))
    assert ("Sarah Kemp", "president and chief executive officer", "Brightline Analytics") in found


def test_rank_or_nationality_before_a_post_is_not_a_body(extract):
    text = (
        "Founding Director Robert Hale retired on Friday. Rachel Green, an Italian particle "
        "physicist, joined him."
    )
    found = {o for _, _, o in roles(extract(text))}
    assert not found & {"Founding", "Italian Particle", "Italian particle"}


def test_nearest_post_belongs_to_the_body(extract):
    text = "Liam Doyle was chief economist at Barclays and later head of research at HSBC."
    found = roles(extract(text))
    assert not any(o == "HSBC" and "economist" in r for _, r, o in found)


def test_clause_without_subject_shares_the_main_subject(extract):
    text = "Before joining Northwind Logistics, Karen Lutz was head of sales at Siemens."
    found = roles(extract(text))
    assert any(p == "Karen Lutz" and o == "Northwind Logistics" for p, _, o in found)


def test_object_of_the_main_verb_is_who_joins(extract):
    text = "Jane Morrow urged Karen Lutz to join Oxfam."
    assert not any(p == "Jane Morrow" for p, _, _ in roles(extract(text)))


def test_plural_title_before_a_list_of_names(extract):
    text = "Harvard University professors Rita Gomez and Paul Mendel wrote the report."
    found = roles(extract(text))
    assert any(p == "Paul Mendel" and o == "Harvard University" for p, _, o in found)


def test_singular_title_is_not_shared_by_a_list(extract):
    text = "Acme chairman Rita Gomez and Paul Mendel met in Geneva."
    assert not any(p == "Paul Mendel" for p, _, _ in roles(extract(text)))


def test_clauses_joined_share_their_subject(extract):
    text = (
        "Greg Moss received his doctorate from Leeds University in 1990 and was Professor of "
        "Astronomy at Durham University from 1998."
    )
    found = roles(extract(text))
    assert any(p == "Greg Moss" and o == "Durham University" for p, _, o in found)


def test_everyone_in_a_list_after_led_by(extract):
    text = "Oxfam is led by Maria Lopez (Director) and Tom Reed (Deputy Director)."
    found = {(p, o) for p, _, o in roles(extract(text))}
    assert {("Maria Lopez", "Oxfam"), ("Tom Reed", "Oxfam")} <= found


def test_title_without_a_body_takes_the_body_the_sentence_gives(extract):
    text = "Acme Foods is led by Chairman Robert Appel and Managing Director Susan Clark."
    found = roles(extract(text))
    assert any(p == "Susan Clark" and "managing director" in r for p, r, o in found)


def test_path_does_not_enter_another_name_s_title(extract):
    text = (
        "The talks were prepared by Secretary of State Hillary Clinton and Russian Foreign "
        "Minister Sergei Lavrov."
    )
    assert not any(p == "Sergei Lavrov" and o == "State" for p, _, o in roles(extract(text)))


def test_apposition_before_the_name_with_its_body(extract):
    text = "A professor of history at Durham University, Peter Vance, said the records were real."
    assert ("Peter Vance", "professor", "Durham University") in roles(extract(text))


def test_body_after_the_first_noun_listed_is_every_post_s(extract):
    text = "Ruth Ellis was an American educator and professor at Durham University."
    assert ("Ruth Ellis", "professor", "Durham University") in roles(extract(text))


def test_capitalised_post_makes_its_subject_a_person(extract):
    text = "Whitlock was Professor of Astronomy at Durham University from 1998."
    assert ("Whitlock", "professor", "Durham University") in roles(extract(text))


def test_words_of_a_post_are_not_a_person(extract):
    text = "Conway is currently Professor Emeritus of History at Durham University."
    assert not any(p == "Emeritus" for p, _, _ in roles(extract(text)))


def test_body_after_at_beats_a_field_after_of(extract):
    text = "Maya Lind was Vice President of Engineering and Design at Northwind Logistics."
    found = {o for p, _, o in roles(extract(text)) if p == "Maya Lind"}
    assert "Northwind Logistics" in found
    assert not any("Engineering" in o for o in found)


def test_joiners_in_a_row_inside_a_body_name(extract):
    text = "Carl Hovde, president of the Society for the Protection of Rare Birds, said so."
    found = {o for p, _, o in roles(extract(text)) if p == "Carl Hovde"}
    assert "Society for the Protection of Rare Birds" in found


def test_lower_case_field_before_a_post_is_part_of_the_post(extract):
    text = "Oxford particle physicist Nora Quinn said the data were clean."
    assert ("Nora Quinn", "particle physicist", "Oxford") in roles(extract(text))


def test_capitalised_name_after_at_is_the_body(extract):
    text = "Ida Marsh is a senior vice president at Blue Ocean, a firm she co-founded in 2001."
    assert ("Ida Marsh", "senior vice president", "Blue Ocean") in roles(extract(text))


def test_post_named_with_the_noun_before_it(extract):
    text = (
        "Hugo Brandt is an American computer scientist and professor emeritus of computer "
        "science at the University of Leeds."
    )
    found = roles(extract(text))
    assert ("Hugo Brandt", "professor emeritus", "University of Leeds") in found


def test_both_after_a_list_of_names(extract):
    text = (
        "The method was developed by Hugo Brandt and Lena Voss, both professors at the "
        "University of Leeds."
    )
    found = {(p, o) for p, _, o in roles(extract(text))}
    assert {("Hugo Brandt", "University of Leeds"), ("Lena Voss", "University of Leeds")} <= found


def test_body_name_longer_than_ner_s(extract):
    text = (
        "Omar Haddad is presently working as Assistant Professor (Law) at Kingston "
        "Metropolitan Law University Leeds."
    )
    found = {o for p, _, o in roles(extract(text)) if p == "Omar Haddad"}
    assert found == {"Kingston Metropolitan Law University Leeds"}


def test_post_in_a_clause_without_subject_makes_the_subject_a_person(extract):
    text = "Okafor studied in Leeds before becoming a professor at the University of Bath."
    assert ("Okafor", "professor", "University of Bath") in roles(extract(text))


def test_name_with_its_own_body_does_not_take_the_next_name_s(extract):
    text = (
        "Physicists Alan Reed of M.I.T., Lena Voss of Stanford and Paul Hart of Princeton "
        "shared the prize."
    )
    found = roles(extract(text))
    assert not any(p == "Alan Reed" and o == "Stanford" for p, _, o in found)
    assert any(p == "Lena Voss" and o == "Stanford" for p, _, o in found)


def test_its_post_before_a_name_is_the_body_s_not_the_lexicon_s(extract):
    text = (
        "Acme Corp opened a plant in Texas on Monday. Its president Jo Bloggs said the "
        "American economy in the United States was strong and Washington agreed."
    )
    found = roles(extract(text))
    assert ("Jo Bloggs", "president", "Acme Corp") in found
    assert not any(p == "Jo Bloggs" and o == "United States" for p, _, o in found)


def test_bare_company_post_is_held_at_the_company_the_article_is_about(extract):
    text = (
        "Harwell Foods reported a sharp rise in annual profit on Tuesday. "
        "Chairman Oliver Penhaligon said the board was pleased with the results. "
        "Finance chief Ruth Adeyemi said costs would fall next year."
    )
    found = roles(extract(text))
    assert ("Oliver Penhaligon", "chairman", "Harwell Foods") in found
    assert ("Ruth Adeyemi", "finance chief", "Harwell Foods") in found


def test_bare_company_post_is_not_placed_at_a_public_body(extract):
    text = (
        "Dorset County Council approved the budget on Tuesday. "
        "Chairman Oliver Penhaligon said the vote was close."
    )
    assert not any(p == "Oliver Penhaligon" for p, _, _ in roles(extract(text)))


def test_unresolved_owner_does_not_take_the_article_s_company(extract):
    text = (
        "Harwell Foods reported a rise in profit on Tuesday. Separately, Greta Lindqvist, "
        "the orchestra's chairwoman, said ticket sales had doubled."
    )
    assert not any(p == "Greta Lindqvist" for p, _, _ in roles(extract(text)))


def test_appointing_verb_gives_the_object_the_post_at_the_subject(extract):
    text = "Brightwater Energy has appointed Samuel Okonjo as its next chief executive."
    found = roles(extract(text))
    assert ("Samuel Okonjo", "chief executive", "Brightwater Energy") in found


def test_appointing_verb_with_the_post_after_the_name(extract):
    text = "Brightwater Energy named Samuel Okonjo chief executive on Monday."
    assert ("Samuel Okonjo", "chief executive", "Brightwater Energy") in roles(extract(text))


def test_joining_a_body_named_by_an_anaphor_as_a_post(extract):
    text = (
        "Shares in Brightwater Energy rose on Monday. Samuel Okonjo, who joined the company "
        "as chief financial officer in 2019, will lead the review."
    )
    found = roles(extract(text))
    assert ("Samuel Okonjo", "chief financial officer", "Brightwater Energy") in found


def test_company_name_with_an_ampersand_is_whole(extract):
    text = "Before that, Marta Kowalczyk was finance director at Hobson & Pyle."
    assert ("Marta Kowalczyk", "finance director", "Hobson & Pyle") in roles(extract(text))


def test_shadow_post_is_not_the_government_s(extract):
    text = "Shadow treasurer Callum Fitzroy said the Australian Government had lost control."
    found = roles(extract(text))
    assert not any(p == "Callum Fitzroy" and o != "Liberal Party of Australia" for p, _, o in found)


def test_shadow_post_belongs_to_the_person_s_party(extract):
    text = (
        "Conservative MP Harriet Vane criticised the plan. Later the shadow education "
        "secretary, Harriet Vane, said schools would suffer."
    )
    found = roles(extract(text))
    assert ("Harriet Vane", "shadow education secretary", "Conservative Party") in found
    assert not any(o == "Department for Education" for _, _, o in found)


def test_independent_is_not_a_body(extract):
    text = "Independent MP Rosalind Achterberg said the bill would pass the House of Commons."
    found = roles(extract(text))
    assert not any(o == "Independent" for _, _, o in found)
    assert ("Rosalind Achterberg", "mp", "House of Commons") in found


def test_ordinal_word_opens_a_devolved_post(extract):
    text = "Wales's First Minister Gareth Pryce-Jones opened the new hospital in Cardiff."
    found = roles(extract(text))
    assert ("Gareth Pryce-Jones", "first minister", "Welsh Government") in found
    assert not any(o == "UK Government" for _, _, o in found)


def test_bare_first_minister_is_of_the_nation_the_article_names(extract):
    text = (
        "First Minister Morag Dunbar said Scotland would not wait for Westminster. "
        "The Scottish economy grew in the spring."
    )
    assert ("Morag Dunbar", "first minister", "Scottish Government") in roles(extract(text))


def test_party_branch_named_in_a_possessive_leads(extract):
    text = "The Welsh Conservatives' leader, Tomos Griffiths, called for an election."
    assert ("Tomos Griffiths", "leader", "Welsh Conservatives") in roles(extract(text))


def test_definite_post_is_the_one_person_the_sentence_before_is_about(extract):
    text = (
        "Margaret Holloway has defended her government's record on housing. "
        'Speaking in London, the prime minister said: "We are building more homes than ever."'
    )
    facts = extract(text)
    assert ("Margaret Holloway", "prime minister", "UK Government") in roles(facts)
    speakers = {f.speaker.name for f in facts.facts if isinstance(f, QuoteFact)}
    assert speakers == {"Margaret Holloway"}


def test_definite_post_with_two_people_before_stays_unresolved(extract):
    text = (
        "Margaret Holloway met Piotr Zielinski in London on Monday. "
        "The prime minister said the talks had gone well."
    )
    assert not any(r == "prime minister" for _, r, _ in roles(extract(text)))


def test_abbreviated_governor_after_a_state_is_the_state_s(extract):
    text = "Oregon Gov. Patricia Lindgren signed the bill on Friday."
    assert ("Patricia Lindgren", "governor (gov.)", "Oregon") in roles(extract(text))


def test_bare_premier_is_the_state_government_s_named_beside(extract):
    text = (
        "The Tasmanian government will build three new ferries, Premier Declan Rourke said "
        "in Hobart, Australia."
    )
    assert ("Declan Rourke", "premier", "Tasmanian Government") in roles(extract(text))


def test_ap_party_state_tag_between_commas(extract):
    text = "Sen. Marjorie Tallis, R-Idaho, said the bill would fail."
    assert ("Marjorie Tallis", "member", "Republican Party") in roles(extract(text))


def test_nationality_and_kind_before_the_body_s_name(extract):
    text = "Pieter Vandersloot, the chief executive of Belgian brewer Kordaal, resigned."
    found = roles(extract(text))
    assert ("Pieter Vandersloot", "chief executive", "Kordaal") in found
    assert not any(o == "Belgian" for _, _, o in found)


def test_federal_portfolio_minister_is_the_nation_s(extract):
    text = "Federal Energy Minister Lachlan Brodie said Australia would build more turbines."
    assert ("Lachlan Brodie", "energy minister", "Australian Government") in roles(extract(text))


def test_minister_in_a_state_article_is_not_guessed_national(extract):
    text = (
        "The Tasmanian government will fund two new schools, Premier Declan Rourke said. "
        "The federal government in Canberra was not consulted. "
        "Separately, the ferry timetable changed in March. "
        "Education Minister Priya Naidoo said the schools would open next year."
    )
    assert not any(p == "Priya Naidoo" for p, _, _ in roles(extract(text)))


def test_party_spokesperson_for_a_portfolio_is_the_party_s(extract):
    text = "Labour Treasury spokesman Hamish Dunleavy said the budget was unfair in Britain."
    found = roles(extract(text))
    assert ("Hamish Dunleavy", "treasury spokesman", "Labour Party") in found
    assert not any(o == "HM Treasury" for _, _, o in found)


def test_an_abbreviated_post_repeats_the_post_written_out(extract):
    text = (
        "Dana Wells, the chief executive officer of Brightwater Foods, said sales rose. "
        "Brightwater Foods CEO Dana Wells said prices would fall."
    )
    found = [r for r in roles(extract(text)) if r[0] == "Dana Wells"]
    assert found == [("Dana Wells", "chief executive officer", "Brightwater Foods")]


def test_a_profession_by_its_ending_is_a_post(extract):
    text = "Irene Vasquez was a cartographer at the Royal Geographical Society for a decade."
    assert ("Irene Vasquez", "cartographer", "Royal Geographical Society") in roles(extract(text))


def test_the_body_joined_is_a_body_whatever_ner_calls_it(extract):
    text = (
        "Prior to joining Kestrel Widgets in 2011, Marta Olsen was chief financial officer "
        "of Bramble Foods."
    )
    assert ("Marta Olsen", "member", "Kestrel Widgets") in roles(extract(text))


def test_a_post_title_before_an_adopted_name_is_not_part_of_it(extract):
    text = "Upon joining Brindle Catering, Chef Amara was the group executive chef of Lark Hotels."
    assert ("Amara", "group executive chef", "Lark Hotels") in roles(extract(text))


def test_the_field_of_a_professor_is_no_body(extract):
    text = (
        "Marit Halvorsen was Professor of Operations Research and of Computer Science at Harwick."
    )
    found = roles(extract(text))
    assert ("Marit Halvorsen", "professor", "Harwick") in found
    assert not any(o == "Operations Research" for _, _, o in found)


def test_leaving_to_become_a_post_is_the_subject_s_post(extract):
    text = (
        "In 1998 Halloran left the University of Leeds to become director of the Brennan Institute."
    )
    assert ("Halloran", "director", "Brennan Institute") in roles(extract(text))


def test_a_capitalised_laboratory_inside_the_body_named(extract):
    text = (
        "Following a year at Leeds University, later Okafor worked at the University of "
        "Harwick's Brennan Laboratory in England, where he met his wife."
    )
    assert ("Okafor", "employee", "Brennan Laboratory") in roles(extract(text))


def test_a_facility_that_employs(extract):
    text = "Ola Brandt worked at the Keswick Opera House for a decade."
    assert ("Ola Brandt", "employee", "Keswick Opera House") in roles(extract(text))


def test_the_foundations_chair_is_chair_of_the_body_called_a_foundation(extract):
    text = (
        "Corvane Motors said on Monday it would cut 400 jobs. Corvane Motors shares fell.\n\n"
        "Separately, the Lisle Foundation said it would give $5m to schools. "
        "Ada Lisle, the foundation's chair, said the money would buy laptops."
    )
    assert ("Ada Lisle", "chair", "Lisle Foundation") in roles(extract(text))


def test_a_state_senator_sits_in_the_state_senate_of_the_state_named_nearby(extract):
    text = (
        "WASHINGTON (AP) — Sen. Ruth Abel, D-N.Y., said New York would gain from the bill.\n\n"
        "State Sen. Dana Ortiz, D-Tampa, said Florida would need more money. "
        "Assemblymember Rosa Vega, a Democrat from Fresno, said California had been ignored."
    )
    found = roles(extract(text))
    assert ("Ruth Abel", "senator (sen.)", "United States Senate") in found
    assert ("Dana Ortiz", "senator (sen.)", "Florida State Senate") in found
    assert ("Rosa Vega", "assembly member", "California State Assembly") in found


def test_a_state_senator_without_a_state_named_gets_no_body(extract):
    text = "State Sen. Dana Ortiz said the budget was unfair."
    assert not [r for r in roles(extract(text)) if r[0] == "Dana Ortiz"]


def test_lower_case_state_senator_is_placed_in_the_articles_state(extract):
    text = (
        "Ohio lawmakers passed the budget on Friday. "
        "State senator Paul Kim said the cuts went too far."
    )
    assert ("Paul Kim", "state senator", "Ohio State Senate") in roles(extract(text))


def test_the_house_in_a_us_article_is_the_house_of_representatives(extract):
    text = (
        "WASHINGTON (AP) — The White House said on Friday that the United States would "
        "send aid to Texas.\n\n"
        "House Republican leader Mark Doyle said the bill would pass."
    )
    found = roles(extract(text))
    assert ("Mark Doyle", "leader", "United States House of Representatives") in found
    assert not [r for r in found if r[2] == "White House"]


def test_a_bare_chief_executive_belongs_to_the_company_named_most_in_the_text(extract):
    text = (
        "Halden Group agreed to buy Marwick Holdings on Tuesday.\n\n"
        "Halden said profit rose. Halden shares rose 6%. Marwick said it backed the deal.\n\n"
        "Chief Executive Ann Berg said the deal made sense."
    )
    assert ("Ann Berg", "chief executive", "Halden Group") in roles(extract(text))


def test_a_state_word_before_a_government_post_makes_it_the_states(extract):
    found = roles(
        extract(
            "Queensland Treasurer Cameron Dick said Brisbane would host the talks. "
            "The South Australian Premier, Peter Malinauskas, agreed. Canberra stayed silent."
        )
    )
    assert ("Cameron Dick", "treasurer", "Queensland Government") in found
    assert ("Peter Malinauskas", "premier", "South Australian Government") in found


def test_a_state_and_a_portfolio_before_minister(extract):
    found = roles(extract("NSW Education Minister Prue Car visited a school in Sydney."))
    assert ("Prue Car", "education minister", "NSW Government") in found


def test_a_minister_in_an_article_about_a_state_government_is_the_states(extract):
    found = roles(
        extract(
            "SYDNEY — The NSW government will build 30 new schools in western Sydney.\n\n"
            "Education Minister Prue Car said the first would open in 2026."
        )
    )
    assert ("Prue Car", "education minister", "NSW Government") in found


def test_a_unions_branch_post_is_the_unions(extract):
    found = roles(
        extract("The Australian Workers' Union's Victorian secretary, Ronnie Hayden, said no.")
    )
    assert any(p == "Ronnie Hayden" and "Union" in o for p, _, o in found)
    assert not any(o in {"Victorian", "Victorian Government"} for _, _, o in found)


def test_a_body_in_capitals_ner_takes_for_a_number_stays_in_the_title(extract):
    found = roles(extract("NSW Ambulance Commissioner Dominic Morgan said crews were ready."))
    assert ("Dominic Morgan", "commissioner", "NSW Ambulance") in found


def test_a_government_named_after_its_leader_is_the_government_they_lead(extract):
    facts = extract(
        "Prime Minister Mark Tallis said the money was well spent. "
        "The Tallis government will spend $2 billion on new hospitals, the minister said. "
        "Melbourne and Sydney will get the first of them."
    )
    assert ("Mark Tallis", "prime minister", "Australian Government") in roles(facts)
    funders = {f.funder.name for f in facts.facts if f.__class__.__name__ == "FundingFact"}
    assert funders == {"Australian Government"}


def test_its_after_a_sentence_about_an_unnamed_body_is_not_the_last_named_body(extract):
    found = roles(
        extract(
            "Royal Mail cut the fees it paid to village shops. The town council wants to buy the "
            "shop. Its chairman, Tom Hale, said talks had begun."
        )
    )
    assert not any(p == "Tom Hale" for p, _, _ in found)


def test_its_after_a_named_bodys_board_is_that_bodys(extract):
    found = roles(
        extract(
            "Acme Foods agreed to buy Norbridge Holdings. Norbridge's board backed the offer. "
            "Its chairman, Tom Hale, said the price was fair."
        )
    )
    assert ("Tom Hale", "chairman", "Norbridge Holdings") in found


def test_a_body_described_before_its_name(extract):
    found = roles(
        extract("Jo Marsh, the chief executive of the charity Homes For All, said it was late.")
    )
    assert ("Jo Marsh", "chief executive", "Homes For All") in found


def test_a_company_named_without_group_later_is_the_same_company(extract):
    found = roles(
        extract(
            "Brindle Group reported higher profits on Tuesday. "
            "Brindle finance chief Anna Lowe said costs had fallen."
        )
    )
    assert ("Anna Lowe", "finance chief", "Brindle Group") in found


def test_a_national_post_in_sentences_about_another_country_is_that_countrys(extract):
    text = (
        "Britain and Canada signed a trade agreement in London on Monday, the UK government "
        "said. Prime Minister Keir Starmer said British exporters would gain most.\n\n"
        "In Ottawa, Prime Minister Mark Carney said Canada would cut tariffs on British cheese.\n\n"
        "The Treasury said Britain would publish the text."
    )
    found = roles(extract(text))
    assert ("Mark Carney", "prime minister", "Government of Canada") in found
    assert ("Keir Starmer", "prime minister", "UK Government") in found


def test_a_trip_abroad_or_a_foreign_leader_met_leaves_the_post_at_home(extract):
    text = (
        "Britain will cut tariffs, the UK government said in London. "
        "Prime Minister Keir Starmer met French President Emmanuel Macron in Paris "
        "and will travel to Washington next week."
    )
    found = roles(extract(text))
    assert ("Keir Starmer", "prime minister", "UK Government") in found


def test_the_seat_an_mp_sits_for_is_no_person(extract):
    facts = extract(
        "The letter, signed by the Labour MP for Bolton West, Martha Ellingworth, was sent "
        "to Downing Street in London."
    )
    assert not any(p == "Bolton West" for p, _, _ in roles(facts))


def test_a_title_after_a_preposition_before_the_name(extract):
    found = roles(
        extract(
            "The motion, tabled by the Green MP for Brighton Pavilion, Sian Berry, was lost "
            "in Westminster."
        )
    )
    assert ("Sian Berry", "mp", "House of Commons") in found


def test_a_named_owner_opens_a_title_before_the_name(extract):
    found = roles(extract("Shelter's policy director, Jo Marsh, said rents in London had doubled."))
    assert ("Jo Marsh", "policy director", "Shelter") in found


def test_council_posts_in_an_article_about_one_council(extract):
    text = (
        "Hartwell District Council has approved a new leisure centre. A grant from Sport "
        "England will pay for part of it.\n\n"
        "Councillor Amy Stone, the cabinet member for leisure, said work would start soon.\n\n"
        "The council leader, Raj Patel, said Hartwell District Council had listened."
    )
    found = roles(extract(text))
    assert ("Amy Stone", "cabinet member", "Hartwell District Council") in found
    assert ("Raj Patel", "leader", "Hartwell District Council") in found
    assert not any(o == "Sport England" for _, _, o in found)


def test_a_majority_leader_leads_in_the_chamber_the_sentence_names(extract):
    text = (
        "WASHINGTON (AP) — Congress voted on the bill on Friday. In the Senate, Majority "
        "Leader Jo Banks, D-Ohio, said a vote would come late Friday."
    )
    assert ("Jo Banks", "majority leader", "United States Senate") in roles(extract(text))


def test_a_treasurer_and_premier_of_a_state_budget_story_are_the_states(extract):
    text = (
        "HOBART — The Tasmanian government will spend $300 million on ferries, Treasurer Eric "
        "Abetz said on Tuesday.\n\n"
        "The deficit will grow to $1.2 billion next year.\n\n"
        "Premier Jeremy Rockliff said the ferries would be built in Australia."
    )
    found = roles(extract(text))
    assert ("Eric Abetz", "treasurer", "Tasmanian Government") in found
    assert ("Jeremy Rockliff", "premier", "Tasmanian Government") in found


def test_a_legislative_leader_tagged_with_a_town_sits_in_the_state_chamber(extract):
    text = (
        "SALEM, Ore. (AP) — Oregon lawmakers passed the budget. Senate Majority Leader "
        "Kate Lund, D-Eugene, said it was fair."
    )
    assert ("Kate Lund", "senate majority leader", "Oregon State Senate") in roles(extract(text))


def test_a_governor_without_a_state_before_the_title_is_the_articles_states(extract):
    text = "SALEM, Ore. (AP) — Gov. Tina Kotek signed the Oregon budget on Monday."
    assert ("Tina Kotek", "governor (gov.)", "Oregon") in roles(extract(text))


def test_a_bare_treasurer_in_a_national_story_is_the_nations(extract):
    text = (
        "Prime Minister Ann Ray has announced a $2 billion plan for regional Australia.\n\n"
        "Treasurer Tom Hale told reporters the plan was fully costed.\n\n"
        "Separately, the Queensland government will spend $50 million on rural roads."
    )
    found = roles(extract(text))
    assert ("Tom Hale", "treasurer", "Australian Government") in found
    assert not any(r[0] == "Tom Hale" and r[2] == "Queensland Government" for r in found)


def test_a_body_named_inside_a_well_known_post_is_not_a_second_body(extract):
    text = "Sam Ortiz remains Chancellor of the Exchequer, and Ann Lowe becomes Science Secretary."
    roles = {
        (f.person.name, f.role, f.organisation.name)
        for f in extract(text).facts
        if isinstance(f, RoleFact)
    }
    assert (
        "Ann Lowe",
        "Science Secretary",
        "Department for Science, Innovation and Technology",
    ) in roles
    assert not {o for _, _, o in roles} & {"Exchequer", "Science"}


def test_a_post_in_service_to_another_is_not_the_other_post(extract):
    text = "Tom Reid, the chief secretary to the Prime Minister, joined the Cabinet in London."
    roles = [(f.person.name, f.role) for f in extract(text).facts if isinstance(f, RoleFact)]
    assert ("Tom Reid", "Prime Minister") not in roles


def test_promoted_to_a_post_holds_it(extract):
    text = "Halden Foods promoted Jane Doe to chief operating officer."
    roles = [
        (f.person.name, f.role, f.organisation.name)
        for f in extract(text).facts
        if isinstance(f, RoleFact)
    ]
    assert roles == [("Jane Doe", "chief operating officer", "Halden Foods")]


def test_an_honorific_between_comma_and_name_keeps_the_title_before(extract):
    text = "The Green Party leader, Sir Tom Hale, called for an early election in Britain."
    roles = [
        (f.person.name, f.role, f.organisation.name)
        for f in extract(text).facts
        if isinstance(f, RoleFact)
    ]
    assert ("Tom Hale", "leader", "Green Party") in roles


def test_a_vice_chancellor_is_not_the_chancellor(extract):
    text = (
        "Researchers at Dunmore University won the prize in London.\n\n"
        "The university's vice-chancellor, Professor Ian Rusk, said he was proud."
    )
    roles = [f.organisation.name for f in extract(text).facts if isinstance(f, RoleFact)]
    assert "HM Treasury" not in roles


def test_led_by_a_titled_person_gives_the_title_not_leader(extract):
    text = (
        "The Federal Aviation Administration, led by Administrator Ruth Kell, is conducting "
        "a review."
    )
    roles = [(f.person.name, f.role) for f in extract(text).facts if isinstance(f, RoleFact)]
    assert roles == [("Ruth Kell", "Administrator")]


def test_whose_post_belongs_to_the_body_the_relative_clause_hangs_on(extract):
    text = "The grant goes to Dunmore Council, whose leader, Ann Coyle, said it was welcome."
    roles = [
        (f.person.name, f.role, f.organisation.name)
        for f in extract(text).facts
        if isinstance(f, RoleFact)
    ]
    assert roles == [("Ann Coyle", "leader", "Dunmore Council")]


def test_a_title_after_a_party_tag_is_the_named_persons(extract):
    text = (
        "Sen. Ann Ruiz, D-Ore., the chairwoman of the Senate Finance Committee, opened the hearing."
    )
    roles = [
        (f.person.name, f.role, f.organisation.name)
        for f in extract(text).facts
        if isinstance(f, RoleFact)
    ]
    assert ("Ann Ruiz", "chairwoman", "Senate Finance Committee") in roles


def test_a_speaker_described_as_from_a_town_sits_in_the_state_house(extract):
    text = (
        "Ohio lawmakers passed the budget on Monday.\n\n"
        "House Speaker Dan Roe, a Republican from Mill Creek, said his chamber would review it."
    )
    roles = [
        (f.person.name, f.organisation.name) for f in extract(text).facts if isinstance(f, RoleFact)
    ]
    assert ("Dan Roe", "Ohio House of Representatives") in roles


def test_a_colleague_named_after_with_does_not_work_where_the_subject_does(extract):
    text = "Ruth Okafor joined Harland Logistics in 2015 and worked with Tom Ellery on the merger."
    found = roles(extract(text))
    assert not any(p == "Tom Ellery" and o == "Harland Logistics" for p, _, o in found)


def test_a_post_refused_or_hoped_for_is_not_held(extract):
    text = (
        "Dana Whitlock said she refused to chair the Harbour Trust. "
        "Omar Felde hopes to lead the Greenway Alliance."
    )
    found = roles(extract(text))
    assert not any(o in {"Harbour Trust", "Greenway Alliance"} for _, _, o in found)


def test_a_post_the_clause_gives_elsewhere_is_not_the_employers(extract):
    text = (
        "Priya Nand has held engineering posts with Corvan Systems, "
        "and served as consultant to Lockwell Partners."
    )
    found = roles(extract(text))
    assert ("Priya Nand", "employee", "Corvan Systems") in found
    assert ("Priya Nand", "consultant", "Lockwell Partners") in found


def test_a_title_after_of_and_a_noun_that_is_no_post_starts_at_the_title(extract):
    text = "After the resignation of Tory MP Jo Bloggs, the whips met in private."
    found = roles(extract(text))
    assert ("Jo Bloggs", "member", "Conservative Party") in found
    assert ("Jo Bloggs", "mp", "House of Commons") in found


def test_a_body_resigned_from_or_left_is_a_former_post(extract):
    found = roles(extract("Jo Bloggs resigned from Halden Bank in 2019."))
    assert ("Jo Bloggs", "former employee", "Halden Bank") in found
    found = roles(extract("Ann Lee left the Green Party in 2020."))
    assert ("Ann Lee", "former member", "Green Party") in found


def test_a_post_taken_up_after_leaving_is_not_former(extract):
    text = "Tom Hale left Corvan Systems to become chief executive of Ledbury Foods."
    found = roles(extract(text))
    assert ("Tom Hale", "chief executive", "Ledbury Foods") in found
    assert ("Tom Hale", "former member", "Corvan Systems") in found


def test_a_bare_surname_two_people_share_gets_no_post(extract):
    text = (
        "Sen. Mark Ravel met voters in Dayton with his wife, Ellen Ravel. "
        "Ellen Ravel spoke first. The mayor praised the endorsement of Senator Ravel."
    )
    found = roles(extract(text))
    assert not any(p == "Ellen Ravel" for p, _, _ in found)


def test_a_name_serving_as_a_post_is_a_person(extract):
    text = "Bastable previously served as chief operating officer at Corvan Systems."
    # "previously": a post held before, as the fact says
    assert ("Bastable", "former chief operating officer", "Corvan Systems") in roles(extract(text))


def test_an_assistant_to_a_post_holds_only_the_assistants_post(extract):
    text = "Mia Torres joined Halden Bank as assistant to the director of Retail Lending."
    found = roles(extract(text))
    assert ("Mia Torres", "assistant", "Halden Bank") in found
    assert not any(o == "Retail Lending" for _, _, o in found)


def test_a_place_after_for_is_the_territory_not_the_employer(extract):
    text = "Niall Byrne is Country Manager for Ireland at Halden Bank."
    found = roles(extract(text))
    assert ("Niall Byrne", "country manager", "Halden Bank") in found
    assert not any(o == "Ireland" for _, _, o in found)


def test_a_ministers_portfolio_is_not_a_body(extract):
    text = "The Minister of Foreign Affairs, Karl Brenner, flew to Vienna."
    assert not any(o == "Foreign Affairs" for _, _, o in roles(extract(text)))


def test_a_name_that_qualifies_a_post_is_not_the_post_holder(extract):
    text = "Ravel was a Kestrel adviser at Halden Bank for a decade."
    assert not any(p == "Kestrel" for p, _, _ in roles(extract(text)))


def test_a_party_before_a_post_of_a_place_is_membership_not_the_posts_body(extract):
    text = "The Labour mayor of the Humber, Jonathan Brisk, said he would bid for the money."
    found = roles(extract(text))
    assert ("Jonathan Brisk", "member", "Labour Party") in found
    assert not any(org == "Labour Party" and post != "member" for _, post, org in found)


def test_a_body_named_with_of_before_a_post_is_the_posts_body(extract):
    text = "Rural Doctors Association of Tasmania president Dr Kate Morrow said beds were short."
    found = roles(extract(text))
    assert ("Kate Morrow", "president", "Rural Doctors Association of Tasmania") in found


def test_a_portfolio_ner_calls_a_body_is_part_of_the_ministers_post(extract):
    text = (
        "Canada will act, International Trade Minister Claire Beaulieu said in Ottawa. "
        "Canada will talk to Canadian firms."
    )
    found = roles(extract(text))
    assert ("Claire Beaulieu", "international trade minister", "Government of Canada") in found


def test_a_members_seat_is_held_beside_the_chamber(extract):
    text = "Gareth Pryce, the Conservative MP for North Wolds, said the fund was welcome in the UK."
    found = roles(extract(text))
    assert ("Gareth Pryce", "mp", "House of Commons") in found
    assert ("Gareth Pryce", "mp", "North Wolds") in found


def test_a_bare_mayor_is_the_mayor_of_the_city_whose_council_the_article_names(extract):
    text = (
        "The Dunmore City Council approved a budget on Tuesday.\n\n"
        "Mayor Teresa Quon said the vote was hard. Acting City Manager Paula Nguyen said "
        "staff would look for savings."
    )
    found = roles(extract(text))
    assert ("Teresa Quon", "mayor", "Dunmore") in found
    assert ("Paula Nguyen", "acting city manager", "Dunmore") in found


def test_a_bare_mayor_in_a_datelined_story_is_that_citys(extract):
    text = "HARLOW — Mayor Teresa Quon said on Tuesday that the budget was balanced."
    assert ("Teresa Quon", "mayor", "Harlow") in roles(extract(text))


def test_a_post_naming_a_kind_of_body_is_held_in_the_one_body_of_that_kind(extract):
    text = (
        "The budget adds 12 officers to the Dunmore Police Department.\n\n"
        "Police Chief Marcus Bell said response times had risen."
    )
    found = roles(extract(text))
    assert ("Marcus Bell", "police chief", "Dunmore Police Department") in found


def test_a_party_leader_of_a_council_leads_the_council_not_the_party(extract):
    text = "The Labour leader of Harwick Borough Council, Imran Sheikh, said the plan was late."
    found = roles(extract(text))
    assert ("Imran Sheikh", "leader", "Harwick Borough Council") in found
    assert ("Imran Sheikh", "leader", "Labour Party") not in found


def test_the_trust_named_long_before_is_the_one_trust(extract):
    text = (
        "Dunmore General Hospital is run by North Dunmore NHS Foundation Trust. Beds are "
        "short. Staff are tired. Wards are full. Waits are long. Nurses left. Doctors "
        "quit.\n\nThe trust's chief executive, Dr Rebecca Onuoha, said staff were tired."
    )
    found = roles(extract(text))
    assert ("Rebecca Onuoha", "chief executive", "North Dunmore NHS Foundation Trust") in found


def test_a_title_before_a_titled_name_is_held_too(extract):
    text = "The opposition's housing spokeswoman, Liberal MP Natalie Chua, said the plan failed."
    found = roles(extract(text))
    assert ("Natalie Chua", "housing spokeswoman", "Opposition") in found


def test_the_forces_commander_for_a_town_serves_in_the_force(extract):
    text = (
        "Youth scheme approved\n\n"
        "On Tuesday, Greater Manchester Police said it would send two officers to the estate. "
        "Chief Superintendent Alan Birch, the force's commander for Bolton, said reports had "
        "risen."
    )
    found = {(p, org) for p, _, org in roles(extract(text))}
    assert ("Alan Birch", "Greater Manchester Police") in found
    assert ("Alan Birch", "Bolton") not in found


def test_a_post_whose_body_is_named_by_whose_beats_the_lexicon(extract):
    text = (
        "The measure is backed by the Rural Broadband Alliance, whose president, Carla "
        "Jennings, said the grants would reach homes."
    )
    found = roles(extract(text))
    assert ("Carla Jennings", "president", "Rural Broadband Alliance") in found


def test_a_state_representative_sits_in_the_chamber_not_the_committee_she_chairs(extract):
    text = (
        "LANSING, Mich. — State Representative Joyce Whitaker, who chairs the House "
        "Appropriations Committee, called the plan good. Michigan lawmakers agreed."
    )
    found = roles(extract(text))
    assert ("Joyce Whitaker", "chair", "House Appropriations Committee") in found
    assert ("Joyce Whitaker", "state representative", "Michigan House of Representatives") in found


def test_an_institution_ner_calls_a_person_is_the_body_of_the_post(extract):
    text = "Cairns Hospital’s acting chief executive, Dr Priya Raman, said the ward was full."
    found = roles(extract(text))
    assert ("Priya Raman", "acting chief executive", "Cairns Hospital") in found


def test_an_owners_post_in_apposition_is_not_held_at_the_body_before_it(extract):
    text = (
        "Coral Sea Resources has donated $5 million to the Townsville Hospital Foundation, "
        "the company's chairman, Ian Buckley, said on Thursday."
    )
    found = {(p, org) for p, _, org in roles(extract(text))}
    assert ("Ian Buckley", "Townsville Hospital Foundation") not in found


def test_the_charitys_chair_chairs_the_body_that_calls_itself_a_charity(extract):
    text = (
        "Harwick is a market town. Harwick has one hospital. People in Harwick love it.\n\n"
        "Separately, Harwick Hospital Charity has pledged £1.2m towards a new wing. The "
        "charity's chair, Patricia Noakes, said donations had poured in."
    )
    found = roles(extract(text))
    assert ("Patricia Noakes", "chair", "Harwick Hospital Charity") in found


def test_an_mps_seat_is_no_body_the_company_or_it_can_mean(extract):
    text = (
        "Fiona Castell, the Conservative MP for Harwick North, backed the plan.\n\n"
        "Harwick Hospital Charity has pledged £1.2m. The charity's chair, Patricia Noakes, "
        "said donations had poured in."
    )
    found = {(p, org) for p, _, org in roles(extract(text))}
    assert ("Patricia Noakes", "Harwick North") not in found


def test_a_bare_company_post_belongs_to_the_company_its_sentence_is_about(extract):
    text = (
        "Kestrel Biosciences Inc. agreed to be bought. Kestrel makes drugs. Kestrel shares "
        "rose. Kestrel staff cheered. Kestrel said little.\n\n"
        "Halvard Pharma Inc. will pay with cash on hand and a bridge loan, according to Chief "
        "Financial Officer Dana Wu."
    )
    found = roles(extract(text))
    assert ("Dana Wu", "chief financial officer", "Halvard Pharma Inc.") in found


def test_the_companys_chairman_is_the_chairman_of_the_company_the_sentence_is_about(extract):
    text = (
        "The LNP said the plan was late.\n\n"
        "Coral Sea Resources has donated $5 million to the Townsville Hospital Foundation, "
        "the company's chairman, Ian Buckley, said on Thursday."
    )
    found = roles(extract(text))
    assert ("Ian Buckley", "chairman", "Coral Sea Resources") in found


def test_whose_president_is_the_bodys_president_however_parsed(extract):
    text = (
        "The Michigan Federation of Teachers, whose president, Darnell Price, took part in "
        "the ceremony, said the union welcomed the raise."
    )
    found = roles(extract(text))
    assert ("Darnell Price", "president", "Michigan Federation of Teachers") in found
    assert not any(org == "United States" for _, _, org in found)


def test_a_post_listed_after_others_counts_even_when_tagged_as_a_verb(extract):
    found = roles(extract("Ruth Okafor was an American engineer, test pilot and NASA astronaut."))
    assert ("Ruth Okafor", "astronaut", "NASA") in found


def test_a_post_in_the_plural_before_a_list_of_names_is_each_ones(extract):
    found = roles(extract("Two directors of Harlow Foods, Jo Bloggs and Ann Lee, resigned."))
    assert ("Jo Bloggs", "director", "Harlow Foods") in found
    assert ("Ann Lee", "director", "Harlow Foods") in found


def test_a_plural_title_before_names_is_held_in_the_singular(extract):
    found = roles(
        extract("The study was led by Stanford University professors Mia Cole and Tom Berg.")
    )
    assert ("Mia Cole", "professor", "Stanford University") in found
    assert ("Tom Berg", "professor", "Stanford University") in found


def test_a_second_post_in_a_copular_list_has_its_own_body(extract):
    text = "Tom Cole was a professor at Yale University and a scholar at the Brookings Institute."
    found = roles(extract(text))
    assert ("Tom Cole", "professor", "Yale University") in found
    assert ("Tom Cole", "scholar", "Brookings Institute") in found


def test_a_bare_ministerial_post_in_a_devolved_governments_story_is_that_governments(extract):
    text = (
        "Welsh ministers have announced a £30m fund for rural pharmacies.\n\n"
        "The money will be shared between the seven health boards.\n\n"
        "Health Secretary Ffion Rees announced the fund in Aberystwyth on Monday."
    )
    found = roles(extract(text))
    assert ("Ffion Rees", "health secretary", "Welsh Government") in found


def test_a_state_ministers_post_in_a_story_a_premier_leads_despite_a_federal_mention(extract):
    text = (
        "Queensland Premier Jo Bloggs has announced a $2 billion plan for regional hospitals.\n\n"
        "Health Minister Ann Lee said work would start in Mackay next year.\n\n"
        "Federal Health Minister Tom Berg said Canberra would add $300 million."
    )
    found = roles(extract(text))
    assert ("Ann Lee", "health minister", "Queensland Government") in found
    assert not any(p == "Ann Lee" and o == "Australian Government" for p, _, o in found)


def test_a_uk_story_that_mentions_a_devolved_government_later_keeps_uk_ministers(extract):
    text = (
        "Health Secretary Ann Lee has announced £200m for hospital car parks in England.\n\n"
        "Hospitals will bid for the money from April.\n\n"
        "The Scottish Government said it would consider a similar scheme."
    )
    found = roles(extract(text))
    assert ("Ann Lee", "health secretary", "Department of Health and Social Care") in found


def test_a_party_council_leader_leads_the_council_and_is_a_party_member(extract):
    text = (
        "Dunmore City Council has pledged £1m for youth clubs.\n\n"
        "Labour council leader Ruth Okafor said the clubs would open in May."
    )
    found = roles(extract(text))
    assert ("Ruth Okafor", "leader", "Dunmore City Council") in found
    assert ("Ruth Okafor", "member", "Labour Party") in found
    assert not any(
        p == "Ruth Okafor" and r == "leader" and o == "Labour Party" for p, r, o in found
    )


def test_an_apposition_naming_the_party_noun_is_a_membership(extract):
    found = roles(extract("Assembly Speaker Ann Lee, a Democrat from Reno, said the bill passed."))
    assert ("Ann Lee", "member", "Democratic Party") in found
    found = roles(extract("Tom Berg, a two-term Republican, said the bill failed."))
    assert ("Tom Berg", "member", "Republican Party") in found


def test_a_party_noun_that_modifies_another_noun_is_no_membership(extract):
    found = roles(extract("Tom Berg, a Republican donor, said the bill failed."))
    assert not any(r == "member" for _, r, _ in found)


def test_a_former_party_noun_is_a_former_membership(extract):
    found = roles(extract("Ann Lee, a former Conservative, said the bill failed."))
    assert ("Ann Lee", "former member", "Conservative Party") in found


def test_a_party_before_a_title_abbreviation_is_a_membership(extract):
    text = "Republican state Sen. Dale Okafor of Elko said the program would hurt farms in Nevada."
    found = roles(extract(text))
    assert ("Dale Okafor", "member", "Republican Party") in found


def test_a_councillor_by_title_abbreviation_sits_on_the_articles_council(extract):
    text = (
        "Dunmore City Council has pledged £1m for youth clubs. Dunmore City Council will "
        "vote on it in May.\n\n"
        "Cllr Tom Berg said the clubs were overdue."
    )
    found = roles(extract(text))
    assert ("Tom Berg", "councillor (cllr)", "Dunmore City Council") in found


def test_leading_a_partys_group_is_membership_not_the_council_it_sits_on(extract):
    text = (
        "Dunmore City Council has pledged £1m for youth clubs.\n\n"
        "Ann Lee, who leads the Liberal Democrat opposition group on the council, said the "
        "clubs were overdue."
    )
    found = roles(extract(text))
    assert ("Ann Lee", "member", "Liberal Democrats") in found
    assert not any(p == "Ann Lee" and r == "leader" for p, r, _ in found)


def test_a_body_named_after_lower_case_words_saying_what_it_is(extract):
    text = "Tom Berg, chief executive of the homelessness charity Harbour House, said so."
    found = roles(extract(text))
    assert ("Tom Berg", "chief executive", "Harbour House") in found


def test_the_body_someone_joined_another_from_is_a_former_one(extract):
    found = roles(extract("Ann Lee joined Acme Corp from Beta Bank in 2020."))
    assert ("Ann Lee", "former employee", "Beta Bank") in found
    assert not any(p == "Ann Lee" and r == "employee" and o == "Beta Bank" for p, r, o in found)


def test_a_partys_government_in_a_promise_is_not_the_government_in_office(extract):
    text = (
        "Queensland Premier Jo Bloggs has announced $650 million to expand emergency "
        "departments at five regional hospitals.\n\n"
        "The union is seeking a 15 per cent pay rise. The Government has offered 9 per cent."
        "\n\nLNP leader Ann Lee said the Government was “pouring concrete instead of paying "
        "people” and promised that an LNP government would hold an independent review."
    )
    found = roles(extract(text))
    assert ("Jo Bloggs", "premier", "Queensland Government") in found
    assert not any(o == "LNP Government" for _, _, o in found)


def test_a_post_ner_ran_into_the_companys_name_is_read_whole(extract):
    text = (
        'Brannock Foods Inc said it would buy a rival. "It is a great deal," Brannock '
        "Chief Executive Officer Laura Brandt said on a call with analysts."
    )
    found = roles(extract(text))
    assert ("Laura Brandt", "chief executive officer", "Brannock Foods Inc") in found


def test_an_acting_post_before_a_name_in_apposition(extract):
    text = (
        "Dunmore City Council has pledged £1m for youth clubs.\n\n"
        "The council's acting chief executive, Ruth Okafor, told a meeting on Monday that "
        "savings elsewhere would cover the cost."
    )
    found = roles(extract(text))
    assert ("Ruth Okafor", "acting chief executive", "Dunmore City Council") in found


def test_a_body_named_elsewhere_whose_name_has_a_preposition_heads_a_title(extract):
    text = (
        "He said Transport for Scotland would run the new buses.\n\n"
        "Transport for Scotland chief executive Ruth Okafor said the company was ready."
    )
    found = roles(extract(text))
    assert ("Ruth Okafor", "chief executive", "Transport for Scotland") in found


def test_a_one_word_body_ner_cut_before_the_place_it_serves(extract):
    facts = extract("A spokesman for Transport for NSW said the increase reflected higher costs.")
    speakers = {f.speaker.name for f in facts.facts if isinstance(f, QuoteFact)}
    assert speakers == {"Transport for NSW"}


def test_a_province_ner_took_for_a_person_still_leads_the_story(extract):
    text = (
        "Manitoba pledges $60M to recruit rural doctors\n\n"
        "The Manitoba government says it will spend $60 million over three years on rural "
        "doctors.\n\n"
        "Health Minister Ann Lee announced the plan in Dauphin on Wednesday.\n\n"
        "Dr. Tom Berg, who is president of Doctors Manitoba, the association representing "
        "the province's physicians, welcomed the incentives but said they would only work "
        "if doctors were not left to cover emergency shifts alone."
    )
    found = roles(extract(text))
    assert ("Ann Lee", "health minister", "Government of Manitoba") in found
    facts = extract(text)
    assert not any(e.kind is EntityKind.PERSON and e.name == "Manitoba" for e in facts.entities)


def test_a_portfolio_of_two_words_before_minister_is_part_of_the_post(extract):
    text = "Regional Development Minister Ann Lee opened the dam in Napier, New Zealand."
    found = roles(extract(text))
    assert ("Ann Lee", "regional development minister", "New Zealand Government") in found


def test_a_state_before_a_portfolio_still_places_the_minister(extract):
    text = "NSW Roads Minister Ann Lee opened the bypass near Bega, New South Wales."
    found = roles(extract(text))
    assert ("Ann Lee", "roads minister", "NSW Government") in found


def test_a_senate_post_of_a_legislator_tagged_with_a_town_is_the_state_senates(extract):
    text = (
        "COLUMBUS, Ohio (AP) — Gov. Jo Bloggs on Monday proposed a new budget.\n\n"
        "Senate President Tom Berg, a Republican from Findlay, said the Senate would take a "
        "hard look."
    )
    found = roles(extract(text))
    assert ("Tom Berg", "president", "Ohio State Senate") in found


def test_a_company_ner_left_untagged_after_a_headline_is_a_body(extract):
    text = (
        "Battery analytics startup Kestrel raises $42M Series B led by Harbourline\n\n"
        "Kestrel Analytics, a Denver-based startup whose software predicts when batteries will "
        "fail, has raised $42 million in a Series B round, the company said on Tuesday.\n\n"
        "Chief executive Maya Lindqvist said the round would be used to double the team."
    )
    found = roles(extract(text))
    assert ("Maya Lindqvist", "chief executive", "Kestrel Analytics") in found


def test_a_bare_mayor_is_the_mayor_of_the_dateline_after_a_headline(extract):
    text = (
        "Kelbrook wins $18.5M grant for riverfront path\n\n"
        "KELBROOK — The City Council voted 6-1 on Tuesday to borrow $40 million for the path.\n\n"
        "Mayor Ruth Okafor called the grant the biggest investment in downtown in decades."
    )
    found = roles(extract(text))
    assert ("Ruth Okafor", "mayor", "Kelbrook") in found


def test_a_party_post_in_apposition_before_a_relative_clause(extract):
    text = (
        "Tom Berg, the Conservative councillor who chairs the scrutiny committee, warned that "
        "taxpayers would cover any losses."
    )
    found = roles(extract(text))
    assert ("Tom Berg", "member", "Conservative Party") in found


def test_a_former_post_without_its_body_is_not_placed_in_the_storys_council(extract):
    text = (
        "Dunmore City Council has pledged £1m for youth clubs. Dunmore City Council will "
        "vote in May.\n\n"
        "Mr Berg, a former Conservative councillor who was elected mayor in 2021, said so."
    )
    found = roles(extract(text))
    assert not any(r == "former councillor" for _, r, _ in found)


def test_a_party_named_with_party_before_a_post_is_membership(extract):
    text = (
        "Mr Okafor, a former district councillor, is the National Party MP for Tukituki in "
        "New Zealand."
    )
    found = roles(extract(text))
    assert ("Okafor", "member", "New Zealand National Party") in found
    assert not any(o in {"Party", "National Party"} for _, _, o in found)


def test_a_td_sits_for_a_constituency_and_in_the_dail(extract):
    found = roles(extract("Fianna Fáil TD Ann Lee said the scheme was too small, in Dublin."))
    assert ("Ann Lee", "td", "Dáil Éireann") in found
    found = roles(extract("Mr Berg is a TD for Roscommon-Galway in Ireland."))
    assert ("Berg", "td", "Roscommon-Galway") in found


def test_appointed_to_a_body_of_members_is_membership(extract):
    found = roles(extract("Ann Lee, a former teacher, was appointed to the Cabinet in January."))
    assert ("Ann Lee", "member", "Cabinet") in found
    found = roles(extract("Tom Berg joined the board of Acme Corp in 2019."))
    assert ("Tom Berg", "member", "Acme Corp") in found
    assert not any(r == "employee" for _, r, _ in found)


def test_a_post_named_with_its_party_refers_back_to_its_holder(extract):
    found = roles(
        extract(
            "Minister Ciarán Delaney said the grants would open in May. The Fianna Fáil "
            "minister said shops had been hit hardest."
        )
    )
    assert ("Ciarán Delaney", "member", "Fianna Fáil") in found


def test_a_party_ner_took_for_a_person_with_its_possessive_is_the_partys(extract):
    found = roles(
        extract(
            "Sinn Féin's rural affairs spokesperson, Pádraig Ó Ceallaigh, said the money "
            "would not go far."
        )
    )
    assert ("Pádraig Ó Ceallaigh", "rural affairs spokesperson", "Sinn Féin") in found


def test_a_premier_in_a_story_where_the_province_acts_is_its_governments(extract):
    found = roles(
        extract(
            "EDMONTON — Alberta will spend $300 million over four years on rural clinics, "
            "Premier Jo Whitlock announced Tuesday."
        )
    )
    assert ("Jo Whitlock", "premier", "Government of Alberta") in found


def test_a_provincial_member_sits_in_the_provinces_legislature(extract):
    found = roles(
        extract(
            "EDMONTON — Alberta will spend $300 million on rural clinics, Premier Jo Whitlock "
            "announced. Sam Okafor, a UCP MLA for Calgary-Bow, said the clinics were overdue."
        )
    )
    assert ("Sam Okafor", "mla", "Legislative Assembly of Alberta") in found
    assert ("Sam Okafor", "member", "United Conservative Party") in found


def test_a_us_city_councilmember_sits_on_the_articles_council(extract):
    found = roles(
        extract(
            "DAYTON — Dayton City Council voted 6-1 on Monday to fund the plan. "
            "Councilmember Ruth Ambler cast the lone no vote."
        )
    )
    assert ("Ruth Ambler", "councilmember", "Dayton City Council") in found


def test_a_city_post_is_held_in_the_articles_city(extract):
    found = roles(
        extract(
            "DAYTON — The council voted on Monday. The city faces a $12 million gap next "
            "year, city Finance Director Omar Pryce told council last week."
        )
    )
    assert any(p == "Omar Pryce" and "finance director" in r and o == "Dayton" for p, r, o in found)


def test_a_post_after_a_kind_of_body_is_not_the_nations(extract):
    found = roles(
        extract(
            "The Ohio Education Association, the state's largest teachers union, said it "
            'was disappointed. "We will keep pushing," union president Ana Ruiz said.'
        )
    )
    assert not any(o == "United States" for _, _, o in found)


def test_a_state_and_party_noun_is_a_membership(extract):
    found = roles(extract("Sen. Hal Brody, a Wyoming Republican, said the grants were waste."))
    assert ("Hal Brody", "member", "Republican Party") in found


def test_two_titles_joined_in_one_apposition(extract):
    found = roles(
        extract(
            "The House Agriculture Committee met on Monday. “This is our money,” said "
            "Representative Gil Norquist, Republican of Kansas and the chairman of the "
            "committee, in an interview."
        )
    )
    assert ("Gil Norquist", "member", "Republican Party") in found
    assert ("Gil Norquist", "chairman", "House Agriculture Committee") in found


def test_canadian_opposition_critics_and_members_of_parliament(extract):
    found = roles(
        extract(
            "OTTAWA (Reuters) - Canada will spend C$2 billion on homes, the housing minister "
            "said. Conservative housing critic Dan Kwan, the member of Parliament for "
            "Kelowna, said the plan was late. The New Democratic Party's health critic, Jas "
            "Sandhu, said it was too small."
        )
    )
    assert ("Dan Kwan", "housing critic", "Conservative Party of Canada") in found
    assert ("Dan Kwan", "member of parliament", "House of Commons") in found
    assert ("Jas Sandhu", "health critic", "New Democratic Party") in found


def test_a_us_senator_tagged_by_state_in_a_foreign_story_sits_in_the_us_senate(extract):
    found = roles(
        extract(
            "OTTAWA (Reuters) - Canada will provide C$1 billion to help its forestry "
            "industry, Trade Minister Ann Roy said in Ottawa on Tuesday. Canadian mills have "
            "lost orders. Sen. Jo Brandt, R-Ga., backed the US duties."
        )
    )
    assert ("Jo Brandt", "senator (sen.)", "United States Senate") in found


STARTUP_STORY = (
    "Startup Corvella Raises $40 Million for Clinic Software\n\n"
    "Corvella Health, a Boston startup that helps clinics book patients, has raised $40 "
    "million in a round led by Ashgrove Ventures, the company said Wednesday. Existing "
    "investor Tallis Capital also took part.\n\n"
    "The software is used by 80 clinics, co-founder and Chief Executive Officer Nia Obi "
    "said in an interview. Obi founded Corvella in 2020 with Chief Technology Officer Lars "
    "Berg, who previously led data teams at Quillon Inc.\n\n"
    "Dev Patel, the Ashgrove partner who led the round, will join Corvella’s board."
)


def test_a_startup_story_places_its_founders_posts_in_the_startup(extract):
    found = roles(extract(STARTUP_STORY))
    held = {(p, o) for p, r, o in found if "chief" in r}
    assert ("Nia Obi", "Corvella Health") in held
    assert ("Lars Berg", "Corvella Health") in held
    assert ("Lars Berg", "Quillon Inc.") not in held  # where he worked before


def test_joining_a_companys_board_is_a_seat_on_it(extract):
    found = roles(extract(STARTUP_STORY))
    assert ("Dev Patel", "board member", "Corvella Health") in found


def test_a_relatives_post_is_not_the_persons(extract):
    found = roles(
        extract(
            "The Kessler Family Foundation gave $2m to schools. “We fund what works,” said "
            "Ruth Kessler-Gray, the foundation’s president and the granddaughter of its "
            "founder, mill owner Otto Kessler."
        )
    )
    assert not any(p == "Ruth Kessler-Gray" and "founder" in r for p, r, _ in found)
    assert not any(p == "Otto Kessler" and r == "president" for p, r, _ in found)


def test_a_bare_superintendent_runs_the_articles_school_district(extract):
    found = roles(
        extract(
            "The Kessler Family Foundation will give Olympia Public Schools $1 million a year. "
            "Superintendent Dana Whitfield said the program began as a pilot."
        )
    )
    assert ("Dana Whitfield", "superintendent", "Olympia Public Schools") in found


def test_a_company_called_a_start_up_is_the_company_its_founders_lead(extract):
    text = (
        "Quillpay, the London-based business payments start-up, has raised $60mn in a round "
        "led by Harbour Capital. Chief executive Mina Patel, who co-founded the company in "
        "2020 with chief technology officer Sam Reed, said the money would fund hiring."
    )
    found = roles(extract(text))
    assert ("Sam Reed", "chief technology officer", "Quillpay") in found


def test_a_cabinet_secretary_for_a_portfolio_is_a_devolved_minister(extract):
    found = roles(
        extract(
            "The Welsh Government will fund 100 more officers. Carys Bevan, the Cabinet "
            "Secretary for Housing, said the money would be shared between the Welsh forces."
        )
    )
    assert ("Carys Bevan", "cabinet secretary for housing", "Welsh Government") in found
    assert not any(o in {"Housing", "Cabinet"} for _, _, o in found)


def test_elected_for_a_party_is_membership_not_the_partys_post(extract):
    found = roles(
        extract(
            "The Tyne Valley Combined Authority agreed the plan. Mayor Dan Hollis, who was "
            "elected for Labour in May, said the buses would return."
        )
    )
    assert ("Dan Hollis", "member", "Labour Party") in found
    assert not any(p == "Dan Hollis" and r == "mayor" and o == "Labour Party" for p, r, o in found)


def test_a_post_ner_took_for_a_body_holds_no_one(extract):
    text = (
        '"It is a small start," the Donegal TD said. Rural pubs have been closing for years. '
        "Its chief executive, Marian Tobin, said energy costs were the biggest worry."
    )
    assert not any(o == "TD" for _, _, o in roles(extract(text)))


def test_an_apposition_before_whose_clause_is_read(extract):
    found = roles(
        extract(
            "Rep. Dana Holt, a Democrat whose district includes the port, said she had fought "
            "hard for the grant."
        )
    )
    assert ("Dana Holt", "member", "Democratic Party") in found


def test_an_opposition_spokesman_speaks_for_the_persons_party(extract):
    found = roles(
        extract(
            "BRISBANE — Queensland will spend $85 million on flood defences. Opposition "
            "treasury spokesman Ross Kell, a Liberal National Party MP, said it was overdue."
        )
    )
    assert any(
        p == "Ross Kell" and "spokesman" in r and o == "Liberal National Party of Queensland"
        for p, r, o in found
    )
    assert not any(o.startswith("Opposition") for _, _, o in found)


def test_chairing_a_branch_of_a_body_is_a_post_in_the_body(extract):
    found = roles(
        extract(
            "Dr Sean Whitlow, who chairs the local branch of the University and College Union, "
            "said staff would welcome the investment."
        )
    )
    assert ("Sean Whitlow", "chair", "University and College Union") in found


def test_a_premier_leads_the_province_whose_government_the_sentence_names(extract):
    found = roles(
        extract(
            "OTTAWA (Reuters) - Canada will give Halifax C$40 million for homes. Nova Scotia's "
            "provincial government, led by Premier Ian Fraser, said it would add C$12 million."
        )
    )
    assert ("Ian Fraser", "premier", "Government of Nova Scotia") in found


def test_a_bare_governor_governs_the_articles_state(extract):
    found = roles(
        extract(
            "PHOENIX (AP) — Arizona will give the chipmaker $75 million in job-training "
            "grants. Governor Teresa Oyelaran, a Democrat, said the plant would create jobs."
        )
    )
    assert ("Teresa Oyelaran", "governor", "Arizona") in found


def test_an_assistant_secretary_for_a_portfolio_serves_the_articles_department(extract):
    text = (
        "Energy Department awards $1 billion to battery makers\n\n"
        "WASHINGTON (Reuters) - The U.S. Department of Energy on Tuesday awarded $1 billion "
        "in grants. Acting Assistant Secretary for Energy Supply Chains Dana Kowal said "
        "another round would follow."
    )
    found = roles(extract(text))
    assert any(
        p == "Dana Kowal" and "assistant secretary" in r and o == "U.S. Department of Energy"
        for p, r, o in found
    )


def test_a_birth_date_aside_does_not_hide_the_predicate(extract):
    text = (
        "Rosalind Achterberg (born 2 June 1955) is a Dutch physicist and director of "
        "the Lorentz Institute."
    )
    found = roles(extract(text))
    assert {(p, o) for p, _, o in found} == {("Rosalind Achterberg", "Lorentz Institute")}


def test_a_birth_name_in_the_aside_holds_no_post(extract):
    text = (
        "Tobias Renwick (born Thomas Renwick; 3 March 1902) is a Scottish novelist, critic, "
        "and Professor Emeritus at the University of Aberdeen."
    )
    found = roles(extract(text))
    assert {p for p, _, _ in found} == {"Tobias Renwick"}
    assert ("Tobias Renwick", "professor emeritus", "University of Aberdeen") in found


def test_a_meeting_is_no_company_and_an_untagged_mention_still_names_one(extract):
    text = (
        "Harcourt & Lowe, the homewares retailer, said its chairman would step down at the AGM "
        "in July. The changes were agreed at the AGM. Harcourt & Lowe also confirmed that "
        "its finance director, Sarah Lyle, is leaving."
    )
    found = roles(extract(text))
    assert ("Sarah Lyle", "finance director", "Harcourt & Lowe") in found
    assert not any(o == "AGM" for _, _, o in found)


def test_a_police_force_named_with_its_place_and_a_rank_written_short(extract):
    text = (
        "Police Scotland has appointed Deputy Chief Constable Morag Lindsay as its next chief "
        "constable. DCC Lindsay, 52, will take up the post in April. Lindsay joined "
        "Grampian Police as a constable in 1994."
    )
    facts = extract(text)
    found = roles(facts)
    posts = {r for p, r, o in found if (p, o) == ("Morag Lindsay", "Police Scotland")}
    assert posts and all(r.startswith("chief constable") for r in posts)  # not only the deputy's
    assert ("Morag Lindsay", "constable", "Grampian Police") in found
    assert {f.person.name for f in facts.facts if isinstance(f, RoleFact)} == {"Morag Lindsay"}


def test_a_post_the_parser_hung_inside_its_owners_name_before_a_name(extract):
    text = "The City of Port Hedland's chief executive, Dana Whitcombe, has resigned."
    assert ("Dana Whitcombe", "chief executive", "City of Port Hedland") in roles(extract(text))


def test_the_story_council_is_the_one_named_first_when_another_is_named_as_often(extract):
    text = (
        "The City of Wanneroo's chief executive has resigned. Mayor Lisa Fennimore "
        "said he had joined from Karratha City Council last year. Cr Sam Petrakis called "
        "for a review."
    )
    found = roles(extract(text))
    assert ("Sam Petrakis", "councillor (cr)", "City of Wanneroo") in found
    assert any(p == "Lisa Fennimore" and "Wanneroo" in o for p, _, o in found)


def test_removed_as_director_is_a_former_post_and_will_remove_is_not_yet(extract):
    found = roles(
        extract("The mayor on Thursday removed Ann Whitley as director of the Parks Department.")
    )
    assert ("Ann Whitley", "former director", "Parks Department") in found
    assert not roles(extract("Acme Corp will remove Ann Whitley as chief executive."))


def test_a_post_abbreviated_in_the_headline_is_written_out_from_the_story(extract):
    text = (
        "Harlow Mills CEO Reed to step down\n\n"
        "Harlow Mills Inc said on Monday that Chief Executive Dana Reed would step down."
    )
    assert ("Dana Reed", "chief executive", "Harlow Mills Inc") in roles(extract(text))


def test_a_merged_companys_new_name_is_neither_of_the_two(extract):
    text = (
        "Granite Peak and Riverside Trust agree merger\n\n"
        "Granite Peak Bancorp and Riverside Trust agreed to merge. The combined company "
        "will be called Granite Riverside Trust. Riverside Trust's chief executive, Mara "
        "Quill, will retire."
    )
    assert ("Mara Quill", "chief executive", "Riverside Trust") in roles(extract(text))


def test_a_post_after_a_preposition_before_the_name_it_stands_beside(extract):
    text = (
        "The minister will hold talks with the chief executive of Network Rail, Jo Harmer, "
        "on Thursday."
    )
    assert ("Jo Harmer", "chief executive", "Network Rail") in roles(extract(text))


def test_the_authority_is_the_council_the_story_names(extract):
    text = (
        "Thornbury Council's leader has quit. Cllr Janet Morrow, who has led the "
        "Labour-run authority since 2019, announced her departure on Wednesday."
    )
    found = roles(extract(text))
    assert any(
        p == "Janet Morrow" and "leader" in r and o == "Thornbury Council" for p, r, o in found
    )
    assert not any("Labour-run" in o for _, _, o in found)


def test_a_name_ner_missed_after_a_party_noun_is_a_members(extract):
    text = (
        "ALLENTOWN, Pa. — Democrat Elena Ruiz narrowly won Tuesday's special election in "
        "the 134th Legislative District."
    )
    assert ("Elena Ruiz", "member", "Democratic Party") in roles(extract(text))


def test_posts_beside_a_senator_with_a_bracketed_party_tag(extract):
    text = (
        "The nominee appeared before the Senate Finance Committee on Tuesday. The committee's "
        "chairman, Sen. Dale Harkins (R-Wyo.), said he expected a vote. Sen. Rosa Vega "
        "(D-N.M.), the panel's ranking member, was more skeptical."
    )
    found = roles(extract(text))
    assert ("Dale Harkins", "chairman", "Senate Finance Committee") in found
    assert ("Rosa Vega", "ranking member", "Senate Finance Committee") in found


def test_a_bare_mayor_in_a_washington_story_is_mayor_of_the_city_named_with_its_state(extract):
    text = (
        "WASHINGTON — The Transportation Department on Thursday awarded $20 million to "
        "Millbrook, Iowa, a city of about 40,000, to rebuild its main bridge. Mayor Dana "
        "Keel said the city would start work in May."
    )
    assert ("Dana Keel", "mayor", "Millbrook") in roles(extract(text))


def test_a_party_word_opening_a_bodys_name_is_no_membership(extract):
    text = "National Farmers' Federation president Georgina Pell said the fund was welcome."
    found = roles(extract(text))
    assert ("Georgina Pell", "president", "National Farmers' Federation") in found
    assert not any(r == "member" for _, r, _ in found)


def test_a_seat_ending_in_a_place_ner_calls_a_person_is_still_a_seat(extract):
    text = "Anna Pryce, the Labour MP for Dunmore and Fenwick, said the plan was flawed."
    found = roles(extract(text))
    assert ("Anna Pryce", "member", "Labour Party") in found
    assert any(p == "Anna Pryce" and r == "mp" for p, r, _ in found)


def test_its_post_after_a_preposition_is_the_bodys(extract):
    text = (
        "Kestrel District Council is short of money. The council faces a gap of £4m, "
        "according to a report by its finance director, Neil Ambrose."
    )
    found = roles(extract(text))
    assert ("Neil Ambrose", "finance director", "Kestrel District Council") in found


def test_a_bare_deputy_leader_in_a_council_story_is_the_councils(extract):
    text = (
        "Kestrel District Council voted down its budget on Tuesday. The leader of Kestrel "
        "District Council resigned after the vote. Kestrel District Council must now agree "
        "a new plan.\n\nThe deputy leader, Simon Hale, will take charge until May."
    )
    found = roles(extract(text))
    assert ("Simon Hale", "deputy leader", "Kestrel District Council") in found


def test_a_party_office_holder_is_a_member_of_the_party(extract):
    facts = [
        f
        for f in extract("Conservative group leader Tom Alcott said the vote was a mistake.").facts
        if isinstance(f, RoleFact)
    ]
    posts = {(f.role.lower(), f.organisation.name) for f in facts if f.organisation}
    assert ("group leader", "Conservative Party") in posts
    assert ("member", "Conservative Party") in posts
    # a former office is no membership now
    former = roles(extract("Former Conservative leader Tom Alcott said the vote was a mistake."))
    assert ("Tom Alcott", "member", "Conservative Party") not in former


def test_a_bodys_name_goes_on_through_the_lower_case_noun_ner_left_out(extract):
    text = (
        "Fiona Marr, who has run Kestrel Hospitals NHS foundation trust since 2020, will step "
        "down. The trust's chair, Sir Geoffrey Lyle, thanked her. A Senate committee also met."
    )
    found = roles(extract(text))
    assert ("Geoffrey Lyle", "chair", "Kestrel Hospitals NHS Foundation Trust") in found
    assert not any(org == "Senate Committee" for _, _, org in found)


def test_a_post_before_for_and_a_title_is_someone_elses(extract):
    text = "A spokesman for Senate Majority Leader Ruth Calder, D-Ore., said the bill would pass."
    found = roles(extract(text))
    assert ("Ruth Calder", "senate majority leader", "United States Senate") in found
    assert not any(r == "spokesman" for _, r, _ in found)


def test_who_chairs_a_chambers_lower_case_subcommittee(extract):
    text = (
        "Rep. Tom Varga, R-Iowa, who chairs the House Energy and Commerce health subcommittee, "
        "told reporters he was open to a deal."
    )
    found = roles(extract(text))
    assert ("Tom Varga", "chair", "House Energy and Commerce Health Subcommittee") in found


def test_joining_the_company_board_written_with_its_name_before(extract):
    text = (
        "Tallow Labs raised $20m this week. Investor Ruth Amos, who will join the Tallow Labs "
        "board, said the firm was growing fast. Tallow Labs' chief executive, Dan Reyes, said "
        "the money would pay for hiring."
    )
    found = roles(extract(text))
    assert ("Ruth Amos", "board member", "Tallow Labs") in found
    assert ("Dan Reyes", "chief executive", "Tallow Labs") in found


def test_founded_by_a_person_with_a_profession_makes_a_founder(extract):
    text = "Tallow Labs, founded in 2019 by engineer Kieran Doyle, said it had raised $20m."
    found = roles(extract(text))
    assert ("Kieran Doyle", "founder", "Tallow Labs") in found


def test_an_apposition_on_the_last_of_a_list_is_that_persons_alone(extract):
    text = (
        "Ferrolith Energy was founded in 2019 by Priya Sethi and materials scientist Tobias "
        "Engel, a former professor at the Pacific Polytechnic Institute."
    )
    found = roles(extract(text))
    assert ("Tobias Engel", "former professor", "Pacific Polytechnic Institute") in found
    assert not any(p == "Priya Sethi" and "professor" in r for p, r, _ in found)


def test_a_british_party_in_brackets_and_the_post_after_it(extract):
    text = (
        "Ashmoor Council met on Monday. Cllr Judith Hale (Con), cabinet member for highways, "
        "said the roads were in a poor state. Cllr Tom Reid (Labour) disagreed. Board Chair "
        "Gregory Amato (D) said the county could not pay."
    )
    found = roles(extract(text))
    assert ("Gregory Amato", "member", "Democratic Party") in found
    assert ("Judith Hale", "member", "Conservative Party") in found
    assert ("Tom Reid", "member", "Labour Party") in found
    assert any(p == "Judith Hale" and "cabinet member" in r for p, r, _ in found)


def test_letters_after_a_name_do_not_stop_the_post_before_it(extract):
    found = roles(
        extract("Sinn Féin’s sport spokesperson, Orla Brennan TD, said the grants were welcome.")
    )
    assert ("Orla Brennan", "sport spokesperson", "Sinn Féin") in found


def test_a_senator_tagged_with_a_town_sits_in_the_state_senate(extract):
    text = (
        "SALEM — The Oregon Legislature on Friday approved a capital budget. Sen. Lena Park, "
        "D-Beaverton, said the budget put safety first."
    )
    found = roles(extract(text))
    assert ("Lena Park", "senator (sen.)", "Oregon State Senate") in found
    assert ("Lena Park", "senator (sen.)", "United States Senate") not in found


def test_a_hyphenated_post_opens_an_apposition(extract):
    text = "Rahul Mehta, co-founder and chief executive of Northlight Robotics, said it was good."
    found = roles(extract(text))
    assert any(
        p == "Rahul Mehta" and "chief executive" in r and o == "Northlight Robotics"
        for p, r, o in found
    )


def test_ministers_join_the_state_cabinet_the_article_has_placed_a_minister_in(extract):
    text = (
        "Key points:\nThe government will spend $9.8 billion on hospitals\n\n"
        "The Queensland government will pour $9.8 billion into hospitals.\n\nTreasurer "
        "Marcus Delahunty handed down the LNP government's first budget on Tuesday.\n\n"
        '"Queenslanders have waited too long," Mr Delahunty said.\n\nOf the money, $2.4 '
        "billion will go to a new hospital.\n\nBudget papers show the Commonwealth will "
        "contribute $600 million.\n\nThe project was costed at $1.7 billion in 2022.\n\n"
        "Health Minister Leanne Carrick said the new hospital would add 180 beds."
    )
    found = roles(extract(text))
    assert ("Leanne Carrick", "health minister", "Queensland Government") in found


def test_who_after_a_persons_employer_is_the_person(extract):
    text = (
        "Dana Whitcombe, a partner at Halcyon Ventures who sits on Ferrolith Energy's board, "
        "said the results were good. Victor Amsel, a partner at Harbor Peak who will join "
        "Ledgerly's board, said the same."
    )
    found = roles(extract(text))
    assert ("Dana Whitcombe", "board member", "Ferrolith Energy") in found
    assert ("Victor Amsel", "board member", "Ledgerly") in found


def test_chaired_by_a_relative_named_in_apposition(extract):
    found = roles(
        extract("The Wenning Family Foundation is chaired by his granddaughter, Claire Ross.")
    )
    assert ("Claire Ross", "chair", "Wenning Family Foundation") in found


def test_a_firm_ner_calls_a_person_after_a_post_and_at(extract):
    found = roles(extract("Julie Fenwick, a retail analyst at Peel Hunt, said the shares rose."))
    assert ("Julie Fenwick", "retail analyst", "Peel Hunt") in found


def test_a_boards_senior_independent_director_is_the_companys(extract):
    text = (
        "Penrose & Vale said its chairman would retire. Penrose & Vale shares rose 3pc. "
        "Patricia Holloway, the senior independent director, will also retire at the AGM."
    )
    found = roles(extract(text))
    assert ("Patricia Holloway", "senior independent director", "Penrose & Vale") in found


def test_a_party_description_after_a_report_is_the_reporter(extract):
    text = (
        "The Minister for Health, Aoife Mulcahy, said Dr Siobhan Keady had the experience to "
        "drive reforms. The Fianna Fáil TD said she had met the new director general twice."
    )
    facts = extract(text)
    assert ("Aoife Mulcahy", "member", "Fianna Fáil") in roles(facts)
    said = [q for q in facts.facts if isinstance(q, QuoteFact) and "met the new" in q.text]
    assert [q.speaker.name for q in said] == ["Aoife Mulcahy"]


def test_a_minister_of_the_devolved_government_the_sentence_names(extract):
    text = (
        "Police Scotland named a new chief constable on Friday. The force has 16,000 officers. "
        "It faces a budget gap of £50m. Staff morale is low, a survey found. The UK Government "
        "funds none of it.\n\nJustice Secretary Kirsty MacAulay welcomed the decision and said "
        "the Scottish Government would work with him."
    )
    found = roles(extract(text))
    assert ("Kirsty MacAulay", "justice secretary", "Scottish Government") in found


def test_a_city_post_written_with_city_is_the_articles_citys(extract):
    text = "MILLBROOK, Ohio — City Administrator Tom Reid said the plan would work."
    found = roles(extract(text))
    assert ("Tom Reid", "city administrator", "Millbrook") in found
    assert not any(o in {"City", "City Council"} for _, _, o in found)


def test_the_house_speaker_of_a_state_legislature_story(extract):
    text = (
        "HARRISBURG, Pa. — Democrats kept their majority in the Pennsylvania House of "
        "Representatives on Tuesday. House Speaker Joanna McBride will swear in the winner."
    )
    found = roles(extract(text))
    assert ("Joanna McBride", "house speaker", "Pennsylvania House of Representatives") in found


def test_a_body_ner_takes_for_a_person_in_one_mention_and_a_place_in_another(extract):
    text = (
        "Edinburgh software company Calderlink has agreed to be bought by its American rival "
        "Vantric in a deal worth about £1.1bn.\n\n"
        "Vantric, which is listed on the Nasdaq exchange in New York, will pay 845p a share.\n\n"
        "Vantric's chief executive, Daniel Reyes, said the company intended to stay."
    )
    assert ("Daniel Reyes", "chief executive", "Vantric") in roles(extract(text))


def test_an_mp_whose_seat_ner_took_into_the_name(extract):
    text = (
        "Labour MP for Cleveford Sam Whitfield, whose constituency includes the school, "
        "said he had raised the case with ministers."
    )
    facts = extract(text)
    found = roles(facts)
    assert ("Sam Whitfield", "mp", "Cleveford") in found
    assert ("Sam Whitfield", "member", "Labour Party") in found
    speakers = {f.speaker.name for f in facts.facts if isinstance(f, QuoteFact)}
    assert speakers == {"Sam Whitfield"}


def test_a_name_ner_missed_after_a_title_with_what_it_is_for(extract):
    text = (
        "Cabinet Secretary for Transport Rhodri Pugh-Evans said the Welsh Government "
        "would restore the routes."
    )
    found = roles(extract(text))
    assert ("Rhodri Pugh-Evans", "cabinet secretary", "Welsh Government") in found


def test_irish_posts_names_and_a_party_ner_took_for_the_td(extract):
    text = (
        "Minister of State for Disability Siobhán Ní Bhriain announced the fund in the Dáil "
        "yesterday.\n\n"
        "Ms Ní Bhriain, a Fianna Fáil TD for Cork North-Central, told the House that the "
        "Government recognised the pressure.\n\n"
        "Tánaiste Gerard Fennelly said funding had risen."
    )
    found = roles(extract(text))
    assert ("Siobhán Ní Bhriain", "minister of state", "Irish Government") in found
    assert ("Siobhán Ní Bhriain", "member", "Fianna Fáil") in found
    assert ("Siobhán Ní Bhriain", "td", "Dáil Éireann") in found
    assert ("Gerard Fennelly", "tánaiste", "Irish Government") in found
    assert not any(person == "Fianna Fáil" for person, _, _ in found)


def test_a_party_and_seat_in_brackets_after_an_mps_name(extract):
    text = (
        "At education questions in the Commons on Monday, Miranda Hale (Con, Harrowby) "
        "asked the minister whether any of the money was new."
    )
    facts = extract(text)
    found = roles(facts)
    assert ("Miranda Hale", "member", "Conservative Party") in found
    assert ("Miranda Hale", "mp", "Harrowby") in found
    speakers = {f.speaker.name for f in facts.facts if isinstance(f, QuoteFact)}
    assert "Harrowby" not in speakers


def test_the_body_a_post_is_of_when_ner_took_it_for_a_person(extract):
    text = (
        "But the chair of Healthwatch Hollinsford, Bernadette Quigley, said patients "
        "would want to know how the ward would be staffed."
    )
    found = roles(extract(text))
    assert ("Bernadette Quigley", "chair", "Healthwatch Hollinsford") in found


def test_a_town_before_its_mps_post_is_the_seat_not_the_towns_hospital(extract):
    text = (
        "Hollinsford General Hospital will get a new A&E. Healthwatch Hollinsford welcomed "
        "it. Hollinsford's Conservative MP, Sir Michael Danvers, who has campaigned for the "
        "new A&E, said it was a fantastic day."
    )
    found = roles(extract(text))
    assert ("Michael Danvers", "mp", "Hollinsford") in found
    assert ("Michael Danvers", "member", "Conservative Party") in found
    assert not any(
        o == "Hollinsford General Hospital" for p, _, o in found if p == "Michael Danvers"
    )


def test_a_surname_ner_took_into_the_next_body_name(extract):
    text = (
        "Millbrook City Council approved the budget on Monday.\n\n"
        'Council member Tom Price warned against it. "We are burning our savings," '
        "Price said.\n\n"
        "Price and Council member Dana Pruitt cast the two no votes."
    )
    found = roles(extract(text))
    assert ("Dana Pruitt", "council member", "Millbrook City Council") in found
    assert not any("Price and" in o for _, _, o in found)


def test_letters_after_a_name_are_a_seat_in_their_chamber(extract):
    text = (
        "Scottish Labour’s health spokesperson, Craig Ferrie MSP, said the fund was late, "
        "speaking in Edinburgh."
    )
    assert ("Craig Ferrie", "msp", "Scottish Parliament") in roles(extract(text))


def test_northern_ireland_parties_and_their_assembly_members(extract):
    text = (
        "Alliance Party MLA Chris Neill took a different view in Belfast. The SDLP's Orla "
        "McCann, the MLA for Mid Lagan, said she was concerned."
    )
    found = roles(extract(text))
    assert ("Chris Neill", "member", "Alliance Party") in found
    assert ("Chris Neill", "mla", "Northern Ireland Assembly") in found
    assert ("Orla McCann", "member", "Social Democratic and Labour Party") in found


def test_their_post_is_the_party_the_sentence_before_made_its_subject(extract):
    text = (
        "Jane Hill said the routes were vital. The Welsh Conservatives said the government "
        "had itself cut bus grants by £12m two years ago. Their shadow transport secretary, "
        "Gareth Lloyd-Price, accused ministers of failing."
    )
    found = roles(extract(text))
    assert ("Gareth Lloyd-Price", "shadow transport secretary", "Welsh Conservatives") in found


def test_a_bare_mayor_is_the_mayor_of_the_town_the_sentences_name_not_the_datelines(extract):
    text = (
        "MINNEAPOLIS (AP) — A foundation pledged $120 million for child care.\n\n"
        "In Bellmont, a city of about 68,000, the City Council voted last week to join. "
        "Mayor Teresa Lindqvist said the city had lost young families."
    )
    assert ("Teresa Lindqvist", "mayor", "Bellmont") in roles(extract(text))


def test_the_districts_post_is_the_school_district_named_last(extract):
    text = (
        "Lindell Unified School District announced Thursday that it has won a federal grant. "
        "The district's former superintendent, Gerald Phipps, had applied twice."
    )
    found = roles(extract(text))
    assert ("Gerald Phipps", "former superintendent", "Lindell Unified School District") in found


def test_a_body_set_up_by_someone_has_them_as_founder(extract):
    text = "The Acme Foundation was set up by the lumber executive Harold Wenning in 1990."
    assert ("Harold Wenning", "founder", "Acme Foundation") in roles(extract(text))


def test_founded_by_the_engineer_is_a_founder_not_an_engineer(extract):
    text = "The gift from the Acme Foundation, founded by the engineer Erik Halvorsen, will help."
    found = roles(extract(text))
    assert ("Erik Halvorsen", "founder", "Acme Foundation") in found
    assert ("Erik Halvorsen", "engineer", "Acme Foundation") not in found


def test_lower_case_professor_after_a_university_is_its_post(extract):
    found = roles(extract("The study was led by Keele University professor Miriam Osei."))
    assert ("Miriam Osei", "professor", "Keele University") in found


def test_professor_of_a_university_is_its_professor_not_a_mere_member(extract):
    found = roles(extract("Professor Miriam Osei of Keele University said the data were sound."))
    assert ("Miriam Osei", "professor", "Keele University") in found


def test_a_towns_mp_sits_for_the_town_not_for_a_body_bearing_its_name(extract):
    text = (
        "Mrs Hale, from Brindmoor, was taken to hospital after a fall.\n\n"
        "The new clinic will stand on the site of the old Brindmoor Cottage Hospital, and "
        "Brindmoor Town Council will run its car park.\n\n"
        "Brindmoor's Conservative MP, Sir Alan Pike, welcomed the funding."
    )
    found = roles(extract(text))
    assert ("Alan Pike", "mp", "Brindmoor") in found
    assert not [r for r in found if r[0] == "Alan Pike" and r[2].startswith("Brindmoor ")]


def test_a_us_police_chief_heads_the_citys_police_department(extract):
    text = (
        "HARLOW, Ohio — Harlow City Council voted on Tuesday to buy body cameras. Police "
        "Chief Dana Pruitt told the council that every officer would wear one by March."
    )
    found = roles(extract(text))
    assert ("Dana Pruitt", "police chief", "Harlow Police Department") in found


def test_the_states_post_is_held_in_the_state_the_story_is_about(extract):
    text = (
        "LANSING, Mich. (AP) — Michigan lawmakers passed the budget on Friday. The state's "
        "budget director, Carla Mendes, said the state would end the year with a surplus."
    )
    found = roles(extract(text))
    assert ("Carla Mendes", "budget director", "Michigan") in found


def test_a_post_given_without_a_name_is_held_by_the_subject_opening_the_next_sentence(extract):
    text = (
        "Schools in England will get £1bn for repairs, the Education Secretary has "
        "announced.\n\n"
        "Miriam Castell told MPs on Tuesday that work would start at 200 schools."
    )
    found = roles(extract(text))
    assert ("Miriam Castell", "education secretary", "Department for Education") in found


def test_a_bodys_post_given_without_a_name_is_held_by_the_next_person_opening_a_sentence(extract):
    text = (
        "The chief executive of Aldmoor Water was questioned by MPs over sewage spills.\n\n"
        "The regulator fined the company last week.\n\n"
        "Priya Holt told the committee that the fine was fair."
    )
    found = roles(extract(text))
    assert ("Priya Holt", "chief executive", "Aldmoor Water") in found


def test_a_party_group_leader_in_a_council_story_leads_the_group_on_that_council(extract):
    text = (
        "Brackwell Borough Council has asked ministers for emergency support. Conservative "
        "group leader Graham Teale said the council had gambled on property."
    )
    found = roles(extract(text))
    assert ("Graham Teale", "group leader", "Conservative Party") in found
    assert ("Graham Teale", "conservative group leader", "Brackwell Borough Council") in found


def test_chairing_a_councils_committee_is_a_post_on_the_committee(extract):
    text = (
        "Brackford City Council voted on Tuesday. Councillor Ines Marlow, who chairs the "
        "council's licensing committee, said the rules would change."
    )
    found = roles(extract(text))
    assert ("Ines Marlow", "chair", "brackford city council licensing committee") in lowered(found)
    assert ("Ines Marlow", "chair", "Brackford City Council") not in found


def test_chair_of_a_lower_case_committee_in_apposition(extract):
    text = (
        "Brackford City Council met. Tom Oduya, chair of the council's planning committee, "
        "said the scheme was too big."
    )
    found = roles(extract(text))
    assert ("Tom Oduya", "chair", "brackford city council planning committee") in lowered(found)


def test_sitting_on_a_committee_is_membership(extract):
    text = (
        "Rep. Dana Wilcox, who sits on the House Armed Services Committee, said the base "
        "would stay open."
    )
    found = roles(extract(text))
    assert ("Dana Wilcox", "member", "House Armed Services Committee") in found


def test_sitting_on_a_parliaments_lower_case_committee(extract):
    text = (
        "Gwen Astley, who sits on the Assembly's education committee, said the figures were "
        "worrying."
    )
    found = roles(extract(text))
    assert any(
        p == "Gwen Astley" and r == "member" and o.lower().endswith("education committee")
        for p, r, o in found
    )


def test_convening_a_committee_is_its_convener(extract):
    text = "Morag Baird, who convenes the Parliament's justice committee, criticised the plan."
    found = roles(extract(text))
    assert any(
        p == "Morag Baird" and r == "convener" and o.lower().endswith("justice committee")
        for p, r, o in found
    )


def lowered(found: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    return {(p, r, o.lower()) for p, r, o in found}


def test_councillor_before_a_name_ner_took_for_a_body_is_a_title(extract):
    facts = extract("Councillor Ines Marlow said the licensing rules would change in May.")
    speakers = {f.speaker.name for f in facts.facts if isinstance(f, QuoteFact)}
    assert speakers == {"Ines Marlow"}


def test_top_member_of_a_party_on_a_committee(extract):
    text = (
        "The Senate Armed Services Committee met on Tuesday. Sen. Dale Rooker of Montana, the "
        "committee's top Republican, said the bill went too far."
    )
    found = roles(extract(text))
    assert ("Dale Rooker", "top republican", "Senate Armed Services Committee") in found
    assert ("Dale Rooker", "member", "Republican Party") in found


def test_ranking_party_member_on_a_named_committee(extract):
    text = "Rep. Inez Carbajal, the ranking Democrat on the House Rules Committee, objected."
    found = roles(extract(text))
    assert ("Inez Carbajal", "ranking democrat", "House Rules Committee") in found
    assert ("Inez Carbajal", "member", "Democratic Party") in found


def test_a_legislators_home_town_takes_no_post(extract):
    text = (
        "State Sen. Priya Natarajan of Madison, the ranking member on the Joint Finance "
        "Committee, said the budget protected schools."
    )
    holders = {p for p, _, o in roles(extract(text)) if o == "Joint Finance Committee"}
    assert holders == {"Priya Natarajan"}


def test_a_justice_sits_on_the_one_court_the_story_names(extract):
    text = (
        "The Nevada Supreme Court struck down the law on Friday. Justice Rosa Feld wrote for a "
        "unanimous court that the statute was vague."
    )
    assert ("Rosa Feld", "justice", "Nevada Supreme Court") in roles(extract(text))


def test_a_superintendent_heads_the_school_district_the_story_names(extract):
    text = (
        "The Cedar Hollow School District laid off 40 teachers. Superintendent Mark Ellwood "
        "said the cuts were unavoidable."
    )
    found = roles(extract(text))
    assert ("Mark Ellwood", "superintendent", "Cedar Hollow School District") in found


def test_a_chambers_committee_named_in_lower_case_is_the_chambers(extract):
    text = (
        "Labour MP Ruth Adair, who chairs the Commons transport committee, said the rail plan "
        "was late."
    )
    found = lowered(roles(extract(text)))
    assert ("Ruth Adair", "chair", "commons transport committee") in found


def test_its_after_a_clause_about_the_bodys_board_is_the_body(extract):
    text = (
        "Corvane Logistics will pay $9 million to settle the claims. The company reported a "
        "profit of $210 million last year, and its board approved a share buyback. Its chief "
        "executive, Dana Whitlow, was paid $6 million."
    )
    found = roles(extract(text))
    assert ("Dana Whitlow", "chief executive", "Corvane Logistics") in found


def test_its_after_the_named_board_is_the_company(extract):
    text = (
        "Harlow Fibre plc agreed a takeover on Monday. The Harlow Fibre board said it would "
        "recommend the offer. Its chairman, Neil Oduya, said the price was fair."
    )
    found = roles(extract(text))
    assert any(
        p == "Neil Oduya" and r == "chairman" and o.startswith("Harlow Fibre") and "Board" not in o
        for p, r, o in found
    )


def test_a_name_ner_missed_with_a_post_in_apposition_is_a_person(extract):
    text = "Wade Landry, president of the Gulf Coast Manufacturers Council, said it was costly."
    found = roles(extract(text))
    assert ("Wade Landry", "president", "Gulf Coast Manufacturers Council") in found


def test_the_coalition_is_the_coalition_named_before(extract):
    text = (
        "The Rural Broadband Coalition objected to the plan. Hana Ortiz, the coalition's policy "
        "director, said it left farms behind."
    )
    found = roles(extract(text))
    assert ("Hana Ortiz", "policy director", "Rural Broadband Coalition") in found


def test_another_bodys_own_association_is_not_the_association_named_before(extract):
    text = (
        "The Lindell Teachers Association backed the plan. Lorena Hatch, who heads the school's "
        "parent-teacher association, said parents were worried."
    )
    found = roles(extract(text))
    assert not any(p == "Lorena Hatch" and o == "Lindell Teachers Association" for p, _, o in found)


def test_a_body_before_a_lower_case_post_of_two_words_holds_it(extract):
    text = "RCN general secretary Nicola Ranger warned that nurses were leaving the NHS."
    assert ("Nicola Ranger", "general secretary", "RCN") in roles(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Harwick Police Department overspent its budget. Police Chief Tomas Reyes said "
        "overtime was high. The Harwick Police Officers Association said the council was wrong.",
        "The Harwick Police Officers Association said the council was wrong. Police Chief "
        "Tomas Reyes said overtime was high. The Harwick Police Department overspent its budget.",
    ],
)
def test_a_bare_post_is_placed_in_the_body_of_its_kind_not_the_one_speaking_for_its_staff(
    extract, text
):
    assert ("Tomas Reyes", "police chief", "Harwick Police Department") in roles(extract(text))


def test_its_after_a_body_that_reports_is_the_body_not_what_it_reports_on(extract):
    text = (
        "The University of Marlow said the new centre would open in 2028. Its chief "
        "executive, Ama Boateng, said the gift was generous."
    )
    assert ("Ama Boateng", "chief executive", "University of Marlow") in roles(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        # the sentence before has no body as its subject but names one body
        "Acme Group owns the pier. Acme Group staff were told on Monday. According to the "
        "Harbour Arts Trust, the pier is at risk. Its director, Jo Bloggs, said repairs were "
        "overdue.",
        # a plural subject is no "its"
        "According to the Harbour Arts Trust, coastal councils face a shortfall of £2bn. Its "
        "director, Jo Bloggs, said repairs were overdue.",
    ],
)
def test_its_is_the_one_body_the_sentence_before_names(extract, text):
    assert ("Jo Bloggs", "director", "Harbour Arts Trust") in roles(extract(text))


def test_its_after_an_it_sentence_is_the_body_the_it_takes_up(extract):
    text = (
        "Congress sent transit agencies $69 billion. Congress did little else.\n\n"
        "The Easton Transit Authority received $900 million in aid. It spent much of that "
        "money on old routes. When its general manager, Victor Osei, was asked what had "
        "changed, his answer was revealing."
    )
    found = roles(extract(text))
    assert ("Victor Osei", "general manager", "Easton Transit Authority") in found


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "LANSING, Mich. (AP) — Gov. Ann Kowalski reached a budget deal. It leans on a "
            "settlement that Attorney General Sam Mensah's office finalized in June.",
            "Michigan",
        ),
        (
            "WASHINGTON (AP) — Attorney General Sam Mensah said the Justice Department would "
            "appeal the ruling.",
            "United States Department of Justice",
        ),
    ],
)
def test_an_attorney_general_in_a_state_story_is_the_states(extract, text, body):
    assert ("Sam Mensah", "attorney general", body) in roles(extract(text))


def test_the_union_is_the_one_union_named_however_far_back(extract):
    text = (
        "Members of the Rail Workers' Union will strike next week.\n\n"
        "The operator said its offer was fair. Ministers urged both sides to talk. Fares "
        "rose by 5% in March. Passenger numbers are still 14% below their 2019 level.\n\n"
        "The Department for Transport paid the operator £312m last year, according to the "
        "Office of Rail and Road.\n\n"
        "The shadow transport secretary said Labour had lost control of the railways. "
        "Labour has run the department since July.\n\n"
        "Dan Kettle, a driver and the union's branch secretary, said most colleagues had "
        "never been on strike."
    )
    assert ("Dan Kettle", "branch secretary", "Rail Workers' Union") in roles(extract(text))


def test_local_government_before_minister_is_a_portfolio(extract):
    text = (
        "BRISBANE — Local Government Minister Ruth Calder said councils were independent. "
        "The Queensland Government said it would help."
    )
    found = roles(extract(text))
    assert ("Ruth Calder", "local government minister", "Queensland Government") in found


def test_a_ranked_post_is_placed_like_the_post_it_ranks(extract):
    text = (
        "Police Scotland named a new deputy on Monday. Assistant Chief Constable Jo Bloggs "
        "said the force was stretched."
    )
    found = roles(extract(text))
    assert ("Jo Bloggs", "assistant chief constable", "Police Scotland") in found


def test_who_acts_as_a_post_holds_it(extract):
    text = (
        "Brightwater Group said its finance director had quit. Ian Rafferty will act as "
        "interim finance director."
    )
    found = roles(extract(text))
    assert ("Ian Rafferty", "interim finance director", "Brightwater Group") in found


def test_a_return_to_a_role_as_a_post_holds_the_post(extract):
    text = "Jo Bloggs will return to his role as chief operations officer of Acme Foods."
    assert ("Jo Bloggs", "chief operations officer", "Acme Foods") in roles(extract(text))
