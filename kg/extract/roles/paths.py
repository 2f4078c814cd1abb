"""Roles a dependency path states: a person and a body joined only by posts, employment
verbs, copulas, generic body nouns and prepositions ("Ruth Adler of Caltech")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from kg.extract.entities import BODY_NOUNS, ORG_LABELS, RELATIVE_PRONOUNS
from kg.extract.roles.clauses import clause_subject, departs, untagged_bodies
from kg.extract.roles.titles import is_title, ranks_post, read_title
from kg.extract.roles.words import (
    COPULAS,
    FIELD_POSTS,
    ORG_NOUNS,
    ORG_PREPOSITIONS,
    SEAT_POSTS,
    STATE_LEGISLATURE_POSTS,
)

if TYPE_CHECKING:
    from kg.extract.roles.store import Roles

# How the parser joins the names of a list: "Jo Bloggs and Ann Lee", "Jo Bloggs, Ann Lee".
_LIST_DEPS = frozenset({"conj", "appos"})
# Verbs of work done at a place by someone there: "developed at Bell Labs by Hendrik Bode".
WORK_VERBS = {
    "create", "develop", "design", "invent", "discover", "build", "write", "conduct",
    "prepare", "generate", "produce", "devise", "pioneer", "coordinate", "perform",
}  # fmt: skip
# Bodies whose people are members: "appointed to the Cabinet", "elected to the Senate".
_MEMBERS_BODIES = {
    "cabinet", "board", "committee", "council", "panel", "commission", "senate", "assembly",
    "parliament", "legislature", "congress", "court", "jury", "bench",
}  # fmt: skip
# Verbs of arriving, whose "from" phrase names the body someone left to arrive.
_ARRIVING_VERBS = {"join", "move", "come", "arrive", "switch", "defect", "transfer", "poach"}
# Adverbs that put a clause's work in the past: "who previously led teams at Acme".
_PAST_ADVERBS = {"previously", "formerly", "once", "earlier"}
PATH_PREPOSITIONS = {"of", "at", "for", "with", "in", "on", "by", "from", "to", "as", "within"}


def _agent_at(verb: Token, path: list[Token]) -> bool:
    """Whether a path through `verb` goes from its "by" agent to its "at"/"in" place."""
    words = {t.lower_ for t in path if t.head.i == verb.i}
    return "by" in words and bool(words & {"at", "in"})


def _someone_elses(verb: Token, path: list[Token], ends: set[int]) -> bool:
    """Whether an active verb on the path has a subject of its own off the path, not a
    body: "Huber worked with Jo Bloggs at Acme" is Huber's work, not Jo Bloggs's."""
    subject = clause_subject(verb)
    return (
        subject is not None
        and subject.dep_ == "nsubj"
        and subject.ent_type_ not in ORG_LABELS
        and subject.i not in ends
        and subject.lower_ not in RELATIVE_PRONOUNS
        and all(t.i != subject.i for t in path)
    )


def _has_own_body(person: Token) -> bool:
    """ "Alan Reed of M.I.T., Lena Voss of Stanford": a name with its own "of/at" body, which
    the names listed after it do not share."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in {"of", "at"}
        and any(g.dep_ == "pobj" and g.text[:1].isupper() for g in c.children)
        for c in person.children
    )


def _verb_key(verb: Token) -> str:
    """A verb as role_verbs.tsv lists it: with its particle when it has one ("set up")."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_.lower()} {particle}" if particle else verb.lemma_.lower()


def _noun_slot(token: Token) -> bool:
    """Whether a token stands where a noun does: a noun, or a word the tagger took for a
    verb in a list of posts ("an engineer, test pilot and NASA astronaut")."""
    return token.pos_ in {"NOUN", "PROPN"} or (
        token.dep_ in {"conj", "appos", "attr"} and token.pos_ in {"VERB", "ADJ"}
    )


def _listed(token: Token, path: list[Token], deps: frozenset[str] = frozenset({"conj"})) -> bool:
    """Whether a path goes through `token` to a conjunct of it, or comes to it as one."""
    return token.dep_ in deps or any(t.dep_ in deps and t.head.i == token.i for t in path)


def paths(roles: Roles) -> None:
    """Person and organisation joined by a dependency path that only says "works there".

    "James Tobin ... was an economist who served on the Council of Economic Advisers",
    "Ruth Adler of Caltech", "the charity was led by Jane Doe": every word between the two
    is a post, an employment verb, a copula, a generic organisation noun or a
    preposition, and at least one of them is a post or an employment verb.
    """
    # NER sometimes calls a post an organisation ("Rector Magnificus", "Project Executive").
    orgs_by_sentence: dict[int, list[Span]] = {}
    for ent in roles.ents.entities:
        if (
            ent.label_ in {"ORG", "FAC"}
            and not is_title([ent[-1].lower_], ent[-1], roles.lex)
            and not all(ranks_post(t, roles.lex) for t in ent)
            and ent[-1].lower_ not in ORG_PREPOSITIONS
            and ent.text not in roles.lex.regions  # "the union's NSW secretary": a place
        ):
            orgs_by_sentence.setdefault(ent[0].sent.start, []).append(ent)
    for body in untagged_bodies(roles):
        orgs_by_sentence.setdefault(body[0].sent.start, []).append(body)
    if not orgs_by_sentence:
        return
    for tokens, cluster in roles.person_mentions():
        orgs = orgs_by_sentence.get(tokens[0].sent.start, [])
        if not orgs:
            continue
        inside = {t.i for t in tokens}
        head = next((t for t in tokens if t.head.i not in inside), tokens[-1])
        for org in orgs:
            if org.start <= head.i < org.end or _in_chain(roles, org, tokens):
                continue
            found = _path_role(roles, head, org.root, inside | set(range(org.start, org.end)))
            if found is None:
                continue
            post, confidence = found
            bare = post.lower().removeprefix("former ")
            named = org.text.removeprefix("the ").removeprefix("The ")
            party = roles.lex.parties.get(named) or roles.lex.parties.get(
                named.removesuffix(" Party")
            )  # "the National Party MP": a party by its name with "Party"
            if party is not None and (
                bare not in roles.lex.party_posts | {"employee"} or _held_elsewhere(org)
            ):
                # "the Labour mayor of Hull", "the Labour leader of Camden Council": a post
                # held by someone who is Labour, not the party's
                continue
            # "Labour's deputy leader": a party by its full name, as the title rules give it.
            org_cluster = roles.ents.organisation(party or org)
            if org_cluster is None:
                continue
            lo, hi = min(head.i, org.start), max(head.i, org.end - 1)
            mention = roles.doc[lo : hi + 1]
            unplaced = roles.unplaced.get(tokens[0].i)
            if (
                unplaced is not None
                and unplaced.mention.end == tokens[-1].i + 1
                and unplaced.bare not in {*STATE_LEGISLATURE_POSTS, *SEAT_POSTS}
                # "founded by soil scientist Jo Bloggs": founding is the fact, the title a
                # profession
                and bare not in {"founder", "co-founder"}
                # "CTO Jo Bloggs, who previously led teams at Acme": the title is held now,
                # not at the body the person has left
                and (not post.startswith("former ") or unplaced.post.startswith("former "))
                # "Mayor Jo Bloggs, who was elected for Labour": a member of the party, the
                # mayor of somewhere else
                and party is None
            ):  # a legislator's seat is placed by the article, not by what they chair
                # "Acme is led by Chairman Jo Bloggs": the post is held in the body the
                # sentence ties the person to, and the verb only says so; not a post the
                # clause gives elsewhere ("held posts with Acme, and served as consultant
                # to ...").
                held = roles.unplaced.pop(tokens[0].i).post
                departed = post.startswith("former ") and not held.startswith("former ")
                post = f"former {held}" if departed else held
                confidence = 0.7
            roles.store(cluster, post, org_cluster.entity(), mention, "role.path", confidence)


# Words for kin, which a name in apposition to them only describes.
_KIN = {
    "son", "daughter", "grandson", "granddaughter", "wife", "husband", "brother", "sister",
    "father", "mother", "nephew", "niece", "widow", "widower", "cousin",
}  # fmt: skip


def _held_elsewhere(party: Span) -> bool:
    """Whether the post a party name modifies says where it is held: "the Labour leader
    of Camden Council"."""
    post = party.root.head
    return party.root.dep_ in {"compound", "amod", "nmod"} and any(
        c.dep_ == "prep" and c.lower_ in {"of", "at", "on"} for c in post.children
    )


def _in_chain(roles: Roles, org: Span, name: list[Token]) -> bool:
    """Whether an organisation is part of the title right before a name (no punctuation
    or verb between), which the pre-nominal rule reads instead."""
    if org.end > name[0].i:
        return False
    between = roles.doc[org.end : name[0].i]
    return all(t.pos_ in {"PROPN", "NOUN", "ADJ"} or t.text in {"-", "'s", "’s"} for t in between)


def _path_role(roles: Roles, person: Token, org: Token, ends: set[int]) -> tuple[str, float] | None:
    """The post a dependency path from person to organisation states, or None."""
    up_person = [person, *person.ancestors]
    up_org = [org, *org.ancestors]
    org_ids = {t.i for t in up_org}
    common = next((t for t in up_person if t.i in org_ids), None)
    if common is None:
        return None
    path = up_person[: up_person.index(common) + 1]
    # Going up from a name through the first of a list ("led by Jo Bloggs and Ann Lee").
    rising = {t.i for t in path[:-1]}
    path += list(reversed(up_org[: [t.i for t in up_org].index(common.i)]))
    middle = [t for t in path if t.i not in ends]
    if len([t for t in middle if t.i not in roles.ents.person_at]) > 6:
        return None
    title: Token | None = None
    verb: Token | None = None
    for token in middle:
        lemma = token.lemma_.lower()
        if token.i in roles.ents.quoted:
            return None
        if token.pos_ in {"VERB", "AUX"} and _someone_elses(token, path, ends):
            return None
        if token.i in roles.ents.person_at:
            # Lists of people share what follows: "by Kroto, Heath and Curl at Rice".
            if (
                token.dep_ in {"conj", "appos", "compound"}
                or token.head.i in roles.ents.person_at
                or (token.i in rising and _listed(token, path, _LIST_DEPS))
            ) and (token.i in rising or not _has_own_body(person)):
                continue
            return None
        if token.pos_ == "ADP" and token.lower_ in PATH_PREPOSITIONS:
            continue
        if token.lemma_.lower() in _KIN and token.i in rising and token.head.dep_ == "agent":
            continue  # "chaired by his granddaughter, Jo Bloggs": who she is to someone
        if token.pos_ in {"AUX", "VERB"} and lemma in COPULAS:
            continue
        if _noun_slot(token) and is_title([token.lower_], token, roles.lex):
            if token.head.lower_ == "to" and title is not None:
                return None  # "assistant to the director of Acme": the post served is another's
            if (
                token.dep_ == "appos"
                and token.head.i in roles.ents.person_at
                and token.head.i not in ends
            ):
                return None  # "by Jo Bloggs and Ann Lee, a professor at Leeds": Lee's post
            if any(
                c.dep_ == "poss" and c.i not in ends and c.lower_ != "whose" for c in token.children
            ):
                return None  # "..., the company's chairman, Jo Bloggs": the owner's post
            title = token  # of titles listed together, the one nearest the body holds it
            continue
        if token.pos_ == "VERB" and _verb_key(token) in roles.lex.role_verbs:
            verb = verb or token
            continue
        if token.pos_ == "VERB" and lemma in WORK_VERBS and _agent_at(token, middle):
            # "CLU was created at MIT by Barbara Liskov": made it there, works there.
            verb = verb or token
            continue
        if token.pos_ in {"NOUN", "PROPN"} and lemma in ORG_NOUNS:
            continue  # "is on the Board of Directors of Acme"
        if token.ent_type_ == "ORG" and _listed(token, path):
            # "worked at Acme Corp and the University of Leeds": bodies listed together.
            continue
        return None
    if (
        title is not None
        and title.lower_ in FIELD_POSTS
        and org.head.lower_ == "of"
        and org.head.head.i == title.i
        and org.lemma_.lower() not in BODY_NOUNS
    ):
        return None  # "Professor of Operations Research": a field, whatever NER calls it
    if title is not None and title.lower_ in SEAT_POSTS and org.head.lower_ == "for":
        return None  # "MP for Bolton West": a seat, not a body
    if title is not None and title.lower_ in SEAT_POSTS and org.dep_ == "poss":
        return None  # "Hollinsford's Conservative MP": the seat, not a body named after it
    if (
        title is not None
        and title.lower_ in {"secretary", "minister"}
        and org.head.lower_ == "for"
        and org.lemma_.lower() not in BODY_NOUNS
    ):
        return None  # "Cabinet Secretary for Housing": a portfolio, not a body
    if title is not None:
        named = roles.doc[min(title.i, org.i) : max(title.i, org.i) + 1].text.lower()
        if named in roles.lex.all_posts or named in roles.lex.role_titles:
            # "Chancellor of the Exchequer", "Science Secretary": the body is part of the
            # post's name.
            return None
    # "Jo Bloggs retired from Acme in 2019": a post left is a former one; not one taken up
    # after leaving ("left Acme to become director of Beta").
    last_verb = next((t for t in reversed(middle) if t.pos_ == "VERB"), None)
    former = "former" if last_verb is not None and departs(last_verb) else None
    if any(
        c.dep_ == "advmod" and c.lower_ in _PAST_ADVERBS
        for t in middle
        if t.pos_ == "VERB"
        for c in t.children
    ):
        former = "former"  # "who previously led teams at Rideline": a post held before
    if any(t.lower_ == "from" and t.head.lemma_.lower() in _ARRIVING_VERBS for t in middle):
        former = "former"  # "joined the company from Fernhall in 2022": the body left for it
    founding = verb is not None and roles.lex.role_verbs.get(_verb_key(verb)) in {
        "founder", "co-founder",
    }  # fmt: skip
    if title is not None and not founding:
        phrase = [t for t in title.lefts if t.dep_ in {"compound", "amod"} and t.i not in ends]
        read = read_title([*phrase, title], roles.lex)
        post = read.post if read and read.post else title.text
        status = (read.status if read else None) or former
        return (f"{status} {post}" if status else post), 0.75
    if verb is not None:
        post = roles.lex.role_verbs.get(_verb_key(verb), "-")
        if post == "-":
            # "was appointed to the Cabinet": a seat on a body of members, not a job in it
            seat = any(t.lemma_.lower() in _MEMBERS_BODIES for t in [org, *middle])
            post = "member" if seat else "employee"  # "joined the board of Acme": a member
        return (f"{former} {post}" if former else post), 0.7
    links = [t.lower_ for t in middle if t.i not in roles.ents.person_at]
    if links in (["of"], ["at"], ["from"], ["with"]) and person.i < org.i:
        # "Ruth Adler of Caltech", "Tom Berg at Leeds University"; "Professor Ruth Adler of
        # Caltech" is its professor
        return _honorific_post(roles, person) or "member", 0.6
    return None


def _honorific_post(roles: Roles, person: Token) -> str | None:
    """The post a title abbreviation before the name of `person` states, when the post
    belongs to no one body ("Professor Jo Bloggs of Leeds", "Supt Jo Bloggs of Kent Police")."""
    cluster = roles.ents.person_at.get(person.i)
    i = person.i
    while i - 1 >= person.sent.start and roles.ents.person_at.get(i - 1) is cluster:
        i -= 1
    if i == person.sent.start:
        return None
    post = roles.lex.honorific_posts.get(roles.doc[i - 1].lower_.rstrip("."))
    return post if post is not None and post not in roles.lex.posts else None
