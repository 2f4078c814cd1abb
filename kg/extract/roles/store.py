"""The role facts of one article: `Roles.add` reads a title phrase and places its post,
`Roles.store` keeps one fact per person and body, merging the posts held there."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
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
)
from kg.extract.evidence import doc_text, sentence_evidence
from kg.extract.lexicon import Lexicons
from kg.extract.roles.context import anaphoric_owner, committee_of, kind_before_post
from kg.extract.roles.governments import (
    country_abroad,
    lead_government,
    sentence_government,
    state_chamber,
    state_minister,
    state_of,
)
from kg.extract.roles.names import local_party_tag
from kg.extract.roles.titles import Title, government_post, read_title
from kg.extract.roles.words import SEAT_POSTS, TITLE_MODIFIERS
from kg.facts import Entity, EntityKind, RoleFact

# Posts that say only that someone belongs: a named post at the same body replaces them.
GENERIC_POSTS = {"member", "employee", "former member", "former employee"}
# Abbreviations of posts, so that "CEO" and "chief executive officer" are one post.
POST_ABBREVIATIONS = {
    "ceo": "chief executive officer", "cfo": "chief financial officer",
    "coo": "chief operating officer", "cto": "chief technology officer",
    "mp": "member of parliament", "mep": "member of the european parliament",
    "sen": "senator", "rep": "representative", "gov": "governor",
}  # fmt: skip
# Ministers only a nation has, whatever state an article is about.
_NATIONAL_ONLY_POSTS = {
    "prime minister", "deputy prime minister", "foreign minister", "foreign secretary",
    "home secretary", "defence secretary", "defense secretary", "defence minister",
    "defense minister", "chancellor",
}  # fmt: skip
# The last words of ministerial posts a state's or devolved government has as well.
_MINISTERIAL_WORDS = {"minister", "secretary", "treasurer"}
# Posts that head a government, which the article may name after its holder ("the Albanese
# government").
LEADER_POSTS = {"prime minister", "premier", "first minister", "chief minister"}
# The chambers of Congress, and the state post whose chamber a state legislator sits in.
# A state's chamber by its full name, and words that bring in the federal ones.
_STATE_CHAMBER = re.compile(
    r"\b(?:[A-Z][a-z]+ ){1,2}(?:State )?(?:House of Representatives|House of Delegates|"
    r"State Senate|General Assembly|State Assembly|Legislature)\b"
)
_FEDERAL_CHAMBER = re.compile(r"\b(?:Congress|U\.S\. (?:House|Senate)|Capitol Hill|Washington)\b")
# Posts a US state and the nation both have, with the federal department's names: an
# article about a state that names neither holds the state's.
_STATE_WIDE_POSTS = {
    "attorney general": re.compile(r"\b(?:Justice Department|Department of Justice|DOJ)\b"),
    "secretary of state": re.compile(r"\b(?:State Department|Department of State)\b"),
}
_CONGRESS_SEATS = {
    "United States Senate": "senator",
    "United States House of Representatives": "representative",
}


@dataclass(frozen=True)
class Unplaced:
    """A post read next to a name without its body, waiting for the article to place it."""

    post: str  # as written, with its status ("former chairman")
    bare: str  # the post alone, lower case ("chairman")
    cluster: Cluster
    mention: Span
    owned: bool  # the phrase names an owner it could not resolve ("the foundation's chair")


class Roles:
    """The role facts of one article as the rules find them, and the posts read without
    their body, which the context rules place at the end."""

    def __init__(self, doc: Doc, ents: DocumentEntities, lex: Lexicons) -> None:
        self.doc = doc
        self.ents = ents
        self.lex = lex
        self.facts: dict[tuple[str, str], RoleFact] = {}
        # Posts read next to a name without their body, by the name's first token.
        self.unplaced: dict[int, Unplaced] = {}
        # Surnames two people of the article share ("Ted Cruz", "Heidi Cruz"): a bare
        # "Senator Cruz" may be either.
        surnames = Counter(c.name.split()[-1] for c in ents.people if " " in c.name)
        self.shared_surnames = {name for name, n in surnames.items() if n > 1}

    def person_mentions(self) -> Iterator[tuple[list[Token], Cluster]]:
        """Maximal runs of tokens naming one person; not names made only of the words of a
        post, which NER now and then calls a person ("Professor Emeritus"), nor a surname
        two people bear, nor a name that only qualifies a post ("a Trump adviser")."""
        runs: list[list[Token]] = []
        for i in sorted(self.ents.person_at):
            cluster = self.ents.person_at[i]
            if all(
                word.lower() in TITLE_MODIFIERS or word.lower() in self.lex.role_titles
                for word in cluster.name.split()
            ):
                continue
            run = runs[-1] if runs else []
            if run and run[-1].i + 1 == i and self.ents.person_at[run[-1].i] is cluster:
                run.append(self.doc[i])
            else:
                runs.append([self.doc[i]])
        for run in runs:
            if len(run) == 1 and run[0].text in self.shared_surnames:
                continue
            head = run[-1]
            if (
                head.dep_ == "compound"
                and head.head.text.islower()
                and head.head.i not in self.ents.person_at
                and head.head.lower_ in self.lex.role_titles
            ):
                continue  # "a Trump adviser", "a Gestapo member": a post beside the name's
            yield run, self.ents.person_at[head.i]

    def org_span(self, token: Token) -> Span | None:
        """The named organisation a token belongs to, if NER says it is one."""
        span = self.ents.entity_at(token.i)
        return span if span is not None and span.label_ in ORG_LABELS else None

    def add(
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
        owner = phrase[: next((k for k, t in enumerate(phrase) if t.tag_ == "POS"), 0)]
        if (
            title.post
            and title.post.lower().split()[-1] in SEAT_POSTS
            and title.seat is None
            and title.organisation is not None
            and len(owner) == 1
            and owner[0].text == title.organisation
        ):
            # "Hollinsford's Conservative MP": the seat, in the chamber the post sits in
            chamber = self.lex.posts.get(title.post.lower())
            title = dataclasses.replace(
                title, seat=title.organisation, organisation=chamber, org_source="lexicon"
            )
        if departed and title.status is None:
            title = dataclasses.replace(title, status="former")
        lo = min(t.i for t in [*phrase, *name])
        hi = max(t.i for t in [*phrase, *name])
        mention = self.doc[lo : hi + 1]
        # "a former Conservative": a membership left; "former Labour MP": a post left
        left = title.status in {"former", "ex"} and not title.post
        for party in title.parties:
            self.store(
                cluster,
                "former member" if left else "member",
                Entity(party, EntityKind.ORGANISATION),
                mention,
                rule + "+party",
                confidence,
            )
        if not title.post:
            return
        post = f"{title.status} {title.post}" if title.status else title.post
        if title.seat is not None:
            # "the MP for Hexham": the seat is held too, beside the chamber it sits in (a
            # place, not a body "the council" or "it" could mean)
            seat = Entity(title.seat, EntityKind.ORGANISATION)
            self.store(cluster, post, seat, mention, rule + "+seat", confidence - 0.2)
        if title.status not in {"former", "ex", "late"}:
            self.ents.add_holder(name[0].i, title.post, cluster)
        organisation, source = title.organisation, title.org_source
        if organisation in _LOCAL_LEVELS:
            # "City Administrator Jo Bloggs": a post of the article's city (placed below),
            # not of a body called "City"
            post = f"{organisation} {post}"
            self.unplaced[name[0].i] = Unplaced(post, post.lower(), cluster, mention, False)
            return
        if organisation is not None and organisation.split()[0] == "Opposition":
            # "Opposition treasury spokesman Jo Bloggs": a post of the opposition party
            post = f"{organisation} {post}"
            organisation = None
            owned = False
            self.unplaced[name[0].i] = Unplaced(post, post.lower(), cluster, mention, owned)
            return
        if organisation is None and (party := _party_possessor(phrase, title)) is not None:
            # "The New Democratic Party's housing critic": the party's post
            organisation, source = party, "text"
        if source == "lexicon" and _kind_noun_before(phrase, title.post):
            # "union president Jo Bloggs": the union's president, not the country's
            organisation = None
        # "the Alliance, whose president, Jo Bloggs": the body named beats the lexicon's
        # "President"
        if (organisation is None or source == "lexicon") and isinstance(fallback_org, Cluster):
            organisation, source = fallback_org.name, "text"
        elif (organisation is None or source == "lexicon") and fallback_org is not None:
            organisation, source = self.ents.org_name(fallback_org), "text"
        if (
            title.post.lower() in PORTFOLIO_SECRETARIES
            and organisation is not None
            and _after_for(phrase, organisation)
            and organisation.split()[-1].lower() not in BODY_NOUNS
        ):
            # "the Cabinet Secretary for Social Justice", "Assistant Secretary for Energy
            # Supply Chains": a portfolio, not a body; placed with the government or
            # department the article names
            post = f"{post} for {organisation}"
            bare = title.post.lower()
            self.unplaced[name[0].i] = Unplaced(post, bare, cluster, mention, owned=False)
            return
        if organisation is None or source == "lexicon":
            # "chair of the council's planning committee": the committee, not the council
            committee = next((c for t in phrase if (c := committee_of(self, t)) is not None), None)
            if committee is not None:
                organisation, source = committee.name, "text"
        territory = organisation is not None and _after_for(phrase, organisation)
        if (organisation is None or source == "lexicon" or territory) and (
            owner := anaphoric_owner(self, phrase)
        ) is not None:
            # "its president": the body's, not the post the lexicon knows ("the President");
            # "the force's commander for Kelbrook": the force's, for that area
            organisation, source = owner.name, "text"
        if organisation is None and (kind := _kind_after_post(phrase)):
            # "the chairman of the committee": the committee the article named last
            found = self.ents.org_antecedent(name[0].i, kind)
            organisation = found.name if found is not None else None
        if organisation is None and (kind := kind_before_post(phrase, title.post)):
            # "The council leader, Jo Bloggs": the council the article names last.
            found = self.ents.local_council() if kind == "council" else None
            found = found or self.ents.org_antecedent(name[0].i, kind)
            organisation = found.name if found is not None else None
        if organisation is None:
            owned = any(t.tag_ in {"POS", "PRP$"} for t in phrase)
            self.unplaced[name[0].i] = Unplaced(post, title.post.lower(), cluster, mention, owned)
            return
        bare = title.post.lower()
        federal = any(t.lower_ in NATIONAL_WORDS for t in phrase)
        if (
            source == "lexicon"
            and not federal
            and bare.split()[-1] in _MINISTERIAL_WORDS
            and bare not in _NATIONAL_ONLY_POSTS
            and (lead := lead_government(self) or sentence_government(self, mention)) is not None
        ):
            # "Health Secretary Jo Bloggs" in a story about the Scottish Government, "Health
            # Minister Jo Bloggs" in one a Queensland premier leads: that government's.
            organisation = lead
        elif (
            source == "lexicon"
            and organisation in {self.lex.government, self.lex.posts.get("mp")}
            and not federal
            and (
                (government_post(bare, self.lex) and bare not in _NATIONAL_ONLY_POSTS)
                or bare == "mp"
            )
        ):
            # "Housing Minister Jo Bloggs" in an article about a state's government.
            state = state_minister(self, mention)
            if state is not None and (bare == "mp" or not state):
                return
            organisation = state or organisation
        # "Senate President Jo Bloggs": the chamber by its short name, as the article's
        # country reads it
        seat = _CONGRESS_SEATS.get(self.lex.chambers.get(organisation or "", organisation or ""))
        if seat is not None and (local_party_tag(self, name) or self._state_legislature_story()):
            # "Senate Majority Leader Jo Bloggs, D-Grand Rapids": AP tags a state legislator
            # with a town, a member of Congress with a state.
            chamber = state_chamber(self, seat, mention)
            organisation = chamber.name if chamber is not None else None
            if organisation is None:
                return
        if (
            source == "lexicon"
            and bare in _STATE_WIDE_POSTS
            and not federal
            and self._state_office_story(bare)
            and (state := state_of(self, mention)) is not None
        ):
            # "Attorney General Jo Bloggs" in a story from Lansing that never names Congress
            # or the Justice Department: Michigan's attorney general
            organisation = state.name
        if (
            source == "lexicon"
            and organisation == self.lex.government
            and title.post.lower() in self.lex.national_posts
            and (abroad := country_abroad(self, cluster)) is not None
        ):
            # "Prime Minister Mark Carney said Ottawa ..." in an article about Britain.
            organisation = abroad
        org_cluster = self.ents.organisation(organisation)
        if org_cluster is None:
            return
        if source == "lexicon":
            confidence -= 0.1
        self.store(cluster, post, org_cluster.entity(), mention, rule, confidence)

    def _state_office_story(self, post: str) -> bool:
        """Whether a US article names neither Congress nor the federal department a post of
        both a state and the nation heads ("attorney general": the Justice Department)."""
        text = doc_text(self.doc)
        return not _FEDERAL_CHAMBER.search(text) and not _STATE_WIDE_POSTS[post].search(text)

    def _state_legislature_story(self) -> bool:
        """Whether the article is about a state's legislature and never names Congress:
        "House Speaker Jo Bloggs" there is the state house's speaker."""
        text = doc_text(self.doc)
        return bool(_STATE_CHAMBER.search(text)) and not _FEDERAL_CHAMBER.search(text)

    def store(
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
            if new in held and known.role.isupper() and not post.isupper():
                # "Bellwether CEO Garrison ... Chief Executive Thomas Garrison": the post
                # written out
                self.facts[key] = dataclasses.replace(known, role=post)
                return
            if new in GENERIC_POSTS or (new in held and not _another_post(new, held)):
                return  # nothing new: "secretary" after "Home Secretary", or "CEO" twice
            if held not in GENERIC_POSTS and (held not in new or _another_post(held, new)):
                # one body, two posts: one fact naming both ("chief constable and deputy
                # chief constable": a deputy's post is another one)
                post = f"{known.role} and {post}"
            rule = known.evidence.rule
            confidence = max(confidence, known.evidence.confidence)
        self.facts[key] = RoleFact(
            person=cluster.entity(),
            role=post,
            organisation=organisation,
            evidence=sentence_evidence(mention, rule, confidence),
            mention=None,
        )


# A level of local government written before a post as if it were a body's name.
_LOCAL_LEVELS = {"City", "Town", "Village"}


def _after_for(phrase: list[Token], organisation: str) -> bool:
    """Whether a title gives its body only after "for" ("commander for Kelbrook"), the
    area a post covers rather than the body it is held in."""
    words = [t.text for t in phrase]
    if "for" not in words:
        return False
    after = " ".join(words[words.index("for") + 1 :])
    return organisation in after


def _another_post(short: str, long: str) -> bool:
    """Whether a post that contains another is a different post, not the same one told more
    fully: "deputy chief constable" is not "chief constable"; "interim director" is
    "director"."""
    extra = set(long.split()) - set(short.split())
    return bool(extra & {"deputy", "vice", "assistant", "associate", "shadow", "under"})


def _spelled_out(post: str) -> str:
    """A post in lower case with its abbreviations written out, to tell repeats apart."""
    words = post.lower().split()
    return " ".join(POST_ABBREVIATIONS.get(w.strip("."), w) for w in words)


def _kind_noun_before(phrase: list[Token], post: str) -> bool:
    """Whether a lower-case noun for a kind of body comes right before the post in a title
    phrase ("union president", "club chairman"): the post is that body's."""
    words = post.lower().split()
    for k in range(1, len(phrase) - len(words) + 1):
        if [t.lower_ for t in phrase[k : k + len(words)]] == words:
            before = phrase[k - 1]
            return before.text.islower() and before.lemma_ in ORG_ANAPHORS
    return False


# Posts whose "for" names a portfolio: "Cabinet Secretary for Health", "Assistant
# Secretary for Manufacturing".
PORTFOLIO_SECRETARIES = {
    "cabinet secretary", "assistant secretary", "under secretary", "deputy secretary",
    "deputy assistant secretary", "undersecretary",
}  # fmt: skip


def _kind_after_post(phrase: list[Token]) -> str | None:
    """The kind of body a title names after its post with "of the" ("the chairman of the
    committee"), when it gives no name."""
    words = [t.lower_ for t in phrase]
    if len(words) >= 3 and words[-3:-1] == ["of", "the"] and words[-1] in NAMED_KIND_ANAPHORS:
        return words[-1]
    return None


def _party_possessor(phrase: list[Token], title: Title) -> str | None:
    """The party a title's possessive names ("The Green Party's health spokesperson"), the
    post's owner."""
    if not title.parties:
        return None
    for k, token in enumerate(phrase[1:], start=1):
        if token.tag_ == "POS" and phrase[k - 1].text in title.parties[-1].split():
            return title.parties[-1]
    return None
