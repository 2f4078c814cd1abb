"""Posts read without their body, placed from the article: a shadow post in its party, a
bare "Chairman" in the company the article is about, a council post in its council, a
chamber post in the chamber named; and definite posts ("the prime minister said")."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from kg.extract.entities import (
    BODY_NOUNS,
    NAMED_KIND_ANAPHORS,
    ORG_ANAPHORS,
    Cluster,
    city_words,
    noun_phrase,
    prep_objects,
)
from kg.extract.evidence import doc_text
from kg.extract.roles.governments import regional_government, state_chamber, state_of
from kg.extract.roles.titles import lower_words, party_at
from kg.extract.roles.words import (
    COMPANY_ANAPHORS,
    REGIONAL_MINISTERS,
    STATE_HEADS,
    STATE_LEGISLATURE_POSTS,
    STATUS_WORDS,
    TITLE_MODIFIERS,
)
from kg.facts import Entity, EntityKind
from kg.nlp import dateline_place

if TYPE_CHECKING:
    from kg.extract.roles.store import Roles, Unplaced

# Posts of a company that an article about one company gives without the company's name:
# "Chairman Jo Bloggs said the board ...", "Finance chief Ann Lee said costs would rise".
COMPANY_POSTS = {
    "chief executive", "chief executive officer", "ceo", "chairman", "chairwoman", "chair",
    "chairperson", "chief financial officer", "cfo", "finance chief", "finance director",
    "financial director", "chief operating officer", "coo", "chief technology officer", "cto",
    "managing director", "chief economist", "group chief executive", "executive chairman",
    "deputy chairman", "non-executive chairman", "chief marketing officer", "cmo",
    # the board's other seats
    "senior independent director", "lead independent director", "independent director",
    "non-executive director", "company secretary", "chair-designate",
}  # fmt: skip
_FOUNDER_POSTS = {"founder", "co-founder", "cofounder", "co founder"}
# Posts of a chamber's majority or minority, held in the chamber the sentence names.
CHAMBER_POSTS = {"majority leader", "minority leader", "majority whip", "minority whip"}
# Members of a state's or province's legislature, and its name in each country:
# "Jo Bloggs, the MLA for Calgary-Cross" sits in the Legislative Assembly of Alberta.
PROVINCIAL_SEATS = {
    "mla": {"CA": "Legislative Assembly of {}", "AU": "{} Legislative Assembly"},
    "mpp": {"CA": "Legislative Assembly of {}"},
    "mha": {"CA": "House of Assembly of {}"},
    "mna": {"CA": "National Assembly of {}"},
}
# Posts of a local council that an article about one council gives without its name.
COUNCIL_POSTS = {
    "cabinet member", "council leader", "deputy council leader", "councillor", "councilor",
    "councilmember", "council member", "councilman", "councilwoman", "alderman",
    "alderwoman",
}  # fmt: skip
# Words in the name of a public body, which a bare company post is never held at.
_PUBLIC_BODY_WORDS = {
    "party", "council", "government", "ministry", "department", "parliament", "assembly",
    "senate", "house", "congress", "committee", "commission", "office", "authority", "court",
    "police", "administration", "union", "executive", "cabinet",
}  # fmt: skip
# Posts of a state or province held in its government: "Premier Jo Bloggs said".
REGIONAL_POSTS = {"premier", "deputy premier"}
# The devolved governments a bare "First Minister" heads, and the words that name their nation.
DEVOLVED_GOVERNMENTS = {
    "Scottish Government": ("Scotland", "Scottish", "Holyrood"),
    "Welsh Government": ("Wales", "Welsh", "Senedd"),
    "Northern Ireland Executive": ("Northern Ireland", "Stormont"),
}
# Posts heading a US city's department, and the department's usual name after the city's:
# "Police Chief Jo Bloggs" in Millbrook heads the Millbrook Police Department.
_CITY_DEPARTMENTS = {"police chief": "Police Department", "fire chief": "Fire Department"}
# Posts of a city: "Mayor Jo Bloggs said" in a story about one city.
CITY_POSTS = {"mayor", "city manager", "acting city manager", "deputy mayor"}
# Words of a post that name the kind of body it is held in: "police chief", "council member".
KIND_WORDS = {
    "council", "police", "university", "school", "schools", "hospital", "trust", "college",
    "museum", "union", "church", "library", "airport", "board",
}  # fmt: skip
POST_KINDS = {
    "vice-chancellor": "university", "provost": "university", "chief constable": "police",
    "deputy chief constable": "police", "chief superintendent": "police",
    "detective chief superintendent": "police", "police constable": "police",
    # a US school district's head; a UK police superintendent has no "Schools" body about
    "superintendent": "schools", "schools superintendent": "schools",
    # a US department's officials below its secretary
    "assistant secretary": "department", "under secretary": "department",
    "deputy secretary": "department", "deputy assistant secretary": "department",
    "undersecretary": "department",
    # a court's judges: "Justice Maria Ostrander" of the one court the story names
    "justice": "court", "chief justice": "court", "associate justice": "court",
    "judge": "court", "chief judge": "court",
}  # fmt: skip
# Other words a body's name uses for a kind: a US school district is named "... Schools" or
# "... School District".
_KIND_FORMS = {"schools": {"schools", "district"}}
# Words a body's name uses for what a description calls it: "the force" is a police force.
_KIND_IN_NAME = {"force": "police"}
# Posts many hold at once: "the senator" cannot be told from the article's one holder.
# A leader with no body given: a party's, or in a story about a council, the council's.
_LEADERS = {"leader", "deputy leader", "acting leader", "interim leader"}
# Bodies that speak for people of a kind rather than employ them: a police chief heads the
# police department, not the Police Officers Association.
_REPRESENTATIVE_WORDS = {"association", "federation", "union", "league", "society", "guild"}
_SHARED_POSTS = {"senator", "representative", "congressman", "congresswoman", "mp", "member"}


def place_unplaced(roles: Roles) -> None:
    """Posts read without their body, placed where the article shows whose they are;
    less sure than a body the text gives with the post."""
    for found in roles.unplaced.values():
        organisation: Cluster | None = None
        if found.post.lower().startswith(("former ", "ex ", "ex-")):
            continue  # "a former councillor": held once, where the article need not say
        if found.bare.startswith(("shadow", "opposition")) or found.bare.endswith(" critic"):
            # "shadow chancellor", Canada's "Conservative housing critic": the party's; an
            # "Opposition housing spokesman" of no party the article names, the Opposition's
            organisation = _party_of(roles, found.cluster)
            if organisation is None and found.bare.startswith("opposition"):
                organisation = roles.ents.organisation("Opposition")
                found = dataclasses.replace(found, post=found.post.split(" ", 1)[1])
        elif found.bare in REGIONAL_POSTS:
            organisation = regional_government(roles, found.mention)
        elif found.bare in REGIONAL_MINISTERS:
            organisation = _devolved_government(roles)
        elif _company_post(found.bare) and not found.owned:
            organisation = _company_of_article(roles, found.mention.start)
        elif found.bare in CHAMBER_POSTS:
            organisation = _chamber_in(roles, found.mention.sent)
        elif found.bare in COUNCIL_POSTS and not found.owned:
            # "Jo Bloggs, the cabinet member for housing": the council the article names.
            organisation = roles.ents.local_council()
        elif found.bare in _LEADERS and not found.owned:
            # "The deputy leader, Jo Bloggs, will serve as acting leader": of a council story,
            # the council's (a story that names its council again and again)
            organisation = roles.ents.local_council(times=3)
        elif found.bare in STATE_LEGISLATURE_POSTS:
            chamber = state_chamber(roles, found.bare, found.mention)
            if chamber is not None:
                roles.store(found.cluster, found.post, chamber, found.mention, "role.context", 0.6)
        elif found.bare in STATE_HEADS and roles.lex.country == "US":
            # "Governor Jo Bloggs, a Democrat, said": the article's state
            organisation = state_of(roles, found.mention)
        elif found.bare in PROVINCIAL_SEATS:
            if (legislature := _provincial_legislature(roles, found)) is not None:
                roles.store(
                    found.cluster, found.post, legislature, found.mention, "role.context", 0.6
                )
            continue
        elif (
            (found.bare in CITY_POSTS or _city_word_before(found))
            and not found.owned
            and (city := _city_in_sentence(roles, found) or _city_of_article(roles)) is not None
        ):
            # "Mayor Jo Bloggs", "city Finance Director Ann Lee": the article's city
            place = Entity(city, EntityKind.ORGANISATION)
            roles.store(found.cluster, found.post, place, found.mention, "role.context", 0.6)
            continue
        if organisation is None and found.bare not in _SHARED_POSTS:
            # "Police Chief Jo Bloggs", "Vice-chancellor Jo Bloggs": the one body of that
            # kind the article names
            organisation = _body_of_kind(roles, found.bare, found.mention.start)
        if (
            organisation is None
            and (
                department := next(
                    (d for p, d in _CITY_DEPARTMENTS.items() if found.bare.endswith(p)), None
                )
            )
            and roles.lex.country == "US"
            and not found.owned
            and (city := _city_in_sentence(roles, found) or _city_of_article(roles))
        ):
            # "Police Chief Jo Bloggs" in a story about Millbrook, Ohio, which names no
            # police body: the city's police department, by the name US cities give it
            place = Entity(f"{city} {department}", EntityKind.ORGANISATION)
            roles.store(found.cluster, found.post, place, found.mention, "role.context", 0.5)
            continue
        if organisation is not None:
            entity = organisation.entity()
            roles.store(found.cluster, found.post, entity, found.mention, "role.context", 0.6)


def _company_post(post: str) -> bool:
    """Whether a bare post is a company's: one of COMPANY_POSTS, or such posts joined with
    a founder's ("co-founder and chief executive officer")."""
    parts = post.split(" and ")
    return any(p in COMPANY_POSTS for p in parts) and all(
        p in COMPANY_POSTS | _FOUNDER_POSTS for p in parts
    )


def _city_word_before(found: Unplaced) -> bool:
    """Whether the post is written after a lower-case "city" ("city Finance Director Jo
    Bloggs"): a post in the city's administration."""
    if "council" in found.bare.split():
        return False  # "city council member Jo Bloggs": the council's
    if found.bare.startswith("city ") and found.bare not in CITY_POSTS:
        return True  # the title as read keeps the word
    words = [t.lower_ for t in found.mention]
    post = found.bare.split()
    for k in range(1, len(words) - len(post) + 1):
        if words[k : k + len(post)] == post:
            return found.mention[k - 1].text == "city"
    return False


def _provincial_legislature(roles: Roles, found: Unplaced) -> Entity | None:
    """The legislature a provincial or state member sits in ("Jo Bloggs, a UCP MLA for
    Calgary-Cross" in an article about Alberta): the assembly of the state or province
    whose government the article names, by the name its country gives it."""
    government = regional_government(roles, found.mention)
    if government is None:
        return None
    region = next((r for r, g in roles.lex.regions.items() if g == government.name), None)
    pattern = PROVINCIAL_SEATS[found.bare].get(roles.lex.country or "")
    if region is None or pattern is None:
        return None
    return Entity(pattern.format(region), EntityKind.ORGANISATION)


def _body_of_kind(roles: Roles, post: str, at: int) -> Cluster | None:
    """The body a bare post names the kind of ("police chief": a police force), when the
    article names exactly one body with that word in its name: leaving out, when there
    are more, the bodies that speak for people of that kind ("the Police Officers
    Association"), then those named only after the post."""
    words = post.replace("-", " ").split()
    kinds = {w for w in words if w in KIND_WORDS}
    # "assistant chief constable", "acting vice-chancellor": the post a rank word qualifies
    ranked = post.split()
    while (
        len(ranked) > 1
        and " ".join(ranked) not in POST_KINDS
        and ranked[0] in TITLE_MODIFIERS | STATUS_WORDS
    ):
        ranked = ranked[1:]
    if " ".join(ranked) in POST_KINDS:
        kinds.add(POST_KINDS[" ".join(ranked)])
    if len(kinds) != 1:
        return None
    kind = kinds.pop()
    forms = _KIND_FORMS.get(kind, {kind})
    named = _bodies_named(roles, {"ORG", "FAC"})
    bodies = [(c, first) for c, first in named if forms & set(c.name.lower().split())]
    if len(bodies) > 1:
        bodies = [
            (c, f) for c, f in bodies if not _REPRESENTATIVE_WORDS & set(c.name.lower().split())
        ]
    if len(bodies) > 1:
        bodies = [(c, first) for c, first in bodies if first < at]
    return bodies[0][0] if len(bodies) == 1 else None


def _bodies_named(
    roles: Roles, labels: set[str], lo: int = 0, hi: int | None = None
) -> list[tuple[Cluster, int]]:
    """Each body named outside quotations between tokens lo and hi by an entity of one of
    `labels`, with the token its first such mention starts at."""
    first: dict[int, tuple[Cluster, int]] = {}
    for ent in roles.ents.entities:
        if (
            lo <= ent.start < (len(roles.doc) if hi is None else hi)
            and ent.label_ in labels
            and ent.start not in roles.ents.quoted
            and (cluster := roles.ents.organisation(ent)) is not None
        ):
            first.setdefault(id(cluster), (cluster, ent.start))
    return list(first.values())


def _city_in_sentence(roles: Roles, found: Unplaced) -> str | None:
    """ "In Bellmont, a city of about 68,000, the council voted ... Mayor Jo Bloggs said":
    the one town or city the post's own sentence names before it, else the sentence
    before."""
    starts = roles.ents.sentence_starts
    position = starts.index(found.mention.sent.start)
    end = found.mention.start
    for lo in (starts[position], starts[max(0, position - 1)]):
        places = {
            ent.text
            for ent in roles.ents.entities
            if ent.label_ == "GPE"
            and lo <= ent.start
            and ent.end <= end
            and ent.start not in roles.ents.quoted
            and ent.text not in roles.lex.us_states
            and ent.text not in roles.lex.countries
            and ent.text not in roles.lex.all_regions
        }
        if places:
            return places.pop() if len(places) == 1 else None
    return None


def _city_of_article(roles: Roles) -> str | None:
    """The city a bare "Mayor" is the mayor of: the one whose council or city the article
    names ("Millbrook City Council", "the City of Millbrook"), else its dateline's."""
    cities: dict[str, tuple[int, int]] = {}  # city -> (times named, first named)
    for ent in roles.ents.entities:
        words = city_words(ent)
        city = None
        if ent.label_ == "ORG" and len(words) > 2 and words[-2:] == ["City", "Council"]:
            city = " ".join(words[:-2])
        elif ent.label_ in {"ORG", "GPE"} and len(words) > 2 and words[:2] == ["City", "of"]:
            city = " ".join(words[2:])
        if city:  # not "the City Council": no name
            n, first = cities.get(city, (0, ent.start))
            cities[city] = (n + 1, first)
    if not cities:
        # "a grant to Port Calder, Ohio, a city of about 90,000": the one city the story
        # names with its state
        doc = roles.doc
        placed = {
            ent.text
            for ent in roles.ents.entities
            if ent.label_ == "GPE"
            and ent.end + 2 < len(doc)
            and doc[ent.end].text == ","
            and (
                doc[ent.end + 1].text in roles.lex.us_states
                or doc[ent.end + 1 : ent.end + 3].text in roles.lex.us_states
            )
            and ent.text not in roles.lex.us_states
        }
        if len(placed) == 1:
            return placed.pop()
    # else the place of the first dateline, after a headline or not: "HARLAN FALLS — "
    if not cities and (place := dateline_place(doc_text(roles.doc))):
        return place
    # the one named most; of those named as often, the one named first (the lede's)
    ranked = sorted(cities.items(), key=lambda item: (-item[1][0], item[1][1]))
    return ranked[0][0] if ranked else None


def _party_of(roles: Roles, cluster: Cluster) -> Cluster | None:
    """ "Tory MP Jo Bloggs ... Shadow chancellor Jo Bloggs": the party a person is a
    member of in this article, whose shadow post theirs is."""
    parties = {p for readings in roles.lex.all_parties.values() for p, _ in readings}
    for (person, _), fact in roles.facts.items():
        if person == cluster.name and fact.role == "member" and fact.organisation.name in parties:
            return roles.ents.organisation(fact.organisation.name)
    return None


def _devolved_government(roles: Roles) -> Cluster | None:
    """The devolved government of the nation the article names most, for "First Minister"."""
    text = doc_text(roles.doc)
    counts = {
        government: sum(len(re.findall(rf"\b{word}\b", text)) for word in words)
        for government, words in DEVOLVED_GOVERNMENTS.items()
    }
    best = max(counts, key=lambda g: counts[g])
    if counts[best] == 0 or list(counts.values()).count(counts[best]) > 1:
        return None
    return roles.ents.organisation(best)


def _company_of_article(roles: Roles, i: int, prefer: str = "") -> Cluster | None:
    """The company an article about one company means by a bare "Chairman": the body it
    names most (and latest) in the sentences before, if that is no public body; with
    `prefer` ("charity"), one that calls itself that if the sentences name one."""
    sentence = roles.doc[i].sent
    subjects = [
        ent
        for ent in roles.ents.entities
        if ent.label_ == "ORG"
        and sentence.start <= ent.start < i
        and ent.root.dep_ in {"nsubj", "nsubjpass"}
    ]
    # "Halvard will pay ..., according to Chief Financial Officer Dana Wu": the company the
    # sentence is about
    cluster = roles.ents.organisation(subjects[-1]) if subjects else None
    cluster = cluster or roles.ents.org_antecedent(i, commercial=True, prefer=prefer)
    if cluster is None:
        return None
    words = {w.lower() for w in cluster.name.split()}
    parties = {p.lower() for readings in roles.lex.all_parties.values() for p, _ in readings}
    if words & _PUBLIC_BODY_WORDS or cluster.name.lower() in parties:
        return None
    if cluster.name in roles.lex.parties or roles.lex.countries.get(cluster.name):
        return None
    return cluster


def definite_post(roles: Roles, head: Token) -> None:
    """ "Jo Bloggs defended her record. Speaking in Leeds, the prime minister said ...": a
    single-holder post nobody in the article is given is held by the one person the
    sentences before are about."""
    found = _the_post(roles, head) if head.pos_ == "NOUN" else None
    if found is None or any(t.text[:1].isupper() for t in found[0]):
        return
    post = found[1]
    if post in _SHARED_POSTS or (post not in roles.lex.posts and post not in REGIONAL_POSTS):
        return
    if roles.ents.holder(post.split(), head.i) is not None:
        return
    starts = roles.ents.sentence_starts
    position = starts.index(head.sent.start)
    window = range(starts[max(0, position - 2)], head.i)
    named = {
        id(c): c
        for i, c in roles.ents.person_at.items()
        if i in window and i not in roles.ents.quoted
    }
    if len(named) != 1:
        return
    (person,) = named.values()
    if any(
        f.person.name == person.name and f.role != "member" for f in roles.facts.values()
    ) or any(u.cluster is person for u in roles.unplaced.values()):
        return  # "Jo Bloggs" is someone else in this article
    if roles.ents.antecedent(head.i, "-") is not person:
        return
    roles.ents.add_holder(head.i, post, person)
    mention = roles.doc[head.sent.start : head.sent.end]
    if post in REGIONAL_POSTS:
        organisation = regional_government(roles, mention)
    else:
        organisation = roles.ents.organisation(roles.lex.posts[post])
    if organisation is not None:
        roles.store(person, post, organisation.entity(), mention, "role.context", 0.55)


def _the_post(roles: Roles, head: Token) -> tuple[list[Token], str] | None:
    """The words before a subject written "the <post>" outside quotations, and the post in
    lower case ("the Education Secretary": education secretary)."""
    if head.dep_ not in {"nsubj", "nsubjpass"} or head.i in roles.ents.quoted:
        return None
    phrase = [t for t in head.lefts if t.dep_ in {"det", "compound", "amod"}]
    if not phrase or phrase[0].lower_ != "the":
        return None
    return phrase, " ".join(lower_words([*phrase[1:], head]))


def post_named_after(roles: Roles, head: Token) -> None:
    """ "Teachers will get a 4% rise, the Education Secretary has announced. Bridget Lomax
    told the Commons ...": a well-known post (posts.tsv) a sentence gives with no name, and
    no holder yet, is held by the person the next sentence opens with as its subject."""
    if (found := _the_post(roles, head)) is None:
        return
    phrase, post = found
    # "The chief executive of Severnmoor Water was accused ...": a post of a body named after it
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    body = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    named_body = (
        roles.org_span(body) if body is not None and post in roles.lex.role_titles else None
    )
    if post in _SHARED_POSTS or (post not in roles.lex.posts and named_body is None):
        return
    if roles.ents.holder(post.split(), head.i) is not None:
        return
    if any(i in roles.ents.person_at for i in range(head.sent.start, head.sent.end)):
        return  # a person in its own sentence may be the holder, or someone else
    starts = roles.ents.sentence_starts
    position = starts.index(head.sent.start)
    # the first sentence of the next two that names anyone, opening with that person
    later = [roles.doc[starts[k]] for k in range(position + 1, min(position + 3, len(starts)))]
    first = next(
        (t for t in later if any(i in roles.ents.person_at for i in range(t.i, t.sent.end))),
        None,
    )
    if first is None:
        return
    person = roles.ents.person_at.get(first.i)
    if person is None or first.i in roles.ents.quoted:
        return
    end = first.i
    while end + 1 in roles.ents.person_at and roles.ents.person_at[end + 1] is person:
        end += 1
    organisation = roles.ents.organisation(named_body or roles.lex.posts[post])
    if roles.doc[end].dep_ != "nsubj" or any(
        f.person.name == person.name
        and f.role != "member"
        and (organisation is None or f.organisation != organisation.entity())
        for f in roles.facts.values()
    ):
        return  # "Jo Bloggs" holds some other post here
    roles.ents.add_holder(head.i, post, person)
    if organisation is not None:
        mention = roles.doc[head.sent.start : end + 1]
        written = roles.doc[phrase[1].i : head.i + 1].text if len(phrase) > 1 else head.text
        roles.store(person, written, organisation.entity(), mention, "role.context", 0.55)


def party_description(roles: Roles, head: Token) -> None:
    """ "Minister Jo Bloggs said ... The Fianna Fáil minister said": a post named with its
    party and no name is the person it refers back to, who is a member of that party."""
    if head.pos_ not in {"NOUN", "PROPN"} or head.i in roles.ents.quoted or head.i < 2:
        return
    titles = roles.lex.role_titles
    if head.lemma_.lower() not in titles and head.lower_ not in titles:
        return
    words = list(roles.doc[head.left_edge.i : head.i])
    if not words or words[0].lower_ != "the":
        return
    party = party_at(words, 1, roles.lex)
    if party is None or 1 + party[1] != len(words):
        return  # "the Labour minister", not "the Labour leader's chief of staff"
    resolved = roles.ents.resolve(head)
    if resolved is None or resolved.cluster is None:
        return
    person = roles.ents.reporter_of(resolved.cluster, head.i) or resolved.cluster
    member = Entity(party[0], EntityKind.ORGANISATION)
    mention = roles.doc[words[0].i : head.i + 1]
    roles.store(person, "member", member, mention, "role.party_description", 0.6)


def anaphoric_owner(roles: Roles, phrase: list[Token]) -> Cluster | None:
    """ "The company's founder", "its chief executive": the body named last before."""
    for token in phrase:
        if token.lower_ == "their" and (party := _party_subject_before(roles, token)):
            return party  # "The Welsh Conservatives said ... Their shadow secretary, Jo Bloggs"
        if token.lower_ == "its":
            subject = _body_subject_before(roles, token)
            if subject is not None:
                return subject or None
            return _one_body_before(roles, token) or roles.ents.org_antecedent(token.i)
        lemma = token.lemma_.lower()
        if token.i + 1 >= len(roles.doc) or roles.doc[token.i + 1].tag_ != "POS":
            continue
        if lemma in ORG_ANAPHORS and lemma in COMPANY_ANAPHORS:
            # "The company's founder": a company, not the party named last.
            return _company_of_article(roles, token.i, prefer=lemma)
        if lemma in ORG_ANAPHORS:
            kind = lemma if lemma in NAMED_KIND_ANAPHORS else None
            return roles.ents.org_antecedent(token.i, kind, prefer=lemma)
        if lemma == "opposition":
            return roles.ents.organisation("Opposition")  # "the opposition's spokesman"
        if lemma in {"government", "state"} and (found := roles.ents.resolve(token)) is not None:
            # "the government's chief adviser", "the state's budget director": whichever
            # government or state "the government" or "the state" is
            return roles.ents.organisation(found.entity.name)
        if lemma in BODY_NOUNS:
            # "the foundation's chair": the last body with "foundation" in its name; "the
            # force's commander": the police force's
            return roles.ents.org_antecedent(token.i, _KIND_IN_NAME.get(lemma, lemma))
    return None


# Nouns for the working parts of a council, a chamber or a board, named by what they do.
_COMMITTEE_NOUNS = {"committee", "subcommittee", "sub-committee"}


def committee_of(roles: Roles, noun: Token) -> Cluster | None:
    """A committee the text names in lower case, by its body and its business: "the
    council's licensing committee" is the Brackford City Council licensing committee, "the
    Assembly's education committee" the Assembly's. A bare "the committee" is not one."""
    if noun.lemma_.lower() not in _COMMITTEE_NOUNS or not noun.text.islower():
        return None
    modifiers = [t for t in noun.lefts if t.dep_ in {"compound", "amod", "nmod"}]
    if not modifiers:
        return None
    start = min(t.left_edge.i for t in modifiers)
    while start < noun.i and roles.doc[start].dep_ in {"det", "poss"}:
        start += 1
    end = noun.i + 1
    on = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "on"), None)
    if on is not None:
        end = on.right_edge.i + 1  # "the Appropriations subcommittee on Labor, Health ..."
    business = roles.doc[start:end]
    if any(t.tag_ == "POS" or t.i in roles.ents.person_at for t in business):
        return None
    if roles.doc[start].text in roles.lex.chambers:
        # "the Commons science, innovation and technology committee": named with its chamber
        return roles.ents.organisation(business.text)
    owner: Cluster | None = None
    possessor = next((t for t in noun.lefts if t.dep_ == "poss"), None)
    of_body = next(iter(prep_objects(noun, {"of"})), None)
    for token in (possessor, of_body):
        if token is None:
            continue
        span = roles.org_span(token)
        owner = roles.ents.organisation(span) if span is not None else None
        owner = owner or anaphoric_owner(roles, [token])
        if owner is None and token.text[:1].isupper() and token.text in roles.lex.chambers:
            owner = roles.ents.organisation(token.text)  # "the Assembly's": the chamber
        if owner is not None:
            break
    name = f"{owner.name} {business.text}" if owner is not None else business.text
    return roles.ents.organisation(name)


def board_owner(roles: Roles, noun: Token) -> Cluster | None:
    """The body whose board `noun` is: "Lumora's board", "the company's board", "the
    Lumora board"."""
    if noun.lemma_.lower() != "board" or not noun.text.islower():
        return None
    possessor = next(
        (
            c
            for c in noun.children
            if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN")
        ),
        None,
    )
    if possessor is None or possessor.pos_ == "PRON":
        return None
    found = roles.ents.resolve(possessor)
    if found is not None and found.entity.kind is EntityKind.ORGANISATION:
        return roles.ents.organisation(found.entity.name)
    if possessor.pos_ == "PROPN" and possessor.i not in roles.ents.person_at:
        # "Ledgerly's board": whatever NER made of the name, the board's owner is a body
        return roles.ents.organisation(roles.ents.org_name(noun_phrase(possessor)))
    return None


def _chamber_in(roles: Roles, sentence: Span) -> Cluster | None:
    """ "In the Senate, Majority Leader Jo Bloggs said": the one chamber (chambers.tsv)
    a sentence names outside quotations."""
    named = {
        roles.lex.chambers[t.text]
        for t in sentence
        if t.text in roles.lex.chambers and t.i not in roles.ents.quoted
    }
    return roles.ents.organisation(named.pop()) if len(named) == 1 else None


def kind_before_post(phrase: list[Token], post: str) -> str | None:
    """The kind of body a definite title names in lower case before its post: "council"
    in "the council leader", "the university's chancellor" is left to the possessive."""
    words = post.lower().split()
    for k, token in enumerate(phrase[:-1]):
        if (
            token.lower_ in NAMED_KIND_ANAPHORS
            and [t.lower_ for t in phrase[k + 1 : k + 1 + len(words)]] == words
            # "the council leader", or "Labour council leader Jo Bloggs" before a name
            and (
                any(t.lower_ == "the" for t in phrase[:k])
                or (k > 0 and all(t.text[:1].isupper() for t in phrase[:k]))
            )
        ):
            return token.lower_
    return None


def _sentence_before(roles: Roles, token: Token) -> int:
    """The first token of the sentence before the one `token` stands in (or of its own)."""
    starts = roles.ents.sentence_starts
    return starts[max(0, starts.index(token.sent.start) - 1)]


def _one_body_before(roles: Roles, its: Token) -> Cluster | None:
    """The one body the sentence before an "its" names, when no body is its subject:
    "According to the Northern Policy Institute, councils face a shortfall. Its
    director ..." """
    bodies = _bodies_named(roles, {"ORG"}, _sentence_before(roles, its), its.i)
    return bodies[0][0] if len(bodies) == 1 else None


def _party_subject_before(roles: Roles, their: Token) -> Cluster | None:
    """The party a "their" takes up: the subject of the sentence before, or of its own,
    when that subject is a party's name ("The Welsh Conservatives said ...")."""
    lo = _sentence_before(roles, their)
    for token in reversed(roles.doc[lo : their.i]):
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.tag_ not in {"NNPS", "NNS"}:
            continue
        words = roles.doc[token.left_edge.i : token.i + 1]
        name = " ".join(t.text for t in words if t.pos_ != "DET")
        party = roles.lex.parties.get(name)
        if party is not None:
            return roles.ents.organisation(party)
    return None


def _body_subject_before(roles: Roles, its: Token) -> Cluster | bool | None:
    """Whose "its" means when the clause before has a body as its subject: "The parish
    council is looking for a buyer. Its chairman, Jo Bloggs, said": the body named there
    (or its possessor, "Acme's board"), False when that body has no name the article
    gives, None when the subject before is no body."""
    lo = _sentence_before(roles, its)
    subjects = [
        t
        for t in roles.doc[lo : its.i]
        if t.dep_ in {"nsubj", "nsubjpass"}
        and t.pos_ in {"NOUN", "PROPN"}
        and t.tag_ != "NNS"  # "coastal councils face ...": no "its"
        and t.i not in roles.ents.quoted
        and t.i not in roles.ents.person_at
    ]
    if not subjects:
        it = next(
            (
                t
                for t in roles.doc[lo : its.i]
                if t.lower_ == "it"
                and t.dep_ in {"nsubj", "nsubjpass"}
                and t.sent.start < its.sent.start
            ),
            None,
        )
        # "The authority received $900m. It spent most of it on buses. When its general
        # manager ...": the body the "it" before takes up
        return _body_subject_before(roles, it) if it is not None else None
    # the subject of the sentence, not of what it reports: "The University of Castlebridge
    # said the centre would open in 2028. Its vice-chancellor" is the university's
    subject = min(subjects, key=lambda t: (len(list(t.ancestors)), -t.i))
    if (board := board_owner(roles, subject)) is not None:
        return board  # "The FibreNorth board said ... Its chairman": the company's
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    for candidate in (subject, owner):
        if candidate is not None and (span := roles.org_span(candidate)) is not None:
            return roles.ents.organisation(span) or False
    if owner is not None and owner.lower_ == "its":
        # "The company reported ..., and its board approved ... Its chief executive": the
        # body whose board it is
        return _body_subject_before(roles, owner)
    lemma = subject.lemma_.lower()
    if lemma not in BODY_NOUNS | ORG_ANAPHORS:
        return None
    found = roles.ents.resolve(subject)
    if found is not None and found.entity.kind is EntityKind.ORGANISATION:
        return roles.ents.organisation(found.entity.name) or False
    return False
