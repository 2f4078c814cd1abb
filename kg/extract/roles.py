"""Role facts: who holds which post in which organisation, and party membership.

Each rule finds a title phrase next to a person and hands it to `read_title`, which
splits it into status ("former"), party, post and organisation:
- pre-nominal titles: "Camden Council leader Georgia Gould", "Mayor of Manchester Andy Burnham";
- appositions after the name: "Mary Barra, the chief executive of General Motors,";
- appositions before the name: "The Home Office's permanent secretary, Jane Doe,";
- copular and appointment clauses: "X is the chief executive of Y", "X was named chair of Y";
- post verbs: "X, who chairs the committee", "X joined Acme as chief economist";
- US party-state tags: "Sen. Ted Cruz (R-Texas)".
The organisation comes from the text where it is there, else from the lexicon of
well-known posts (Home Secretary → Home Office), else from the party named with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extract.entities import (
    BODY_NOUNS,
    NAMED_KIND_ANAPHORS,
    NATIONAL_WORDS,
    ORG_ANAPHORS,
    ORG_LABELS,
    Cluster,
    DocumentEntities,
    normalise_org,
)
from kg.extract.evidence import doc_text, sentence_evidence
from kg.extract.lexicon import Lexicons
from kg.facts import Entity, EntityKind, RoleFact

STATUS_WORDS = {"former", "then", "acting", "interim", "outgoing", "incoming", "ex", "late"}
# Prepositions that introduce the organisation after a title ("chief executive of Acme").
ORG_PREPOSITIONS = {"of", "at", "for", "with", "in"}
# Tokens that end a pre-nominal title chain going leftwards.
_CHAIN_STOP_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
# Entity types that are never the body a post is held at.
_NOT_BODIES = {"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "EVENT"}
# Small words inside organisation names ("University of Utrecht", "Marks & Spencer").
_NAME_JOINERS = {"of", "and", "&", "for", "the", "on"}
COPULAS = {"be", "become", "remain"}
# Words that rank or qualify a post rather than name a body: "Founding Director",
# "Deputy Managing Director", "Group Executive Chef", "Lieutenant-Colonel".
TITLE_MODIFIERS = {
    "senior", "junior", "deputy", "assistant", "associate", "founding", "executive",
    "managing", "artistic", "scientific", "administrative", "technical", "creative",
    "medical", "clinical", "legal", "financial", "operating", "commercial", "group",
    "global", "regional", "national", "general", "principal", "chief", "vice", "lieutenant",
    "honorary", "emeritus", "distinguished", "visiting", "adjunct", "joint", "co", "sole",
    "head", "lead", "first", "second", "acting", "interim", "former", "programme", "program",
    "shadow",
}  # fmt: skip
# Words before a post that say when it is held, not what it is: "its next chief executive".
_TIMING_WORDS = {"new", "next", "future"}
# Capitalised words before a post that name no body: "Independent MP Jo Bloggs".
_NOT_BODY_WORDS = {"independent", "crossbench", "backbench"}
# Posts named "minister" that belong to a region's government, not the nation's.
_REGIONAL_MINISTERS = {"first minister", "chief minister", "deputy first minister"}
# How the parser joins the names of a list: "Jo Bloggs and Ann Lee", "Jo Bloggs, Ann Lee".
_LIST_DEPS = frozenset({"conj", "appos"})
# Words that list posts: "President and Chief Executive", "Vice President/General Counsel".
_LISTING = {"and", "&", "/", ","}
# Posts named after a portfolio: "Transport Minister", "Education Secretary".
PORTFOLIO_POSTS = {"minister", "secretary"}
# Verbs of work done at a place by someone there: "developed at Bell Labs by Hendrik Bode".
WORK_VERBS = {
    "create", "develop", "design", "invent", "discover", "build", "write", "conduct",
    "prepare", "generate", "produce", "devise", "pioneer", "coordinate", "perform",
}  # fmt: skip
# Posts followed by a field, not a body: "Professor of Psychology at Clark University".
ACADEMIC_POSTS = {"professor", "lecturer", "reader", "fellow", "emeritus", "chair", "scholar"}
# Of these, the posts whose "of" names a field even when NER calls it a body ("Professor of
# Operations Research"); a chair or fellow "of" a company or society is held there.
FIELD_POSTS = ACADEMIC_POSTS - {"chair", "fellow"}
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
# Posts that say only that someone belongs: a named post at the same body replaces them.
GENERIC_POSTS = {"member", "employee"}
# Endings that make a noun a profession the lexicon need not list: "zoologist",
# "statistician", "cartographer", "physicist".
PROFESSION_ENDINGS = ("ologist", "ician", "ographer", "icist", "onomist")
# Abbreviations of posts, so that "CEO" and "chief executive officer" are one post.
POST_ABBREVIATIONS = {
    "ceo": "chief executive officer", "cfo": "chief financial officer",
    "coo": "chief operating officer", "cto": "chief technology officer",
    "mp": "member of parliament", "mep": "member of the european parliament",
    "sen": "senator", "rep": "representative", "gov": "governor",
}  # fmt: skip
PATH_PREPOSITIONS = {"of", "at", "for", "with", "in", "on", "by", "from", "to", "as", "within"}
# Generic words for organisations that a role path may pass through:
# "Acme is a privately held company founded by Jane Doe".
ORG_NOUNS = {
    "company", "firm", "organisation", "organization", "group", "business", "agency",
    "startup", "charity", "institute", "university", "college", "school", "network",
    "publisher", "studio", "newspaper", "magazine", "bank", "club", "team", "band",
    "board", "faculty", "staff", "career", "position", "post", "job", "role", "member",
    "appointment", "division", "department", "unit", "office", "laboratory", "lab",
}  # fmt: skip
# Verbs whose object is a body, whatever NER calls its name: "joined Kestrel Widgets in 2011"
# (a work of art to NER), "co-founded Brightline".
BODY_OBJECT_LEMMAS = {"join", "rejoin", "found", "co-found", "cofound", "establish"}
# Verbs whose "at/for/with" phrase is where the subject works: "worked at Fennick Labs".
EMPLOYED_AT_LEMMAS = {"work", "employ"}
# What NER calls a body's name when it mistakes it, in the places above; a person, a place
# it knows (GPE), a date or a number is never taken for one.
_MISREAD_BODY_LABELS = {"", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
APPOINTING_LEMMAS = {"name", "appoint", "elect", "promote", "hire", "install"}
COPULAR_LEMMAS = {
    "be",
    "become",
    "remain",
    "serve",
    "work",
    "name",
    "appoint",
    "elect",
    "promote",
    "hire",
    "install",
}
# Verbs whose "as" phrase names a post the subject takes, keeps or leaves: "Jo Bloggs will take
# over as chief executive", "stepped down as chairman" (a past departure leaves a former post).
AS_POST_LEMMAS = {"take", "step", "return", "start", "stay", "continue", "stand", "come", "move"}
DEPARTING_LEMMAS = {"resign", "quit", "retire", "leave", "step"}
# Posts of a company that an article about one company gives without the company's name:
# "Chairman Jo Bloggs said the board ...", "Finance chief Ann Lee said costs would rise".
COMPANY_POSTS = {
    "chief executive", "chief executive officer", "ceo", "chairman", "chairwoman", "chair",
    "chairperson", "chief financial officer", "cfo", "finance chief", "finance director",
    "financial director", "chief operating officer", "coo", "chief technology officer", "cto",
    "managing director", "chief economist", "group chief executive", "executive chairman",
    "deputy chairman", "non-executive chairman", "chief marketing officer", "cmo",
}  # fmt: skip
# Posts of a chamber's majority or minority, held in the chamber the sentence names.
CHAMBER_POSTS = {"majority leader", "minority leader", "majority whip", "minority whip"}
# Posts of a local council that an article about one council gives without its name.
COUNCIL_POSTS = {"cabinet member", "council leader", "deputy council leader", "councillor"}
# Words in the name of a public body, which a bare company post is never held at.
_PUBLIC_BODY_WORDS = {
    "party", "council", "government", "ministry", "department", "parliament", "assembly",
    "senate", "house", "congress", "committee", "commission", "office", "authority", "court",
    "police", "administration", "union", "executive", "cabinet",
}  # fmt: skip
# Words by which an article points back to a company, never to a public body.
_COMPANY_ANAPHORS = {
    "company", "firm", "bank", "lender", "business", "retailer", "carmaker", "airline",
    "insurer", "broker", "conglomerate", "startup", "supermarket", "chain", "manufacturer",
}  # fmt: skip
# How the parser hangs a name on the post it is given: "named [Jo Bloggs] chief executive".
_NAME_DEPS = {"nmod", "compound", "dobj"}
_SPOKES_POSTS = {"spokesman", "spokeswoman", "spokesperson"}
# Ministers only a nation has, whatever state an article is about.
_NATIONAL_ONLY_POSTS = {"prime minister", "deputy prime minister", "foreign minister"}
# Posts that head a government, which the article may name after its holder ("the Albanese
# government").
LEADER_POSTS = {"prime minister", "premier", "first minister", "chief minister"}
# Prepositions of places someone goes to or comes from, which say nothing of whose post is held.
_MOTION_PREPOSITIONS = {"to", "from", "toward", "towards", "into", "via"}
# Posts of a state or province held in its government: "Premier Jo Bloggs said".
REGIONAL_POSTS = {"premier", "deputy premier"}
# The devolved governments a bare "First Minister" heads, and the words that name their nation.
DEVOLVED_GOVERNMENTS = {
    "Scottish Government": ("Scotland", "Scottish", "Holyrood"),
    "Welsh Government": ("Wales", "Welsh", "Senedd"),
    "Northern Ireland Executive": ("Northern Ireland", "Stormont"),
}
# US title abbreviations of two words, written before a name: "Texas Lt. Gov. Jo Bloggs".
ABBREVIATED_POSTS = {("lt", "gov"): "lieutenant governor", ("atty", "gen"): "attorney general"}
# Posts held in the state or city named before their abbreviation: "Ohio Gov. Jo Bloggs".
PLACE_POSTS = {"governor", "lieutenant governor", "attorney general", "mayor"}
# Posts many hold at once: "the senator" cannot be told from the article's one holder.
# Posts whose "for" names the seat held: "MP for Bolton West", "MLA for Kiama".
_SEAT_POSTS = {"mp", "msp", "ms", "mla", "mhk", "mep", "member", "senator", "representative"}
_SHARED_POSTS = {"senator", "representative", "congressman", "congresswoman", "mp", "member"}
# Posts in a US state's legislature, with the chamber's name for the article's state:
# "State Sen. Jo Bloggs", "state senator Jo Bloggs", "Assemblymember Jo Bloggs".
STATE_LEGISLATURE_POSTS = {
    "senator": "{} State Senate",
    "state senator": "{} State Senate",
    "representative": "{} House of Representatives",
    "state representative": "{} House of Representatives",
    "assembly member": "{} State Assembly",
    "assemblymember": "{} State Assembly",
    "assemblyman": "{} State Assembly",
    "assemblywoman": "{} State Assembly",
}
# Posts that head a US state, held in the state the article names.
_STATE_HEADS = {"governor", "lieutenant governor"}
# The chambers of Congress, and the state post whose chamber a state legislator sits in.
_CONGRESS_SEATS = {
    "United States Senate": "senator",
    "United States House of Representatives": "representative",
}
_PARTY_TAG = re.compile(r"^\(?([RDI])-[A-Z][A-Za-z. ]*\)?$")
_PARTY_TAG_NAMES = {"R": "Republican Party", "D": "Democratic Party", "I": "Independent"}


@dataclass(frozen=True)
class Unplaced:
    """A post read next to a name without its body, waiting for the article to place it."""

    post: str  # as written, with its status ("former chairman")
    bare: str  # the post alone, lower case ("chairman")
    cluster: Cluster
    mention: Span
    owned: bool  # the phrase names an owner it could not resolve ("the foundation's chair")


@dataclass(frozen=True)
class Title:
    """A title phrase read into its parts."""

    post: str  # the post as written ("Home Secretary"), "" when the phrase names only a party
    organisation: str | None
    org_source: str  # "text", "lexicon" or "party"
    parties: tuple[str, ...]
    status: str | None


def _words(tokens: list[Token]) -> list[str]:
    return [t.lower_.replace("’", "'") for t in tokens]


def _is_title(words: list[str], last: Token, lex: Lexicons) -> bool:
    """Whether words name a post, the last word also tried in its singular ("employees")."""
    phrase = " ".join(words)
    if phrase in lex.role_titles or phrase in lex.posts:
        return True
    if len(words) == 1 and phrase.endswith(PROFESSION_ENDINGS) and last.pos_ == "NOUN":
        return True  # "a zoologist at ...", "a statistician at ...": a profession by its form
    singular = " ".join([*words[:-1], last.lemma_.lower()])
    return singular != phrase and singular in lex.role_titles


def _names_post(noun: Token, lex: Lexicons) -> bool:
    """Whether a noun names a post, alone or with the nouns before it ("professor emeritus")."""
    compounds = [c for c in noun.lefts if c.dep_ == "compound"]
    return _is_title([noun.lower_], noun, lex) or (
        bool(compounds) and _is_title([*_words(compounds), noun.lower_], noun, lex)
    )


def _ent_starts_before(token: Token) -> bool:
    """Whether token sits inside a named entity that began before it."""
    return token.ent_iob_ == "I"


def _party_at(tokens: list[Token], i: int, lex: Lexicons) -> tuple[str, int] | None:
    """A party named by tokens[i:] ("Lib Dem", "Conservative"): (party, token count)."""
    for n in (3, 2, 1):
        text = " ".join(t.text for t in tokens[i : i + n])
        if len(tokens[i : i + n]) == n and text in lex.parties and text[:1].isupper():
            return lex.parties[text], n
    return None


def read_title(tokens: list[Token], lex: Lexicons) -> Title | None:
    """Split a title phrase into status, parties, post and organisation; None if no post.

    "former Conservative Home Secretary" → post Home Secretary (Home Office, from the
    lexicon), party Conservative Party, status former. "Mayor of London" → Mayor, London.
    """
    tokens = [t for t in tokens if t.text not in {"-", "–"}]
    while tokens and (
        tokens[0].pos_ in {"DET", "PUNCT", "ADP", "CCONJ"} or tokens[0].tag_ == "PRP$"
    ):
        tokens = tokens[1:]
    status = None
    while tokens and (
        tokens[0].lower_.rstrip("-") in STATUS_WORDS or tokens[0].text in _TIMING_WORDS
    ):
        if tokens[0].text not in _TIMING_WORDS:
            status = status or tokens[0].lower_.rstrip("-")
        tokens = tokens[1:]
    words = _words(tokens)
    # The post is the right-most title in the phrase before any "of"-style preposition.
    # "chief secretary to the Prime Minister": a post held in service to another is not it.
    cut = next(
        (i for i, w in enumerate(words) if w in ORG_PREPOSITIONS | {"to"} and i > 0), len(words)
    )
    best: tuple[int, int] | None = None
    for end in range(cut, 0, -1):
        for start in range(max(0, end - lex.max_title_words), end):
            phrase = " ".join(words[start:end])
            if _is_title(words[start:end], tokens[end - 1], lex):
                well_known = phrase in lex.posts
                if _ent_starts_before(tokens[start]) and not well_known and start != end - 1:
                    continue
                if best is None or (best[1] == end and start < best[0]):
                    best = (start, end)
        if best is not None:
            break
    # "Secretary of State" and friends: a title that spans the preposition.
    for start in range(len(words)):
        for end in range(len(words), start + 2, -1):
            phrase = " ".join(words[start:end])
            if ({"of", "to"} & set(words[start:end])) and (
                phrase in lex.role_titles or phrase in lex.posts
            ):
                best, cut = (start, end), end
                break
    parties: list[str] = []
    before: list[Token] = []
    possessor: list[Token] = []  # "Microsoft's vice chair": the body owns the post
    i = run_start = 0
    limit = best[0] if best else len(tokens)
    while i < limit:
        party = _party_at(tokens, i, lex)
        if party and i + party[1] <= limit:
            parties.append(party[0])
            i += party[1]
            continue
        if tokens[i].tag_ == "POS":
            possessor, before = before, []
            if possessor and len(possessor) != i - run_start and tokens[i - 1].text[:1].isupper():
                # "The Ulster Greens' leader": the possessive names a party's branch whole,
                # not the word a cut NER span leaves before the party ("Ulster").
                possessor = tokens[run_start:i]
            i = run_start = i + 1
            continue
        before.append(tokens[i])
        i += 1
    if best is None:
        if parties and not before:
            return Title("", None, "party", tuple(parties), status)
        return None
    start, end = best
    # "Greater Manchester police chief constable": an organisation needs a noun, so a lower-case
    # noun that is not a title by itself joins the organisation rather than the post.
    while (
        end - start > 1
        and before
        and before[-1].pos_ in {"ADJ", "PROPN"}
        and tokens[start].text.islower()
        and tokens[start].lower_ not in lex.role_titles
        and tokens[start].pos_ == "NOUN"
    ):
        before.append(tokens[start])
        start += 1
    # "Transport Minister": a portfolio word NER does not call a body is part of the post.
    if (
        len(before) == 1
        and start > 0
        and before[0].i == tokens[start - 1].i
        and not before[0].ent_type_
        and before[0].text[:1].isupper()
        and tokens[end - 1].lower_ in PORTFOLIO_POSTS
    ):
        start -= 1
        before = []
    post_tokens = tokens[start:end]
    # "President and Chief Executive Officer", "Senior Vice President and Deputy Managing
    # Director": posts listed together, and the words that rank a post, are all the post.
    if before and all(_ranks_post(t, lex) for t in before) and before[0].lower_ not in _LISTING:
        post_tokens, before = [*before, *post_tokens], []
    # Lower-case modifiers right before the post belong to it ("presidential nominee"), and so
    # does a field ("Cornell solid-state physicist"), unlike a body noun ("Derby police").
    while before and (
        (before[-1].text.islower() and before[-1].pos_ == "ADJ")
        or (
            before[-1].text.islower()
            and before[-1].pos_ == "NOUN"
            and before[-1].lemma_.lower() not in BODY_NOUNS
        )
        or (before[-1].text in {"-", "–"} and len(before) > 1 and before[-2].text.islower())
    ):
        post_tokens.insert(0, before.pop())
    if possessor and all(t.lower_ == "and" or t.pos_ in {"NOUN", "ADJ"} for t in before):
        # "Microsoft's vice chair and president": the posts listed after the possessor.
        post_tokens = [*before, *post_tokens]
        before = possessor
    elif possessor and (
        not before or all(t.ent_type_ in {"GPE", "NORP"} or t.text in lex.regions for t in before)
    ):
        before = possessor  # "the union's NSW secretary": the union's post, in its NSW branch
    post = _text(post_tokens) if post_tokens else ""
    # "Independent MP Jo Bloggs": a word that says how the post is held, not where.
    before = [t for t in before if t.lower_ not in _NOT_BODY_WORDS]
    if parties and before and tokens[end - 1].lower_ in _SPOKES_POSTS and len(before) == 1:
        # "Green Party transport spokeswoman Jo Bloggs": the party's, for that portfolio.
        post = _text([*before, *post_tokens])
        before = []
    if before and before[0].lower_ in NATIONAL_WORDS and tokens[end - 1].lower_ == "minister":
        # "Federal Housing Minister Jo Bloggs": the nation's minister for that portfolio.
        post = _text([*before[1:], *post_tokens])
        before = []
    # A shadow post is the opposition party's: never the lexicon's ministry or government.
    shadow = bool(post_tokens) and post_tokens[0].lower_ == "shadow"
    organisation, source = None, "text"
    organisation = _party_after(tokens[end:], lex) or _organisation_after(
        tokens[end:], " ".join(words[start:end])
    )
    region = _region_before(before, lex)
    if organisation is None and region is not None and not shadow and _government_post(post, lex):
        # "Victorian Treasurer Jo Bloggs", "NSW Health Minister Jo Bloggs": the state's post,
        # the words between the state and the post naming the portfolio.
        government, portfolio = region
        post = _text([*portfolio, *post_tokens]) if portfolio else post
        organisation, before = government, []
    if organisation in lex.regions and _government_post(post, lex):
        organisation = lex.regions[organisation]  # "Premier of Victoria"
    national = " ".join(_words(tokens[start:end]))
    of_before = f"{national} of {' '.join(_words(before))}"
    if organisation is None and before and of_before in lex.posts:
        # "Wales's First Minister": the post of that place the lexicon knows.
        organisation = lex.posts[of_before]
    if organisation is None and _names_organisation(before, lex):
        organisation = _text(before)
    nationality = before and all(t.ent_type_ == "NORP" for t in before)
    if organisation is None and nationality and national in lex.national_posts and not shadow:
        # "Swedish Prime Minister Ulf Kristersson": the government of the nation named, whatever
        # country the article is mostly about.
        organisation, source = f"{_text(before)} Government", "lexicon"
    if organisation is None and not shadow:
        full = " ".join(_words(tokens[:end]))
        # "vice-chancellor" is not the chancellor: the post as read, modifiers and all.
        read = " ".join(_words(post_tokens))
        for candidate in (full, read if read.endswith(national) else national):
            if candidate in lex.posts:
                organisation, source = lex.posts[candidate], "lexicon"
                break
    if (
        organisation is None
        and lex.government
        and tokens[end - 1].lower_ == "minister"
        and not shadow
        and national not in _REGIONAL_MINISTERS
    ):
        organisation, source = lex.government, "lexicon"  # a minister of this country
    if organisation is None and parties and (national in lex.party_posts or shadow):
        organisation, source = parties[0], "party"
        parties = parties[1:]
    if organisation is not None:
        organisation = normalise_org(organisation.strip(" ,"))
    return Title(post, organisation, source, tuple(parties), status)


def _region_before(before: list[Token], lex: Lexicons) -> tuple[str, list[Token]] | None:
    """A state or province (regions.tsv) the words before a post begin with, and the
    capitalised portfolio words after it: "NSW Health" → (NSW Government, [Health])."""
    for n in (2, 1):
        if len(before) < n or (government := lex.regions.get(_text(before[:n]))) is None:
            continue
        rest = before[n:]
        if all(t.text[:1].isupper() and t.ent_type_ not in ORG_LABELS for t in rest):
            return government, rest
    return None


def _government_post(post: str, lex: Lexicons) -> bool:
    """Whether a post is held in a government: a minister, a treasurer, a premier, or a post
    the lexicon gives to the national government ("Attorney-General")."""
    bare = post.lower()
    last = bare.split()[-1] if bare else ""
    return last in {"minister", "treasurer", "premier"} or bare in lex.national_posts


def _agent_at(verb: Token, path: list[Token]) -> bool:
    """Whether a path through `verb` goes from its "by" agent to its "at"/"in" place."""
    words = {t.lower_ for t in path if t.head.i == verb.i}
    return "by" in words and bool(words & {"at", "in"})


def _coordinated(noun: Token) -> list[Token]:
    """A noun and the nouns listed with it: "a geographer and ethnologist, president of X"."""
    found, todo = [], [noun]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(
            c
            for c in current.children
            if c.dep_ in {"conj", "appos"} and c.pos_ in {"NOUN", "PROPN"}
        )
    return sorted(found, key=lambda t: t.i)


def _subject(verb: Token) -> Token | None:
    """A verb's subject or, for a clause without one, the subject it shares with the clause
    it hangs on: "Before joining Acme, Jane Doe was ...", "Jane Doe left Acme to join Beta",
    "Jane Doe studied in Leeds and became chief executive of Acme"."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None and verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return _subject(verb.head)
    if subject is not None or verb.dep_ not in {"pcomp", "advcl", "xcomp"}:
        return subject
    # "Jane Doe left Acme to become chief executive of Beta": an infinitive of purpose.
    infinitive = verb.tag_ == "VB" and any(c.lower_ == "to" for c in verb.children)
    if verb.dep_ != "xcomp" and verb.tag_ != "VBG" and not infinitive:
        return None
    governor = next((t for t in verb.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    if governor is None or (
        (verb.dep_ == "xcomp" or infinitive)
        and any(c.dep_ == "dobj" and c.ent_type_ not in ORG_LABELS for c in governor.children)
    ):
        return None  # "the party urged Jane Doe to join": she would join, not the party
    return next((c for c in governor.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _has_own_body(person: Token) -> bool:
    """ "Alan Reed of M.I.T., Lena Voss of Stanford": a name with its own "of/at" body, which
    the names listed after it do not share."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in {"of", "at"}
        and any(g.dep_ == "pobj" and g.text[:1].isupper() for g in c.children)
        for c in person.children
    )


def _listed(token: Token, path: list[Token], deps: frozenset[str] = frozenset({"conj"})) -> bool:
    """Whether a path goes through `token` to a conjunct of it, or comes to it as one."""
    return token.dep_ in deps or any(t.dep_ in deps and t.head.i == token.i for t in path)


def title_phrase(noun: Token) -> list[Token]:
    """A post noun with its modifiers and its "of/at/for" phrases, without lists or clauses."""
    left = [
        t
        for c in noun.lefts
        if c.dep_ in {"compound", "amod", "nmod", "poss", "det"}
        for t in c.subtree
    ]
    right: list[Token] = []
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ORG_PREPOSITIONS:
            right.extend(_pruned_subtree(child, {"conj", "appos", "relcl", "cc"}))
        elif child.dep_ == "compound":
            right.extend(child.subtree)
    return sorted({t.i: t for t in [*left, noun, *right]}.values(), key=lambda t: t.i)


def _pruned_subtree(token: Token, skip: set[str]) -> list[Token]:
    """A token and its descendants, not descending into children attached by `skip`."""
    found, todo = [], [token]
    while todo:
        current = todo.pop()
        found.append(current)
        # "at Tate & Lyle": a list inside one name is the name, not a list.
        todo.extend(
            c
            for c in current.children
            if c.dep_ not in skip or (c.ent_iob_ == "I" and c.ent_type_ == "ORG")
        )
    return found


def _text(tokens: list[Token]) -> str:
    """The article's own text from the first token to the last, spacing kept."""
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text


def _ranks_post(token: Token, lex: Lexicons) -> bool:
    """Whether a word before a post is part of it: a rank, a title, or a word listing titles."""
    word = token.lower_
    return word in TITLE_MODIFIERS or word in lex.role_titles or word in _LISTING


def _names_organisation(tokens: list[Token], lex: Lexicons) -> bool:
    """Whether words before a post name a body: capitalised, with a noun, and with a capitalised
    word that is neither a nationality nor a rank, or a body noun ("Greater Manchester police",
    "Metropolitan police" do; "American computer", "Managing and Artistic", "Founding" do not)."""
    if not tokens or not tokens[0].text[:1].isupper() or tokens[-1].lower_ in _LISTING:
        return False
    nouns = [t for t in tokens if t.pos_ in {"PROPN", "NOUN"} and t.tag_ not in {"JJ", "VBG"}]
    names = [
        t
        for t in tokens
        if t.text[:1].isupper() and t.ent_type_ != "NORP" and not _ranks_post(t, lex)
    ]
    return bool(nouns) and (bool(names) or any(t.lemma_.lower() in BODY_NOUNS for t in nouns))


def _party_after(after: list[Token], lex: Lexicons) -> str | None:
    """ "member of the Green Party": a party named right after the post's preposition."""
    if not after or after[0].lower_ not in ORG_PREPOSITIONS:
        return None
    rest = [t for t in after[1:] if t.pos_ != "DET"]
    party = _party_at(rest, 0, lex) if rest else None
    if party and (len(rest) == party[1] or rest[party[1]].lower_ in {"party", ",", "and"}):
        return party[0]
    return None


def _organisation_after(after: list[Token], post: str) -> str | None:
    """The body named after a post: "of London", "professor of medicine at the University
    of Utrecht" (lower-case fields are skipped), preferring what NER calls an organisation.

    A place or name right after "of" is the body ("Mayor of Manchester"), except after
    academic posts, where it is a field ("Professor of Psychology"), and except when "at"
    names a body after it ("Vice President of Engineering at Acme").
    """
    runs: list[list[Token]] = []
    at_runs: list[list[Token]] = []
    i = 0
    while i < len(after):
        token = after[i]
        if token.text in {",", ";", "(", ")"} or token.pos_ in {"VERB", "AUX"}:
            break
        if token.lower_ not in ORG_PREPOSITIONS:
            i += 1
            continue
        preposition = token.lower_
        i += 1
        if preposition == "for" and post.split()[-1:] and post.split()[-1] in _SEAT_POSTS:
            break  # "MP for Hexham": the seat, not the body, and no body after it
        while i < len(after) and after[i].pos_ == "DET":
            i += 1
        if (
            i + 1 < len(after)
            and after[i].text.islower()
            and after[i].lemma_ in ORG_NOUNS | _COMPANY_ANAPHORS
            and after[i + 1].text[:1].isupper()
        ):
            i += 1  # "chief executive of the charity Shelter Now": what the body is, then its name
        run: list[Token] = []
        while i < len(after):
            word = after[i]
            joins = word.lower_ in _NAME_JOINERS or word.text in {"-", "'s", "’s"}
            # "American Association for the Advancement of Science": joiners in a row.
            k = i + 1
            while k < len(after) and after[k].lower_ in _NAME_JOINERS:
                k += 1
            capital_next = k < len(after) and after[k].text[:1].isupper()
            if (
                word.text[:1].isupper()
                or (word.like_num and run)
                or (joins and run and capital_next)
            ):
                run.append(word)
            else:
                break
            i += 1
        while run and (
            run[-1].lower_ in {"of", "and", "&", "for", "the", "on"} or run[-1].tag_ == "POS"
        ):
            run.pop()
        # "chief executive of Dutch dairy group Acme": a nationality and what the body is,
        # then its name.
        if run and all(t.ent_type_ in {"NORP", "GPE"} for t in run):
            k = i
            while k < len(after) and k - i < 4 and after[k].text.islower():
                k += 1
            if k > i and k < len(after) and after[k].pos_ == "PROPN":
                run, i = [], k
                while i < len(after) and after[i].text[:1].isupper():
                    run.append(after[i])
                    i += 1
        field = post.split()[-1] in FIELD_POSTS
        if run and preposition == "of" and field and run[-1].lemma_.lower() not in BODY_NOUNS:
            # "Professor of Operations Research at Acme": a field, whatever NER calls it.
            run = []
        if run:
            runs.append(run)
            # "a senior vice president at Blue Ocean": a capitalised name after "at" is where
            # the post is held, whatever NER calls it.
            if preposition == "at" and not any(t.ent_type_ in _NOT_BODIES for t in run):
                at_runs.append(run)
    if at_runs:
        return _text(at_runs[0])
    named = [r for r in runs if any(t.ent_type_ in {"ORG", "FAC"} for t in r)]
    bodies = named or [
        r for r in runs if r[-1].ent_type_ in {"GPE", "NORP"} or r[-1].lemma_.lower() in BODY_NOUNS
    ]
    if not bodies and runs and after[0].lower_ == "of" and post.split()[-1] not in ACADEMIC_POSTS:
        bodies = runs[:1]
    return _text(bodies[0]) if bodies else None


class RoleExtractor:
    """Runs every role rule over one article and registers post holders for coreference."""

    def __init__(self, doc: Doc, ents: DocumentEntities, lex: Lexicons) -> None:
        self.doc = doc
        self.ents = ents
        self.lex = lex
        self.facts: dict[tuple[str, str], RoleFact] = {}
        # Posts read next to a name without their body, by the name's first token.
        self.unplaced: dict[int, Unplaced] = {}

    def run(self) -> list[RoleFact]:
        for token in self.doc:
            self._adopt_subject(token)
        for tokens, cluster in self._person_mentions():
            self._prenominal(tokens, cluster)
            self._apposition_after(tokens, cluster)
            self._apposition_before(tokens, cluster)
            self._party_tag(tokens, cluster)
            self._honorific_post(tokens, cluster)
        for token in self.doc:
            self._clausal(token)
            self._appointment(token)
        self._paths()
        self._place_unplaced()
        for token in self.doc:
            self._definite_post(token)
        return list(self.facts.values())

    def _person_mentions(self) -> Iterator[tuple[list[Token], Cluster]]:
        """Maximal runs of tokens naming one person; not names made only of the words of a
        post, which NER now and then calls a person ("Professor Emeritus")."""
        run: list[Token] = []
        for i in sorted(self.ents.person_at):
            cluster = self.ents.person_at[i]
            if all(
                word.lower() in TITLE_MODIFIERS or word.lower() in self.lex.role_titles
                for word in cluster.name.split()
            ):
                continue
            if run and (run[-1].i + 1 != i or self.ents.person_at[run[-1].i] is not cluster):
                yield run, self.ents.person_at[run[-1].i]
                run = []
            run.append(self.doc[i])
        if run:
            yield run, self.ents.person_at[run[-1].i]

    # -- rules ------------------------------------------------------------------------------

    def _prenominal(self, name: list[Token], cluster: Cluster) -> None:
        """ "Greater Manchester police chief constable Stephen Watson", "Mayor of Manchester Andy
        Burnham"; "Harvard professors Rita Gomez and Paul Mendel": a plural title before a list
        of names is each one's."""
        chain = self._title_chain(name)
        if not chain and (first := self._first_listed(name)) is not None:
            chain = [t for t in self._title_chain(first) if t.tag_ != "POS"]
            if not chain or chain[-1].tag_ not in {"NNS", "NNPS"}:
                return
        if chain:
            self._add(cluster, chain, name, "role.prenominal", 0.9, self._body_after(name))

    def _first_listed(self, name: list[Token]) -> list[Token] | None:
        """The first name of the list a name closes: "Rita Gomez" for "Paul Mendel" in
        "Rita Gomez and Paul Mendel"."""
        head = next((t for t in name if t.head.i not in {n.i for n in name}), name[-1])
        first = head
        while first.dep_ == "conj" and first.head.i in self.ents.person_at:
            first = first.head
        if first.i == head.i:
            return None
        cluster = self.ents.person_at[first.i]
        start = first.i
        while start - 1 in self.ents.person_at and self.ents.person_at[start - 1] is cluster:
            start -= 1
        return list(self.doc[start : first.i + 1])

    def _title_chain(self, name: list[Token]) -> list[Token]:
        """The title words right before a name, up to a verb, punctuation or another name."""
        chain: list[Token] = []
        i = name[0].i - 1
        sentence_start = name[0].sent.start
        while i >= sentence_start and len(chain) < 10:
            token = self.doc[i]
            # "NSW Ambulance Commissioner": NER may call a name in capitals a number.
            number = token.ent_type_ in _CHAIN_STOP_ENTS and not token.text.isupper()
            if i in self.ents.person_at or (number and not self._opens_title(token, chain)):
                break
            if token.lower_.rstrip(".") in self.lex.honorifics:
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
        while chain and chain[0].lower_ in ORG_PREPOSITIONS | {"the", "and"}:
            chain = chain[1:]
        return chain

    def _opens_title(self, token: Token, chain: list[Token]) -> bool:
        """ "First Minister", "Second Secretary": an ordinal NER tags that begins a title."""
        words = [token.lower_, *_words(chain[:2])]
        return any(" ".join(words[:n]) in self.lex.role_titles for n in (2, 3))

    def _apposition_after(self, name: list[Token], cluster: Cluster) -> None:
        """ "Mary Barra, the chief executive of General Motors, said"."""
        j = name[-1].i + 1
        if j >= len(self.doc) or self.doc[j].text != ",":
            return
        # "Sen. Jo Bloggs, R-Texas, the committee's chairman": past the party tag.
        k = j + 1
        while k < min(len(self.doc), j + 6) and self.doc[k].text != ",":
            k += 1
        if k < len(self.doc) and _PARTY_TAG.match(self.doc[j + 1 : k].text.replace(" ", "")):
            j = k
        phrase: list[Token] = []
        for token in self.doc[j + 1 : min(len(self.doc), j + 16)]:
            if token.text in {",", ";", ")", ".", ":", "(", "“", '"', "”"} or token.is_space:
                break
            if token.pos_ in {"VERB", "AUX"} and token.tag_ not in {"VBN", "VBG"}:
                return
            if token.i in self.ents.person_at or token.lower_ in {"who", "which"}:
                return
            phrase.append(token)
        if phrase and (
            phrase[0].pos_ == "DET"
            or phrase[0].lower_ in self.lex.role_titles
            or phrase[0].text[:1].isupper()
        ):
            self._add(cluster, phrase, name, "role.apposition", 0.85)
            if phrase[0].lower_ in {"both", "all"}:
                # "Jo Bloggs and Ann Lee, both professors at Acme": each of the names listed.
                for other in self._listed_before(name):
                    self._add(
                        self.ents.person_at[other[0].i], phrase, other, "role.apposition", 0.8
                    )

    def _listed_before(self, name: list[Token]) -> list[list[Token]]:
        """The other names of the list that `name` closes ("Jo Bloggs and Ann Lee")."""
        first = self._first_listed(name)
        if first is None:
            return []
        found = [first]
        for tokens, _ in self._person_mentions():
            head = next((t for t in tokens if t.head.i not in {n.i for n in tokens}), tokens[-1])
            if first[-1].i < tokens[0].i < name[0].i and head.dep_ == "conj":
                found.append(tokens)
        return found

    def _apposition_before(self, name: list[Token], cluster: Cluster) -> None:
        """ "The home secretary, Yvette Cooper, said"."""
        j = name[0].i - 1
        while j > 0 and self.doc[j].lower_.rstrip(".") in self.lex.honorifics:
            j -= 1  # "The Liberal Democrat leader, Sir Ed Davey, said"
        if j < 1 or self.doc[j].text != ",":
            return
        after = name[-1].i + 1
        if (
            after < len(self.doc)
            and self.doc[after].text not in {",", ".", ")"}
            and self.doc[after].pos_ not in {"VERB", "AUX"}
        ):
            return
        phrase: list[Token] = []
        for token in reversed(self.doc[max(name[0].sent.start, j - 12) : j]):
            if (
                token.text in {",", ";", "(", ":"}
                or token.is_space
                or token.pos_ in {"VERB", "AUX"}
            ):
                break
            if token.i in self.ents.person_at:
                return
            phrase.insert(0, token)
        while phrase and phrase[0].pos_ in {"CCONJ", "ADV", "ADP"}:
            # "But the shadow health secretary, Jo Bloggs, said", "organised by the Labour MP
            # for Bolton West, Jo Bloggs".
            phrase = phrase[1:]
        owner = next((k for k, t in enumerate(phrase) if t.tag_ == "POS"), None)
        # "Labour's deputy leader, Jo Bloggs": a named owner opens the phrase as "the" does.
        named_owner = bool(owner) and all(
            t.pos_ == "PROPN" and t.text[:1].isupper() for t in phrase[:owner]
        )
        # "Labour MP for Bolton West, Jo Bloggs": a party opens it too.
        opens = phrase and (
            phrase[0].pos_ == "DET"
            or phrase[0].tag_ == "PRP$"
            or named_owner
            or _party_at(phrase, 0, self.lex) is not None
        )
        inside = {t.i for t in phrase}
        # "The home secretary, ...", "A professor of history at Durham University, ...".
        head = next((t for t in phrase if t.head.i not in inside), None)
        if opens and head is not None and head.lower_ in self.lex.role_titles:
            # "Blackpool Council, whose leader, Jo Bloggs, said": the body "whose" stands for.
            relative = next((a for a in phrase[0].ancestors if a.dep_ == "relcl"), None)
            owner = (
                self._org_span(relative.head)
                if phrase[0].lower_ == "whose" and relative is not None
                else None
            )
            self._add(cluster, phrase, name, "role.apposition", 0.8, fallback_org=owner)

    def _honorific_post(self, name: list[Token], cluster: Cluster) -> None:
        """ "Sen. Todd Young": a title abbreviation that names a post (honorifics.txt)."""
        if name[0].i == 0:
            return
        before = self.doc[name[0].i - 1]
        post = self.lex.honorific_posts.get(before.lower_.rstrip("."))
        # "Lt. Gov.", "Atty. Gen.": two abbreviations, the tokeniser keeping the dot apart or not.
        words = [t.lower_.rstrip(".") for t in self.doc[max(0, before.i - 2) : before.i + 1]]
        words = [w for w in words if w]
        first = before.i
        if len(words) >= 2 and (pair := ABBREVIATED_POSTS.get((words[-2], words[-1]))):
            post = pair
            first = next(
                t.i for t in reversed(self.doc[max(0, before.i - 2) : before.i]) if t.text != "."
            )
        if post is None:
            return
        self.ents.add_holder(name[0].i, post, cluster)
        state_title = first > 0 and self.doc[first - 1].lower_ == "state"
        if state_title or post == "assembly member":
            # "State Sen. Jo Bloggs": a seat in the state's legislature, not in Congress.
            first -= state_title
            mention = self.doc[first : name[-1].i + 1]
            if (chamber := self._state_chamber(post, mention)) is not None:
                self._store(cluster, post, chamber, mention, "role.honorific", 0.7)
            return
        mention = self.doc[first : name[-1].i + 1]
        place = self.ents.entity_at(first - 1) if first > 0 else None
        if post in PLACE_POSTS and place is not None and place.label_ == "GPE":
            # "Ohio Gov. Jo Bloggs": the governor of the state named before the title.
            org = self.ents.organisation(place)
            if org is not None:
                mention = self.doc[place.start : name[-1].i + 1]
                self._store(cluster, post, org.entity(), mention, "role.honorific", 0.8)
            return
        if post in _STATE_HEADS:
            # "LANSING, Mich. (AP) — Gov. Jo Bloggs signed ...": the state the article is about.
            chamber = self._state_chamber("senator", mention)
            state = chamber.name.removesuffix(" State Senate") if chamber is not None else None
            if state is not None and (org := self.ents.organisation(state)) is not None:
                self._store(cluster, post, org.entity(), mention, "role.honorific", 0.7)
            return
        organisation = self.lex.posts.get(post)
        if organisation is not None and (org := self.ents.organisation(organisation)) is not None:
            self._store(cluster, post, org.entity(), mention, "role.honorific", 0.7)

    def _party_tag(self, name: list[Token], cluster: Cluster) -> None:
        """ "Sen. Ted Cruz (R-Texas)", AP's "Sen. Jo Bloggs, D-Ore., said": a US party-state
        tag after the name."""
        j = name[-1].i + 1
        if j + 2 >= len(self.doc) or self.doc[j].text not in {"(", ","}:
            return
        closing = ")" if self.doc[j].text == "(" else ","
        close = next((t.i for t in self.doc[j + 1 : j + 8] if t.text == closing), None)
        if close is None:
            return
        match = _PARTY_TAG.match(self.doc[j + 1 : close].text.replace(" ", ""))
        if match:
            party = Entity(_PARTY_TAG_NAMES[match.group(1)], EntityKind.ORGANISATION)
            self._store(
                cluster, "member", party, self.doc[name[0].i : close + 1], "role.party_tag", 0.85
            )

    def _clausal(self, verb: Token) -> None:
        """ "X is the chief executive of Y", "X was named chair of Y", "X, who chairs Y"."""
        if verb.pos_ not in {"VERB", "AUX"}:
            return
        lemma = verb.lemma_.lower()
        if lemma not in COPULAR_LEMMAS | AS_POST_LEMMAS and lemma not in self.lex.role_verbs:
            return
        if self._appointed(verb) is not None:
            return  # "Acme named Jo Bloggs chair": the object holds the post, not the subject
        subject = _subject(verb)
        if subject is None:
            return
        resolved = self.ents.resolve(subject)
        if resolved is None or resolved.cluster is None:
            return
        cluster = resolved.cluster
        if lemma in COPULAR_LEMMAS:
            org = self._employer(verb)
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
                shared = org or self._employer(target)
                for noun in _coordinated(target):
                    if _names_post(noun, self.lex):
                        phrase = title_phrase(noun)
                        self._add(
                            cluster, phrase, [subject], "role.copular", 0.8, fallback_org=shared
                        )
            return
        as_phrase = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        pobj = (
            next((c for c in as_phrase.children if c.dep_ == "pobj"), None) if as_phrase else None
        )
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        # "joined the retailer as finance director": the body named, or the one it points back to.
        org: Span | Cluster | None = None
        if obj is not None:
            org = self._org_span(obj) or self._org_anaphor(obj)
            if org is None and lemma in BODY_OBJECT_LEMMAS:
                org = self._untagged_body(obj)
        # "resigned as chairman", "will step down as chief executive": a past departure.
        departed = (
            lemma in DEPARTING_LEMMAS
            and verb.tag_ in {"VBD", "VBN"}
            and (lemma != "step" or any(c.lower_ == "down" for c in verb.children))
        )
        if pobj is not None and _names_post(pobj, self.lex) and (obj is None or org is not None):
            phrase = list(pobj.subtree)
            self._add(
                cluster, phrase, [subject], "role.verb", 0.75, fallback_org=org, departed=departed
            )
            return
        if lemma not in self.lex.role_verbs or org is None:
            return
        post = self.lex.role_verbs[lemma]
        if post == "-":
            post = "member"
        body = org if isinstance(org, Cluster) else self.ents.organisation(org)
        if body is not None:
            self._store(cluster, post, body.entity(), verb.sent, "role.verb", 0.7)

    def _org_anaphor(self, token: Token) -> Cluster | None:
        """The body a definite noun like "the retailer" points back to."""
        found = self.ents.resolve(token)
        if found is None or found.entity.kind is not EntityKind.ORGANISATION:
            return None
        return self.ents.organisation(found.entity.name)

    def _appointed(self, verb: Token) -> tuple[Token, Cluster] | None:
        """The person an active appointing verb puts in a post, and the word naming them:
        "Acme has appointed Jo Bloggs as ...", "Acme named Jo Bloggs chief executive"."""
        if verb.lemma_.lower() not in APPOINTING_LEMMAS or any(
            c.dep_ == "auxpass" for c in verb.children
        ):
            return None
        objects = [c for c in verb.children if c.dep_ in {"dobj", "oprd"}]
        # "named Jo Bloggs chief executive": the parser may hang the name on the post.
        candidates = [*objects, *(g for c in objects for g in c.children if g.dep_ in _NAME_DEPS)]
        for candidate in candidates:
            found = self.ents.resolve(candidate)
            if found is not None and found.cluster is not None:
                return candidate, found.cluster
        return None

    def _appointment(self, verb: Token) -> None:
        """ "Acme has appointed Jo Bloggs as its next chief executive": the object takes the
        post at the subject's body (or the body "its" names)."""
        appointed = self._appointed(verb)
        if appointed is None:
            return
        person, cluster = appointed
        subject = _subject(verb)
        body = self._org_anaphor(subject) if subject is not None else None
        if body is None and subject is not None and (span := self._org_span(subject)):
            body = self.ents.organisation(span)
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
            if target.i in self.ents.person_at or not _names_post(target, self.lex):
                continue
            phrase = [t for t in title_phrase(target) if t.i not in self.ents.person_at]
            self._add(cluster, phrase, [person], "role.appointment", 0.8, fallback_org=body)

    def _paths(self) -> None:
        """Person and organisation joined by a dependency path that only says "works there".

        "James Tobin ... was an economist who served on the Council of Economic Advisers",
        "Ruth Adler of Caltech", "the charity was led by Jane Doe": every word between the two
        is a post, an employment verb, a copula, a generic organisation noun or a
        preposition, and at least one of them is a post or an employment verb.
        """
        # NER sometimes calls a post an organisation ("Rector Magnificus", "Project Executive").
        orgs_by_sentence: dict[int, list[Span]] = {}
        for ent in self.ents.entities:
            if (
                ent.label_ in {"ORG", "FAC"}
                and not _is_title([ent[-1].lower_], ent[-1], self.lex)
                and not all(_ranks_post(t, self.lex) for t in ent)
                and ent[-1].lower_ not in ORG_PREPOSITIONS
                and ent.text not in self.lex.regions  # "the union's NSW secretary": a place
            ):
                orgs_by_sentence.setdefault(ent[0].sent.start, []).append(ent)
        for body in self._untagged_bodies():
            orgs_by_sentence.setdefault(body[0].sent.start, []).append(body)
        if not orgs_by_sentence:
            return
        for tokens, cluster in self._person_mentions():
            orgs = orgs_by_sentence.get(tokens[0].sent.start, [])
            if not orgs:
                continue
            inside = {t.i for t in tokens}
            head = next((t for t in tokens if t.head.i not in inside), tokens[-1])
            for org in orgs:
                if org.start <= head.i < org.end or self._in_chain(org, tokens):
                    continue
                found = self._path_role(head, org.root, inside | set(range(org.start, org.end)))
                if found is None:
                    continue
                post, confidence = found
                # "Labour's deputy leader": a party by its full name, as the title rules give it.
                org_cluster = self.ents.organisation(self.lex.parties.get(org.text, org))
                if org_cluster is None:
                    continue
                lo, hi = min(head.i, org.start), max(head.i, org.end - 1)
                mention = self.doc[lo : hi + 1]
                if tokens[0].i in self.unplaced:
                    # "Acme is led by Chairman Jo Bloggs": the post is held in the body the
                    # sentence ties the person to, and the verb only says so.
                    post = self.unplaced.pop(tokens[0].i).post
                    confidence = 0.7
                self._store(cluster, post, org_cluster.entity(), mention, "role.path", confidence)

    def _place_unplaced(self) -> None:
        """Posts read without their body, placed where the article shows whose they are;
        less sure than a body the text gives with the post."""
        for found in self.unplaced.values():
            organisation: Cluster | None = None
            if found.bare.startswith("shadow"):
                organisation = self._party_of(found.cluster)
            elif found.bare in REGIONAL_POSTS:
                organisation = self._regional_government(found.mention)
            elif found.bare in _REGIONAL_MINISTERS:
                organisation = self._devolved_government()
            elif found.bare in COMPANY_POSTS and not found.owned:
                organisation = self._company_of_article(found.mention.start)
            elif found.bare in CHAMBER_POSTS:
                organisation = self._chamber_in(found.mention.sent)
            elif found.bare in COUNCIL_POSTS and not found.owned:
                # "Jo Bloggs, the cabinet member for housing": the council the article names.
                organisation = self._local_council()
            elif found.bare in STATE_LEGISLATURE_POSTS:
                chamber = self._state_chamber(found.bare, found.mention)
                if chamber is not None:
                    self._store(
                        found.cluster, found.post, chamber, found.mention, "role.context", 0.6
                    )
            if organisation is not None:
                entity = organisation.entity()
                self._store(found.cluster, found.post, entity, found.mention, "role.context", 0.6)

    def _country_abroad(self, person: Cluster) -> str | None:
        """The government of another country than the article's, when the sentences that name
        a person name that country at least twice and more often than the article's own:
        "In Ottawa, Prime Minister Mark Carney said Canada would ..." in an article about
        Britain. Places someone goes to or comes from, words inside quotations and
        nationalities in another person's title ("met French President ...") do not count."""
        sentences = {
            t.sent.start: t.sent
            for i, c in self.ents.person_at.items()
            if c is person
            for t in [self.doc[i]]
        }
        counts: dict[str, int] = {}
        for sentence in sentences.values():
            for match in self.lex.country_words.finditer(sentence.text):
                span = self.doc.char_span(
                    sentence.start_char + match.start(),
                    sentence.start_char + match.end(),
                    alignment_mode="expand",
                )
                if span is None or span.start in self.ents.quoted:
                    continue
                first = span[0]
                if first.head.lower_ in _MOTION_PREPOSITIONS and first.dep_ == "pobj":
                    continue
                if span.root.head.i in self.ents.person_at or any(
                    t.i in self.ents.person_at and self.ents.person_at[t.i] is not person
                    for t in self.doc[span.end : span.end + 4]
                ):
                    continue  # "French President Emmanuel Macron": another person's country
                code = self.lex.countries[match.group(0)]
                counts[code] = counts.get(code, 0) + 1
        home = counts.pop(self.lex.country or "", 0)
        if not counts:
            return None
        code = max(counts, key=lambda c: counts[c])
        info = self.lex.country_info.get(code)
        if info is None or counts[code] < 2 or counts[code] <= home:
            return None
        return info.government

    def _state_chamber(self, post: str, mention: Span) -> Entity | None:
        """The chamber of the state legislature a state post sits in (us_states.tsv): the
        state named nearest in the sentence, then in those either side ("..., whose district was
        hit hardest, said Florida would need billions"), else the one the article names
        most; None when it names none. Party tags ("Sen. Jo Bloggs, D-N.Y.") are the states
        of members of Congress and do not count."""
        if post not in STATE_LEGISLATURE_POSTS:
            return None
        text = doc_text(self.doc)
        sentences = self.ents.sentence_starts
        position = sentences.index(mention.sent.start)
        lo = self.doc[sentences[max(0, position - 1)]].idx
        hi = self.doc[sentences[position + 2]].idx if position + 2 < len(sentences) else len(text)
        found: list[tuple[int, str]] = []
        for written, state in self.lex.us_states.items():
            pattern = rf"(?<![\w.-]){re.escape(written)}(?!\w)"
            found += [(m.start(), state) for m in re.finditer(pattern, text)]
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

    def _party_of(self, cluster: Cluster) -> Cluster | None:
        """ "Tory MP Jo Bloggs ... Shadow chancellor Jo Bloggs": the party a person is a
        member of in this article, whose shadow post theirs is."""
        parties = {p for readings in self.lex.all_parties.values() for p, _ in readings}
        for (person, _), fact in self.facts.items():
            if (
                person == cluster.name
                and fact.role == "member"
                and fact.organisation.name in parties
            ):
                return self.ents.organisation(fact.organisation.name)
        return None

    def _governments(self, lo: int, hi: int) -> Iterator[tuple[Token, str | None]]:
        """The governments named between tokens lo and hi, nearest to lo first: each
        "government" with the name of its state or province ("the New South Wales
        government"), or None for the nation's ("the federal government")."""
        national = (self.lex.government or "").lower()
        surnames = {c.name.split()[-1] for c in self.ents.people}
        for token in self.doc[lo:hi]:
            if token.lower_ != "government" or token.i in self.ents.quoted:
                continue
            modifiers = [c for c in token.lefts if c.dep_ in {"amod", "compound"}]
            if any(c.lower_ in NATIONAL_WORDS for c in modifiers):
                yield token, None
                continue
            place = next((c for c in modifiers if c.ent_type_ in {"NORP", "GPE"}), None)
            if place is not None and place.text in surnames:
                continue  # "the Albanese government": named after its leader, not a place
            entity = self.ents.entity_at(place.i) if place is not None else None
            words = []  # "the New South Wales government", a place NER may miss
            while token.i - len(words) - 1 >= 0:
                word = self.doc[token.i - len(words) - 1]
                if not (word.pos_ == "PROPN" and word.text[:1].isupper()):
                    break
                words.insert(0, word.text)
            if " ".join(words) in self.lex.regions:
                place_name = " ".join(words)  # "the NSW government", whatever NER calls NSW
            elif entity is not None:
                place_name = entity.text
            elif " ".join(words) in self.lex.countries:
                place_name = " ".join(words)
            else:
                continue
            country = self.lex.countries.get(place_name)
            name = self.lex.regions.get(place_name, f"{place_name} Government")
            if name.lower() == national:
                yield token, None
            elif not country or country == self.lex.country:
                yield token, name

    def _regional_government(self, mention: Span) -> Cluster | None:
        """ "The Tasmanian government will ..., Premier Jo Bloggs said": the government of a
        state or province named in the sentence or the ones either side."""
        position = self.ents.sentence_starts.index(mention.sent.start)
        starts = self.ents.sentence_starts
        lo = starts[max(0, position - 1)]
        hi = starts[position + 2] if position + 2 < len(starts) else len(self.doc)
        named = sorted(self._governments(lo, hi), key=lambda g: abs(g[0].i - mention.start))
        name = next((n for _, n in named if n is not None), None)
        if name is None:
            # "The Queensland government will ... Premier Jo Bloggs said": the one state
            # government the article names, when it names one.
            regional = {n for _, n in self._governments(0, len(self.doc)) if n is not None}
            name = regional.pop() if len(regional) == 1 else None
        return self.ents.organisation(name) if name else None

    def _state_minister(self, mention: Span) -> str | None:
        """Whose a minister is in an article that names a state's government as well:
        the government named nearest in the sentence or those either side; "" when the
        article names the nation's too and nothing nearby tells them apart, None when it
        names no state's government."""
        regional = [n for _, n in self._governments(0, len(self.doc)) if n is not None]
        if not regional:
            return None
        position = self.ents.sentence_starts.index(mention.sent.start)
        starts = self.ents.sentence_starts
        # "Prime Minister Jo Bloggs ... Treasurer Ann Ray said ...": with the nation's
        # government at work in the article, only a state government named in the same
        # sentence makes a minister the state's.
        nation_named = any(f.organisation.name == self.lex.government for f in self.facts.values())
        lo = mention.sent.start if nation_named else starts[max(0, position - 1)]
        hi = starts[position + 2] if position + 2 < len(starts) else len(self.doc)
        if nation_named:
            hi = mention.sent.end
        named = sorted(self._governments(lo, hi), key=lambda g: abs(g[0].i - mention.start))
        if named:
            return named[0][1] or self.lex.government or ""
        if nation_named:
            return self.lex.government or ""
        national = any(n is None for _, n in self._governments(0, len(self.doc)))
        federal = re.search(r"\b(?:[Ff]ederal|Commonwealth)\b", doc_text(self.doc))
        return "" if national or federal else max(set(regional), key=regional.count)

    def _devolved_government(self) -> Cluster | None:
        """The devolved government of the nation the article names most, for "First Minister"."""
        text = doc_text(self.doc)
        counts = {
            government: sum(len(re.findall(rf"\b{word}\b", text)) for word in words)
            for government, words in DEVOLVED_GOVERNMENTS.items()
        }
        best = max(counts, key=lambda g: counts[g])
        if counts[best] == 0 or list(counts.values()).count(counts[best]) > 1:
            return None
        return self.ents.organisation(best)

    def _company_of_article(self, i: int) -> Cluster | None:
        """The company an article about one company means by a bare "Chairman": the body it
        names most (and latest) in the sentences before, if that is no public body."""
        cluster = self.ents.org_antecedent(i)
        if cluster is None:
            return None
        words = {w.lower() for w in cluster.name.split()}
        parties = {p.lower() for readings in self.lex.all_parties.values() for p, _ in readings}
        if words & _PUBLIC_BODY_WORDS or cluster.name.lower() in parties:
            return None
        if cluster.name in self.lex.parties or self.lex.countries.get(cluster.name):
            return None
        return cluster

    def _definite_post(self, head: Token) -> None:
        """ "Jo Bloggs defended her record. Speaking in Leeds, the prime minister said ...": a
        single-holder post nobody in the article is given is held by the one person the
        sentences before are about."""
        if (
            head.dep_ not in {"nsubj", "nsubjpass"}
            or head.pos_ != "NOUN"
            or head.i in self.ents.quoted
        ):
            return
        phrase = [t for t in head.lefts if t.dep_ in {"det", "compound", "amod"}]
        if not phrase or phrase[0].lower_ != "the" or any(t.text[:1].isupper() for t in phrase):
            return
        post = " ".join(_words([*phrase[1:], head]))
        if post in _SHARED_POSTS or (post not in self.lex.posts and post not in REGIONAL_POSTS):
            return
        if self.ents.holder(post.split(), head.i) is not None:
            return
        starts = self.ents.sentence_starts
        position = starts.index(head.sent.start)
        window = range(starts[max(0, position - 2)], head.i)
        named = {
            id(c): c
            for i, c in self.ents.person_at.items()
            if i in window and i not in self.ents.quoted
        }
        if len(named) != 1:
            return
        (person,) = named.values()
        if any(
            f.person.name == person.name and f.role != "member" for f in self.facts.values()
        ) or any(u.cluster is person for u in self.unplaced.values()):
            return  # "Jo Bloggs" is someone else in this article
        if self.ents.antecedent(head.i, "-") is not person:
            return
        self.ents.add_holder(head.i, post, person)
        mention = self.doc[head.sent.start : head.sent.end]
        if post in REGIONAL_POSTS:
            organisation = self._regional_government(mention)
        else:
            organisation = self.ents.organisation(self.lex.posts[post])
        if organisation is not None:
            self._store(person, post, organisation.entity(), mention, "role.context", 0.55)

    def _in_chain(self, org: Span, name: list[Token]) -> bool:
        """Whether an organisation is part of the title right before a name (no punctuation
        or verb between), which the pre-nominal rule reads instead."""
        if org.end > name[0].i:
            return False
        between = self.doc[org.end : name[0].i]
        return all(
            t.pos_ in {"PROPN", "NOUN", "ADJ"} or t.text in {"-", "'s", "’s"} for t in between
        )

    def _path_role(self, person: Token, org: Token, ends: set[int]) -> tuple[str, float] | None:
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
        if len([t for t in middle if t.i not in self.ents.person_at]) > 6:
            return None
        title: Token | None = None
        verb: Token | None = None
        for token in middle:
            lemma = token.lemma_.lower()
            if token.i in self.ents.quoted:
                return None
            if token.i in self.ents.person_at:
                # Lists of people share what follows: "by Kroto, Heath and Curl at Rice".
                if (
                    token.dep_ in {"conj", "appos", "compound"}
                    or token.head.i in self.ents.person_at
                    or (token.i in rising and _listed(token, path, _LIST_DEPS))
                ) and (token.i in rising or not _has_own_body(person)):
                    continue
                return None
            if token.pos_ == "ADP" and token.lower_ in PATH_PREPOSITIONS:
                continue
            if token.pos_ in {"AUX", "VERB"} and lemma in COPULAS:
                continue
            if token.pos_ in {"NOUN", "PROPN"} and _is_title([token.lower_], token, self.lex):
                title = token  # of titles listed together, the one nearest the body holds it
                continue
            if token.pos_ == "VERB" and lemma in self.lex.role_verbs:
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
        if title is not None and title.lower_ in _SEAT_POSTS and org.head.lower_ == "for":
            return None  # "MP for Bolton West": a seat, not a body
        if title is not None:
            named = self.doc[min(title.i, org.i) : max(title.i, org.i) + 1].text.lower()
            if named in self.lex.all_posts:
                # "Chancellor of the Exchequer", "Science Secretary": the body is part of the
                # post's name.
                return None
        if title is not None:
            phrase = [t for t in title.lefts if t.dep_ in {"compound", "amod"} and t.i not in ends]
            read = read_title([*phrase, title], self.lex)
            post = read.post if read and read.post else title.text
            return (f"{read.status} {post}" if read and read.status else post), 0.75
        if verb is not None:
            post = self.lex.role_verbs.get(verb.lemma_.lower(), "-")
            return ("employee" if post == "-" else post), 0.7
        links = [t.lower_ for t in middle if t.i not in self.ents.person_at]
        if links in (["of"], ["at"], ["from"], ["with"]) and person.i < org.i:
            # "Ruth Adler of Caltech", "Tom Berg at Leeds University".
            return "member", 0.6
        return None

    def _adopt_subject(self, verb: Token) -> None:
        """ "Okafor is a distinguished professor", "Okafor studied at Acme before becoming a
        professor": only a person holds a personal post."""
        if verb.lemma_.lower() not in COPULAS:
            return
        subject = _subject(verb)
        if subject is None or subject.i in self.ents.person_at or subject.pos_ != "PROPN":
            return
        # "Lindqvist was Professor of Chemistry at ...": a capitalised post is a post too.
        attributes = [
            c
            for c in verb.children
            if c.dep_ == "attr" and c.pos_ in {"NOUN", "PROPN"} and c.i not in self.ents.person_at
        ]
        for noun in (n for a in attributes for n in _coordinated(a)):
            if _names_post(noun, self.lex) and noun.lemma_.lower() not in CORPORATE_POSTS:
                self.ents.adopt_person(subject, holds_post=True)
                return

    def _body_after(self, name: list[Token]) -> Span | None:
        """ "Chief constable Rachel Swann of Derbyshire Police": the body right after a name."""
        j = name[-1].i + 1
        if j + 1 >= len(self.doc) or self.doc[j].lower_ not in {"of", "at"}:
            return None
        entity = self.ents.entity_at(j + 1) or self.ents.entity_at(j + 2)
        return entity if entity is not None and entity.label_ == "ORG" else None

    def _anaphoric_owner(self, phrase: list[Token]) -> Cluster | None:
        """ "The company's founder", "its chief executive": the body named last before."""
        for token in phrase:
            if token.lower_ == "its":
                subject = self._body_subject_before(token)
                if subject is not None:
                    return subject or None
                return self.ents.org_antecedent(token.i)
            lemma = token.lemma_.lower()
            if token.i + 1 >= len(self.doc) or self.doc[token.i + 1].tag_ != "POS":
                continue
            if lemma in ORG_ANAPHORS and lemma in _COMPANY_ANAPHORS:
                # "The company's founder": a company, not the party named last.
                return self._company_of_article(token.i)
            if lemma in ORG_ANAPHORS:
                kind = lemma if lemma in NAMED_KIND_ANAPHORS else None
                return self.ents.org_antecedent(token.i, kind)
            if lemma in BODY_NOUNS:
                # "the foundation's chair": the last body with "foundation" in its name.
                return self.ents.org_antecedent(token.i, lemma)
        return None

    def _local_party_tag(self, name: list[Token]) -> bool:
        """Whether a US party tag after a name gives a town, not a state: "D-Grand Rapids"."""
        j = name[-1].i + 1
        if j + 2 >= len(self.doc) or self.doc[j].text not in {"(", ","}:
            return False
        closing = ")" if self.doc[j].text == "(" else ","
        close = next((t.i for t in self.doc[j + 1 : j + 10] if t.text == closing), None)
        if close is None:
            return False
        tag = self.doc[j + 1 : close].text
        # "House Speaker Jo Bloggs, a Republican from Richland Township": the same, spelt out.
        described = re.match(r"^an? (?:Republican|Democrat) from (.+)$", tag)
        if described is not None:
            place = described.group(1).strip(" .")
        elif _PARTY_TAG.match(tag.replace(" ", "")):
            place = tag.split("-", 1)[1].strip(" .)")
        else:
            return False
        return not any(w.rstrip(".") == place for w in self.lex.us_states)

    def _chamber_in(self, sentence: Span) -> Cluster | None:
        """ "In the Senate, Majority Leader Jo Bloggs said": the one chamber (chambers.tsv)
        a sentence names outside quotations."""
        named = {
            self.lex.chambers[t.text]
            for t in sentence
            if t.text in self.lex.chambers and t.i not in self.ents.quoted
        }
        return self.ents.organisation(named.pop()) if len(named) == 1 else None

    def _local_council(self) -> Cluster | None:
        """The council an article is about: of the bodies named "... Council" (not "Arts
        Council England"), the one named most, if one is."""
        counts: dict[int, tuple[int, Cluster]] = {}
        for ent in self.ents.entities:
            if ent.label_ != "ORG" or ent.start in self.ents.quoted:
                continue
            cluster = self.ents.organisation(ent)
            if cluster is not None and cluster.name.split()[-1] == "Council":
                n, _ = counts.get(id(cluster), (0, cluster))
                counts[id(cluster)] = (n + 1, cluster)
        ranked = sorted(counts.values(), key=lambda item: -item[0])
        if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
            return None
        return ranked[0][1]

    @staticmethod
    def _kind_before_post(phrase: list[Token], post: str) -> str | None:
        """The kind of body a definite title names in lower case before its post: "council"
        in "the council leader", "the university's chancellor" is left to the possessive."""
        words = post.lower().split()
        for k, token in enumerate(phrase[:-1]):
            if (
                token.lower_ in NAMED_KIND_ANAPHORS
                and [t.lower_ for t in phrase[k + 1 : k + 1 + len(words)]] == words
                and any(t.lower_ == "the" for t in phrase[:k])
            ):
                return token.lower_
        return None

    def _body_subject_before(self, its: Token) -> Cluster | bool | None:
        """Whose "its" means when the clause before has a body as its subject: "The parish
        council is looking for a buyer. Its chairman, Jo Bloggs, said": the body named there
        (or its possessor, "Acme's board"), False when that body has no name the article
        gives, None when the subject before is no body."""
        lo = self.ents.sentence_starts[max(0, self.ents.sentence_starts.index(its.sent.start) - 1)]
        subjects = [
            t
            for t in self.doc[lo : its.i]
            if t.dep_ in {"nsubj", "nsubjpass"}
            and t.pos_ in {"NOUN", "PROPN"}
            and t.i not in self.ents.quoted
            and t.i not in self.ents.person_at
        ]
        if not subjects:
            return None
        subject = subjects[-1]
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        for candidate in (subject, owner):
            if candidate is not None and (span := self._org_span(candidate)) is not None:
                return self.ents.organisation(span) or False
        lemma = subject.lemma_.lower()
        if lemma not in BODY_NOUNS | ORG_ANAPHORS:
            return None
        found = self.ents.resolve(subject)
        if found is not None and found.entity.kind is EntityKind.ORGANISATION:
            return self.ents.organisation(found.entity.name) or False
        return False

    def _employer(self, verb: Token) -> Span | None:
        """The organisation of an appointment given beside the title ("joined Acme as ...")."""
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in {"at", "by", "with", "for"}:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and (span := self._body_name(pobj)) is not None:
                    return span
        return None

    def _body_name(self, token: Token) -> Span | None:
        """The organisation a noun names: NER's, or the longer capitalised name NER cut it
        from ("Kingston Law University Leeds", where NER stops before "Leeds")."""
        start = token.i
        while (
            start - 1 >= token.sent.start
            and self.doc[start - 1].text[:1].isupper()
            and self.doc[start - 1].dep_ == "compound"
            and self.doc[start - 1].head.i <= token.i
        ):
            start -= 1
        named = self.doc[start : token.i + 1]
        if len(named) > 1 and any(t.ent_type_ == "ORG" for t in named):
            entity = self.ents.entity_at(start)
            if entity is None or entity.end <= token.i:
                return named
        return self._org_span(token)

    def _untagged_bodies(self) -> Iterator[Span]:
        """Names NER does not call bodies in a place only a body takes: the object of "join"
        or "found", and the "at/for/with" phrase of "work" ("worked at Fennick Labs")."""
        for token in self.doc:
            verb = token.head
            if token.dep_ == "pobj" and verb.lower_ in {"at", "for", "with"}:
                verb = verb.head
            elif token.dep_ != "dobj" or verb.lemma_.lower() not in BODY_OBJECT_LEMMAS:
                continue
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in BODY_OBJECT_LEMMAS | (
                EMPLOYED_AT_LEMMAS if token.dep_ == "pobj" else set()
            ):
                continue
            body = self._untagged_body(token)
            if body is not None:
                yield body

    def _untagged_body(self, token: Token) -> Span | None:
        """The capitalised name a noun heads, when NER left it untagged or mistook it for a
        work of art, product or place ("joined Kestrel Widgets in 2011")."""
        if (
            token.pos_ not in {"PROPN", "NOUN"}
            or not token.text[:1].isupper()
            or token.ent_type_ not in _MISREAD_BODY_LABELS
            or token.i in self.ents.person_at
            or token.i in self.ents.quoted
        ):
            return None

        def part(t: Token) -> bool:
            return t.i not in self.ents.person_at and (
                (t.text[:1].isupper() and t.pos_ in {"PROPN", "NOUN"}) or t.like_num
            )

        start, end = token.i, token.i + 1
        while (
            start - 1 >= token.sent.start
            and part(self.doc[start - 1])
            and (self.doc[start - 1].head.i == token.i or self.doc[start - 1].dep_ == "compound")
        ):
            start -= 1
        while end < token.sent.end and part(self.doc[end]) and self.doc[end].head.i == token.i:
            end += 1
        return self.doc[start:end]

    def _org_span(self, token: Token) -> Span | None:
        """The named organisation a token belongs to, if NER says it is one."""
        if token.ent_type_ not in ORG_LABELS:
            return None
        return self.ents.entity_at(token.i)

    # -- storing ----------------------------------------------------------------------------

    def _add(
        self,
        cluster: Cluster,
        phrase: list[Token],
        name: list[Token],
        rule: str,
        confidence: float,
        fallback_org: Span | Cluster | None = None,
        departed: bool = False,
    ) -> None:
        title = read_title(phrase, self.lex)
        if title is None:
            return
        if departed and title.status is None:
            title = Title(title.post, title.organisation, title.org_source, title.parties, "former")
        lo = min(t.i for t in [*phrase, *name])
        hi = max(t.i for t in [*phrase, *name])
        mention = self.doc[lo : hi + 1]
        for party in title.parties:
            self._store(
                cluster,
                "member",
                Entity(party, EntityKind.ORGANISATION),
                mention,
                rule + "+party",
                confidence,
            )
        if not title.post:
            return
        if title.status not in {"former", "ex", "late"}:
            self.ents.add_holder(name[0].i, title.post, cluster)
        organisation, source = title.organisation, title.org_source
        if organisation is None and isinstance(fallback_org, Cluster):
            organisation = fallback_org.name
        elif organisation is None and fallback_org is not None:
            organisation = self.ents.org_name(fallback_org)
        if (organisation is None or source == "lexicon") and (
            owner := self._anaphoric_owner(phrase)
        ) is not None:
            # "its president": the body's, not the post the lexicon knows ("the President").
            organisation, source = owner.name, "text"
        if organisation is None and (kind := self._kind_before_post(phrase, title.post)):
            # "The council leader, Jo Bloggs": the council the article names last.
            found = self._local_council() if kind == "council" else None
            found = found or self.ents.org_antecedent(name[0].i, kind)
            organisation = found.name if found is not None else None
        post = f"{title.status} {title.post}" if title.status else title.post
        if organisation is None:
            owned = any(t.tag_ in {"POS", "PRP$"} for t in phrase)
            self.unplaced[name[0].i] = Unplaced(post, title.post.lower(), cluster, mention, owned)
            return
        if source == "lexicon" and organisation in {self.lex.government, self.lex.posts.get("mp")}:
            bare = title.post.lower()
            federal = any(t.lower_ in NATIONAL_WORDS for t in phrase)
            if not federal and (
                (_government_post(bare, self.lex) and bare not in _NATIONAL_ONLY_POSTS)
                or bare == "mp"
            ):
                # "Housing Minister Jo Bloggs" in an article about a state's government.
                state = self._state_minister(mention)
                if state is not None and (bare == "mp" or not state):
                    return
                organisation = state or organisation
        seat = _CONGRESS_SEATS.get(organisation or "")
        if seat is not None and self._local_party_tag(name):
            # "Senate Majority Leader Jo Bloggs, D-Grand Rapids": AP tags a state legislator
            # with a town, a member of Congress with a state.
            chamber = self._state_chamber(seat, mention)
            organisation = chamber.name if chamber is not None else None
            if organisation is None:
                return
        if (
            source == "lexicon"
            and organisation == self.lex.government
            and title.post.lower() in self.lex.national_posts
            and (abroad := self._country_abroad(cluster)) is not None
        ):
            # "Prime Minister Mark Carney said Ottawa ..." in an article about Britain.
            organisation = abroad
        org_cluster = self.ents.organisation(organisation)
        if org_cluster is None:
            return
        if source == "lexicon":
            confidence -= 0.1
        self._store(cluster, post, org_cluster.entity(), mention, rule, confidence)

    def _store(
        self,
        cluster: Cluster,
        post: str,
        organisation: Entity,
        mention: Span,
        rule: str,
        confidence: float,
    ) -> None:
        if post.lower() in LEADER_POSTS and "government" in organisation.name.lower():
            self.ents.led_by[cluster.name.split()[-1]] = organisation.name
        key = (cluster.name, organisation.name.lower())
        known = self.facts.get(key)
        if known is not None:
            held, new = _spelled_out(known.role), _spelled_out(post)
            if new in GENERIC_POSTS or new in held:
                return  # nothing new: "secretary" after "Home Secretary", or "CEO" twice
            if held not in GENERIC_POSTS and held not in new:
                post = f"{known.role} and {post}"  # one body, two posts: one fact naming both
            rule = known.evidence.rule
            confidence = max(confidence, known.evidence.confidence)
        self.facts[key] = RoleFact(
            person=cluster.entity(),
            role=post,
            organisation=organisation,
            evidence=sentence_evidence(mention, rule, confidence),
            mention=None,
        )


def _spelled_out(post: str) -> str:
    """A post in lower case with its abbreviations written out, to tell repeats apart."""
    words = post.lower().split()
    return " ".join(POST_ABBREVIATIONS.get(w.strip("."), w) for w in words)


def extract_roles(doc: Doc, ents: DocumentEntities, lex: Lexicons) -> list[RoleFact]:
    """All role facts of one article; registers each post holder with `ents` for coreference."""
    return RoleExtractor(doc, ents, lex).run()
