"""Reading a title phrase ("former Conservative Home Secretary") into status, parties, post
and organisation: `read_title`, and the tests of whether words name a post or a body."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from kg.extract.entities import (
    BODY_NOUNS,
    NAMED_KIND_ANAPHORS,
    NATIONAL_WORDS,
    ORG_LABELS,
    normalise_org,
)
from kg.extract.lexicon import Lexicons
from kg.extract.roles.words import (
    ACADEMIC_POSTS,
    COMPANY_ANAPHORS,
    FIELD_POSTS,
    ORG_NOUNS,
    ORG_PREPOSITIONS,
    REGIONAL_MINISTERS,
    SEAT_POSTS,
    STATUS_WORDS,
    TITLE_MODIFIERS,
)

# Entity types that are never the body a post is held at.
_NOT_BODIES = {"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "EVENT"}
# Small words inside organisation names ("University of Utrecht", "Marks & Spencer").
_NAME_JOINERS = {"of", "and", "&", "for", "the", "on"}
# Words before a post that say when it is held, not what it is: "its next chief executive".
_TIMING_WORDS = {"new", "next", "future"}
# Capitalised words before a post that name no body: "Independent MP Jo Bloggs".
_NOT_BODY_WORDS = {"independent", "crossbench", "backbench"}
# Words that list posts: "President and Chief Executive", "Vice President/General Counsel".
_LISTING = {"and", "&", "/", ","}
# Posts named after a portfolio: "Transport Minister", "Education Secretary".
PORTFOLIO_POSTS = {"minister", "secretary"}
# Endings that make a noun a profession the lexicon need not list: "zoologist",
# "statistician", "cartographer", "physicist".
_MISREAD_LABELS = {"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}
PROFESSION_ENDINGS = ("ologist", "ician", "ographer", "icist", "onomist")
_SPOKES_POSTS = {"spokesman", "spokeswoman", "spokesperson"}


@dataclass(frozen=True)
class Title:
    """A title phrase read into its parts."""

    post: str  # the post as written ("Home Secretary"), "" when the phrase names only a party
    organisation: str | None
    org_source: str  # "text", "lexicon" or "party"
    parties: tuple[str, ...]
    status: str | None
    seat: str | None = None  # "MP for Hexham": the seat the post represents


def lower_words(tokens: list[Token]) -> list[str]:
    return [t.lower_.replace("’", "'") for t in tokens]


def is_title(words: list[str], last: Token, lex: Lexicons) -> bool:
    """Whether words name a post, the last word also tried in its singular ("employees")."""
    phrase = " ".join(words)
    if phrase in lex.role_titles or phrase in lex.posts:
        return True
    if len(words) == 1 and phrase.endswith(PROFESSION_ENDINGS) and last.pos_ == "NOUN":
        return True  # "a zoologist at ...", "a statistician at ...": a profession by its form
    singular = " ".join([*words[:-1], last.lemma_.lower()])
    return singular != phrase and singular in lex.role_titles


def _portfolio_words(words: list[Token], lex: Lexicons) -> bool:
    """Whether capitalised words before "Minister" name a portfolio rather than a body or a
    place: "Regional Development", "Foreign Affairs", not "Home Office" or "New South Wales"."""
    if any(t.ent_type_ in {"GPE", "NORP", "PERSON"} for t in words):
        return False
    places = {*lex.all_regions, *lex.countries, *lex.parties}
    return (
        all(t.text[:1].isupper() or t.lower_ == "and" for t in words)
        # "Local Government Minister Jo Bloggs": a portfolio, though its last word names bodies
        and (
            words[-1].lemma_.lower() not in BODY_NOUNS
            or " ".join(t.lower_ for t in words) == "local government"
        )
        and not any(t.text in places or t.lower_ in NATIONAL_WORDS for t in words)
        and " ".join(t.text for t in words[:2]) not in places  # "New South Wales", "Lib Dem"
    )


def plural_title(token: Token, lex: Lexicons) -> bool:
    """Whether a word is a title in the plural ("professors", "Directors")."""
    return (
        token.tag_ in {"NNS", "NNPS"}
        and token.lower_ not in lex.role_titles
        and token.lemma_.lower() in lex.role_titles
    )


def names_post(noun: Token, lex: Lexicons) -> bool:
    """Whether a noun names a post, alone or with the nouns before it ("professor emeritus")."""
    compounds = [c for c in noun.lefts if c.dep_ == "compound"]
    # "the committee's top Republican": a title whose first word the parser made a modifier
    modifiers = [c for c in noun.lefts if c.dep_ in {"compound", "amod"}]
    return (
        is_title([noun.lower_], noun, lex)
        or (bool(compounds) and is_title([*lower_words(compounds), noun.lower_], noun, lex))
        or (
            len(modifiers) == 1
            and modifiers[0].dep_ == "amod"
            and is_title([modifiers[0].lower_, noun.lower_], noun, lex)
        )
    )


def _ent_starts_before(token: Token) -> bool:
    """Whether token sits inside a named entity that began before it; not one of the labels
    NER gives to a company and its post run together ("Halvorsen Chief Executive" as a
    WORK_OF_ART)."""
    return token.ent_iob_ == "I" and token.ent_type_ not in _MISREAD_LABELS


def party_at(tokens: list[Token], i: int, lex: Lexicons) -> tuple[str, int] | None:
    """A party named by tokens[i:] ("Lib Dem", "Conservative"): (party, token count)."""
    for n in (3, 2, 1):
        text = " ".join(t.text for t in tokens[i : i + n])
        if len(tokens[i : i + n]) == n and text in lex.parties and text[:1].isupper():
            if i + n < len(tokens) and tokens[i + n].text == "Party":
                n += 1  # "National Party MP": the party's name with its "Party"
            elif _inside_longer_body(tokens[i], tokens[i + n - 1]):
                return None  # "National Farmers' Federation president": a body's first word
            return lex.parties[text], n
    return None


def _inside_longer_body(first: Token, last: Token) -> bool:
    """Whether NER has the words first..last as the start of a longer body's name."""
    ent = next((e for e in first.doc.ents if e.start <= first.i < e.end), None)
    return (
        ent is not None
        and ent.label_ == "ORG"
        and ent.start == first.i
        and ent.end > last.i + 1
        # a body's own name, not NER running a party into a post ("Labour Home Secretary")
        and ent[-1].lower_ in _BODY_LAST_WORDS
    )


_BODY_LAST_WORDS = {
    "federation", "association", "union", "council", "society", "institute", "foundation",
    "trust", "league", "alliance", "club", "college", "university", "bank", "group",
    "confederation", "chamber", "forum", "network", "movement", "coalition", "centre", "center",
}  # fmt: skip


# Relatives, through whom a title phrase names someone else's post.
_KINSHIP = {
    "son", "daughter", "grandson", "granddaughter", "wife", "husband", "widow", "widower",
    "father", "mother", "brother", "sister", "nephew", "niece", "grandfather",
    "grandmother", "stepson", "stepdaughter", "son-in-law", "daughter-in-law", "cousin",
}  # fmt: skip


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
    words = lower_words(tokens)
    if any(w in _KINSHIP for w in words):
        return None  # "the granddaughter of its founder": the post is a relative's
    # The post is the right-most title in the phrase before any "of"-style preposition.
    # "chief secretary to the Prime Minister": a post held in service to another is not it.
    cut = next(
        (i for i, w in enumerate(words) if w in ORG_PREPOSITIONS | {"to"} and i > 0), len(words)
    )
    best: tuple[int, int] | None = None
    if cut < len(words) and not any(
        is_title(words[a:b], tokens[b - 1], lex) for b in range(1, cut + 1) for a in range(b)
    ):
        # "Rural Doctors Association of NSW president": the post ends the phrase, and the
        # preposition is inside the body's name before it
        cut = len(words)
    for end in range(cut, 0, -1):
        for start in range(max(0, end - lex.max_title_words), end):
            phrase = " ".join(words[start:end])
            if is_title(words[start:end], tokens[end - 1], lex):
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
        party = party_at(tokens, i, lex)
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
        # "a Wyoming Republican": the member's state says where, not which party
        places = lex.us_states.keys() | lex.countries.keys() | lex.all_regions.keys()
        if parties and all(t.text in places for t in before):
            return Title("", None, "party", tuple(parties), status)
        if party := _party_noun(tokens, lex):
            return Title("", None, "party", (party,), status)
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
        and (
            not before[0].ent_type_
            # "International Trade Minister": NER's one-word "body" is the portfolio's
            or (
                before[0].ent_type_ == "ORG"
                and before[0].ent_iob_ == "B"
                and not (
                    before[0].i + 1 < len(before[0].doc)
                    and before[0].doc[before[0].i + 1].ent_iob_ == "I"
                )
                and before[0].lemma_.lower() not in BODY_NOUNS
                and before[0].text not in lex.all_regions
                and before[0].text not in lex.countries
            )
        )
        and before[0].text[:1].isupper()
        and tokens[end - 1].lower_ in PORTFOLIO_POSTS
        # not "RCN general secretary": a post of its own words is the body's
        and not (end - start > 1 and before[0].ent_type_ == "ORG" and tokens[start].is_lower)
    ):
        start -= 1
        before = []
    elif (
        2 <= len(before) <= 3
        and start > 0
        and before[-1].i == tokens[start - 1].i
        and tokens[end - 1].lower_ == "minister"
        and _portfolio_words(before, lex)
    ):
        # "Regional Development Minister Jo Bloggs": a portfolio of two or three words
        start -= len(before)
        before = []
    post_tokens = tokens[start:end]
    # "President and Chief Executive Officer", "Senior Vice President and Deputy Managing
    # Director": posts listed together, and the words that rank a post, are all the post.
    if before and all(ranks_post(t, lex) for t in before) and before[0].lower_ not in _LISTING:
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
    # "the ranking Democrat on the committee": a post held as a member of the party it names
    parties += [p[0] for k in range(len(post_tokens)) if (p := party_at(post_tokens, k, lex))]
    if post_tokens and plural_title(post_tokens[-1], lex):
        # "Stanford professors Jo Bloggs and Ann Lee": each holds the post, in the singular.
        last = post_tokens[-1]
        singular = last.lemma_ if last.text.islower() else last.lemma_.capitalize()
        post = post[: len(post) - len(last.text)] + singular
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
    if organisation is None and region is not None and not shadow and government_post(post, lex):
        # "Victorian Treasurer Jo Bloggs", "NSW Health Minister Jo Bloggs": the state's post,
        # the words between the state and the post naming the portfolio.
        government, portfolio = region
        post = _text([*portfolio, *post_tokens]) if portfolio else post
        organisation, before = government, []
    if organisation in lex.regions and government_post(post, lex):
        organisation = lex.regions[organisation]  # "Premier of Victoria"
    national = " ".join(lower_words(tokens[start:end]))
    of_before = f"{national} of {' '.join(lower_words(before))}"
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
        full = " ".join(lower_words(tokens[:end]))
        # "vice-chancellor" is not the chancellor: the post as read, modifiers and all.
        read = " ".join(lower_words(post_tokens))
        for candidate in (full, read if read.endswith(national) else national):
            if candidate in lex.posts:
                organisation, source = lex.posts[candidate], "lexicon"
                break
    if (
        organisation is None
        and lex.government
        and tokens[end - 1].lower_ == "minister"
        and not shadow
        and national not in REGIONAL_MINISTERS
    ):
        organisation, source = lex.government, "lexicon"  # a minister of this country
    # "Labour council leader Jo Bloggs": the council's leader, who is Labour, not Labour's.
    kind_named = bool(before) and all(
        t.text.islower() and t.lower_ in NAMED_KIND_ANAPHORS for t in before
    )
    if (
        organisation is None
        and parties
        and not kind_named
        and (national in lex.party_posts or shadow)
    ):
        organisation, source = parties[0], "party"
        parties = parties[1:]
    if organisation is not None:
        organisation = normalise_org(organisation.strip(" ,"))
    return Title(
        post, organisation, source, tuple(parties), status, _seat_after(tokens[end:], post)
    )


def _seat_after(after: list[Token], post: str) -> str | None:
    """The seat a representative's post names after "for": "MP for Hexham and Tynedale",
    "Senator for Victoria"."""
    if len(after) < 2 or after[0].lower_ != "for" or post.lower().split()[-1:] == []:
        return None
    if post.lower().split()[-1] not in SEAT_POSTS:
        return None
    run: list[Token] = []
    for token in after[1:]:
        if token.text[:1].isupper() or (run and token.lower_ in {"and", "&", "-", "of", "the"}):
            run.append(token)
        else:
            break
    while run and not run[-1].text[:1].isupper():
        run.pop()
    return _text(run) if run else None


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


def government_post(post: str, lex: Lexicons) -> bool:
    """Whether a post is held in a government: a minister, a treasurer, a premier, or a post
    the lexicon gives to the national government ("Attorney-General")."""
    bare = post.lower()
    last = bare.split()[-1] if bare else ""
    return last in {"minister", "treasurer", "premier"} or bare in lex.national_posts


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


def gathered(token: Token, follow: Callable[[Token], bool]) -> list[Token]:
    """A token and the descendants reached through children that `follow` accepts."""
    found, todo = [], [token]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(c for c in current.children if follow(c))
    return found


def _pruned_subtree(token: Token, skip: set[str]) -> list[Token]:
    """A token and its descendants, not descending into children attached by `skip`."""
    # "at Tate & Lyle": a list inside one name is the name, not a list.
    return gathered(
        token, lambda c: c.dep_ not in skip or (c.ent_iob_ == "I" and c.ent_type_ == "ORG")
    )


def _text(tokens: list[Token]) -> str:
    """The article's own text from the first token to the last, spacing kept."""
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text


def ranks_post(token: Token, lex: Lexicons) -> bool:
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
        if t.text[:1].isupper() and t.ent_type_ != "NORP" and not ranks_post(t, lex)
    ]
    return bool(nouns) and (bool(names) or any(t.lemma_.lower() in BODY_NOUNS for t in nouns))


def _party_noun(tokens: list[Token], lex: Lexicons) -> str | None:
    """The party whose member a phrase calls someone by the party's noun, with nothing but
    lower-case words before it and a place or the like after: "a Democrat from North Las
    Vegas", "a two-term Republican" (not "a Republican donor")."""
    cut = next((k for k, t in enumerate(tokens) if t.pos_ == "ADP"), len(tokens))
    words = tokens[:cut]
    for n in (3, 2, 1):
        party = party_at(words, len(words) - n, lex) if len(words) >= n else None
        if party is not None and party[1] == n:
            lead = words[: len(words) - n]
            plain = all(not t.text[:1].isupper() and t.pos_ != "VERB" for t in lead)
            return party[0] if plain else None
    return None


def _party_after(after: list[Token], lex: Lexicons) -> str | None:
    """ "member of the Green Party": a party named right after the post's preposition."""
    if not after or after[0].lower_ not in ORG_PREPOSITIONS:
        return None
    rest = [t for t in after[1:] if t.pos_ != "DET"]
    party = party_at(rest, 0, lex) if rest else None
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
        if token.lower_ == "to":
            break  # "assistant to the director of Acme": the post served is another's
        if token.lower_ not in ORG_PREPOSITIONS:
            i += 1
            continue
        preposition = token.lower_
        i += 1
        if preposition == "for" and post.split()[-1:] and post.split()[-1] in SEAT_POSTS:
            break  # "MP for Hexham": the seat, not the body, and no body after it
        while i < len(after) and after[i].pos_ == "DET":
            i += 1
        # "chief executive of the charity Shelter Now", "of the homelessness charity Harbour
        # House": what the body is, then its name
        kind = next(
            (
                k
                for k in range(i, min(i + 3, len(after) - 1))
                if after[k].text.islower()
                and after[k].lemma_ in ORG_NOUNS | COMPANY_ANAPHORS
                and after[k + 1].text[:1].isupper()
                and all(t.text.islower() for t in after[i:k])
            ),
            None,
        )
        if kind is not None:
            i = kind + 1
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
        if run and preposition == "for" and all(t.ent_type_ == "GPE" for t in run):
            run = []  # "country manager for Ireland": the territory, not the employer
        if (
            run
            and preposition in {"of", "for"}
            and post.split()[-1].lower() == "minister"
            and not any(t.lemma_.lower() in BODY_NOUNS or t.ent_type_ == "GPE" for t in run)
        ):
            run = []  # "Minister of Foreign Affairs": a portfolio of the government
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
