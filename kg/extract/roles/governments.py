"""Whose government a post is held in: the regional governments an article names, a state's
minister, the chamber of a state legislature, and a country abroad."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from kg.extract.entities import NATIONAL_WORDS, Cluster, states_pattern
from kg.extract.evidence import doc_text
from kg.extract.roles.words import STATE_LEGISLATURE_POSTS
from kg.facts import Entity, EntityKind

if TYPE_CHECKING:
    from kg.extract.roles.store import Roles

# Prepositions of places someone goes to or comes from, which say nothing of whose post is held.
_MOTION_PREPOSITIONS = {"to", "from", "toward", "towards", "into", "via"}


def country_abroad(roles: Roles, person: Cluster) -> str | None:
    """The government of another country than the article's, when the sentences that name
    a person name that country at least twice and more often than the article's own:
    "In Ottawa, Prime Minister Mark Carney said Canada would ..." in an article about
    Britain. Places someone goes to or comes from, words inside quotations and
    nationalities in another person's title ("met French President ...") do not count."""
    sentences = {
        t.sent.start: t.sent
        for i, c in roles.ents.person_at.items()
        if c is person
        for t in [roles.doc[i]]
    }
    counts: dict[str, int] = {}
    for sentence in sentences.values():
        for match in roles.lex.country_words.finditer(sentence.text):
            if not match.group(0)[:1].isalpha():
                continue  # "£": the money's country, not the person's
            span = roles.doc.char_span(
                sentence.start_char + match.start(),
                sentence.start_char + match.end(),
                alignment_mode="expand",
            )
            if span is None or span.start in roles.ents.quoted:
                continue
            first = span[0]
            if first.head.lower_ in _MOTION_PREPOSITIONS and first.dep_ == "pobj":
                continue
            if span.root.head.i in roles.ents.person_at or any(
                t.i in roles.ents.person_at and roles.ents.person_at[t.i] is not person
                for t in roles.doc[span.end : span.end + 4]
            ):
                continue  # "French President Emmanuel Macron": another person's country
            code = roles.lex.countries[match.group(0)]
            counts[code] = counts.get(code, 0) + 1
    home = counts.pop(roles.lex.country or "", 0)
    if not counts:
        return None
    code = max(counts, key=lambda c: counts[c])
    info = roles.lex.country_info.get(code)
    if info is None or counts[code] < 2 or counts[code] <= home:
        return None
    return info.government


def state_chamber(roles: Roles, post: str, mention: Span) -> Entity | None:
    """The chamber of the state legislature a state post sits in (us_states.tsv): the
    state named nearest in the sentence, then in those either side ("..., whose district was
    hit hardest, said Florida would need billions"), else the one the article names
    most; None when it names none. Party tags ("Sen. Jo Bloggs, D-N.Y.") are the states
    of members of Congress and do not count."""
    if post not in STATE_LEGISLATURE_POSTS:
        return None
    text = doc_text(roles.doc)
    sentences = roles.ents.sentence_starts
    position = sentences.index(mention.sent.start)
    lo = roles.doc[sentences[max(0, position - 1)]].idx
    hi = roles.doc[sentences[position + 2]].idx if position + 2 < len(sentences) else len(text)
    pattern = states_pattern(tuple(roles.lex.us_states))
    found = [(m.start(), roles.lex.us_states[m.group(0)]) for m in pattern.finditer(text)]
    if not found:
        return None
    own = mention.sent
    nearby = [
        (not own.start_char <= at < own.end_char, abs(at - mention.start_char), state)
        for at, state in found
        if lo <= at < hi
    ]
    if nearby:
        state = min(nearby)[2]
    else:
        states = [state for _, state in found]
        state = max(states, key=states.count)
    return Entity(STATE_LEGISLATURE_POSTS[post].format(state), EntityKind.ORGANISATION)


def state_of(roles: Roles, mention: Span) -> Cluster | None:
    """The US state a state-wide post held at `mention` belongs to ("Gov. Jo Bloggs" in a
    story from Lansing): the state state_chamber would seat its senators in."""
    chamber = state_chamber(roles, "senator", mention)
    if chamber is None:
        return None
    return roles.ents.organisation(chamber.name.removesuffix(" State Senate"))


def _governments(
    roles: Roles, lo: int, hi: int, nouns: frozenset[str] = frozenset({"government"})
) -> Iterator[tuple[Token, str | None]]:
    """The governments named between tokens lo and hi, nearest to lo first: each
    "government" (or other of `nouns`) with the name of its state or province ("the New
    South Wales government"), or None for the nation's ("the federal government")."""
    national = (roles.lex.government or "").lower()
    surnames = {c.name.split()[-1] for c in roles.ents.people}
    for token in roles.doc[lo:hi]:
        if token.i in roles.ents.quoted:
            continue
        if (acting := _acting_region(roles, token)) is not None:
            yield token, acting  # "Alberta will spend $330m": the province acts as its government
            continue
        if token.lower_ not in nouns:
            continue
        # "the Queensland government", "Nova Scotia's provincial government"
        modifiers = [c for c in token.lefts if c.dep_ in {"amod", "compound", "poss"}]
        if any(c.lower_ in NATIONAL_WORDS for c in modifiers):
            yield token, None
            continue
        place = next((c for c in modifiers if c.ent_type_ in {"NORP", "GPE"}), None)
        if place is not None and place.text in surnames and place.text not in roles.lex.regions:
            continue  # "the Albanese government": named after its leader, not a place
        entity = roles.ents.entity_at(place.i) if place is not None else None
        words = []  # "the New South Wales government", a place NER may miss
        while token.i - len(words) - 1 >= 0:
            word = roles.doc[token.i - len(words) - 1]
            if not (word.pos_ in {"PROPN", "ADJ"} and word.text[:1].isupper()):
                break
            words.insert(0, word.text)
        if len(words) == 1 and words[0].isupper() and words[0].capitalize() in roles.lex.regions:
            words = [words[0].capitalize()]  # "SCOTTISH ministers" opening a story
        owner = next((c for c in modifiers if c.dep_ == "poss"), None)
        owned = roles.doc[owner.left_edge.i : owner.i + 1].text if owner is not None else ""
        if " ".join(words) in roles.lex.regions:
            place_name = " ".join(words)  # "the NSW government", whatever NER calls NSW
        elif owned in roles.lex.regions:
            place_name = owned  # "Nova Scotia's provincial government"
        elif entity is not None:
            place_name = re.sub(r"['’]s$", "", entity.text).removeprefix("the ")
        elif " ".join(words) in roles.lex.countries:
            place_name = " ".join(words)
        else:
            continue
        if place_name in roles.lex.parties:
            continue  # "an LNP government": the party's, not a place's
        country = roles.lex.countries.get(place_name)
        name = roles.lex.regions.get(place_name, f"{place_name} Government")
        if name.lower() == national:
            yield token, None
        elif not country or country == roles.lex.country:
            yield token, name


def _acting_region(roles: Roles, token: Token) -> str | None:
    """The government of the state or province (regions.tsv, the article's country) that
    `token` names as the subject of a verb: "Alberta will spend ...", "New South Wales has
    pledged ..."."""
    if token.dep_ != "nsubj" or token.pos_ != "PROPN" or token.head.pos_ not in {"VERB", "AUX"}:
        return None
    entity = roles.ents.entity_at(token.i)
    place = entity.text if entity is not None and entity.root.i == token.i else token.text
    if place not in roles.lex.regions or place in roles.lex.parties:
        return None
    country = roles.lex.countries.get(place)
    return roles.lex.regions[place] if not country or country == roles.lex.country else None


# Words that name a government in a story's lead: "The Welsh Government has ...",
# "Queensland Premier Jo Bloggs has announced ...", "Scottish ministers have ...".
_GOVERNING_NOUNS = frozenset({"government", "premier", "ministers"})
# The headline and the first sentences of the body: where a story says whose it is.
_LEAD_SENTENCES = 2


def lead_government(roles: Roles) -> str | None:
    """The state's, province's or devolved nation's government a story's lead names, and
    no national one beside it: the government the story is about, whose ministers its
    bare ministerial posts ("Health Secretary Jo Bloggs") name."""
    starts = roles.ents.sentence_starts
    hi = starts[_LEAD_SENTENCES] if len(starts) > _LEAD_SENTENCES else len(roles.doc)
    return _only_regional([n for _, n in _governments(roles, 0, hi, _GOVERNING_NOUNS)])


def sentence_government(roles: Roles, mention: Span) -> str | None:
    """The one state's or devolved nation's government the sentence of a mention names, and
    no national one: "Justice Secretary Jo Bloggs said the Scottish Government would ..."."""
    return _only_regional([n for _, n in _governments(roles, mention.sent.start, mention.sent.end)])


def _only_regional(named: list[str | None]) -> str | None:
    """Of the governments named (None for the nation's), the one regional government, when
    only it is named."""
    regional = {n for n in named if n is not None}
    return regional.pop() if len(regional) == 1 and None not in named else None


def regional_government(roles: Roles, mention: Span) -> Cluster | None:
    """ "The Tasmanian government will ..., Premier Jo Bloggs said": the government of a
    state or province named in the sentence or the ones either side."""
    position = roles.ents.sentence_starts.index(mention.sent.start)
    starts = roles.ents.sentence_starts
    lo = starts[max(0, position - 1)]
    hi = starts[position + 2] if position + 2 < len(starts) else len(roles.doc)
    named = sorted(_governments(roles, lo, hi), key=lambda g: abs(g[0].i - mention.start))
    name = next((n for _, n in named if n is not None), None)
    if name is None:
        # "The Queensland government will ... Premier Jo Bloggs said": the one state
        # government the article names, when it names one.
        regional = {n for _, n in _governments(roles, 0, len(roles.doc)) if n is not None}
        name = regional.pop() if len(regional) == 1 else None
    return roles.ents.organisation(name) if name else None


def state_minister(roles: Roles, mention: Span) -> str | None:
    """Whose a minister is in an article that names a state's government as well:
    the government named nearest in the sentence or those either side; "" when the
    article names the nation's too and nothing nearby tells them apart, None when it
    names no state's government."""
    regional = [n for _, n in _governments(roles, 0, len(roles.doc)) if n is not None]
    if not regional:
        return None
    position = roles.ents.sentence_starts.index(mention.sent.start)
    starts = roles.ents.sentence_starts
    # "Prime Minister Jo Bloggs ... Treasurer Ann Ray said ...": with the nation's
    # government at work in the article, only a state government named in the same
    # sentence makes a minister the state's.
    nation_named = any(f.organisation.name == roles.lex.government for f in roles.facts.values())
    lo = mention.sent.start if nation_named else starts[max(0, position - 1)]
    hi = starts[position + 2] if position + 2 < len(starts) else len(roles.doc)
    if nation_named:
        hi = mention.sent.end
    named = sorted(_governments(roles, lo, hi), key=lambda g: abs(g[0].i - mention.start))
    if named:
        return named[0][1] or roles.lex.government or ""
    if nation_named:
        return roles.lex.government or ""
    national = any(n is None for _, n in _governments(roles, 0, len(roles.doc)))
    federal = re.search(r"\b(?:[Ff]ederal|Commonwealth)\b", doc_text(roles.doc))
    if national or federal:
        # "Treasurer Jo Bloggs [of the Queensland Government] ... Health Minister Ann Lee":
        # the cabinet of the one state government the article has placed a minister in
        placed = {f.organisation.name for f in roles.facts.values()} & set(regional)
        return placed.pop() if len(placed) == 1 else ""
    return max(set(regional), key=regional.count)
