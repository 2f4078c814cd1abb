"""Roles a clause states: copular and post verbs ("X is the chief executive of Y", "X joined
Acme as chief economist", "X, who chairs Y") and appointments ("Acme named X chair"), with
the subjects and bodies those clauses need."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from kg.extract.entities import ORG_LABELS, Cluster
from kg.extract.evidence import doc_tokens
from kg.extract.roles.context import board_owner, committee_of
from kg.extract.roles.titles import gathered, names_post, party_at, title_phrase
from kg.extract.roles.words import COPULAS
from kg.facts import Entity, EntityKind

if TYPE_CHECKING:
    from kg.extract.roles.store import Roles

# Posts a body can hold too ("Germany is a member of NATO"): they do not prove a person.
CORPORATE_POSTS = {
    "member",
    "partner",
    "owner",
    "leader",
    "founder",
    "sponsor",
    "shareholder",
    "head",
}
# Verbs whose object is a body, whatever NER calls its name: "joined Kestrel Widgets in 2011"
# (a work of art to NER), "co-founded Brightline".
BODY_OBJECT_LEMMAS = {"join", "rejoin", "found", "co-found", "cofound", "establish"}
# Verbs whose "at/for/with" phrase is where the subject works: "worked at Fennick Labs".
EMPLOYED_AT_LEMMAS = {"work", "employ"}
# What NER calls a body's name when it mistakes it, in the places above; a person, a place
# it knows (GPE), a date or a number is never taken for one.
_MISREAD_BODY_LABELS = {"", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
# Verbs that put their object in a post: "Acme named Jo Bloggs chief executive".
APPOINTING_LEMMAS = {"name", "appoint", "elect", "promote", "hire", "install"}
# Verbs whose "as" phrase names the post their subject holds: "Jo Bloggs served as chair".
SERVING_LEMMAS = {"serve", "work"}
# Verbs whose subject holds the post their complement names: "Jo Bloggs served as chair".
COPULAR_LEMMAS = COPULAS | APPOINTING_LEMMAS | {"serve", "work"}
# Verbs whose "as" phrase names a post the subject takes, keeps or leaves: "Jo Bloggs will take
# over as chief executive", "stepped down as chairman" (a past departure leaves a former post).
AS_POST_LEMMAS = {
    "take", "step", "return", "start", "stay", "continue", "stand", "come", "move", "keep",
}  # fmt: skip
# Nouns of a post an "as" phrase names: "keeps his job as Chief Whip", "will return to her
# role as chief operating officer".
_POST_NOUNS = {"job", "role", "post", "position"}
DEPARTING_LEMMAS = {"resign", "quit", "retire", "leave", "step"}
# Verbs that take their object out of the post its "as" phrase names: "the mayor removed Jo
# Bloggs as director of public works" (a former post).
REMOVING_LEMMAS = {"remove", "oust", "fire", "sack", "dismiss", "depose"}
# How the parser hangs a name on the post it is given: "named [Jo Bloggs] chief executive".
_NAME_DEPS = {"nmod", "compound", "dobj"}
# Verbs whose infinitive is only wanted, refused or planned, not done: "he refused to direct
# the service", "she hopes to lead the party" hold no post.
UNREALISED_LEMMAS = {
    "want", "hope", "refuse", "decline", "plan", "seek", "try", "attempt", "aim", "intend",
    "wish", "fail", "threaten", "vow", "promise", "offer", "expect", "propose", "bid",
    "campaign", "fight", "struggle", "aspire",
}  # fmt: skip


def _coordinated(noun: Token) -> list[Token]:
    """A noun and the nouns listed with it: "a geographer and ethnologist, president of X"."""
    found = gathered(noun, lambda c: c.dep_ in {"conj", "appos"} and c.pos_ in {"NOUN", "PROPN"})
    return sorted(found, key=lambda t: t.i)


def departs(verb: Token) -> bool:
    """Whether a verb tells of a past departure: "resigned as chairman", "retired from Acme",
    "left the party" ("will step down" is still to come)."""
    lemma = verb.lemma_.lower()
    return (
        lemma in DEPARTING_LEMMAS
        and verb.tag_ in {"VBD", "VBN"}
        and (lemma != "step" or any(c.lower_ == "down" for c in verb.children))
    )


def unrealised(verb: Token) -> bool:
    """Whether a verb only wants, plans or refuses what its infinitive says; its inflected
    forms are tried too, since the lemmatiser now and then misses ("hopes" → "hop")."""
    word = verb.lower_
    forms = {verb.lemma_.lower(), word, word[:-1], word[:-2], word[:-3], word[:-3] + "e"}
    return bool(forms & UNREALISED_LEMMAS)


def clause_subject(verb: Token) -> Token | None:
    """A verb's subject or, for a clause without one, the subject it shares with the clause
    it hangs on: "Before joining Acme, Jane Doe was ...", "Jane Doe left Acme to join Beta",
    "Jane Doe studied in Leeds and became chief executive of Acme"."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None and verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return clause_subject(verb.head)
    if subject is not None or verb.dep_ not in {"pcomp", "advcl", "xcomp"}:
        return subject
    # "Jane Doe left Acme to become chief executive of Beta": an infinitive of purpose.
    infinitive = verb.tag_ == "VB" and any(c.lower_ == "to" for c in verb.children)
    if verb.dep_ != "xcomp" and verb.tag_ != "VBG" and not infinitive:
        return None
    governor = next((t for t in verb.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    if (
        governor is None
        or unrealised(governor)
        or (
            (verb.dep_ == "xcomp" or infinitive)
            and any(c.dep_ == "dobj" and c.ent_type_ not in ORG_LABELS for c in governor.children)
        )
    ):
        return None  # "the party urged Jane Doe to join": she would join, not the party
    return next((c for c in governor.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def clausal(roles: Roles, verb: Token) -> None:
    """ "X is the chief executive of Y", "X was named chair of Y", "X, who chairs Y"."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return
    lemma = verb.lemma_.lower()
    if lemma == "sit":
        _seat_on_board(roles, verb)
        return
    if lemma not in COPULAR_LEMMAS | AS_POST_LEMMAS and lemma not in roles.lex.role_verbs:
        return
    if _appointed(roles, verb) is not None:
        return  # "Acme named Jo Bloggs chair": the object holds the post, not the subject
    subject = clause_subject(verb)
    if subject is None:
        return
    resolved = roles.ents.resolve(subject)
    if resolved is None or resolved.cluster is None:
        return
    cluster = resolved.cluster
    if lemma in COPULAR_LEMMAS:
        org = _employer(roles, verb)
        for child in verb.children:
            target = child
            if child.dep_ == "prep" and child.lower_ == "as":
                target = next((c for c in child.children if c.dep_ == "pobj"), None)
            elif child.dep_ not in {"attr", "oprd", "acomp", "dobj"} or (
                child.dep_ == "dobj" and lemma not in APPOINTING_LEMMAS
            ):
                continue
            if target is None:
                continue
            # "an educator and professor at Acme": the body after the first noun listed
            # is every listed post's.
            shared = org or _employer(roles, target)
            for noun in _coordinated(target):
                if names_post(noun, roles.lex):
                    phrase = title_phrase(noun)
                    roles.add(cluster, phrase, [subject], "role.copular", 0.8, fallback_org=shared)
        return
    as_phrase = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if as_phrase is None and lemma in AS_POST_LEMMAS:
        as_phrase = _as_of_post_noun(verb)
    pobj = next((c for c in as_phrase.children if c.dep_ == "pobj"), None) if as_phrase else None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    # "joined the retailer as finance director": the body named, or the one it points back to.
    org: Span | Cluster | None = None
    party = _party_of(roles, obj) if obj is not None and org is None else None
    if party is not None:
        # "who leads the Conservative opposition group on the council": the party's group,
        # which its leader is a member of; not the council the group sits on
        member = Entity(party, EntityKind.ORGANISATION)
        roles.store(cluster, "member", member, verb.sent, "role.verb+party", 0.7)
        return
    owner = board_owner(roles, obj) if obj is not None else None
    if owner is not None and lemma in roles.lex.role_verbs and pobj is None:
        # "will join Lumora's board": a seat on the company's board
        post = "former board member" if departs(verb) else "board member"
        roles.store(cluster, post, owner.entity(), verb.sent, "role.verb", 0.7)
        return
    if obj is not None:
        # "who chairs the council's licensing committee": the committee, not the council
        org = committee_of(roles, obj)
        org = org or roles.org_span(obj) or _org_anaphor(roles, obj) or _part_of(roles, obj)
        if org is None and lemma in BODY_OBJECT_LEMMAS:
            org = _untagged_body(roles, obj)
    departed = departs(verb)
    if pobj is not None and names_post(pobj, roles.lex) and (obj is None or org is not None):
        phrase = list(pobj.subtree)
        roles.add(
            cluster, phrase, [subject], "role.verb", 0.75, fallback_org=org, departed=departed
        )
        return
    if lemma not in roles.lex.role_verbs or org is None:
        return
    post = roles.lex.role_verbs[lemma]
    if post == "-":
        post = "member"
    if departed:
        post = f"former {post}"  # "Jo Bloggs left Acme in 2019"
    body = org if isinstance(org, Cluster) else roles.ents.organisation(org)
    if body is not None:
        roles.store(cluster, post, body.entity(), verb.sent, "role.verb", 0.7)


def _as_of_post_noun(verb: Token) -> Token | None:
    """The "as" phrase of the post noun a verb takes: "keeps his job as Chief Whip",
    "returns to her role as chief operating officer"."""
    nouns = [c for c in verb.children if c.dep_ == "dobj"]
    nouns += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    for noun in nouns:
        if noun.lemma_.lower() in _POST_NOUNS:
            found = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "as"), None)
            if found is not None:
                return found
    return None


def _seat_on_board(roles: Roles, verb: Token) -> None:
    """ "X, who sits on Ferrolith's board": a seat on the company's board; "who sits on the
    House Armed Services Committee", "on the Assembly's education committee": a member."""
    on = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"), None)
    board = next((c for c in on.children if c.dep_ == "pobj"), None) if on else None
    if board is None:
        return
    post = "board member"
    owner = board_owner(roles, board)
    if owner is None:
        post = "member"
        owner = committee_of(roles, board)
    if owner is None and board.lemma_.lower() in _SEATED_BODIES:
        span = roles.org_span(board)
        owner = roles.ents.organisation(span) if span is not None else None
    subject = clause_subject(verb)
    found = roles.ents.resolve(subject) if subject is not None and owner is not None else None
    if found is not None and found.cluster is not None:
        roles.store(found.cluster, post, owner.entity(), verb.sent, "role.verb", 0.7)


# Bodies whose members sit on them: "sits on the Senate Finance Committee".
_SEATED_BODIES = {
    "committee", "subcommittee", "board", "panel", "commission", "council", "bench", "court",
}  # fmt: skip


def _part_of(roles: Roles, noun: Token) -> Span | None:
    """The body a part of it belongs to: "chairs the local branch of the University and
    College Union"."""
    if noun.lemma_.lower() not in {"branch", "chapter", "division", "unit", "wing", "arm"}:
        return None
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    body = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    return roles.org_span(body) if body is not None else None


def _party_of(roles: Roles, noun: Token) -> str | None:
    """The party a lower-case body noun belongs to: "the Labour group", "the Conservative
    opposition group"."""
    if not noun.text.islower() or noun.lemma_.lower() not in {"group", "caucus", "bloc"}:
        return None
    words = [t for t in noun.doc[noun.left_edge.i : noun.i] if t.pos_ != "DET"]
    for k in range(len(words)):
        party = party_at(words, k, roles.lex)
        if party is not None:
            return party[0]
    return None


def _org_anaphor(roles: Roles, token: Token) -> Cluster | None:
    """The body a definite noun like "the retailer" points back to."""
    found = roles.ents.resolve(token)
    if found is None or found.entity.kind is not EntityKind.ORGANISATION:
        return None
    return roles.ents.organisation(found.entity.name)


def _appointed(roles: Roles, verb: Token) -> tuple[Token, Cluster] | None:
    """The person an active appointing verb puts in a post, and the word naming them:
    "Acme has appointed Jo Bloggs as ...", "Acme named Jo Bloggs chief executive"."""
    if verb.lemma_.lower() not in APPOINTING_LEMMAS | REMOVING_LEMMAS or any(
        c.dep_ == "auxpass" for c in verb.children
    ):
        return None
    objects = [c for c in verb.children if c.dep_ in {"dobj", "oprd"}]
    # "named Jo Bloggs chief executive": the parser may hang the name on the post.
    candidates = [*objects, *(g for c in objects for g in c.children if g.dep_ in _NAME_DEPS)]
    for candidate in candidates:
        found = roles.ents.resolve(candidate)
        if found is not None and found.cluster is not None:
            return candidate, found.cluster
    return None


def appointment(roles: Roles, verb: Token) -> None:
    """ "Acme has appointed Jo Bloggs as its next chief executive": the object takes the
    post at the subject's body (or the body "its" names)."""
    appointed = _appointed(roles, verb)
    if appointed is None:
        return
    person, cluster = appointed
    removed = verb.lemma_.lower() in REMOVING_LEMMAS
    if removed and verb.tag_ not in {"VBD", "VBN"}:
        return  # "will remove Jo Bloggs as director": still in post
    subject = clause_subject(verb)
    body = _org_anaphor(roles, subject) if subject is not None else None
    if body is None and subject is not None and (span := roles.org_span(subject)):
        body = roles.ents.organisation(span)
    targets = []
    for child in verb.children:
        if child.dep_ == "prep" and (
            child.lower_ == "as" or (child.lower_ == "to" and verb.lemma_.lower() == "promote")
        ):
            # "promoted Jo Bloggs to Home Secretary": the post she is raised to.
            targets += [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ in {"oprd", "xcomp", "attr", "dobj"}:
            # "named Jo Bloggs its chief executive": the post may hang on the name.
            targets += [child, *(c for c in child.children if c.dep_ in {"dobj", "appos"})]
    for target in targets:
        if target.i in roles.ents.person_at or not names_post(target, roles.lex):
            continue
        phrase = [t for t in title_phrase(target) if t.i not in roles.ents.person_at]
        roles.add(
            cluster, phrase, [person], "role.appointment", 0.8, fallback_org=body, departed=removed
        )


def adopt_subject(roles: Roles, verb: Token) -> None:
    """ "Okafor is a distinguished professor", "Okafor studied at Acme before becoming a
    professor", "Okafor served as chief operating officer at Acme": only a person holds a
    personal post."""
    lemma = verb.lemma_.lower()
    if lemma not in COPULAS | SERVING_LEMMAS:
        return
    subject = clause_subject(verb)
    if subject is None or subject.i in roles.ents.person_at or not _name_like(roles, subject):
        return
    # "Lindqvist was Professor of Chemistry at ...": a capitalised post is a post too.
    attributes = [
        c
        for c in verb.children
        if c.dep_ == "attr" and c.pos_ in {"NOUN", "PROPN"} and c.i not in roles.ents.person_at
    ]
    if lemma in SERVING_LEMMAS:
        # "served as chief executive": the post after "as".
        attributes = [
            g
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "as"
            for g in c.children
            if g.dep_ == "pobj" and g.pos_ in {"NOUN", "PROPN"}
        ]
    for noun in (n for a in attributes for n in _coordinated(a)):
        if names_post(noun, roles.lex) and noun.lemma_.lower() not in CORPORATE_POSTS:
            roles.ents.adopt_person(subject, holds_post=True)
            return


def _name_like(roles: Roles, subject: Token) -> bool:
    """Whether a subject reads as a name: a proper noun, or a capitalised word opening its
    sentence that the tagger took for a common noun ("Tarjan is a professor at ...")."""
    if subject.pos_ == "PROPN":
        return True
    return (
        subject.pos_ == "NOUN"
        and subject.i == subject.sent.start
        and subject.text[:1].isupper()
        and subject.lower_ not in roles.lex.role_titles
        and not any(c.dep_ in {"det", "poss", "amod", "compound"} for c in subject.children)
    )


def _employer(roles: Roles, verb: Token) -> Span | None:
    """The organisation of an appointment given beside the title ("joined Acme as ...")."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in {"at", "by", "with", "for"}:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and (span := _body_name(roles, pobj)) is not None:
                if child.lower_ == "for" and span.label_ == "GPE":
                    continue  # "manager for Ireland": the territory, not the employer
                return span
    return None


def _body_name(roles: Roles, token: Token) -> Span | None:
    """The organisation a noun names: NER's, or the longer capitalised name NER cut it
    from ("Kingston Law University Leeds", where NER stops before "Leeds")."""
    start = token.i
    while (
        start - 1 >= token.sent.start
        and roles.doc[start - 1].text[:1].isupper()
        and roles.doc[start - 1].dep_ == "compound"
        and roles.doc[start - 1].head.i <= token.i
    ):
        start -= 1
    named = roles.doc[start : token.i + 1]
    if len(named) > 1 and any(t.ent_type_ == "ORG" for t in named):
        entity = roles.ents.entity_at(start)
        if entity is None or entity.end <= token.i:
            return named
    return roles.org_span(token)


def untagged_bodies(roles: Roles) -> Iterator[Span]:
    """Names NER does not call bodies in a place only a body takes: the object of "join"
    or "found", and the "at/for/with" phrase of "work" ("worked at Fennick Labs")."""
    for token in doc_tokens(roles.doc):
        verb = token.head
        if token.dep_ == "pobj" and verb.lower_ in {"at", "for", "with"}:
            verb = verb.head
        elif token.dep_ != "dobj" or verb.lemma_.lower() not in BODY_OBJECT_LEMMAS:
            continue
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in BODY_OBJECT_LEMMAS | (
            EMPLOYED_AT_LEMMAS if token.dep_ == "pobj" else set()
        ):
            continue
        body = _untagged_body(roles, token)
        if body is not None:
            yield body


def _untagged_body(roles: Roles, token: Token) -> Span | None:
    """The capitalised name a noun heads, when NER left it untagged or mistook it for a
    work of art, product or place ("joined Kestrel Widgets in 2011")."""
    if (
        token.pos_ not in {"PROPN", "NOUN"}
        or not token.text[:1].isupper()
        or token.ent_type_ not in _MISREAD_BODY_LABELS
        or token.i in roles.ents.person_at
        or token.i in roles.ents.quoted
    ):
        return None

    def part(t: Token) -> bool:
        return t.i not in roles.ents.person_at and (
            (t.text[:1].isupper() and t.pos_ in {"PROPN", "NOUN"}) or t.like_num
        )

    sentence = token.sent  # spaCy finds a token's sentence anew on each access: once
    start, end = token.i, token.i + 1
    while (
        start - 1 >= sentence.start
        and part(roles.doc[start - 1])
        and (roles.doc[start - 1].head.i == token.i or roles.doc[start - 1].dep_ == "compound")
    ):
        start -= 1
    while end < sentence.end and part(roles.doc[end]) and roles.doc[end].head.i == token.i:
        end += 1
    return roles.doc[start:end]
