"""Roles read beside a person's name: pre-nominal titles, appositions after and before the
name, honorific posts ("Sen. Todd Young") and US party-state tags ("(R-Texas)")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from kg.extract.entities import BODY_NOUNS, BRACKETED_PARTIES, POST_NOMINALS, Cluster
from kg.extract.evidence import doc_text
from kg.extract.roles.governments import state_chamber, state_of
from kg.extract.roles.titles import is_title, lower_words, party_at, plural_title
from kg.extract.roles.words import ORG_PREPOSITIONS, SEAT_POSTS, STATE_HEADS, STATUS_WORDS
from kg.facts import Entity, EntityKind

if TYPE_CHECKING:
    from kg.extract.roles.store import Roles

# Tokens that end a pre-nominal title chain going leftwards.
_CHAIN_STOP_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
# US title abbreviations of two words, written before a name: "Texas Lt. Gov. Jo Bloggs".
ABBREVIATED_POSTS = {("lt", "gov"): "lieutenant governor", ("atty", "gen"): "attorney general"}
# Posts held in the state or city named before their abbreviation: "Ohio Gov. Jo Bloggs".
PLACE_POSTS = {"governor", "lieutenant governor", "attorney general", "mayor"}
# Posts that head a US state, held in the state the article names.
# A story of the House of Commons, where "(Con, Harrowby)" gives an MP's party and seat.
_COMMONS = re.compile(r"\b(?:Commons|MPs?)\b")
_PARTY_TAG = re.compile(r"^\(?([RDI])-[A-Z][A-Za-z. ]*\)?$")
_PARTY_TAG_NAMES = {"R": "Republican Party", "D": "Democratic Party", "I": "Independent"}


def _bracketed_party(roles: Roles, i: int) -> tuple[str, int] | None:
    """A party in brackets opening at token i ("(Con)", "(Labour)"): its name and the
    closing bracket's index."""
    if i + 2 >= len(roles.doc) or roles.doc[i].text != "(":
        return None
    close = next((t.i for t in roles.doc[i + 1 : i + 9] if t.text == ")"), None)
    if close is None:
        return None
    inside = roles.doc[i + 1 : close]
    comma = next((t.i for t in inside if t.text == ","), close)
    # "(Con, Harrowby)": the party, and the seat after it
    label = roles.doc[i + 1 : comma].text
    party = BRACKETED_PARTIES.get(label) or roles.lex.parties.get(label)
    return (party, close) if party is not None else None


def _bracketed_seat(roles: Roles, i: int, close: int) -> Span | None:
    """The seat after the party in brackets opening at token i: "(Con, Harrowby)"."""
    comma = next((t.i for t in roles.doc[i + 1 : close] if t.text == ","), None)
    if comma is None or comma + 1 >= close:
        return None
    seat = roles.doc[comma + 1 : close]
    words = [t for t in seat if t.text not in {"-", "and", "&"}]
    return seat if all(t.text[:1].isupper() for t in words) else None


def _past_party_tag(roles: Roles, i: int) -> int:
    """The token after a bracketed party tag that opens at `i` ("(R-Wyo.)"), else `i`."""
    if i >= len(roles.doc) or roles.doc[i].text != "(":
        return i
    if (bracketed := _bracketed_party(roles, i)) is not None:
        return bracketed[1] + 1  # "Cllr Jo Bloggs (Con), cabinet member for highways,"
    close = next((t.i for t in roles.doc[i + 1 : i + 8] if t.text == ")"), None)
    if close is not None and _PARTY_TAG.match(roles.doc[i + 1 : close].text.replace(" ", "")):
        return close + 1
    return i


def _past_home_state(roles: Roles, i: int) -> int:
    """The token after "of <state>" that opens at `i` ("Sen. Jo Bloggs of Texas, the
    committee's top Republican"), else `i`."""
    doc = roles.doc
    if i + 1 >= len(doc) or doc[i].lower_ != "of":
        return i
    end = i + 1
    while end < len(doc) and doc[end].ent_type_ == "GPE" and end - i <= 3:
        end += 1
    place = doc[i + 1 : end].text
    known = place in roles.lex.us_states or place in roles.lex.all_regions
    return end if end > i + 1 and known and end < len(doc) and doc[end].text == "," else i


def prenominal(roles: Roles, name: list[Token], cluster: Cluster) -> None:
    """ "Greater Manchester police chief constable Stephen Watson", "Mayor of Manchester Andy
    Burnham"; "Harvard professors Rita Gomez and Paul Mendel": a plural title before a list
    of names is each one's."""
    chain = _title_chain(roles, name)
    if not chain and (first := _first_listed(roles, name)) is not None:
        chain = [t for t in _title_chain(roles, first) if t.tag_ != "POS"]
        if not chain or chain[-1].tag_ not in {"NNS", "NNPS"}:
            return
    if chain:
        roles.add(cluster, chain, name, "role.prenominal", 0.9, _body_after(roles, name))


def _first_listed(roles: Roles, name: list[Token]) -> list[Token] | None:
    """The first name of the list a name closes: "Rita Gomez" for "Paul Mendel" in
    "Rita Gomez and Paul Mendel"."""
    head = next((t for t in name if t.head.i not in {n.i for n in name}), name[-1])
    first = head
    while first.dep_ == "conj" and first.head.i in roles.ents.person_at:
        first = first.head
    if first.i == head.i:
        return None
    cluster = roles.ents.person_at[first.i]
    start = first.i
    while start - 1 in roles.ents.person_at and roles.ents.person_at[start - 1] is cluster:
        start -= 1
    return list(roles.doc[start : first.i + 1])


def _list_end(roles: Roles, name: list[Token]) -> Token:
    """The last token of the list of names `name` opens ("Ann Lee" in "Jo Bloggs and Ann
    Lee"), or the name's own last token."""
    end = next((t for t in name if t.head.i not in {n.i for n in name}), name[-1])
    while (
        nxt := next(
            (c for c in end.children if c.dep_ == "conj" and c.i in roles.ents.person_at), None
        )
    ) is not None:
        end = nxt
    return max(end, name[-1], key=lambda t: t.i)


def _title_chain(roles: Roles, name: list[Token]) -> list[Token]:
    """The title words right before a name, up to a verb, punctuation or another name."""
    chain: list[Token] = []
    i = name[0].i - 1
    sentence_start = name[0].sent.start
    while i >= sentence_start and len(chain) < 10:
        token = roles.doc[i]
        # "NSW Ambulance Commissioner": NER may call a name in capitals a number.
        number = token.ent_type_ in _CHAIN_STOP_ENTS and not token.text.isupper()
        if i in roles.ents.person_at or (number and not _opens_title(roles, token, chain)):
            break
        if token.lower_.rstrip(".") in roles.lex.honorifics and not (
            token.is_lower and token.lower_ in roles.lex.role_titles
        ):  # "Harvard professor Jo Bloggs": a post in lower case, not a courtesy
            i -= 1
            continue
        keep = (
            token.pos_ in {"PROPN", "NOUN", "ADJ"}
            or token.tag_ == "POS"
            or token.text in {"-", "–"}
            or (
                token.lower_ in ORG_PREPOSITIONS | {"the", "and"}
                and chain
                and chain[0].text[:1].isupper()
            )
            or token.lower_.rstrip("-") in STATUS_WORDS
        )
        if not keep:
            if token.lower_ == "its" and chain:
                chain.insert(0, token)  # "its president Jo Bloggs": the body's post
            break
        chain.insert(0, token)
        i -= 1
    # "The resignation of Tory MP Jo Bloggs": a preposition after a word that is no post
    # ("Mayor of London Jo Bloggs") ends the title; the words before it are the sentence's.
    words = lower_words(chain)
    for k in range(len(chain) - 2, 0, -1):
        if chain[k].lower_ == "for" and is_title(words[k + 1 :], chain[-1], roles.lex):
            # "A spokesman for Senate Majority Leader Jo Bloggs": the post after "for" is
            # the name's; the one before it someone else's
            chain = chain[k + 1 :]
            words = words[k + 1 :]
            break
    for k in range(len(chain) - 1, 0, -1):
        body = chain[k - 1].text[:1].isupper() and (
            chain[k - 1].ent_type_ == "ORG"
            or chain[k - 1].lemma_.lower() in BODY_NOUNS
            or _known_body_from(roles, chain[k - 1 :])
        )  # "Rural Doctors Association of NSW president Jo Bloggs": a body's name goes on
        if (
            chain[k].lower_ in ORG_PREPOSITIONS
            and not body
            and not any(
                is_title(words[j:k], chain[k - 1], roles.lex)
                for j in range(max(0, k - roles.lex.max_title_words), k)
            )
        ):
            chain = chain[k + 1 :]
            break
    while chain and chain[0].lower_ in ORG_PREPOSITIONS | {"the", "and"}:
        chain = chain[1:]
    return chain


def _known_body_from(roles: Roles, words: list[Token]) -> bool:
    """Whether capitalised words from the first on name a body the article names elsewhere
    ("Transport for Wales chief executive Jo Bloggs", NER having missed it here)."""
    for end in range(2, min(len(words), 6) + 1):
        last = words[end - 1]
        if not last.text[:1].isupper() and last.lower_ not in {"for", "of", "and", "the"}:
            break
        if " ".join(t.text for t in words[:end]).lower() in roles.ents.orgs:
            return True
    return False


def _opens_title(roles: Roles, token: Token, chain: list[Token]) -> bool:
    """ "First Minister", "Second Secretary": an ordinal NER tags that begins a title."""
    words = [token.lower_, *lower_words(chain[:2])]
    return any(" ".join(words[:n]) in roles.lex.role_titles for n in (2, 3))


def apposition_after(roles: Roles, name: list[Token], cluster: Cluster) -> None:
    """ "Mary Barra, the chief executive of General Motors, said"."""
    start = name[0].i
    if start > 1 and roles.doc[start - 1].lower_ == "of" and start - 2 in roles.ents.person_at:
        return  # "Sen. Priya Natarajan of Madison, the ranking member": her town, not a person
    # "Sen. Maria Delgado (D-N.M.), the panel's ranking member": past the bracketed tag
    j = _past_party_tag(roles, name[-1].i + 1)
    j = _past_home_state(roles, j)
    if j >= len(roles.doc) or roles.doc[j].text != ",":
        return
    # "Sen. Jo Bloggs, R-Texas, the committee's chairman": past the party tag.
    k = j + 1
    while k < min(len(roles.doc), j + 6) and roles.doc[k].text != ",":
        k += 1
    if k < len(roles.doc) and _PARTY_TAG.match(roles.doc[j + 1 : k].text.replace(" ", "")):
        j = k
    phrase: list[Token] = []
    for token in roles.doc[j + 1 : min(len(roles.doc), j + 16)]:
        if token.text in {",", ";", ")", ".", ":", "(", "“", '"', "”"} or token.is_space:
            break
        if token.pos_ in {"VERB", "AUX"} and token.tag_ not in {"VBN", "VBG"}:
            return
        if token.i in roles.ents.person_at and not _stray_place(roles, token, phrase):
            return
        if token.lower_ in {"who", "which", "that", "whose"}:
            break  # "Jo Bloggs, the Conservative councillor who chairs ...": the post before it
        phrase.append(token)
    if (
        phrase
        and (
            phrase[0].pos_ == "DET"
            or phrase[0].text[:1].isupper()
            # "Jo Bloggs, cabinet member for highways,", "co-founder and chief executive of": a
            # post of one word or more, as written, opens it
            or any(
                roles.doc[phrase[0].i : phrase[0].i + k].text.lower() in roles.lex.role_titles
                for k in range(1, min(4, len(phrase)) + 1)
            )
        )
    ):
        joined = next(
            (
                k
                for k in range(1, len(phrase) - 1)
                if phrase[k].lower_ == "and" and phrase[k + 1].pos_ == "DET"
            ),
            None,
        )
        if joined is not None:
            # "Republican of Arkansas and the chairman of the committee": two titles
            roles.add(cluster, phrase[:joined], name, "role.apposition", 0.85)
            phrase = phrase[joined + 1 :]
        roles.add(cluster, phrase, name, "role.apposition", 0.85)
        if phrase[0].lower_ in {"both", "all"}:
            # "Jo Bloggs and Ann Lee, both professors at Acme": each of the names listed.
            for other in _listed_before(roles, name):
                roles.add(roles.ents.person_at[other[0].i], phrase, other, "role.apposition", 0.8)


def _stray_place(roles: Roles, token: Token, phrase: list[Token]) -> bool:
    """Whether a one-word "person" in a post's phrase is a place NER took for a name: "the
    MP for Hartmoor and Fenwick" (a seat), where nobody of that name is ever named in full."""
    cluster = roles.ents.person_at[token.i]
    return (
        any(t.lower_ in {"for", "from", "of"} for t in phrase)
        and " " not in cluster.name
        and not any(" " in alias for alias in cluster.aliases)
    )


def _listed_before(roles: Roles, name: list[Token]) -> list[list[Token]]:
    """The other names of the list that `name` closes ("Jo Bloggs and Ann Lee")."""
    first = _first_listed(roles, name)
    if first is None:
        return []
    found = [first]
    for tokens, _ in roles.person_mentions():
        head = next((t for t in tokens if t.head.i not in {n.i for n in tokens}), tokens[-1])
        if first[-1].i < tokens[0].i < name[0].i and head.dep_ == "conj":
            found.append(tokens)
    return found


def apposition_before(roles: Roles, name: list[Token], cluster: Cluster) -> None:
    """ "The home secretary, Yvette Cooper, said"; "Two directors of Acme, Jo Bloggs and
    Ann Lee, resigned": each name of a list the post (in the plural) stands before."""
    own = name
    name = _first_listed(roles, name) or name
    last = _list_end(roles, name)
    j = name[0].i - 1
    while j > 0 and roles.doc[j].lower_.rstrip(".") in roles.lex.honorifics:
        j -= 1  # "The Liberal Democrat leader, Sir Ed Davey, said"
    if j >= 1 and roles.doc[j].text != "," and (chain := _title_chain(roles, name)):
        j = chain[0].i - 1  # "The opposition's housing spokeswoman, Liberal MP Jo Bloggs,"
    if j < 1 or roles.doc[j].text != ",":
        return
    # "The committee's chairman, Sen. Dale Harkins (R-Wyo.), said": past the party tag, and
    # past letters after the name ("Sinn Féin's sport spokesperson, Orla Brennan TD,")
    after = _past_party_tag(roles, last.i + 1)
    while after < len(roles.doc) and roles.doc[after].text in POST_NOMINALS:
        after += 1
    if (
        after < len(roles.doc)
        and roles.doc[after].text not in {",", ".", ")"}
        and roles.doc[after].pos_ not in {"VERB", "AUX"}
    ):
        return
    phrase: list[Token] = []
    for token in reversed(roles.doc[max(name[0].sent.start, j - 12) : j]):
        # "The council's acting chief executive, ...": a participle modifying the post is
        # part of it
        verb = token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"amod", "compound"}
        if token.text in {",", ";", "(", ":"} or token.is_space or verb:
            break
        seat = (
            phrase
            and phrase[0].tag_ == "POS"
            and phrase[-1].lower_ in SEAT_POSTS
            and token.i + 1 == phrase[0].i
        )
        if token.i in roles.ents.person_at and not seat and token.tag_ != "PRP$":
            # not "Hollinsford's Conservative MP, Jo Bloggs" (the seat, whatever NER says), nor
            # "Their shadow secretary, Jo Bloggs" (whoever "their" is)
            return
        phrase.insert(0, token)
    while phrase and phrase[0].pos_ in {"CCONJ", "ADV", "ADP", "SCONJ"}:
        # "But the shadow health secretary, Jo Bloggs, said", "organised by the Labour MP
        # for Bolton West, Jo Bloggs", "confirmed that its finance director, Jo Bloggs,".
        phrase = phrase[1:]
    for k in range(len(phrase) - 1, 0, -1):
        # "his first meeting with the Governor of the Bank of England, Andrew Seddon,": the
        # post the name stands beside opens after the last preposition before it ("a report
        # by its finance director, Jo Bloggs,")
        head_word = phrase[k].head
        if (
            (phrase[k].pos_ == "DET" or phrase[k].tag_ == "PRP$")
            and phrase[k - 1].pos_ == "ADP"
            and head_word.lower_ in roles.lex.role_titles
            and head_word.i in {t.i for t in phrase}
            and phrase[0].head.i != head_word.i
        ):
            phrase = phrase[k:]
            break
    owner = next((k for k, t in enumerate(phrase) if t.tag_ == "POS"), None)
    # "Labour's deputy leader, Jo Bloggs": a named owner opens the phrase as "the" does.
    named_owner = bool(owner) and all(
        t.pos_ == "PROPN" and t.text[:1].isupper() for t in phrase[:owner]
    )
    # "Labour MP for Bolton West, Jo Bloggs": a party opens it too.
    plural = last.i != name[-1].i
    opens = phrase and (
        phrase[0].pos_ == "DET"
        or (plural and phrase[0].pos_ == "NUM")  # "Two directors of Acme, ..."
        or phrase[0].tag_ == "PRP$"
        or named_owner
        or party_at(phrase, 0, roles.lex) is not None
    )
    inside = {t.i for t in phrase}
    # "The home secretary, ...", "A professor of history at Durham University, ..." (the
    # root of its sentence, when the parser read the post alone as one)
    head = next((t for t in phrase if t.head.i not in inside or t.head.i == t.i), None)
    title = head is not None and (
        head.lower_ in roles.lex.role_titles or (plural and plural_title(head, roles.lex))
    )
    if not title and not plural and phrase and phrase[-1].lower_ in roles.lex.role_titles:
        # "The City of Gold Coast's chief executive, Andrew Marsh,": the parser hung the
        # post inside the body's name; the words before the name still end with it
        title = owner is not None
    if opens and title:
        # "Blackpool Council, whose leader, Jo Bloggs, said": the body "whose" stands for.
        relative = next((a for a in phrase[0].ancestors if a.dep_ == "relcl"), None)
        owner = (
            roles.org_span(relative.head)
            if phrase[0].lower_ == "whose" and relative is not None
            else None
        )
        whose = phrase[0]
        if whose.lower_ == "whose" and owner is None and roles.doc[whose.i - 1].text == ",":
            # the parser did not hang "whose president" on the body: the body before its comma
            owner = roles.org_span(roles.doc[whose.i - 2])
        roles.add(cluster, phrase, own, "role.apposition", 0.8, fallback_org=owner)


# Posts a title abbreviation names that are held in a local council ("Cllr").
_COUNCIL_POSTS = {"councillor", "councilor", "alderman"}


def honorific_post(roles: Roles, name: list[Token], cluster: Cluster) -> None:
    """ "Sen. Todd Young": a title abbreviation that names a post (honorifics.txt)."""
    if name[0].i == 0:
        return
    before = roles.doc[name[0].i - 1]
    post = roles.lex.honorific_posts.get(before.lower_.rstrip("."))
    # "Lt. Gov.", "Atty. Gen.": two abbreviations, the tokeniser keeping the dot apart or not.
    words = [t.lower_.rstrip(".") for t in roles.doc[max(0, before.i - 2) : before.i + 1]]
    words = [w for w in words if w]
    first = before.i
    if len(words) >= 2 and (pair := ABBREVIATED_POSTS.get((words[-2], words[-1]))):
        post = pair
        first = next(
            t.i for t in reversed(roles.doc[max(0, before.i - 2) : before.i]) if t.text != "."
        )
    if post is None:
        return
    roles.ents.add_holder(name[0].i, post, cluster)
    # the post spelled out and as written: "senator (Sen.)", which readers search by either
    written = roles.doc[first : before.i + 1].text
    label = f"{post} ({written})" if len(written.replace(".", "")) <= 5 else post
    state_title = first > 0 and roles.doc[first - 1].lower_ == "state"
    _party_before_title(roles, first - state_title, name, cluster)
    # "State Sen. Jo Bloggs", AP's "Sen. Jo Bloggs, D-Beaverton" (a town, not a state): a
    # seat in the state's legislature, not in Congress
    if state_title or post == "assembly member" or local_party_tag(roles, name):
        first -= state_title
        mention = roles.doc[first : name[-1].i + 1]
        if (chamber := state_chamber(roles, post, mention)) is not None:
            roles.store(cluster, label, chamber, mention, "role.honorific", 0.7)
        return
    mention = roles.doc[first : name[-1].i + 1]
    place = roles.ents.entity_at(first - 1) if first > 0 else None
    if post in PLACE_POSTS and place is not None and place.label_ == "GPE":
        # "Ohio Gov. Jo Bloggs": the governor of the state named before the title.
        org = roles.ents.organisation(place)
        if org is not None:
            mention = roles.doc[place.start : name[-1].i + 1]
            roles.store(cluster, label, org.entity(), mention, "role.honorific", 0.8)
        return
    if post in STATE_HEADS:
        # "LANSING, Mich. (AP) — Gov. Jo Bloggs signed ...": the state the article is about.
        if (org := state_of(roles, mention)) is not None:
            roles.store(cluster, label, org.entity(), mention, "role.honorific", 0.7)
        return
    organisation = roles.lex.posts.get(post)
    if _party_tag_after(roles, name) is not None:
        # "Sen. Jo Bloggs, R-Ga." in a Canadian story: a member of the US Congress
        organisation = dict((c, o) for o, c in roles.lex.all_posts.get(post, ())).get("US")
    if organisation is not None and (org := roles.ents.organisation(organisation)) is not None:
        roles.store(cluster, label, org.entity(), mention, "role.honorific", 0.7)
    elif post in _COUNCIL_POSTS and (council := roles.ents.local_council()) is not None:
        # "Cllr Jo Bloggs": a member of the council the article is about
        roles.store(cluster, label, council.entity(), mention, "role.honorific", 0.7)


def _party_before_title(roles: Roles, start: int, name: list[Token], cluster: Cluster) -> None:
    """ "Republican state Sen. Jo Bloggs", "Democratic Gov. Ann Lee": the party the words
    before a title abbreviation name."""
    tokens = list(roles.doc[max(0, start - 3) : start])
    for n in (3, 2, 1):
        if len(tokens) < n:
            continue
        party = party_at(tokens, len(tokens) - n, roles.lex)
        if party is not None and party[1] == n:
            mention = roles.doc[start - n : name[-1].i + 1]
            member = Entity(party[0], EntityKind.ORGANISATION)
            roles.store(cluster, "member", member, mention, "role.honorific+party", 0.8)
            return


def _party_tag_after(roles: Roles, name: list[Token]) -> tuple[re.Match[str], int] | None:
    """A US party-state tag right after the name ("Jo Bloggs (R-Texas)", ", D-Ore.,"): the
    match and the index of the token that closes it."""
    j = name[-1].i + 1
    if j + 2 >= len(roles.doc) or roles.doc[j].text not in {"(", ","}:
        return None
    closing = ")" if roles.doc[j].text == "(" else ","
    close = next((t.i for t in roles.doc[j + 1 : j + 8] if t.text == closing), None)
    if close is None:
        return None
    match = _PARTY_TAG.match(roles.doc[j + 1 : close].text.replace(" ", ""))
    return (match, close) if match else None


def post_nominal(roles: Roles, name: list[Token], cluster: Cluster) -> None:
    """ "Craig Ferrie MSP", "Orla Brennan TD": the letters after a name are a seat in the
    chamber they stand for (posts.tsv), for the article's country."""
    after = name[-1].i + 1
    if after >= len(roles.doc):
        return
    letters = roles.doc[after]
    if letters.text not in POST_NOMINALS or not letters.text.isupper():
        return
    mention = roles.doc[name[0].i : after + 1]
    _store_in_chamber(roles, cluster, letters.text, mention, "role.post-nominal", 0.8)


def _store_in_chamber(
    roles: Roles, cluster: Cluster, post: str, mention: Span, rule: str, confidence: float
) -> None:
    """A seat in the chamber posts.tsv gives the post for the article's country ("MP":
    the House of Commons in a British article)."""
    chamber = roles.lex.posts.get(post.lower())
    if chamber is not None and (org := roles.ents.organisation(chamber)) is not None:
        roles.store(cluster, post, org.entity(), mention, rule, confidence)


def party_tag(roles: Roles, name: list[Token], cluster: Cluster) -> None:
    """ "Sen. Ted Cruz (R-Texas)", AP's "Sen. Jo Bloggs, D-Ore., said": a US party-state
    tag after the name; "Cllr Jo Bloggs (Con)": a British party in brackets."""
    if (bracketed := _bracketed_party(roles, name[-1].i + 1)) is not None:
        party, close = bracketed
        mention = roles.doc[name[0].i : close + 1]
        member = Entity(party, EntityKind.ORGANISATION)
        roles.store(cluster, "member", member, mention, "role.party_tag", 0.85)
        seat = _bracketed_seat(roles, name[-1].i + 1, close)
        if seat is not None and _COMMONS.search(doc_text(roles.doc)):
            # "Miranda Hale (Con, Harrowby)", as a story of the Commons writes its MPs
            place = Entity(seat.text, EntityKind.ORGANISATION)
            roles.store(cluster, "MP", place, mention, "role.party_tag+seat", 0.75)
            _store_in_chamber(roles, cluster, "MP", mention, "role.party_tag", 0.75)
        return
    tag = _party_tag_after(roles, name)
    if tag is not None:
        match, close = tag
        party = Entity(_PARTY_TAG_NAMES[match.group(1)], EntityKind.ORGANISATION)
        roles.store(
            cluster, "member", party, roles.doc[name[0].i : close + 1], "role.party_tag", 0.85
        )


def _body_after(roles: Roles, name: list[Token]) -> Span | None:
    """ "Chief constable Rachel Swann of Derbyshire Police": the body right after a name."""
    j = name[-1].i + 1
    if j + 1 >= len(roles.doc) or roles.doc[j].lower_ not in {"of", "at"}:
        return None
    entity = roles.ents.entity_at(j + 1) or roles.ents.entity_at(j + 2)
    return entity if entity is not None and entity.label_ == "ORG" else None


def local_party_tag(roles: Roles, name: list[Token]) -> bool:
    """Whether a US party tag after a name gives a town, not a state: "D-Grand Rapids"."""
    j = name[-1].i + 1
    if j + 2 >= len(roles.doc) or roles.doc[j].text not in {"(", ","}:
        return False
    closing = ")" if roles.doc[j].text == "(" else ","
    close = next((t.i for t in roles.doc[j + 1 : j + 10] if t.text == closing), None)
    if close is None:
        return False
    tag = roles.doc[j + 1 : close].text
    # "House Speaker Jo Bloggs, a Republican from Richland Township": the same, spelt out.
    described = re.match(r"^an? (?:Republican|Democrat) from (.+)$", tag)
    if described is not None:
        place = described.group(1).strip(" .")
    elif _PARTY_TAG.match(tag.replace(" ", "")):
        place = tag.split("-", 1)[1].strip(" .)")
    else:
        return False
    return not any(w.rstrip(".") == place for w in roles.lex.us_states)
