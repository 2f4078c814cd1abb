"""People and organisations in one article, and rule-based coreference.

No coreference model runs offline, so resolution is by rules, in this order:
- name variants: "Mr Burnham", "Burnham" and "Andy" are Andy Burnham, the fullest name used;
- role nouns: "the mayor", "the home secretary" are the person holding that post here;
- pronouns: he/she is the most recent person who was a subject or a speaker, outside
  quotation marks, whose gender (from honorifics or earlier pronouns) does not clash;
- relative pronouns: "who"/"which" is the noun the clause hangs on.
"""

from __future__ import annotations

import bisect
import contextlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kg.extract.evidence import doc_text, doc_tokens, headline
from kg.extract.lexicon import Lexicons
from kg.facts import Entity, EntityKind
from kg.nlp import dateline_place, dateline_spans

PRONOUN_GENDER = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}  # fmt: skip
GROUP_PRONOUNS = {"they", "them", "their", "it", "its"}
# Quantifiers that stand for unnamed speakers: "some say", "many believe", "all agreed".
QUANTIFIER_SOURCES = {"some", "many", "others", "all", "most", "few", "several", "both"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
ORG_LABELS = {"ORG", "GPE", "NORP"}
# Head nouns that make a capitalised phrase an organisation even when NER misses it:
# "chief executive of Acme Holdings", "member of the Finance Committee".
BODY_NOUNS = {
    "university", "college", "school", "institute", "council", "committee", "commission",
    "party", "office", "department", "ministry", "agency", "authority", "assembly",
    "parliament", "senate", "house", "congress", "government", "court", "board", "bank",
    "company", "corporation", "group", "holdings", "inc", "ltd", "plc", "llc", "association",
    "society", "foundation", "trust", "union", "federation", "league", "club", "police",
    "service", "force", "army", "navy", "hospital", "museum", "library", "laboratory",
    "center", "centre", "press", "times", "post", "news", "network", "academy", "church",
    "administration",
}  # fmt: skip
# Last words that make a name a company's, whatever NER says: "Corvane Labs said ...".
COMPANY_WORDS = {
    "labs", "ventures", "capital", "partners", "technologies", "systems", "holdings",
    "industries", "solutions", "networks", "pharmaceuticals", "therapeutics", "biosciences",
    "logistics", "robotics", "airlines", "airways", "motors", "foods", "studios", "software",
    "analytics", "dynamics", "aerospace", "energy", "bank", "media", "group", "industrial",
}  # fmt: skip
# Who speaks for a body: "a Home Office spokesperson said" is the Home Office speaking.
SPOKESPEOPLE = {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen"}
# ... and its officials, named with it ("FCA officials said", "officials at the trust").
_BODY_VOICES = {"official"}
# Last words of institutions' names, never of people's: "Cairns Hospital", "Leeds University".
_INSTITUTION_WORDS = {
    "hospital", "university", "college", "council", "school", "museum", "institute",
    "foundation", "trust", "association", "society", "agency", "department", "ministry",
    "police", "constabulary",
}  # fmt: skip
# Words that make a police force's name with the place beside them: "Police Scotland",
# "Victoria Police", "Strathclyde Police" (NER tags the place alone, or a person).
_FORCE_WORDS = {"Police", "Constabulary"}
# Small words inside bodies' names: "Bank of England", "Department for Transport".
_JOINERS = {"of", "for", "and", "the", "on", "de", "du", "von", "van", "der", "&", "at", "in"}
# Last words of the names of bodies a company or family sets up beside itself.
_OFFSHOOT_WORDS = {"foundation", "trust", "charity", "institute", "fund", "prize"}
# Letters after a name, written in capitals: "Jo Bloggs MP" is Jo Bloggs.
POST_NOMINALS = {
    "MP", "MSP", "MS", "AM", "MLA", "MEP", "MHK", "TD", "QC", "KC", "SC", "OBE", "MBE", "CBE",
    "KBE", "DBE", "CH", "PC", "JP", "AO", "AC", "OAM", "FRS", "PhD",
}  # fmt: skip
# A party in brackets after a name ("Cllr Jo Bloggs (Con)", "Board Chair Jo Bloggs (D)"),
# maybe with the seat after it ("Jo Bloggs (Con, Harrowby)"): the short forms used only
# there, besides the party names of parties.tsv.
BRACKETED_PARTIES = {
    "Con": "Conservative Party", "Lab": "Labour Party", "LD": "Liberal Democrats",
    "Lib Dem": "Liberal Democrats", "Grn": "Green Party",
    # and an American's with no state: "Board Chair Gregory Amato (D)"
    "D": "Democratic Party", "R": "Republican Party",
}  # fmt: skip
# Last words of places that take their town's name ("Hollinsford General Hospital"): the
# town's name alone is the town (a council's or police force's may be the body itself).
_TOWNS_BODIES = {"hospital", "university", "college", "school", "infirmary", "airport", "station"}
# Prepositions of place a sentence may open with: "Outside Leinster House, Jo Bloggs said".
_PLACE_PREPOSITIONS = {"outside", "inside", "at", "in", "near", "beside", "opposite"}
# Last words of the names of places, never of people: "Downing Street said ..." is the
# office that sits there speaking, not a Mr Street.
PLACE_WORDS = {
    "street", "road", "avenue", "square", "lane", "house", "hall", "palace", "building",
    "plaza", "bridge", "station", "tower", "mansion",
}  # fmt: skip
# Legal forms after a company's name, lower case: "Microsoft Corp" is Microsoft.
LEGAL_FORMS = {
    "corp",
    "corporation",
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "plc",
    "llc",
    "co",
    "ag",
    "sa",
    "nv",
    "gmbh",
    "llp",
}
# Words after a company's name that its later mentions drop: "Halden Group" ... "Halden".
# (Not every body noun: "Royal Navy" is not "Royal".)
# Words a company's name may drop in later mentions: "Halden Group" ... "Halden said",
# "Summit Ridge Bancorp" ... "Summit Ridge's chief executive".
_GROUP_WORDS = {"group", "holdings", "bancorp", "bancshares"}
# "Australia" is not "National Party of Australia": a name after "of" is not the body's own name.
_OF_WORDS = {"of"}
# How far back (in sentences) "the bank" or "it" looks for the body it means.
ANAPHOR_SENTENCES = 6
# Definite nouns that point back to the last organisation named: "the bank said".
ORG_ANAPHORS = {
    "company", "firm", "bank", "lender", "group", "business", "retailer", "carmaker",
    "airline", "insurer", "broker", "charity", "agency", "organisation", "organization",
    "corporation", "conglomerate", "startup", "supermarket", "chain", "operator", "provider",
    "manufacturer", "developer", "publisher", "network", "club", "party", "union", "council",
    "university", "regulator", "watchdog", "department", "ministry", "utility",
    "foundation", "trust", "institute", "museum", "hospital", "college", "commission",
    "committee", "fund", "broadcaster", "newspaper", "magazine", "studio", "airport",
    "authority", "panel", "district", "coalition", "alliance", "association", "federation",
    "society",
}  # fmt: skip
# Anaphors that name the kind of body in its own name: "the council" is the last body
# called a council ("Camden Council"), not whichever company was named last. ("The party"
# and "the union" stay free: "Labour" and "Unite" do not carry the word.)
# Words a business story calls a young company by, beside ORG_ANAPHORS.
_STARTUP_WORDS = {"startup", "start-up", "upstart", "unicorn", "fintech", "biotech", "insurtech"}
NAMED_KIND_ANAPHORS = {
    "council", "university", "college", "department", "ministry", "club", "committee",
    "commission", "foundation", "trust", "institute", "museum", "hospital", "fund", "airport",
    "authority", "panel", "district",  # "the district": the school district named last
    "coalition", "alliance", "association", "federation", "society",
}  # fmt: skip
# Bodies a commercial or charitable anaphor never means: "the company" or "the charity" is
# not the last council, ministry, party or fund named, however often it was named.
PUBLIC_BODY_WORDS = {
    "council", "university", "college", "department", "ministry", "committee", "commission",
    "police", "party", "parliament", "assembly", "senate", "court", "government", "office",
    "fund", "scheme", "programme", "program", "agency", "authority", "administration",
}  # fmt: skip
COMMERCIAL_ANAPHORS = ORG_ANAPHORS - NAMED_KIND_ANAPHORS - {
    "group", "organisation", "organization", "agency", "regulator", "watchdog", "party",
    "union", "network", "utility",
}  # fmt: skip
# Seats in a legislature: "the Donegal TD", "the Highlands and Islands MSP".
_LEGISLATOR_POSTS = {
    "mp", "msp", "ms", "td", "mla", "mpp", "mep", "senator", "congressman", "congresswoman",
    "assemblyman", "assemblywoman", "lawmaker", "legislator",
}  # fmt: skip
# Modifiers that leave "the government" meaning the national one: "the federal government".
NATIONAL_WORDS = {"federal", "national", "central"}
# Words that make a post another post: the shadow chancellor is not "the chancellor".
OTHER_POST_MODIFIERS = {"shadow", "deputy", "former", "ex", "vice", "assistant", "junior"}
# Nouns for texts that speak for the body that wrote them: "a Home Office document says".
DOCUMENT_NOUNS = {
    "document", "report", "study", "statement", "letter", "memo", "survey", "poll",
    "analysis", "review", "paper", "filing", "audit", "research", "release", "email",
}  # fmt: skip
# Figures that speak for whoever gathered them: "according to data from research firm X".
_FIGURES_NOUNS = {"data", "figures", "numbers", "statistics", "estimates", "projections"}
# Capitalised words that make the name before them the name of something else.
NAMED_AFTER = {
    "Professor", "Professorship", "Chair", "Fellow", "Fellowship", "Scholar", "Lecture",
    "Prize", "Award", "Medal", "Trophy", "Cup", "Foundation", "Institute", "School",
    "University", "College", "Center", "Centre", "Hospital", "Library", "Museum", "Hall",
    "Street", "Road", "Avenue", "Building", "Stadium", "Park", "Bridge", "Airport", "Act",
}  # fmt: skip
# Lower-case words inside names: "Ludwig van Beethoven", "Ursula von der Leyen".
NAME_PARTICLES = {
    "de",
    "van",
    "von",
    "der",
    "den",
    "bin",
    "al",
    "da",
    "di",
    "le",
    "la",
    "du",
    "del",
}
# Marks around a nickname inside a name: 'Edward "Ted" Kennedy', "Lawrence 'D' Pew".
_QUOTE_MARKS = {'"', "'", "“", "”", "‘", "’", "``", "''"}
# Words that never begin a person's name even when NER includes them.
_NON_NAME = {"former", "then", "acting", "late", "new", "the", "a", "an", "said", "says"}


def _clean(word: str) -> str:
    return word.lower().rstrip(".")


@dataclass
class Cluster:
    """One entity of the article and everything it is called."""

    name: str
    kind: EntityKind
    aliases: set[str] = field(default_factory=set)
    gender: str = "-"
    mentions: int = 0

    def entity(self) -> Entity:
        return Entity(self.name, self.kind, frozenset(a for a in self.aliases if a != self.name))


@dataclass(frozen=True)
class Resolved:
    """What a mention stands for: the entity, the words of the mention, and the person's cluster."""

    entity: Entity
    mention: Span
    cluster: Cluster | None = None


class DocumentEntities:
    """The people and organisations of one parsed article, with coreference resolution.

    `quoted(i)` tells whether token i lies inside quotation marks; mentions inside quotes
    never serve as antecedents for pronouns outside them.
    """

    def __init__(self, doc: Doc, lex: Lexicons, quoted: set[int]) -> None:
        self.doc = doc
        self.lex = lex
        self.quoted = quoted
        self.people: list[Cluster] = []
        self.orgs: dict[str, Cluster] = {}
        self.person_at: dict[int, Cluster] = {}  # token index -> person named there
        self._subject_events: list[tuple[int, Cluster]] = []
        self._speaker_events: list[tuple[int, Cluster]] = []  # (speech verb, its speaker)
        self._holders: list[tuple[int, str, Cluster]] = []  # (token, post lower-case, person)
        # The government each head of government leads, by the leader's surname: "the Albanese
        # government" is the government its prime minister heads (filled by the role rules).
        self.led_by: dict[str, str] = {}
        self._region: str | None = None
        self._region_read = False
        # spaCy builds doc.ents and doc.sents anew on each access: read them once.
        self.entities: list[Span] = self._relabelled_one_word_names(
            _listed_names(
                _with_untagged_companies(
                    _with_repeated_bodies(
                        _joined_across_of(
                            [
                                _with_place_before(_with_body_tail(_as_company(ent, lex)))
                                for ent in doc.ents
                                if ent.text not in _MEETINGS
                            ]
                        )
                    )
                )
            )
        )
        self._entity_at = {i: ent for ent in self.entities for i in range(ent.start, ent.end)}
        self._retag_tokens()
        self.sentence_starts: list[int] = [sentence.start for sentence in doc.sents]
        self.dateline = _datelines(doc)
        self._collect_people()
        self._collect_orgs()

    def _retag_tokens(self) -> None:
        """Give the parse's tokens the labels of the entities as read here, so that rules
        reading a token's entity type see "Healthwatch Hollinsford" as the body it is."""
        spans = sorted(self.entities, key=lambda e: (e.start, -len(e)))
        kept: list[Span] = []
        for span in spans:
            if kept and span.start < kept[-1].end:
                continue
            kept.append(span)
        # spans the parse cannot take as they are: NER's own labels stay
        with contextlib.suppress(ValueError):
            self.doc.ents = kept

    def _relabelled_one_word_names(self, entities: list[Span]) -> list[Span]:
        """One-word "people" that are bodies, in every mention: the article calls them "it"
        ("Westpac said it would cut jobs") or they begin a body's name it gives in full; and
        one-word "bodies" that are the surnames of people it names in full."""
        # A surname of a full name, or after "Mr", is a person's ("Smith said it was unfair").
        surnames = {
            t.text
            for ent in entities
            if ent.label_ == "PERSON" and len(_without_possessive(ent).split()) > 1
            for t in ent
        }
        surnames.update(
            self.doc[t.i + 1].text
            for t in self._tokens_spelled(self.lex.honorifics, dotted=True)
            if t.i + 1 < len(self.doc)
        )
        # "Halvorsen Foods ... Halvorsen said": the short form of a body's name.
        short_forms = {ent[0].text for ent in entities if ent.label_ == "ORG" and len(ent) > 1}
        # "its American rival Vantric ... Vantric's chief executive": a word NER takes for a
        # body or place in one mention and for a person in another, no person's name in full
        # and no place known, is a body's name
        elsewhere = {
            ent.text
            for ent in entities
            if ent.label_ in {"ORG", "GPE"}
            and len(ent) == 1
            and ent.text not in self.lex.countries
            and ent.text not in self.lex.all_regions
        }
        # "Voltaic’s co-founder": NER may take the possessive into the one-word "person".
        bodies = {
            _without_possessive(ent)
            for ent in entities
            if ent.label_ == "PERSON"
            and len(_without_possessive(ent).split()) == 1
            and _without_possessive(ent) not in self.lex.first_names
            and _without_possessive(ent) not in surnames
            and (
                _without_possessive(ent) in short_forms
                or _without_possessive(ent) in elsewhere
                or _called_it(ent[0])
            )
        }
        # "Jessica Brandt, an analyst, ... Brandt said": NER's one-word body is her surname,
        # unless the article also names a body with it ("Ford Motor ... Henry Ford").
        full_surnames = {
            ent[-1].text for ent in entities if ent.label_ == "PERSON" and len(ent) > 1
        }
        people = {
            ent.text
            for ent in entities
            if ent.label_ == "ORG"
            and len(ent) == 1
            and ent.text in full_surnames
            and ent.text not in short_forms
        }
        # Words written alone as a one-word name: "Hale" in "Hale, who had led ...".
        alone = {ent.text for ent in entities if len(ent) == 1}
        relabelled = []
        for ent in entities:
            if (
                ent.label_ == "ORG"
                and len(ent) > 2
                and ent[0].text in surnames
                and ent[1].lower_ == "and"
            ):
                # "[Dominguez and Council] member Tasha Whitfield": a person NER took into
                # the next name
                ent = Span(ent.doc, ent.start + 2, ent.end, label="ORG")
            if (
                ent.label_ == "ORG"
                and len(ent) == 1
                and ent.text.isupper()
                and ent.text.lower() in self.lex.role_titles
            ):
                continue  # "the Donegal TD", "a Labour MP": a post NER took for a body
            kind = self.doc[ent.start - 1] if ent.start > 0 else None
            if (
                ent.label_ == "PERSON"
                and kind is not None
                and kind.text.islower()
                and kind.lemma_ in ORG_ANAPHORS
                and kind.dep_ != "poss"
                and ent.root.dep_ not in {"nsubj", "nsubjpass"}  # "the charity Jo Bloggs set up"
            ):
                # "the homelessness charity Harbour House": named as a body, whatever NER says
                ent = Span(ent.doc, ent.start, ent.end, label="ORG")
            elif ent.label_ in {"PERSON", "GPE"} and self._described_as_body(ent):
                # "Lumora Health, a San Francisco startup that ...": a body by its apposition
                ent = Span(ent.doc, ent.start, ent.end, label="ORG")
            elif (
                ent.label_ == "PERSON"
                and len(ent) == 1
                and ent.text not in surnames
                and (ent.text in self.lex.countries or ent.text in self.lex.all_regions)
            ):
                # "president of Doctors Manitoba": a place NER took for a person
                ent = Span(ent.doc, ent.start, ent.end, label="GPE")
            elif (
                ent.label_ == "PERSON"
                and len(ent) > 1
                and ent[-1].text in self.lex.countries
                and ent[0].text not in self.lex.given_names
                and not any(t.text in self.lex.honorifics for t in ent)
            ):
                # "Historic England", "Transport Scotland", "Doctors Manitoba": a name that
                # ends in a place and opens with no given name is a body's
                ent = Span(ent.doc, ent.start, ent.end, label="ORG")
            elif ent.label_ == "PERSON" and _without_possessive(ent) in bodies:
                ent = Span(ent.doc, ent.start, ent.end, label="ORG")
            elif ent.label_ == "ORG" and ent.text in people:
                ent = Span(ent.doc, ent.start, ent.end, label="PERSON")
            elif (
                ent.label_ == "ORG"
                and len(ent) == 2
                and ent[0].text in self.lex.first_names
                and ent[1].text in alone
                and ent[1].lower_ not in COMPANY_WORDS | LEGAL_FORMS | _INSTITUTION_WORDS
            ):
                # "removed [Marcus Hale] as director ... Hale, who had led": a first name and
                # a surname the article uses alone, as it does a person's
                ent = Span(ent.doc, ent.start, ent.end, label="PERSON")
            relabelled.append(ent)
        return relabelled

    def _described_as_body(self, ent: Span) -> bool:
        """Whether a name's apposition, right after its comma, calls it a kind of body: "X,
        a San Francisco startup, ...", "X, the charity that ..."."""
        return any(_body_apposition(child) for child in ent.root.children)

    # -- people ---------------------------------------------------------------------------

    def name_tokens(self, span: Span) -> tuple[list[Token], str]:
        """The tokens of a person name inside an NER span, without titles; and a gender hint."""
        tokens = [t for t in span if not t.is_punct or t.text in {"-", "'"}]
        gender = "-"
        if span.start > 0:
            before = self.doc[span.start - 1]
            gender = self.lex.honorifics.get(_clean(before.text), "-")
            # "Mayor of Manchester Andy Burnham": NER swallows the place of the post.
            title = self.doc[span.start - 2].lower_ if span.start > 1 else ""
            if before.lower_ == "of" and title in self.lex.role_titles and len(tokens) > 2:
                tokens = tokens[1:]
        while tokens and (
            _clean(tokens[0].text) in self.lex.honorifics
            or tokens[0].text.lower() in self.lex.role_titles
            or tokens[0].text.lower() in _NON_NAME
            or not tokens[0].text[:1].isupper()
        ):
            gender = self.lex.honorifics.get(_clean(tokens[0].text), gender)
            if tokens[0].lower_ == "of" and len(tokens) == 2:
                return [], gender  # "Emeritus of Mathematics": a post and its field
            tokens = tokens[1:]
        # "MP for Cleveford Sam Whitfield": NER took in the seat before a given name
        if (
            self._seat_before_name(tokens)
            and span.start > 0
            and (
                self.doc[span.start - 1].lower_ in {"for", "of"}
                or self.doc[span.start - 1].lower_ in self.lex.role_titles
            )
        ):
            tokens = tokens[1:]
        # "Environmental Protection Agency Administrator Jo Bloggs": NER took in the body
        # and the title; the name starts after the last title word.
        titles = [k for k, t in enumerate(tokens[:-1]) if t.lower_ in self.lex.role_titles]
        if titles:
            tokens = tokens[titles[-1] + 1 :]
        # "Scottish Labour’s Aileen McBride": NER took in the party or body that owns the name.
        owners = [k for k, t in enumerate(tokens[:-1]) if t.text in {"'s", "’s"}]
        if owners:
            tokens = tokens[owners[-1] + 1 :]
        while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].text in {"'s", "’s", "'", "’"}):
            tokens = tokens[:-1]
        while len(tokens) > 2 and tokens[-1].text.rstrip(".") in POST_NOMINALS:
            tokens = tokens[:-1]  # "Huw Pennant MS", "Jo Bloggs KC": letters after a name
        # "Ursula von der | Leyen": NER stopped after a particle; the name goes on.
        while tokens and tokens[-1].lower_ in NAME_PARTICLES and tokens[-1].i + 1 < len(self.doc):
            following = self.doc[tokens[-1].i + 1]
            if not (following.pos_ == "PROPN" and following.text[:1].isupper()):
                break
            tokens = [*tokens, following]
        if any(
            not (t.text[:1].isupper() or t.text in {"-", "'"} or t.lower_ in NAME_PARTICLES)
            for t in tokens
        ):
            return [], gender
        return tokens, gender

    def _first_names_before(self, tokens: list[Token]) -> list[Token]:
        """ "Mayor Andy | Burnham": capitalised words NER left out between a title and a name."""
        first = tokens[0].i
        while first > 0 and len(tokens) + tokens[0].i - first < 4:
            before = self.doc[first - 1]
            if (
                before.pos_ != "PROPN"
                or not before.text[:1].isupper()
                or before.ent_type_
                or before.lower_ in self.lex.role_titles
                or before.lower_.removesuffix("s") in self.lex.role_titles  # "Councillors"
                or _clean(before.text) in self.lex.honorifics
                or before.i in self.quoted
                # "Minister for Enterprise Declan Furlong": a given name opens the name, and
                # the word before it is no second given name but the post's portfolio
                or (
                    self.doc[first].text in self.lex.given_names
                    and before.text not in self.lex.given_names
                )
            ):
                break
            first -= 1
        return [*self.doc[first : tokens[0].i], *tokens]

    def _surname_after(self, tokens: list[Token]) -> list[Token]:
        """ "Treasurer Tim | Pallas": NER took in the title and stopped before the surname, which
        the parser hangs the first name on."""
        last = tokens[-1]
        following = self.doc[last.i + 1] if last.i + 1 < len(self.doc) else None
        if (
            len(tokens) == 1
            and following is not None
            and last.dep_ == "compound"
            and last.head.i == following.i
            and following.pos_ == "PROPN"
            and following.text[:1].isupper()
            and not following.ent_type_
            and following.lower_ not in self.lex.role_titles
            and following.text not in NAMED_AFTER
        ):
            return [*tokens, following]
        return tokens

    def _nickname_and_surname(self, tokens: list[Token]) -> list[Token]:
        """ "Edward "Ted" Kennedy", "Lawrence 'D' Pew": NER stops at the quoted nickname (or
        just after it); the nickname and the surname after it are the same person's name."""
        doc = self.doc
        k = tokens[-1].i + 1
        if len(tokens) > 1 and doc[tokens[-1].i - 1].text in _QUOTE_MARKS:
            nickname: list[Token] = []  # NER took in the nickname: "Virgil "Gus" | Grissom"
        elif k + 1 < len(doc) and doc[k].text in _QUOTE_MARKS and _names_word(doc[k + 1]):
            nickname, k = [doc[k + 1]], k + 2
        else:
            return tokens
        if k + 1 < len(doc) and doc[k].text in _QUOTE_MARKS and _names_word(doc[k + 1]):
            return [*tokens, *nickname, doc[k + 1]]
        return tokens

    def _listed_with_places(self, ent: Span) -> bool:
        """ "worked at universities in Kazan, Dorpat and Krakow", "Professor of Social Policy,
        Law, and Women's Studies": a one-word "person" listed with places or bodies is one
        of them."""
        if len(ent) != 1 or ent.text in self.lex.first_names:
            return False
        first = ent[0]
        while first.dep_ in {"conj", "appos"} and first.head.i != first.i:
            first = first.head
        listed, todo = [], [first]
        while todo:
            current = todo.pop()
            listed.append(current)
            todo.extend(c for c in current.children if c.dep_ in {"conj", "appos"})
        return any(t.ent_type_ in {"GPE", "LOC", "FAC", "ORG"} for t in listed)

    def _seat_before_name(self, tokens: list[Token]) -> bool:
        """Whether a "name" of three words or more opens with a word that is no given name
        before one that is: "[Cleveford] Sam Whitfield", a seat NER took in."""
        return (
            len(tokens) >= 3
            and tokens[0].text not in self.lex.given_names
            and tokens[1].text in self.lex.given_names
        )

    def _bracketed_seat(self, ent: Span) -> bool:
        """ "(Con, Harrowby)": the seat written after a party in brackets."""
        doc = self.doc
        if ent.start < 3 or ent.end >= len(doc) or doc[ent.end].text != ")":
            return False
        if doc[ent.start - 1].text != ",":
            return False
        opening = next(
            (t.i for t in reversed(doc[ent.start - 5 : ent.start]) if t.text == "("), None
        )
        if opening is None:
            return False
        party = doc[opening + 1 : ent.start - 1].text
        return party in BRACKETED_PARTIES or party in self.lex.parties

    def _names_a_seat(self, ent: Span) -> bool:
        """ "the Labour MP for Bolton West, Jo Bloggs": the place a post is held for, which
        NER may take for a person."""
        if ent.start < 2 or self.doc[ent.start - 1].lower_ != "for":
            return False
        title = self.doc[ent.start - 2]
        if self._seat_before_name(list(ent)):
            return False  # "MP for [Cleveford Sam Whitfield]": the seat, then the MP's name
        return title.lower_ in self.lex.role_titles or title.lower_ in self.lex.honorific_posts

    def _names_a_thing(self, ent: Span) -> bool:
        """ "James B. Duke Professor", "Jimmy Carter Library": a name that names something else."""
        # "the Martin and Ann Lee Senior Fellow": capitalised words of one compound between.
        for following in self.doc[ent.end : ent.end + 3]:
            if following.text in NAMED_AFTER:
                return following.pos_ == "PROPN" or following.text[:1].isupper()
            if following.dep_ != "compound" or not following.text[:1].isupper():
                return False
        return False

    def _names_employer(self, ent: Span) -> bool:
        """ "Peel Hunt analyst Charles Hall": a name before a lower-case post and another name
        is the employer's."""
        k = ent.end
        while k < len(self.doc) and k - ent.end < 3 and self.doc[k].text.islower():
            k += 1
        post = self.doc[ent.end : k].text.lower()
        return (
            k > ent.end
            and k < len(self.doc)
            and self.doc[k].ent_type_ == "PERSON"
            and self.doc[k].ent_iob_ == "B"
            and post in self.lex.role_titles
        )

    def _person_spans(self) -> list[tuple[list[Token], str]]:
        """Name candidates: NER PERSON spans, and honorific + proper noun runs NER missed."""
        found = []
        covered: set[int] = set()
        honorific_tokens = self._tokens_spelled(self.lex.honorifics, dotted=True)
        # Surnames the article writes after an honorific ("Mr Aldous"): a two-word name NER
        # took for a body ("Brent Aldous" as ORG) is the person the honorific names, unless
        # both a Mr and a Mrs bear it (a couple: which one is unclear).
        genders: dict[str, set[str]] = {}
        for t in honorific_tokens:
            if t.i + 1 < len(self.doc):
                gender = self.lex.honorifics[_clean(t.text)]
                genders.setdefault(self.doc[t.i + 1].text, set()).add(gender)
        titled = {name for name, found in genders.items() if not {"m", "f"} <= found}
        # "Analysts at Peel Hunt ... Peel Hunt analyst Charles Hall": once a name is seen to
        # be an employer's, it is nobody's anywhere in the article.
        employers = {
            e.text for e in self.entities if e.label_ == "PERSON" and self._names_employer(e)
        }
        for ent in self.entities:
            misread = (
                (
                    ent.label_ == "ORG"
                    and len(ent) == 2
                    and ent[-1].text in titled
                    and all(t.pos_ == "PROPN" and t.text.istitle() for t in ent)
                )
                or (
                    # "Huw Pennant MS": only a person has letters after the name
                    ent.label_ == "ORG"
                    and len(ent) in {3, 4}
                    and ent[-1].text in POST_NOMINALS
                    and all(t.pos_ == "PROPN" and t.text.istitle() for t in ent[:-1])
                )
                or (
                    # "former County Supervisor Nadia Petrakis", "Nadia Petrakis, the
                    # supervisor,": a given name, and a post beside it
                    ent.label_ in {"ORG", "GPE"}
                    and len(ent) in {2, 3}
                    and self._person_by_name_and_post(list(ent))
                )
                or (
                    # "Councillor Ines Marlow said": a post, a given name and a surname, which
                    # NER took together for a body
                    ent.label_ == "ORG"
                    and len(ent) in {3, 4}
                    and ent[0].lower_ in self.lex.role_titles
                    and ent[1].text in self.lex.given_names
                    and ent[-1].lower_ not in COMPANY_WORDS | LEGAL_FORMS | BODY_NOUNS
                    and all(t.pos_ == "PROPN" and t.text.istitle() for t in ent)
                )
                or (
                    # "whose president, Darnell Price,": a name in apposition to a post is a
                    # person's, whatever NER says
                    ent.label_ in {"ORG", "GPE"}
                    and len(ent) in {2, 3}
                    and ent[-1].lower_ not in COMPANY_WORDS | LEGAL_FORMS | BODY_NOUNS
                    and ent.root.dep_ == "appos"
                    and ent.root.head.lower_ in self.lex.role_titles
                    and all(t.pos_ == "PROPN" and t.text.istitle() for t in ent)
                )
            )
            if (
                (ent.label_ != "PERSON" and not misread)
                or self._names_a_thing(ent)
                or ent.text in employers
                or self._names_a_seat(ent)
                or self._listed_with_places(ent)
            ):
                continue
            if re.sub(r"['’]s$", "", ent.text) in self.lex.parties:
                continue  # "Labour's deputy leader": a party NER took for a person
            if self._bracketed_seat(ent):
                continue  # "Jo Bloggs (Con, Harrowby)": the seat of the person before it
            if (
                ent.label_ == "PERSON"
                and ent.start > 0
                and self.doc[ent.start - 1].lower_ == "the"
                and ent.root.dep_ != "compound"
            ):
                continue  # "the mayor of the Humber": a place; "the Smith campaign" stays
            if all(t.i in covered for t in ent):
                continue  # the surname after a nickname, taken in with the name before it
            tokens, gender = self.name_tokens(ent)
            if " ".join(t.text for t in tokens) in self.lex.parties:
                continue  # "a Fianna Fáil TD": a party and the letters of its member's seat
            if tokens:
                if tokens[0].i > ent.start:  # NER took in a title ("Treasurer Tim | Pallas")
                    tokens = self._surname_after(tokens)
                tokens = self._nickname_and_surname(self._first_names_before(tokens))
                found.append((tokens, gender))
                covered.update(t.i for t in tokens)
        for token in honorific_tokens:
            if token.i + 1 >= len(self.doc):
                continue
            run = []
            for nxt in self.doc[token.i + 1 : token.i + 4]:
                if nxt.pos_ != "PROPN" or not nxt.text[:1].isupper() or nxt.i in covered:
                    break
                if _clean(nxt.text) in self.lex.honorifics:
                    break  # "Professor Sir Jo Bloggs": the next honorific starts the name
                if nxt.ent_type_ == "DATE":
                    break  # an honorific makes a person even of what NER took for a body
                if f"{_clean(token.text)} {nxt.lower_}" in self.lex.role_titles:
                    break  # "Professor Emeritus of Physics": a post, not a name
                run.append(nxt)
            if run:
                found.append((run, self.lex.honorifics[_clean(token.text)]))
                covered.update(t.i for t in run)
        for run in [*self._titled_names(covered), *self._untagged_names(covered)]:
            if any(t.i in covered for t in run):
                continue
            gender = self.lex.first_names.get(run[0].text, "-")
            found.append((run, gender))
            covered.update(t.i for t in run)
        found.sort(key=lambda item: item[0][0].i)
        return found

    def _untagged_names(self, covered: set[int]) -> Iterator[list[Token]]:
        """Names NER missed that open with a given name and that the sentence shows to be a
        person's: "Scottish Labour’s Aileen McBride, who ..., said", "Carys Morgan-Hughes,
        the Labour MP for Merthyr Vale,"."""
        for token in doc_tokens(self.doc):
            if (
                token.text not in self.lex.given_names
                or token.ent_type_
                or token.i in covered
                # "Dolores Kincaid": the tagger may read a given name as a common noun
                or token.pos_ not in {"PROPN", "NOUN"}
                or (
                    token.i > 0
                    and _capitalised_name_word(self.doc[token.i - 1])
                    and self.doc[token.i - 1].ent_type_ != "NORP"  # "Democrat Elena Reyes"
                    and not self._after_a_title(token)
                )
            ):
                continue
            run = [token]
            for nxt in self.doc[token.i + 1 : token.i + 5]:
                if nxt.text == "-" and nxt.i + 1 < len(self.doc) and not nxt.whitespace_:
                    run.append(nxt)  # "Carys Morgan-Hughes"
                    continue
                if not _capitalised_name_word(nxt) or nxt.i in covered:
                    break
                if self._post_suffix(nxt):
                    break  # "Declan Rooney MLA": the post after a name
                if nxt.ent_type_ not in {"", "ORG"}:
                    break  # a surname NER took for a body ("Morgan-Hughes") may go on
                run.append(nxt)
                if len([t for t in run if t.text != "-"]) == 3:
                    break
            while run[-1].text == "-":
                run.pop()
            after = run[-1].i + 1
            post_after = after < len(self.doc) and self._post_suffix(self.doc[after])
            if (
                len(run) < 2
                or (
                    after < len(self.doc)
                    and _capitalised_name_word(self.doc[after])
                    and not post_after
                )
                or run[-1].lower_ in COMPANY_WORDS | LEGAL_FORMS | BODY_NOUNS
            ):
                continue  # "Aileen McBride Centre", "Aileen Hughes Foundation": a body's
            if (
                post_after
                or self._person_by_name_and_post(run)
                or self._speaks(run)
                or self._after_a_title(token)
            ):
                yield run

    def _post_suffix(self, token: Token) -> bool:
        """Whether a token is a post written in capitals after a name: "MLA", "MP", "TD"."""
        return token.text.isupper() and token.lower_ in self.lex.role_titles

    def _after_a_title(self, token: Token) -> bool:
        """Whether the capitalised words right before a token are a post's title, with what
        it is for: "Cabinet Secretary for Transport [Rhodri]"."""
        for before in reversed(self.doc[max(0, token.i - 6) : token.i]):
            if before.lower_ in self.lex.role_titles and before.text[:1].isupper():
                return True
            if not (_capitalised_name_word(before) or before.lower_ in {"for", "of", "and"}):
                return False
        return False

    def _person_by_name_and_post(self, run: list[Token]) -> bool:
        """Whether capitalised words that open with a given name stand beside a post: right
        after its title ("Supervisor Nadia Petrakis") or with one in apposition after them
        ("Carys Morgan-Hughes, the Labour MP for Merthyr Vale,")."""
        if run[0].text not in self.lex.given_names:
            return False
        if run[-1].lower_ in COMPANY_WORDS | LEGAL_FORMS | BODY_NOUNS:
            return False
        if run[0].i > 0 and self.doc[run[0].i - 1].lower_ in self.lex.role_titles:
            return True
        if run[0].i > 0 and self.doc[run[0].i - 1].ent_type_ == "NORP":
            return True  # "Democrat Elena Reyes narrowly won": a party's candidate
        j = run[-1].i + 1
        if j + 2 >= len(self.doc) or self.doc[j].text != ",":
            return False
        # "Carys Morgan-Hughes, the Labour MP for ...": a post somewhere in the phrase after
        # an article; "Ann Lee, chief executive of ...": a post that opens the phrase
        determined = self.doc[j + 1].lower_ in {"the", "a", "an"}
        window = self.doc[j + 2 : j + 10] if determined else self.doc[j + 1 : j + 4]
        for token in window:
            if token.text in {",", ".", ";", ":"} or token.pos_ in {"VERB", "AUX"}:
                break
            if token.lower_ in self.lex.role_titles:
                return True
        return False

    def _speaks(self, run: list[Token]) -> bool:
        """Whether a run of name words is the subject of a verb of speaking."""
        head = next((t for t in run if t.head.i not in {r.i for r in run}), run[-1])
        return head.dep_ == "nsubj" and head.head.lemma_.lower() in self.lex.speech_verbs

    def _titled_names(self, covered: set[int]) -> Iterator[list[Token]]:
        """Names NER missed after a capitalised post, that open with a known first name:
        "Mayor Teresa Quon said", "Police Chief Marcus Bell told"."""
        last_words = _title_last_words(self.lex.role_titles)
        for token in doc_tokens(self.doc):
            if (
                token.lower_ not in last_words
                or token.i + 2 >= len(self.doc)
                or not token.text[:1].isupper()
                or token.i + 1 in covered
                or not any(
                    self.doc[max(0, token.i - n) : token.i + 1].text.lower() in self.lex.role_titles
                    for n in (0, 1, 2)
                )  # "Mayor", "Police Chief", "Deputy Police Chief"
            ):
                continue
            run = []
            for nxt in self.doc[token.i + 1 : token.i + 4]:
                if (
                    nxt.pos_ != "PROPN"
                    or not nxt.text[:1].isupper()
                    or nxt.i in covered
                    or nxt.ent_type_ not in {"", "PERSON", "ORG"}
                    or nxt.lower_ in self.lex.role_titles
                ):
                    break
                run.append(nxt)
            ent = self._entity_at.get(run[0].i) if run else None
            if (
                ent is not None
                and ent.label_ == "ORG"
                and (ent.start, ent.end)
                != (
                    run[0].i,
                    run[-1].i + 1,
                )
            ):
                continue  # "Mayor Ann Lee Foundation": a body named after someone
            if len(run) >= 2 and run[0].text in self.lex.given_names:
                yield run

    def _collect_people(self) -> None:
        spans = self._person_spans()
        # Names printed in capitals ("WALLACE:") are the same names in title case.
        names = [
            name.title() if name.isupper() and len(name) > 3 else name
            for name in (name_text(tokens) for tokens, _ in spans)
        ]
        # Full names first, longest first, so short forms can join them; names said only
        # inside quotations ("Sleepy Jo Bloggs") come after those the article uses.
        quoted = {
            n for (tokens, _), n in zip(spans, names, strict=True) if tokens[0].i in self.quoted
        }
        unquoted = {
            n for (tokens, _), n in zip(spans, names, strict=True) if tokens[0].i not in self.quoted
        }
        full = {n for n in names if " " in n}
        order = sorted(full, key=lambda n: (n in quoted and n not in unquoted, -len(n.split()), n))
        for name in order:
            if self._containing(name.split(), before=None) is None:
                self.people.append(Cluster(name, EntityKind.PERSON))
        for (tokens, gender), name in zip(spans, names, strict=True):
            cluster = self._containing(name.split(), before=tokens[0].i)
            if cluster is None:
                cluster = Cluster(name, EntityKind.PERSON)
                self.people.append(cluster)
            tokens = self._widened(tokens, cluster)
            self._add_person_mention(cluster, tokens, name, gender)
        self._collect_bare_surnames()
        self._collect_subjects_named_by_pronouns()

    def _widened(self, tokens: list[Token], cluster: Cluster) -> list[Token]:
        """Take in the first names NER left out ("Andy" before a PERSON span "Burnham")."""
        parts = cluster.name.split()
        known = [t.text for t in tokens]
        n = len(known)
        if parts[-n:] != known:
            return tokens
        first = tokens[0].i
        for part in reversed(parts[:-n]):
            if first == 0 or self.doc[first - 1].text != part:
                break
            first -= 1
        return [*self.doc[first : tokens[0].i], *tokens]

    def _add_person_mention(
        self, cluster: Cluster, tokens: list[Token], name: str, gender: str
    ) -> None:
        cluster.aliases.add(name)
        cluster.mentions += 1
        if gender != "-":
            cluster.gender = gender
        elif cluster.gender == "-" and len(cluster.name.split()) > 1:
            # a name of one word is a surname ("Warren said"), whatever given name it matches
            cluster.gender = self.lex.first_names.get(cluster.name.split()[0], "-")
        for t in tokens:
            self.person_at[t.i] = cluster
        head = max(
            tokens,
            key=lambda t: len(list(t.ancestors)) == min(len(list(x.ancestors)) for x in tokens),
        )
        subject = head.dep_ in SUBJECT_DEPS or (
            head.dep_ == "appos"
            and (
                head.head.dep_ in SUBJECT_DEPS
                # "The council leader, Jo Bloggs, at the opening on Friday." (or a
                # sentence parsed with no verb): the noun the name is apposed to is the root
                or (head.head.dep_ == "ROOT" and head.head.pos_ in {"NOUN", "PROPN"})
            )
        )  # "Her business partner, Jo Bloggs, remembers ...": the apposition names the subject
        if subject and head.i not in self.quoted:
            self.add_subject(head.i, cluster)

    def adopt_person(self, head: Token, holds_post: bool = False) -> Cluster | None:
        """Make a person of a proper-noun phrase that the context shows is one.

        For subjects NER missed or mislabelled: "Okafor is a distinguished professor at ...".
        With `holds_post` (the phrase holds a post only a person holds), a one-word name NER
        took for a place or nationality is adopted too, unless it names a country.
        """
        # With a post, a name the tagger took for a common noun too ("Tarjan is a professor").
        kinds = {"PROPN", "NOUN"} if holds_post else {"PROPN"}
        if head.i in self.person_at or head.pos_ not in kinds or head.i in self.quoted:
            return self.person_at.get(head.i)
        tokens = [
            t
            for t in head.subtree
            if t.i <= head.i and (t.dep_ in {"compound", "flat"} or t.i == head.i)
        ]
        tokens = [
            t for t in tokens if t.text[:1].isupper() and _clean(t.text) not in self.lex.honorifics
        ]
        while len(tokens) > 1 and tokens[0].lower_ in self.lex.role_titles:
            tokens = tokens[1:]  # "Chef Okafor was ...": the title is not part of the name
        place = any(t.ent_type_ in {"GPE", "NORP"} for t in tokens)
        if place and holds_post and len(tokens) == 1 and tokens[0].text not in self.lex.countries:
            place = False  # "Halloran is a professor at ...": NER's place holds no post
        if not tokens or place or any(t.ent_type_ == "DATE" for t in tokens):
            return None
        if len(tokens) > 1 and tokens[-1].lower_ in PLACE_WORDS:
            return None  # "Downing Street": a place, or the office that sits there
        name = " ".join(t.text for t in tokens)
        cluster = self._containing(name.split(), before=tokens[0].i)
        if cluster is None:
            cluster = Cluster(name, EntityKind.PERSON)
            self.people.append(cluster)
        self._add_person_mention(cluster, tokens, name, "-")
        return cluster

    def _party_words(self, words: list[str]) -> bool:
        """Whether lower-cased words are the name of a party ("lnp", "labor")."""
        return " ".join(words) in _lower_names(tuple(self.lex.parties))

    def known_person(self, words: list[str]) -> Cluster | None:
        """The person whose name ends with `words`, in any case ("PENCE" is Mike Pence)."""
        for cluster in self.people:
            parts = [p.lower() for p in cluster.name.split()]
            if [w.lower() for w in words] == parts[-len(words) :]:
                return cluster
        return None

    def named_person(self, words: list[str]) -> Cluster:
        """The person a bare name or speaker label stands for, made a new person when the
        article names no one so."""
        if (known := self.known_person(words)) is not None:
            return known
        name = " ".join(w if not w.isupper() else w.title() for w in words)
        cluster = Cluster(name, EntityKind.PERSON, {name})
        self.people.append(cluster)
        return cluster

    def _tokens_spelled(self, words: Iterable[str], dotted: bool = False) -> list[Token]:
        """The tokens that are one of `words` (in any case, with a trailing dot if `dotted`),
        found by one search of the text rather than a walk over every token."""
        words = sorted({w for w in words if w}, key=len, reverse=True)
        if not words:
            return []
        dot = r"\.?" if dotted else ""
        pattern = re.compile(rf"(?<![\w.])(?:{'|'.join(map(re.escape, words))}){dot}(?!\w)", re.I)
        found = []
        for match in pattern.finditer(doc_text(self.doc)):
            span = self.doc.char_span(match.start(), match.end())
            if span is not None and len(span) == 1:
                found.append(span[0])
            elif span is None and dotted:
                # "Mr." can be one token or two ("Mr" "."): take the word.
                word = self.doc.char_span(match.start(), match.end() - 1)
                if word is not None and len(word) == 1:
                    found.append(word[0])
        return found

    def _collect_bare_surnames(self) -> None:
        """Proper nouns NER missed that are a known person's surname ("Burnham added ...")."""
        surnames: dict[str, list[Cluster]] = {}
        for cluster in self.people:
            parts = cluster.name.split()
            if len(parts) > 1:
                surnames.setdefault(parts[-1], []).append(cluster)
        for token in self._tokens_spelled(surnames):
            if token.i in self.person_at or token.pos_ != "PROPN":
                continue
            # NER calls a lone surname a body now and then ("Bandt said"); a longer name is one.
            if token.ent_type_ in ORG_LABELS | {"FAC", "LOC", "PRODUCT", "WORK_OF_ART"}:
                ent = self._entity_at[token.i]
                if len(ent) > 1:
                    continue
            cluster = self._containing([token.text], before=token.i)
            if cluster is not None:
                self._add_person_mention(cluster, [token], token.text, "-")

    def _collect_subjects_named_by_pronouns(self) -> None:
        """A lone proper-noun subject NER missed, that "he" or "she" next takes up, is a
        person: "Okafor joined the bank in 1990; his first post was ..."; not the short name
        of a body the article names in full ("Halvorsen Foods ... Halvorsen would pause its
        buyback. He said ...")."""
        short_forms = {e[0].text for e in self.entities if e.label_ == "ORG" and len(e) > 1}
        for token in doc_tokens(self.doc):
            if (
                token.dep_ != "nsubj"
                or token.pos_ != "PROPN"
                or not token.text[:1].isupper()
                or token.i in self.person_at
                or token.i in self.quoted
                or token.i in self.dateline
                or token.ent_type_ in {"GPE", "NORP", "LOC", "FAC", "DATE", "EVENT", "LAW"}
            ):
                continue
            if (
                any(c.dep_ in {"det", "poss"} for c in token.children)
                or token.text.isupper()
                or token.lower_ in self.lex.parties
            ):
                continue  # "the Coalition", "SNP", "Labour": bodies, whatever pronoun follows
            name = [t for t in token.lefts if t.dep_ in {"compound", "flat"}] + [token]
            if len(name) > 3 or any(
                not t.text[:1].isupper()
                or t.lower_.rstrip(".") in LEGAL_FORMS | BODY_NOUNS
                or t.lower_ in self.lex.role_titles
                for t in name
            ):
                continue
            if token.text in short_forms or _called_it(token):
                continue
            if self._taken_up_by_pronoun(token):
                self.adopt_person(token)

    def _taken_up_by_pronoun(self, token: Token) -> bool:
        """Whether a gendered pronoun follows `token` in its sentence or the next, with no
        person named in between."""
        end = token.sent.end
        if end < len(self.doc):
            end = self.doc[end].sent.end
        for later in self.doc[token.i + 1 : end]:
            if later.i in self.person_at:
                return False
            if later.lower_ in PRONOUN_GENDER and later.tag_ in {"PRP", "PRP$"}:
                return later.i not in self.quoted
        return False

    def _containing(self, words: list[str], before: int | None) -> Cluster | None:
        """The known person whose name contains `words` as a whole-word run.

        Surname matches beat first-name matches; among several, the one last named before
        token `before` wins, else the most mentioned.
        """
        candidates = []
        for cluster in self.people:
            parts = cluster.name.split()
            n = len(words)
            runs = [parts[i : i + n] for i in range(len(parts) - n + 1)]
            if words in runs:
                rank = 0 if parts[-n:] == words else 1
                candidates.append((rank, cluster))
        if not candidates:
            return None
        best_rank = min(rank for rank, _ in candidates)
        best = [c for rank, c in candidates if rank == best_rank]
        if len(best) > 1 and before is not None:
            last_seen = {id(c): i for i, c in sorted(self.person_at.items()) if i < before}
            seen = [c for c in best if id(c) in last_seen]
            if seen:
                return max(seen, key=lambda c: last_seen[id(c)])
        return max(best, key=lambda c: c.mentions)

    # -- organisations --------------------------------------------------------------------

    def _spelled_out(self, name: str) -> Cluster | None:
        """The one body known so far that an acronym stands for, or that a full name is
        the acronym of ("EPA" and "Environmental Protection Agency"), if there is one."""
        if name.isupper() and 2 <= len(name) <= 6 and name.isalpha():
            found = {id(c): c for c in self.orgs.values() if _initials(c.name) == name}
            return next(iter(found.values())) if len(found) == 1 else None
        letters = _initials(name)
        cluster = self.orgs.get(letters.lower()) if letters is not None else None
        return cluster if cluster is not None and cluster.name == letters else None

    def _collect_orgs(self) -> None:
        for ent in self.entities:
            if ent.label_ in ORG_LABELS:
                self.organisation(ent)

    def org_name(self, span: Span) -> str:
        """An organisation's name as written, without a leading article or trailing 's."""
        tokens = list(span)
        while tokens and (tokens[0].lower_ == "the" or tokens[0].is_punct):
            tokens = tokens[1:]
        while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
            tokens = tokens[:-1]
        named = tokens and tokens[-1].i + 1 < len(self.doc) and self.doc[tokens[-1].i + 1]
        for k in range(1, len(tokens) if named and named.ent_type_ == "PERSON" else 0):
            # "EPA Administrator Marcus Delgado", NER's body running into the post before a
            # name: the body ("Office of the Attorney General" keeps its post)
            post = " ".join(t.lower_ for t in tokens[k:])
            if post in self.lex.role_titles and tokens[k - 1].lower_ not in {"of", "the"}:
                tokens = tokens[:k]
                break
        if not tokens:
            return ""
        return self.doc[tokens[0].i : tokens[-1].i + 1].text

    def organisation(self, span: Span | str) -> Cluster | None:
        """The organisation cluster for a name or span, created on first sight.

        A short name joins a longer one it ends ("the Post" → "New York Post"); an acronym
        in brackets after a name is an alias of it.
        """
        written = span if isinstance(span, str) else self.org_name(span)
        name = normalise_org(written)
        name = self.lex.chambers.get(name, name)  # "House" in a US article (chambers.tsv)
        if not name or not any(ch.isalpha() for ch in name):
            return None
        key = name.lower()
        if key in self.orgs:
            return self.orgs[key]
        if (department := _department_key(name)) is not None:
            # "the Energy Department" and "the U.S. Department of Energy": one department
            for cluster in self.orgs.values():
                if _department_key(cluster.name) == department:
                    cluster.aliases.add(name)
                    if "Department of" in name and "Department of" not in cluster.name:
                        cluster.aliases.add(cluster.name)
                        cluster.name = name  # the formal name, "Department of Energy"
                    self.orgs[key] = cluster
                    return cluster
        words = key.split()
        core = _without_legal_form(words)
        for other_key, cluster in self.orgs.items():
            other = other_key.split()
            if core == _without_legal_form(other):
                # "Microsoft Corp" and "Microsoft": one body, under its fuller name.
                cluster.aliases.add(name)
                if len(words) > len(other):
                    cluster.aliases.add(cluster.name)
                    cluster.name = name
                self.orgs[key] = cluster
                return cluster
            if (
                len(words) < len(other)
                and other[-len(words) :] == words
                and other[-len(words) - 1] not in _OF_WORDS
                and other[0] not in _COMPASS_WORDS  # "Dayton" is not "West Dayton"
                and not self._party_words(other[: -len(words)])
                and words[-1][:1].isalpha()
                and name not in self.lex.countries  # "Canada" is not "Statistics Canada"
                # nor the city "Tacoma" the "University of Washington Tacoma"
                and not (len(words) == 1 and self._mostly_a_place(name))
            ):
                cluster.aliases.add(name)
                self.orgs[key] = cluster
                return cluster
            if (
                len(other) < len(words)
                and words[-len(other) :] == other
                # a short name the body goes by: not one it took as an alias ("Housing" for
                # the Housing Ombudsman is not the Regulator of Social Housing's)
                and cluster.name.lower() == other_key
                and words[-len(other) - 1] not in _OF_WORDS
                and words[0] not in _COMPASS_WORDS  # nor "Australian Government" "Western ..."
                # "Summit Lakeshore Financial", merging Summit Ridge and Lakeshore Financial,
                # is neither: its first word begins another body's name
                and not any(
                    k.split()[0] == words[0] and not key.startswith(k)
                    for k, c in self.orgs.items()
                    if c is not cluster
                )
                and cluster.name not in self.lex.countries
                and not (len(other) == 1 and self._mostly_a_place(cluster.name))
                # "an LNP government would ...": a party's government is no name of the one
                # the article calls "the Government"
                and not self._party_words(words[: -len(other)])
            ):
                cluster.aliases.add(cluster.name)
                cluster.name = name
                self.orgs[key] = cluster
                return cluster
        if (spelled := self._spelled_out(name)) is not None:
            # "the Environmental Protection Agency ... the EPA": one body, under its full name
            spelled.aliases.add(name)
            if _initials(name) is not None:
                spelled.aliases.add(spelled.name)
                spelled.name = name
            self.orgs[key] = spelled
            return spelled
        if len(words) == 1 and name[:1].isupper() and self._only_a_body(name):
            # "Castlegate Bank ... Castlegate's finance director": a body's first word alone
            # names it, when no other body known so far starts with that word; NER's "place"
            # only when the body is a company ("shares in Castlegate").
            longer = {
                c.name: c
                for k, c in self.orgs.items()
                if k.split()[0] == key and k != key and c.name[:1].isupper()
            }  # not "Housing" for "the housing select committee"
            formal = {n: c for n, c in longer.items() if _formal_name(n)}
            if len(longer) > 1 and len(formal) == 1:
                longer = formal  # "Hallworth Foods Plc", not a headline's "Hallworth Foods Names"
            company = any(
                _without_legal_form(c.name.lower().split())[-1] in COMPANY_WORDS
                for c in longer.values()
            )
            place = self._mostly_a_place(name) or any(
                # "Hollinsford General Hospital ... Hollinsford's MP": a town's body
                c.name.split()[-1].lower() in _TOWNS_BODIES
                for c in longer.values()
            )
            if len(longer) == 1 and (company or not place) and not self._own_body(name, longer):
                cluster = next(iter(longer.values()))
                cluster.aliases.add(name)
                self.orgs[key] = cluster
                return cluster
        first = self.orgs.get(words[0]) if len(words) > 1 else None
        if (
            first is not None
            and first.name.lower() == words[0]
            and len(first.aliases) == 1
            and self._only_a_body(first.name)
        ):
            # "Wellcome pledges £50m ... The Wellcome Trust has committed": the headline's short
            # name was the body's first word.
            company = _without_legal_form(words)[-1] in COMPANY_WORDS
            # "from Lydford ... the Lydford Cottage Hospital": the town, not its hospital
            place = self._mostly_a_place(first.name) or words[-1] in _TOWNS_BODIES
            if (company or not place) and not self._own_body(first.name, {name: first}):
                first.aliases.add(name)
                first.name = name
                self.orgs[key] = first
                return first
        # "the NHS foundation trust" as written too, to count its mentions by
        written = {written} if written.lower() == key else set()
        cluster = Cluster(name, EntityKind.ORGANISATION, {name} | written)
        self.orgs[key] = cluster
        if not isinstance(span, str) and span.end + 2 < len(self.doc):
            after = self.doc[span.end : span.end + 3]
            if after[0].text == "(" and after[2].text == ")" and after[1].text.isupper():
                cluster.aliases.add(after[1].text)
                self.orgs[after[1].text.lower()] = cluster
        return cluster

    def _own_body(self, short: str, longer: dict[str, Cluster]) -> bool:
        """Whether a short name the article uses again and again is a body of its own beside
        the longer one it begins: "Tallyhive" is the company, "the Tallyhive Foundation"
        its charity."""
        if not any(n.split()[-1].lower() in _OFFSHOOT_WORDS for n in longer):
            return False
        alone = rf"(?<!\w){re.escape(short)}(?!\w)(?! (?:{'|'.join(_OFFSHOOT_WORDS)}))"
        return len(re.findall(alone, doc_text(self.doc), flags=re.IGNORECASE)) >= 3

    def _mostly_a_place(self, name: str) -> bool:
        """Whether NER calls `name` a place at least as often as a body: one stray "place"
        among many mentions of a company ("Lumora") does not make it a town."""
        labels = [e.label_ for e in self.entities if e.text == name]
        places = sum(label in {"GPE", "LOC"} for label in labels)
        return places > 0 and places >= sum(label in ORG_LABELS for label in labels)

    def _only_a_body(self, name: str) -> bool:
        """No known place, people or person is written `name` in the article ("Victoria" is a
        state before it is Victoria Police)."""
        if name in self.lex.regions or name in self.lex.countries:
            return False
        return not any(e.text == name and e.label_ in {"NORP", "PERSON"} for e in self.entities)

    # -- coreference ------------------------------------------------------------------------

    def add_subject(self, i: int, cluster: Cluster) -> None:
        """Record that `cluster` was a subject or a speaker at token i (pronoun antecedent)."""
        bisect.insort(self._subject_events, (i, id(cluster), cluster), key=lambda e: e[0])

    def add_speaker(self, i: int, cluster: Cluster) -> None:
        """Record that `cluster` speaks through the cue at token i (also a subject)."""
        self.add_subject(i, cluster)
        self._speaker_events.append((i, cluster))

    def speaker_not_content(self, i: int, cluster: Cluster) -> Cluster | None:
        """The speaker a pronoun subject of a speech verb at token i means when its nearest
        antecedent, `cluster`, was last a subject inside what the previous speaker said:
        in "Jo Lee said Tom Hart had called for a review. He said ...", "he" goes on
        reporting Jo Lee, not Tom Hart."""
        before = [e for e in self._speaker_events if e[0] < i]
        cues = {e[0] for e in before}
        # a cue inside another's claim ("said Tom Hart had called for ...") is reported speech
        before = [e for e in before if not any(a.i in cues for a in self.doc[e[0]].ancestors)]
        if not before or before[-1][1] is cluster:
            return None
        cue, speaker = before[-1]
        if speaker.gender not in ("-", cluster.gender) or speaker.kind is not cluster.kind:
            return None
        position = bisect.bisect_right(self.sentence_starts, cue)
        end = self.sentence_starts[position] if position < len(self.sentence_starts) else i
        if bisect.bisect_right(self.sentence_starts, i) - position > 1:
            return None  # the cue was not in the sentence just before
        mine = [e[0] for e in self._subject_events if e[2] is cluster and e[0] < i]
        return speaker if mine and cue < mine[-1] < end else None

    def reporter_of(self, cluster: Cluster, i: int) -> Cluster | None:
        """Who reported `cluster` when its last mention as a subject before token i sits in
        what someone else said ("Jo Lee said Ann Ray had the experience ..."): that someone,
        whom a description right after ("The Labour MP said") more likely means."""
        mine = [e[0] for e in self._subject_events if e[2] is cluster and e[0] < i]
        if not mine:
            return None
        for verb in self.doc[mine[-1]].ancestors:
            if verb.lemma_.lower() not in self.lex.speech_verbs:
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            other = self.person_at.get(subject.i) if subject is not None else None
            if other is None and subject is not None:
                found = self.resolve(subject)
                other = found.cluster if found is not None else None
            return other if other is not None and other is not cluster else None
        return None

    def local_council(self, times: int = 1) -> Cluster | None:
        """The council an article is about: of the bodies named "... Council" (not "Arts
        Council England"), the one named most, if one is (and at least `times` times)."""
        counts: dict[int, tuple[int, int, Cluster]] = {}
        for ent in self.entities:
            if ent.label_ not in {"ORG", "GPE"} or ent.start in self.quoted:
                continue
            words = city_words(ent)
            # "The City of Gold Coast's chief executive": a council by its formal name too
            formal = words[:2] == ["City", "of"] and len(words) > 2
            if ent.label_ != "ORG" and not formal:
                continue
            cluster = self.organisation(" ".join(words) if formal else ent)
            if cluster is not None and (formal or cluster.name.split()[-1] == "Council"):
                n, first, _ = counts.get(id(cluster), (0, ent.start, cluster))
                counts[id(cluster)] = (n + 1, first, cluster)
        # the one named most; of those named as often, the one named first (the lede's)
        ranked = sorted(counts.values(), key=lambda item: (-item[0], item[1]))
        return ranked[0][2] if ranked and ranked[0][0] >= times else None

    def add_holder(self, i: int, post: str, person: Cluster) -> None:
        """Record that `person` holds `post` (lower case), so "the <post>" can find them."""
        self._holders.append((i, post.lower(), person))

    def _recent_subject(self, i: int) -> Cluster | None:
        """The last person who was a subject or speaker in the two sentences before token i."""
        position = bisect.bisect_right(self.sentence_starts, i)
        lo = self.sentence_starts[max(0, position - 3)] if position else 0
        before = bisect.bisect_left(self._subject_events, i, key=lambda e: e[0])
        events = [e for e in self._subject_events[:before] if e[0] >= lo]
        return events[-1][2] if events else None

    def antecedent(self, i: int, gender: str) -> Cluster | None:
        """The most recent subject or speaker before token i, outside quotes, gender allowing."""
        position = bisect.bisect_left(self._subject_events, i, key=lambda e: e[0])
        for _, _, cluster in reversed(self._subject_events[:position]):
            if gender == "-" or cluster.gender in ("-", gender):
                if gender != "-" and i not in self.quoted:
                    # a pronoun in a quotation ("“If he loses,” she said") may mean anyone:
                    # it does not tell the speaker's gender
                    cluster.gender = gender
                return cluster
        return None

    def org_antecedent(
        self, i: int, kind: str | None = None, commercial: bool = False, prefer: str = ""
    ) -> Cluster | None:
        """The organisation an "it" or "the bank" at token i means: of those named before it
        outside quotes, the most often named (the article's subject), then the one named
        as a subject more often, then the latest. With `kind` ("council"), only bodies with
        that word in their name count; `commercial` ("the charity") leaves out public ones."""
        # id -> (mentions, mentions as subject, last position, cluster)
        seen: dict[int, tuple[int, int, int, Cluster]] = {}
        for ent in self.entities:
            if ent.end > i or ent.label_ != "ORG":
                continue
            cluster = self.organisation(ent)
            if cluster is None or (commercial and self._public(cluster)):
                continue
            if kind is None or _names_kind(cluster, kind):
                count, subject, _, _ = seen.get(id(cluster), (0, 0, 0, cluster))
                # a name in a quotation keeps its body in mind, but is no mention by the writer
                said = ent.start not in self.quoted
                is_subject = said and ent.root.dep_ in SUBJECT_DEPS
                seen[id(cluster)] = (count + said, subject + is_subject, ent.start, cluster)
        # Only bodies named in the last few sentences are candidates; "the trust" may look
        # further back, to the one body its kind names.
        horizon = self._horizon(i)
        recent = [item for item in seen.values() if item[2] >= horizon]
        if not recent and kind is not None and len(seen) == 1:
            recent = list(seen.values())
        before = self.doc[i].idx
        if commercial and seen:
            # "the company" of a business story is the company it is about, named again and
            # again, even when another firm was named last
            counts = {id(item[3]): self._times_named(item[3], before) for item in seen.values()}
            main = max(seen.values(), key=lambda item: counts[id(item[3])])
            # ... and named far more than any other company (an acquirer and its target
            # are both "the company" in turn)
            rivals = [counts[id(item[3])] for item in seen.values() if item[3] is not main[3]]
            if counts[id(main[3])] >= 2 and counts[id(main[3])] >= 2 * max(rivals, default=0):
                return main[3]
        # "the charity": a body that calls itself one, when the last few sentences name one
        preferred = [item for item in recent if prefer and _names_kind(item[3], prefer)]
        if prefer in _NAMED_ONCE_KINDS and not preferred:
            # "the union's branch secretary": the one union the article names, however far
            # back, not the party named last
            named = [item for item in seen.values() if _names_kind(item[3], prefer)]
            preferred = named if len(named) == 1 else []
        recent = preferred or recent
        if not recent:
            return None
        return max(recent, key=lambda item: (self._times_named(item[3], before), *item[1:3]))[3]

    def _public(self, cluster: Cluster) -> bool:
        """Whether a body is a public one or a party, which "the company" never means."""
        parties = set(self.lex.parties) | set(self.lex.parties.values())
        return _names_public_body(cluster) or cluster.name in parties

    def _times_named(self, cluster: Cluster, before: int) -> int:
        """How often the text names a body before character `before`, by its name without
        a trailing legal form or "Group", whatever NER made of each mention: in "Halden
        Group agreed to buy Marwick Holdings ... Halden said", "Halden" counts for Halden
        Group though NER took it for a place."""
        names = set()
        for name in (cluster.name, *cluster.aliases):
            words = name.split()
            while len(words) > 1 and words[-1].lower().rstrip(".") in LEGAL_FORMS | _GROUP_WORDS:
                words = words[:-1]
            names.add(name)
            names.add(" ".join(words))  # "Hallworth Foods Plc" also as "Hallworth" when so named
        pattern = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if n)
        text = doc_text(self.doc)[:before]
        # A headline capitalises every word: a name there is followed by capitals anyway.
        title = headline(text)
        title_end = title[1] if title is not None else 0
        in_title = re.findall(rf"(?<![\w-])(?:{pattern})(?!\w)", text[:title_end])
        # not as a word of a longer name: "Harwick" in "Harwick Borough Council" is the council
        return len(in_title) + len(
            re.findall(rf"(?<![\w-])(?:{pattern})(?!\w)(?!\s[A-Z])", text[title_end:])
        )

    def entity_at(self, i: int) -> Span | None:
        """The named entity that token i belongs to, if any."""
        return self._entity_at.get(i)

    def _horizon(self, i: int) -> int:
        """The first token of the sentence ANAPHOR_SENTENCES back from token i's."""
        position = bisect.bisect_right(self.sentence_starts, i)
        return self.sentence_starts[max(0, position - ANAPHOR_SENTENCES)] if position else 0

    def _group_antecedent(self, pronoun: Token) -> Resolved | None:
        """Who "they" are: the latest plural or collective subject before it, outside quotes,
        within the last few sentences ("Republicans said ... they")."""
        horizon = self._horizon(pronoun.i)
        for token in reversed(self.doc[horizon : pronoun.i]):
            if token.dep_ not in SUBJECT_DEPS or token.i in self.quoted or token.pos_ == "PRON":
                continue
            if token.head.dep_ != "ROOT":
                continue  # only subjects of main clauses, not of what someone reported
            collective = (
                token.ent_type_ == "ORG" and token.head.i != token.i and token.i > token.left_edge.i
            )
            if token.tag_ in {"NNS", "NNPS"} or token.ent_type_ == "NORP" or collective:
                found = self.resolve(token)
                if found is not None:
                    return Resolved(
                        found.entity, self.doc[pronoun.i : pronoun.i + 1], found.cluster
                    )
        return None

    def holder(self, post_words: list[str], i: int) -> Cluster | None:
        """The person holding the post named by `post_words` ("mayor"), nearest before i."""
        post = " ".join(post_words).lower()
        matches = [(j, person) for j, held, person in self._holders if _same_post(held, post)]
        if not matches:
            return None
        earlier = [m for m in matches if m[0] < i]
        return (max(earlier, key=lambda m: m[0]) if earlier else min(matches, key=lambda m: m[0]))[
            1
        ]

    @staticmethod
    def _person(cluster: Cluster, mention: Span) -> Resolved:
        return Resolved(cluster.entity(), mention, cluster)

    def resolve(self, head: Token) -> Resolved | None:
        """The entity a noun phrase headed by `head` refers to, or None when unresolvable.

        Pronouns, relative pronouns and role nouns are resolved to who they mean; names to
        their person or body; unnamed sources ("a source", "officials") become UnnamedSource
        entities named by their words.
        """
        if head.i in self.dateline:
            return None  # "NEW YORK (Reuters) -" says where, not who
        if head.pos_ == "PRON" or head.lower_ in RELATIVE_PRONOUNS | QUANTIFIER_SOURCES:
            return self._pronoun(head)
        described = next(
            (
                c
                for c in head.children
                if c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in ORG_ANAPHORS
            ),
            None,
        )
        if (
            head.ent_type_ in {"GPE", "LOC"}
            and described is not None
            and head.i > 0
            and self.doc[head.i - 1].lower_ == "the"
        ):
            # "The Cambridge, Massachusetts-based company": the parser's head is the place
            # the company is based in; the company is meant.
            return self._described(described, self.doc[head.i - 1 : described.i + 1])
        if (
            head.lower_ in self.lex.role_titles
            and head.text.istitle()
            and head.left_edge.i == head.i
            and (last := head.right_edge).i in self.person_at
            and " " in self.person_at[last.i].name
        ):
            # "Minister for Culture, Communications and Sport Fiona Costigan said": the parser
            # made the title the subject and hung the name, which ends it, inside the portfolio
            holders = {
                id(cluster): cluster
                for t in head.subtree
                if t.i != head.i and (cluster := self.person_at.get(t.i)) is not None
            }
            if len(holders) == 1:
                return self._person(next(iter(holders.values())), noun_phrase(head))
        if (
            head.lower_ in _PARTY_MEMBER_NOUNS
            and head.tag_ == "NNP"
            and self.doc[head.left_edge.i].lower_ == "the"
            # "the committee's top Republican, Sen. Jo Bloggs": the name given
            and not any(c.dep_ in {"appos", "poss"} for c in head.children)
            and head.right_edge.i == head.i
            and (cluster := self.antecedent(head.i, "-")) is not None
        ):
            # "Sen. Jo Bloggs backed the bill. The Oregon Democrat said ...": the person the
            # sentences before are about, described by party
            return self._person(cluster, noun_phrase(head))
        phrase = noun_phrase(head)
        named = next(
            (
                c
                for c in head.children
                if c.dep_ == "appos"
                and c.pos_ == "PROPN"
                and c.ent_type_ not in {"GPE", "LOC", "DATE", "NORP"}
                and all(t.text[:1].isupper() for t in noun_phrase(c) if not t.is_punct)
            ),
            None,
        )
        if named is not None and self.doc[head.left_edge.i].lower_ in {"a", "an"}:
            # "A super PAC backing Jo Bloggs, Buckeye Forward, said": the one it names
            name = noun_phrase(named)
            if (found := self._named(named, name) or self._body(name, name)) is not None:
                return found
        if (
            head.lower_ == "government"
            and self.lex.government
            and (owner := next((c for c in head.children if c.dep_ == "poss"), None))
            and self._leads_the_nation(owner)
        ):
            # "Prime Minister Jo Bloggs's Liberal government": the nation's, not Jo Bloggs
            return self._body(self.lex.government, phrase)
        return self._named(head, phrase) or self._described(head, phrase)

    def _pronoun(self, head: Token) -> Resolved | None:
        """Who a pronoun means: he/she, it, they, who/which, or a quantifier like "some"."""
        doc, lower = self.doc, head.lower_
        alone = doc[head.i : head.i + 1]
        if lower in RELATIVE_PRONOUNS and head.head.i != head.i and head.dep_ in SUBJECT_DEPS:
            if head.head.dep_ != "relcl":
                return None
            noun = head.head.head  # the noun the relative clause hangs on
            if lower == "who" and noun.i not in self.person_at:
                # "Jo Bloggs, a partner at Acme Ventures who sits on ...": "who" is a person,
                # the one the parser's noun is said of
                noun = next((t for t in noun.ancestors if t.i in self.person_at), noun)
            found = self.resolve(noun)
            return Resolved(found.entity, alone, found.cluster) if found else None
        if lower in PRONOUN_GENDER and head.tag_ in {"PRP", "PRP$"}:
            cluster = self.antecedent(head.i, PRONOUN_GENDER[lower])
            return self._person(cluster, alone) if cluster else None
        if lower in {"it", "its"} and head.tag_ in {"PRP", "PRP$"}:
            reporter = self._reporting_body(head) or self._sentence_subject_body(head)
            if reporter is not None:
                return Resolved(reporter.entity, alone, reporter.cluster)
            cluster = self.org_antecedent(head.i)
            return Resolved(cluster.entity(), alone) if cluster else None
        if lower in {"they", "them", "their"} and head.tag_ in {"PRP", "PRP$"}:
            return self._group_antecedent(head)
        if lower in QUANTIFIER_SOURCES:
            # "some note that ...", "all agreed that ...": sources the text leaves unnamed.
            return Resolved(Entity(lower, EntityKind.UNNAMED_SOURCE), noun_phrase(head))
        return None

    def _reporting_body(self, pronoun: Token) -> Resolved | None:
        """The body an "it" that opens a reported clause means: the subject of the verb that
        reports it ("BP said it would ...", "the firm reported a loss and said it ...")."""
        clause = pronoun.head
        if pronoun.dep_ not in SUBJECT_DEPS or clause.dep_ != "ccomp":
            return None
        verb = clause.head
        for _ in range(3):
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                if subject.lower_ in GROUP_PRONOUNS:
                    return None
                found = self.resolve(subject)
                kind = found.entity.kind if found else None
                return found if kind is EntityKind.ORGANISATION else None
            if verb.dep_ != "conj":
                return None
            verb = verb.head  # "BP reported a profit and said it ...": the first verb's subject
        return None

    def _sentence_subject_body(self, pronoun: Token) -> Resolved | None:
        """The body named as the subject of the sentence an "it" sits in, further on:
        "The government gave $1bn to the fund, which it says will build homes"."""
        root = pronoun.sent.root
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.i >= pronoun.i or subject.lower_ in GROUP_PRONOUNS:
            return None
        found = self.resolve(subject)
        return found if found and found.entity.kind is EntityKind.ORGANISATION else None

    def _named(self, head: Token, phrase: Span) -> Resolved | None:
        """The person or body a phrase names, in apposition, by NER or by a legal form."""
        doc = self.doc
        for child in head.children:
            # "Senate Majority Leader, Chuck Schumer": the person in apposition to a title
            # ("Orla Brennan TD": the name before the letters the parser made its head);
            # not a name after another's relative clause ("Jo Bloggs, who took over from the
            # former boss, Ann Lee, said")
            named = child
            if child.text in POST_NOMINALS and child.i - 1 in self.person_at:
                named = doc[child.i - 1]
            # "Outside Leinster House, Maeve Scanlon, ..., said": a place the parser made the
            # subject, the speaker hung on it
            placed = child.dep_ == "npadvmod" and doc[phrase.start].lower_ in _PLACE_PREPOSITIONS
            if (
                (child.dep_ == "appos" or placed)
                and named.i in self.person_at
                and not (head.i in self.person_at and any(c.dep_ == "relcl" for c in head.children))
            ):
                mention = doc[
                    child.left_edge.i if placed else phrase.start : child.right_edge.i + 1
                ]
                return self._person(self.person_at[named.i], mention)
            # "The charity Save the Children": a body named in apposition to what it is.
            if child.dep_ == "appos" and head.pos_ == "NOUN" and child.pos_ == "PROPN":
                left = child.left_edge.i
                left += doc[left].lower_ == "the"  # "its charitable arm, the Acme Foundation"
                named = doc[left : child.right_edge.i + 1]
                cluster = self.organisation(named.text) if named.text[:1].isupper() else None
                if cluster is not None:
                    return Resolved(cluster.entity(), doc[phrase.start : child.right_edge.i + 1])
        if head.pos_ == "PROPN" and head.i not in self.person_at and head.text[:1].isupper():
            for child in head.children:
                if child.dep_ == "appos" and any(
                    t.lemma_.lower() in ORG_ANAPHORS and t.pos_ == "NOUN" for t in child.subtree
                ):
                    # "Quillby, a Leeds startup that ..., said": what the name is, in apposition
                    name = doc[head.left_edge.i : head.i + 1]
                    return self._body(source_name(name), phrase)
        for token in phrase:
            # "Labour MP for Cleveford Sam Whitfield": the name the parser hung on the seat
            seat_holder = (
                token.dep_ == "pobj"
                and token.head.lower_ in {"for", "of"}
                and token.head.head.i == head.i
                and head.lower_ in self.lex.role_titles
                and token.i == max(t.i for t in phrase if not t.is_punct)
            )
            if token.i in self.person_at and (
                token.i == head.i or token.head.i == head.i or token.dep_ == "appos" or seat_holder
            ):
                if token.dep_ == "compound" and head.lemma_.lower() in BODY_NOUNS:
                    break  # "the Biden administration", "the Smith Foundation": a body
                return self._person(self.person_at[token.i], phrase)
        last_word = head.lower_.rstrip(".") if head.pos_ == "PROPN" else ""
        if last_word in LEGAL_FORMS:
            # "Acme Corp": a company by its legal form, even when NER misses it.
            return self._body(source_name(phrase), phrase)
        ent = self._entity_at.get(head.i)
        post_word = len(ent or []) == 1 and head.lower_ in self.lex.role_titles
        if ent is not None and ent.label_ in ORG_LABELS and not post_word:
            # (an NER span, or one relabelled by _as_company; not a post NER took for a body,
            # "the Highlands and Islands MSP")
            return self._body(ent, phrase)
        if last_word in PLACE_WORDS and len(phrase) > 1 and phrase[0].text[:1].isupper():
            # "Downing Street said": the office that sits there speaks.
            return self._body(source_name(phrase), phrase)
        if last_word in COMPANY_WORDS:
            # "Corvane Labs said": a company by its last word, whatever NER made of it.
            return self._body(source_name(phrase), phrase)
        return None

    def _regional_government(self, head: Token, any_mention: bool = False) -> str | None:
        """The state or provincial government named last before `head` ("the Queensland
        government"), unless the national one was named after it. With `any_mention` ("the
        state government"), the state named last, however ("Queensland's minister")."""
        if not self.lex.regions:
            return None
        before = doc_text(self.doc)[: head.idx]
        pattern = _regional_pattern(tuple(self.lex.regions), any_mention)
        regional = list(pattern.finditer(before))
        if not regional:
            return None
        last = regional[-1]
        national = [self.lex.government or "", *(f"{w} government" for w in NATIONAL_WORDS)]
        if any(before.lower().rfind(n.lower(), last.end()) >= 0 for n in national if n):
            return None
        return self.lex.regions[last.group(1)]

    def _author_after(self, head: Token) -> Resolved | None:
        """The named body or person a document or figures come from: "data from research
        firm X", "a report by the Resolution Foundation"."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"from", "by"}:
                continue
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None or pobj.pos_ != "PROPN":
                continue
            found = self._named(pobj, noun_phrase(pobj))
            if found is not None and found.entity.kind is not EntityKind.UNNAMED_SOURCE:
                return found
        return None

    def _leads_the_nation(self, name: Token) -> bool:
        """Whether the person `name` heads is titled, or known, as the nation's leader
        ("Prime Minister Jo Bloggs", "President Ann Lee")."""
        titled = self.doc[name.left_edge.i : name.i + 1].text.lower()
        if re.match(r"(?:the\s+)?(?:prime minister|president|chancellor)\b", titled):
            return True
        cluster = self.person_at.get(name.i)
        return cluster is not None and any(
            person is cluster and held in {"prime minister", "president"}
            for _, held, person in self._holders
        )

    def _city(self) -> str | None:
        """The city an article about one city means by "the city": the one it calls "the
        city of X", else its dateline's."""
        text = doc_text(self.doc)
        named = set(re.findall(r"\b[Cc]ity of ([A-Z][\w-]*(?:\s[A-Z][\w-]*)?)", text))
        if not named and (place := dateline_place(text)):
            named.add(place)
        return named.pop() if len(named) == 1 else None

    def _story_region(self) -> str | None:
        """The one devolved or state government an article names ("the Scottish Government"),
        when it never names the nation's: the government its "ministers" are."""
        if self._region_read:
            return self._region
        self._region_read = True
        text = doc_text(self.doc).lower()
        named = {
            government
            for region, government in self.lex.regions.items()
            if government.lower() in text or f"{region.lower()} government" in text
        }
        national = [self.lex.government or "", *(f"{w} government" for w in NATIONAL_WORDS)]
        # the nation's seats of government, and England, which has no government of its own
        national += ["westminster", "whitehall", "downing street", "commonwealth", "canberra"]
        national += ["ottawa", "england"]
        if len(named) == 1 and not any(n and n.lower() in text for n in national):
            self._region = named.pop()
        return self._region

    def _article_state(self, head: Token) -> str | None:
        """What "the state" or "the province" at `head` means: the state or province's
        government named last before it (regions.tsv), else the US state named most before
        it (us_states.tsv); None when none is named."""
        if (regional := self._regional_government(head, any_mention=True)) is not None:
            return regional
        if head.lower_ != "state":
            return None
        return self.us_state_before(head)

    def us_state_before(self, head: Token) -> str | None:
        """The US state (us_states.tsv) named most before `head`, if any."""
        if not self.lex.us_states:
            return None
        before = doc_text(self.doc)[: head.idx]
        pattern = states_pattern(tuple(self.lex.us_states))
        found = [self.lex.us_states[m.group(0)] for m in pattern.finditer(before)]
        return max(found, key=found.count) if found else None

    def _party_before(self, i: int) -> str | None:
        """The party (parties.tsv) named last before token i, in the last few sentences."""
        for j in range(i - 1, self._horizon(i) - 1, -1):
            if j in self.quoted:
                continue
            for n in (3, 2, 1):  # the longest name ending here: "Scottish Labour", not "Labour"
                words = self.doc[max(0, j - n + 1) : j + 1]
                if len(words) == n and words.text in self.lex.parties and words.text[:1].isupper():
                    return self.lex.parties[words.text]
        return None

    def _national_government(self, phrase: Span) -> str | None:
        """The government "the British government" or "the US government" names: the words
        before "government" all name one country that has one (country_info.tsv)."""
        named = [t.text for t in phrase if t.pos_ in {"PROPN", "ADJ"} and t.lower_ != "federal"]
        codes = {self.lex.countries.get(word) for word in named}
        if any(word in self.lex.all_regions for word in named):
            return None  # "the NSW government": the state's, whatever country it places
        if not named or len(codes) != 1 or None in codes:
            return None
        info = self.lex.country_info.get(codes.pop() or "")
        return info.government if info else None

    def _described(self, head: Token, phrase: Span) -> Resolved | None:
        """Who a description means: "the mayor", "the bank", "the government", "a source"."""
        # "the mayor", and a place's own: "Thornshire's police and crime commissioner"
        definite = any(t.lower_ in {"the", "this"} for t in phrase) or any(
            c.dep_ == "poss" and c.pos_ == "PROPN" for c in head.children
        )
        lemma = head.lemma_.lower()
        words = [t.lower_ for t in phrase if t.i <= head.i and t.pos_ in {"NOUN", "PROPN", "ADJ"}]
        post = next(
            (words[k:] for k in range(len(words)) if " ".join(words[k:]) in self.lex.role_titles),
            None,
        )
        # "“...,” the Donegal TD said": a politician the writer has just named, called by a
        # seat; by the seat's place, whoever else the article says holds one like it
        seat = post is not None and definite and post[-1] in _LEGISLATOR_POSTS
        placed = any(t.text[:1].isupper() and t.i < head.i for t in phrase if t.pos_ == "PROPN")
        if seat and placed and (person := self._recent_subject(head.i)) is not None:
            return self._person(person, phrase)
        if post is not None and definite and (person := self.holder(post, head.i)) is not None:
            return self._person(person, phrase)  # "the mayor": who holds that post here
        if seat and (person := self._recent_subject(head.i)) is not None:
            return self._person(person, phrase)
        if (
            head.pos_ == "PROPN"
            and head.text[:1].isupper()
            and any(t.lower_ in self.lex.role_titles for t in phrase if t.i < head.i)
        ):
            # "White House press secretary Karine Jean-Pierre": a titled name NER missed.
            cluster = self.adopt_person(head)
            if cluster is not None:
                return self._person(cluster, phrase)
        if lemma == "party" and definite and words == ["party"]:
            named = self._party_before(head.i)
            if named is not None:
                return self._body(named, phrase)  # "Scottish Labour abstained. The party said"
        kind = lemma if lemma in NAMED_KIND_ANAPHORS else None
        commercial = lemma in COMMERCIAL_ANAPHORS
        if (
            lemma in ORG_ANAPHORS
            and definite
            # not "the school's parent-teacher association": another body's own association
            and not any(c.dep_ == "poss" and c.pos_ == "NOUN" for c in head.children)
            and (cluster := self.org_antecedent(head.i, kind, commercial, prefer=lemma))
        ):
            return Resolved(cluster.entity(), phrase)  # "the bank": the body last named
        if head.lower_ in DOCUMENT_NOUNS | _FIGURES_NOUNS and (author := self._author_after(head)):
            return Resolved(author.entity, phrase)  # "data from research firm VentureScope"
        if head.lower_ in DOCUMENT_NOUNS:
            # "a leaked Home Office document says": its author speaks.
            authors = [self._entity_at.get(t.i) for t in phrase if t.i < head.i]
            author = next((e for e in authors if e is not None and e.label_ in ORG_LABELS), None)
            if author is not None and (found := self._body(author, phrase)):
                return found
        if (
            head.lower_ == "government"
            and definite
            and words in (["government"], ["state", "government"], ["provincial", "government"])
            and (regional := self._regional_government(head, any_mention=len(words) == 2))
        ):
            # "The NSW government will spend ... the government": the state's, named last
            return self._body(regional, phrase)
        if head.lower_ == "city" and definite and words == ["city"] and (city := self._city()):
            # "The city will put up $3.5m": the article's city, by its own name (not "West
            # Dayton" for "Dayton")
            cluster = self.orgs.get(city.lower())
            if cluster is None or cluster.name.lower() != city.lower():
                # not a longer name that ends with the city's ("Summer Works Lakemont")
                cluster = self.orgs[city.lower()] = Cluster(city, EntityKind.ORGANISATION, {city})
            return Resolved(cluster.entity(), phrase)
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        place = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if head.lower_ in {"state", "province", "commonwealth"} and place is not None:
            name = self.doc[place.left_edge.i : place.i + 1].text
            if name in self.lex.us_states or name in self.lex.all_regions:
                # "the state of Arizona said it would provide ...": the state by its name
                return self._body(self.lex.us_states.get(name, name), phrase)
        if (
            head.lower_ in {"state", "province"}
            and definite
            and words == [head.lower_]
            and head.dep_ in {"nsubj", "nsubjpass", "pobj", "dobj", "poss"}
            and not any(c.dep_ == "prep" for c in head.children)  # "the state of the roads"
            and (state := self._article_state(head))
        ):
            # "the state will put $350m into ...": the state or province the article is about
            return self._body(state, phrase)
        region = " ".join(t.text for t in phrase if t.i < head.i and t.pos_ != "DET")
        if head.lower_ == "government" and region in self.lex.regions:
            # "The Manitoba government": the province's government by its own name
            return self._body(self.lex.regions[region], phrase)
        if (
            head.lower_ == "government"
            and self.lex.government
            and set(words) <= NATIONAL_WORDS | {"government"}
        ):
            # "the government" of an article about one country is that country's government;
            # of an article about one of its nations or states only, that one's
            if not set(words) & NATIONAL_WORDS and (regional := self._story_region()):
                return self._body(regional, phrase)
            return self._body(self.lex.government, phrase)
        if head.lower_ == "government" and (national := self._national_government(phrase)):
            return self._body(national, phrase)  # "the British government", "the US government"
        if (
            head.lower_ == "ministers"
            and self.lex.government
            and not any(t.dep_ in {"det", "poss", "prep", "nummod"} for t in head.children)
            and set(words) <= NATIONAL_WORDS | {"ministers", "government", "senior"}
        ):
            # "Ministers have allocated ...": the government acts through its ministers.
            if not set(words) & NATIONAL_WORDS and (regional := self._story_region()):
                return self._body(regional, phrase)
            return self._body(self.lex.government, phrase)
        if (
            head.lower_ == "ministers"
            and len(words) == 2
            and (place := phrase[len(phrase) - 2]).text[:1].isupper()
            and (
                place.ent_type_ in {"NORP", "GPE"}
                or place.text.capitalize() in self.lex.all_regions  # also "SCOTTISH ministers"
            )
        ):
            # "Scottish ministers have announced ...": that nation's or state's government.
            return self._body(f"{place.text.capitalize()} Government", phrase)
        leader = next((t.text for t in phrase if t.i < head.i and t.text in self.led_by), None)
        if head.lower_ in {"government", "administration"} and leader is not None:
            return self._body(self.led_by[leader], phrase)  # "the Albanese government"
        if lemma in BODY_NOUNS and any(
            t.i < head.i and t.text[:1].isupper() and t.pos_ in {"PROPN", "ADJ", "NOUN"}
            for t in phrase
        ):
            # "the Australian government", "Camden council": a body named by its description.
            return self._body(source_name(phrase), phrase)
        if lemma in ORG_ANAPHORS and (named := self._introduced(phrase)) is not None:
            return self._body(named, phrase)  # "Ledgerly, a San Francisco startup, said"
        if lemma in SPOKESPEOPLE | _BODY_VOICES and (body := self._spoken_for(head)) is not None:
            # "a Home Office spokesperson", "FCA officials", "officials at the commission": the
            # body speaking through them
            return Resolved(body.entity(), phrase)
        if head.pos_ in {"NOUN", "PROPN"}:
            # An unnamed source keeps its words as written: "a source" is not "the source".
            if (earlier := self._unnamed_before(head, phrase)) is not None:
                # "people familiar with the talks said ... the people said": the same ones
                return Resolved(earlier, phrase)
            return Resolved(Entity(phrase.text.strip(" ,"), EntityKind.UNNAMED_SOURCE), phrase)
        return None

    def _unnamed_before(self, head: Token, phrase: Span) -> Entity | None:
        """The unnamed source a bare definite one ("the people", "the official") takes up:
        the nearest one before it with the same head noun and more words."""
        words = [t for t in phrase if not t.is_punct]
        if len(words) != 2 or words[0].lower_ != "the" or words[1].i != head.i:
            return None
        lemma = head.lemma_.lower()
        for token in reversed(self.doc[max(0, head.i - 400) : head.i]):
            if token.lemma_.lower() != lemma or token.pos_ != "NOUN" or token.i in self.quoted:
                continue
            earlier = noun_phrase(token)
            if len(earlier) > 2 and earlier[0].lower_ != "the":
                name = source_name(earlier)
                return Entity(name, EntityKind.UNNAMED_SOURCE)
        return None

    def _introduced(self, phrase: Span) -> str | None:
        """The name an indefinite description introduces when the parser left the name out
        of the phrase: "Ledgerly, a San Francisco startup that sells software, said ...".
        The name opens the sentence and the article uses it again as a name."""
        doc = self.doc
        if phrase[0].lower_ not in {"a", "an"} or phrase.start < 2:
            return None
        if doc[phrase.start - 1].text != ",":
            return None
        start = doc[phrase.start - 1].sent.start
        name = doc[start : phrase.start - 1]
        if not 1 <= len(name) <= 3 or any(
            not t.text[:1].isupper() or t.i in self.person_at or t.ent_type_ in {"GPE", "DATE"}
            for t in name
        ):
            return None
        pattern = rf"(?<=[a-z,;] ){re.escape(name.text)}(?!\w)"
        return name.text if re.search(pattern, doc_text(doc)) else None

    def _spoken_for(self, head: Token) -> Cluster | None:
        """The body a spokesperson speaks for: named before the noun ("a Home Office
        spokesperson") or after it ("a spokeswoman for Acme"), or described ("a department
        spokesman": the department last named). A spokesperson for a person stays unnamed."""
        named_for = prep_objects(
            head, {"for", "at", "from"} if head.lemma_ == "official" else {"for"}
        )
        for token in [*(t for t in head.lefts if t.dep_ in {"compound", "nmod"}), *named_for]:
            ent = self._entity_at.get(token.i)
            if ent is not None and ent.label_ == "ORG":
                return self.organisation(ent)
            if token.pos_ == "PROPN" and token.lemma_.lower() in BODY_NOUNS:
                return self.organisation(source_name(noun_phrase(token)))  # "Welsh Government"
            if token.i in self.person_at or token.lower_ in self.lex.role_titles:
                return None  # "a spokeswoman for the minister"
            if token.pos_ == "PROPN" and (body := self._named_by_first_word(token)) is not None:
                return body  # "a Wealdmoor spokesperson": Wealdmoor Water's
            named = next(
                (
                    self._entity_at[t.i]
                    for t in token.lefts
                    if t.i in self._entity_at and self._entity_at[t.i].label_ == "ORG"
                ),
                None,
            )
            if named is not None:
                return self.organisation(named)  # "a spokesperson for the GMB union"
            kind = token.lemma_.lower()
            if kind in ORG_ANAPHORS and not any(t.dep_ == "compound" for t in token.lefts):
                return self.org_antecedent(
                    head.i,
                    kind if kind in NAMED_KIND_ANAPHORS else None,
                    kind in COMMERCIAL_ANAPHORS,
                )
        return None

    def _named_by_first_word(self, token: Token) -> Cluster | None:
        """The one body known so far whose name opens with a capitalised word ("Wealdmoor"
        for Wealdmoor Water)."""
        if not token.text[:1].isupper():
            return None
        bodies = {
            id(c): c
            for c in self.orgs.values()
            if c.name.split()[0] == token.text and " " in c.name
        }
        return next(iter(bodies.values())) if len(bodies) == 1 else None

    def body_named(self, phrase: Span) -> Resolved | None:
        """The body a capitalised phrase names, whatever NER made of its words."""
        return self._body(source_name(phrase), phrase)

    def _body(self, name: Span | str, mention: Span) -> Resolved | None:
        cluster = self.organisation(name)
        return Resolved(cluster.entity(), mention) if cluster is not None else None


def _without_possessive(ent: Span) -> str:
    """An entity's text without a possessive ending NER took into it ("Voltaic’s")."""
    if len(ent) > 1 and ent[-1].text in {"'s", "’s", "'", "’"}:
        return ent[:-1].text
    return ent.text


def _with_repeated_bodies(entities: list[Span]) -> list[Span]:
    """NER's spans and the mentions it missed of a body it tagged elsewhere by the same
    name of two or more words ("Penrose & Vale also confirmed that its finance director")."""
    if not entities:
        return entities
    doc = entities[0].doc
    names = {
        ent[1:].text if ent[0].lower_ == "the" else ent.text
        for ent in entities
        if ent.label_ == "ORG" and len([t for t in ent if t.lower_ != "the"]) > 1
    }
    if not names:
        return entities
    tagged = {i for ent in entities for i in range(ent.start, ent.end)}
    text = doc_text(doc)
    found: list[Span] = []
    for name in sorted(names, key=len, reverse=True):
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            span = doc.char_span(match.start(), match.end())
            if span is not None and not any(i in tagged for i in range(span.start, span.end)):
                found.append(Span(doc, span.start, span.end, label="ORG"))
                tagged.update(range(span.start, span.end))
    return sorted([*entities, *found], key=lambda e: e.start) if found else entities


# Bodies named after the place they serve: "the City of Edmonton", "the State of Oregon".
_OF_PLACE_BODIES = BODY_NOUNS | {
    "city", "county", "town", "state", "province", "district", "borough", "village",
    "municipality", "region", "commonwealth", "shire",
}  # fmt: skip


def _joined_across_of(entities: list[Span]) -> list[Span]:
    """One body where NER cut its name at "of": "The City of" and "Edmonton" are the City of
    Edmonton."""
    joined: list[Span] = []
    k = 0
    while k < len(entities):
        ent = entities[k]
        nxt = entities[k + 1] if k + 1 < len(entities) else None
        if (
            nxt is not None
            and len(ent) >= 2
            and ent[-1].lower_ == "of"
            and ent[-2].lower_ in _OF_PLACE_BODIES
            and ent[-2].text[:1].isupper()
            and nxt.start == ent.end
            and nxt.label_ in {"GPE", "ORG", "LOC"}
        ):
            joined.append(Span(ent.doc, ent.start, nxt.end, label="ORG"))
            k += 2
            continue
        joined.append(ent)
        k += 1
    return joined


# Words that open a local body's name after its place: "[Ashmoor] Borough Council".
_AFTER_PLACE = {"borough", "county", "city", "district", "town", "parish", "shire", "regional"}


def _with_place_before(ent: Span) -> Span:
    """A local body's name with the place NER left out before it: "Ashmoor Borough Council",
    which NER may read as "Borough Council"."""
    doc = ent.doc
    first = ent.start + (doc[ent.start].lower_ == "the")
    if ent.label_ != "ORG" or first >= ent.end or doc[first].lower_ not in _AFTER_PLACE:
        return ent
    start = first
    while (
        start > 0
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].text[:1].isupper()
        and doc[start - 1].dep_ == "compound"
        and doc[start - 1].head.i in range(first, ent.end)
        and not doc[start - 1].ent_type_
    ):
        start -= 1
    return ent if start == first else Span(doc, start, ent.end, label="ORG")


# The lower-case nouns that end a body's name NER cut short ("... NHS foundation trust").
_TAIL_BODIES = {"trust", "committee", "subcommittee", "commission"}
_TAIL_OWNERS = PUBLIC_BODY_WORDS | {"house", "nhs", "state", "county", "city", "congress"}


def _with_body_tail(ent: Span) -> Span:
    """A body's name with the lower-case words that say what it is, which NER leaves out:
    "South Wealdon Hospitals NHS foundation trust", "the House Energy and Commerce health
    subcommittee" (the name qualifies the noun that ends the phrase)."""
    doc = ent.doc
    # the noun outside the name that the name's words (and its "the") all hang on
    heads = {t.head.i for t in ent if not ent.start <= t.head.i < ent.end}
    if (
        ent.label_ != "ORG"
        or len(heads) != 1
        or ent.root.dep_ not in {"compound", "nmod", "det"}
        # a public body's committee or trust; "the Acme audit committee" stays Acme's
        or not _TAIL_OWNERS & {t.lower_ for t in ent}
    ):
        return ent
    end = ent.end
    while end < len(doc) and doc[end].dep_ == "compound" and doc[end].text.islower():
        end += 1
    last = doc[end] if end < len(doc) else None
    if (
        last is None
        # "A Senate committee" is one of many, not a name
        or any(c.dep_ == "det" and c.lower_ not in {"the", "this"} for c in last.children)
        or not last.text.islower()
        or last.lower_ not in _TAIL_BODIES
        # the noun the name qualifies: right after it, or past the compounds before it
        or (end == ent.end and last.i not in heads)
        or not any(t.i == last.i for t in ent.root.ancestors)
    ):
        return ent
    return Span(doc, ent.start, end + 1, label="ORG")


def _with_untagged_companies(entities: list[Span]) -> list[Span]:
    """NER's spans and the companies it missed whose names end with a company word:
    "Voltaire Analytics, a Denver startup" left untagged after a headline."""
    if not entities:
        return entities
    doc = entities[0].doc
    tagged = {i for ent in entities for i in range(ent.start, ent.end)}
    found = []
    appositions = []
    for token in doc_tokens(doc):
        if token.dep_ == "appos":
            appositions.append(token)
        if (
            token.i in tagged
            or token.i == 0
            or not token.text[:1].isupper()
            or token.lower_.rstrip(".") not in COMPANY_WORDS | LEGAL_FORMS | _INSTITUTION_WORDS
        ):
            continue
        institution = token.lower_ in _INSTITUTION_WORDS
        if institution and token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper():
            continue  # "Interim Police Chief Jo Bloggs": not the end of a name
        start = token.i
        # "Northmoor Hospitals NHS Foundation Trust", "Scottish Rural GP Association": an
        # institution's name runs longer, and may open with a nationality
        longest = 5 if institution else 3
        while (
            start - 1 >= 0
            and start - 1 not in tagged
            and (
                doc[start - 1].pos_ == "PROPN"
                or (institution and doc[start - 1].ent_type_ == "NORP")
            )
            and doc[start - 1].text[:1].isupper()
            and token.i - start < longest
        ):
            start -= 1
        if start < token.i:
            found.append(Span(doc, start, token.i + 1, label="ORG"))
    taken = tagged | {i for span in found for i in range(span.start, span.end)}
    for token in doc_tokens(doc):
        # "aquaculture company Tasman Blue Seafoods will contribute": a name of two words
        # or more that a lower-case body noun introduces
        if not (token.text.islower() and token.lemma_ in ORG_ANAPHORS):
            continue
        end = token.i + 1
        while (
            end < len(doc)
            and end not in taken
            and doc[end].pos_ == "PROPN"
            and doc[end].text[:1].isupper()
            and end - token.i <= 4
        ):
            end += 1
        if end - token.i > 2 and (end == len(doc) or not doc[end].text[:1].isupper()):
            found.append(Span(doc, token.i + 1, end, label="ORG"))
            taken.update(range(token.i + 1, end))
    for apposition in appositions:
        # "Lumora Health, a San Francisco startup that ...": a name its apposition calls a
        # body, whatever words end it
        if not _body_apposition(apposition):
            continue
        token = apposition.head
        if token.i in taken or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        start = token.left_edge.i
        while start < token.i and not (
            doc[start].pos_ == "PROPN" and doc[start].text[:1].isupper() and start not in taken
        ):
            start += 1
        if all(doc[i].pos_ == "PROPN" and i not in taken for i in range(start, token.i + 1)):
            found.append(Span(doc, start, token.i + 1, label="ORG"))
    return sorted([*entities, *found], key=lambda e: e.start) if found else entities


def _body_apposition(noun: Token) -> bool:
    """Whether `noun` is an apposition after a comma that calls what it follows a kind of
    body: ", a San Francisco startup", ", the charity"."""
    doc = noun.doc
    word = noun.lemma_
    if noun.lower_ == "up" and noun.i >= 2 and doc[noun.i - 2].lower_ == "start":
        word = "start-up"  # the tokeniser splits "start-up", the parser heads it either way
    elif noun.lower_ == "start" and noun.i + 2 < len(doc) and doc[noun.i + 2].lower_ == "up":
        word = "start-up"
    return (
        noun.dep_ == "appos"
        and noun.text.islower()
        and word in ORG_ANAPHORS | _STARTUP_WORDS
        and noun.i > 0
        and doc[noun.left_edge.i].lower_ in {"a", "an", "the"}
        and doc[noun.head.i + 1].text == ","
    )


def city_words(ent: Span) -> list[str]:
    """An entity's words without a leading "the" or a trailing possessive."""
    words = [t.text for t in ent if t.tag_ != "POS" and t.text not in {"'s", "’s"}]
    return words[1:] if words and words[0].lower() == "the" else words


def _as_company(ent: Span, lex: Lexicons) -> Span:
    """An NER span, relabelled ORG when NER called a company a person: "Corvane Labs"; without
    the conjunction NER sometimes ends a body's name on ("arranged by [Barclays and] HSBC")."""
    if len(ent) > 1 and ent.label_ in ORG_LABELS and ent[-1].pos_ == "CCONJ":
        ent = Span(ent.doc, ent.start, ent.end - 1, label=ent.label_)
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if (
        ent.label_ == "PERSON"
        and after is not None
        and after.text[:1].isupper()
        and after.lower_.rstrip(".") in COMPANY_WORDS | LEGAL_FORMS
        and not after.ent_type_
    ):
        # "[Voltaire] Analytics, a Denver startup": the company word NER left out
        return Span(ent.doc, ent.start, ent.end + 1, label="ORG")
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if ent.label_ in {"GPE", "LOC"}:
        if before is not None and before.text in _FORCE_WORDS and not before.ent_type_:
            return Span(ent.doc, ent.start - 1, ent.end, label="ORG")  # "Police Scotland"
        if after is not None and after.text in _FORCE_WORDS and not after.ent_type_:
            return Span(ent.doc, ent.start, ent.end + 1, label="ORG")  # "Victoria Police"
    words = [t for t in ent if t.tag_ != "POS" and t.text not in {"’s", "'s"}]
    last = words[-1].lower_.rstrip(".") if words else ""
    if ent.label_ == "PERSON" and len(words) > 1 and last in COMPANY_WORDS | LEGAL_FORMS:
        return Span(ent.doc, ent.start, ent.end, label="ORG")
    if ent.label_ == "PERSON" and len(words) > 1 and last in _INSTITUTION_WORDS:
        return Span(ent.doc, ent.start, ent.end, label="ORG")  # "Cairns Hospital's"
    root = ent.root
    if (
        ent.label_ == "PERSON"
        and root.dep_ == "pobj"
        and root.head.lower_ == "at"
        and root.head.head.lemma_.lower() in lex.role_titles
    ):
        return Span(ent.doc, ent.start, ent.end, label="ORG")  # "a retail analyst at Peel Hunt"
    if (
        ent.label_ == "PERSON"
        and root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.lemma_.lower() in lex.role_titles
        and not any(t.text in lex.given_names for t in ent)
    ):
        return Span(ent.doc, ent.start, ent.end, label="ORG")  # "the chair of Healthwatch Hull"
    return ent


def _capitalised_name_word(token: Token) -> bool:
    """A capitalised proper noun that may be part of a name ("Morgan-Hughes" is one)."""
    if not token.text[:1].isupper():
        return False
    return (token.pos_ == "PROPN" and token.text.isalpha()) or "-" in token.text


@lru_cache(maxsize=4)
def _lower_names(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(name.lower() for name in names)


@lru_cache(maxsize=4)
def _title_last_words(titles: frozenset[str]) -> frozenset[str]:
    return frozenset(title.split()[-1] for title in titles)


@lru_cache(maxsize=16)
def _regional_pattern(regions: tuple[str, ...], any_mention: bool) -> re.Pattern[str]:
    """ "the NSW government", "Queensland's government", "Queensland Premier Jo Bloggs" (a
    premier heads a state's or province's government): a region named with its government
    (or, with `any_mention`, named at all)."""
    names = "|".join(re.escape(r) for r in sorted(regions, key=len, reverse=True))
    government = "" if any_mention else r"(?:'s)? (?:[Gg]overnment|Premier)\b"
    return re.compile(rf"(?<!\w)({names})(?!\w){government}")


def _called_it(name: Token) -> bool:
    """Whether the subject `name` is taken up by "it" or "its" in the clause its verb
    governs, before any gendered pronoun: "Westpac said it would ...", "Kova reported that
    its profit rose"."""
    if name.dep_ != "nsubj":
        return False
    for token in name.head.subtree:
        if token.i <= name.i:
            continue
        if token.lower_ in PRONOUN_GENDER:
            return False
        if token.lower_ in {"it", "its"} and token.dep_ in {"nsubj", "nsubjpass", "poss"}:
            return token.head.i != name.head.i  # "X said it": not "it" beside X's own verb
    return False


def _names_word(token: Token) -> bool:
    """Whether a token could be a word of a name: a capitalised word NER calls no other thing."""
    return token.text[:1].isupper() and token.is_alpha and token.ent_type_ in {"", "PERSON"}


def _listed_names(entities: list[Span]) -> list[Span]:
    """Bodies whose names list their remits, which NER cuts at the commas: "the Department
    for Culture, Media and Sport" is one body, not three."""
    merged: list[Span] = []
    skip_to = -1
    for ent in entities:
        if ent.start < skip_to:
            continue
        if ent.label_ == "ORG" and any(t.lower_ in {"for", "of"} for t in ent[1:]):
            end = _remits_end(ent)
            if end > ent.end:
                ent = Span(ent.doc, ent.start, end, label="ORG")
                skip_to = end
        elif ent.label_ == "ORG" and (start := _paired_start(ent)) < ent.start:
            # "the [Engineering and] Physical Sciences Research Council": NER dropped the
            # first of the two remits the name pairs, or took it for a body of its own
            if merged and merged[-1].start == start:
                merged.pop()
            ent = Span(ent.doc, start, ent.end, label="ORG")
        elif (place := _place_served(ent, entities)) is not None:
            # "Transport for NSW": a one-word body NER cut before the place it serves
            ent = Span(ent.doc, ent.start, place.end, label="ORG")
            skip_to = place.end
        merged.append(ent)
    return merged


@lru_cache(maxsize=4)
def states_pattern(written: tuple[str, ...]) -> re.Pattern[str]:
    """Every way us_states.tsv writes a state, as one pattern of whole words, longest first."""
    names = "|".join(re.escape(w) for w in sorted(written, key=len, reverse=True))
    return re.compile(rf"(?<![\w.-])(?:{names})(?!\w)")


_DEPARTMENT = re.compile(
    r"(?:(?:the\s+)?(?:U\.S\.|US|United States)\s+)?"
    r"(?:Department\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w ]*?)|(?P<before>[A-Z][\w ]*?)\s+Department)"
)


@lru_cache(maxsize=4096)
def _department_key(name: str) -> str | None:
    """A department's name in either order, "Energy Department" or "Department of Energy",
    as one key (its remit, lower case); None for other names."""
    match = _DEPARTMENT.fullmatch(name)
    if match is None:
        return None
    remit = (match.group("of") or match.group("before") or "").lower()
    return remit or None


def _paired_start(ent: Span) -> int:
    """Where a body's name starts when NER left out "Word and" before it: "Arts and" in
    "Arts and Humanities Research Council"; ent.start when nothing was left out."""
    doc = ent.doc
    k = ent.start
    if k < 2 or doc[k - 1].lower_ != "and":
        return ent.start
    word = doc[k - 2]
    opener = doc[k - 3] if k >= 3 else None
    # a remit NER called a one-word body ("Engineering"), only before a name long enough
    # to be one body's ("the Labour and Conservative parties" are two)
    own_body = (
        word.ent_type_ == "ORG"
        and word.ent_iob_ == "B"
        and doc[k - 1].ent_iob_ != "I"
        and len(ent) >= 3
    )
    if (
        word.text[:1].isupper()
        and word.is_alpha
        and (not word.ent_type_ or own_body)
        and (opener is None or not opener.text[:1].isupper() or opener.is_sent_start)
        and ent[-1].lemma_.lower() in BODY_NOUNS
    ):
        return k - 2
    return ent.start


def _place_served(ent: Span, entities: list[Span]) -> Span | None:
    """The place right after a one-word body and "for" ("Transport | for | NSW")."""
    doc = ent.doc
    if ent.label_ != "ORG" or len(ent) != 1 or ent.end + 1 >= len(doc):
        return None
    if doc[ent.end].text != "for":
        return None
    place = next((e for e in entities if e.start == ent.end + 1), None)
    if place is None:
        return None
    acronym = place.label_ == "ORG" and len(place) == 1 and place.text.isupper()
    return place if place.label_ == "GPE" or acronym else None


def _remits_end(ent: Span) -> int:
    """Where a list of capitalised one-word remits after `ent` ends (", Media and Sport"),
    or ent.end when none follows."""
    doc, i = ent.doc, ent.end
    listed = False
    while i + 1 < len(doc) and doc[i].text == "," and _remit(doc, i + 1):
        i += 2
        listed = True
    if i < len(doc) and doc[i].text == ",":
        i += 1  # the serial comma: ", Media, and Sport"
    if listed and i + 1 < len(doc) and doc[i].lower_ == "and" and _remit(doc, i + 1):
        return i + 2
    return ent.end  # "the Ministry of Defence and Treasury": two bodies, or a list unproven


def _remit(doc: Doc, i: int) -> bool:
    """A one-word capitalised remit, not the first word of another body's name ("the
    Ministry of Defence, Treasury and Home Office" lists three bodies)."""
    token = doc[i]
    following = doc[i + 1] if i + 1 < len(doc) else None
    return (
        token.text[:1].isupper()
        and token.is_alpha
        and token.pos_ in {"PROPN", "NOUN"}
        and (following is None or not following.text[:1].isupper())
    )


def _datelines(doc: Doc) -> set[int]:
    """Tokens of the datelines that open paragraphs: "NEW YORK (Reuters) - ", "WASHINGTON — "."""
    found: set[int] = set()
    for start, end in dateline_spans(doc_text(doc)):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            found.update(range(span.start, span.end))
    return found


def _same_post(held: str, named: str) -> bool:
    """Whether "the <named>" can mean the holder of <held>: "the mayor" is the London mayor and
    the Chancellor of the Exchequer, but not the shadow chancellor or the former mayor."""
    if held == named:
        return True
    if named == "minister" and _minister_post(held):
        return True  # "the Cabinet Secretary for Health ... the minister added"
    longer, shorter = (held, named) if len(held) > len(named) else (named, held)
    if longer.startswith(shorter + " of "):
        return True  # "chancellor of the exchequer"
    if not longer.endswith(" " + shorter):
        return False
    return longer.removesuffix(" " + shorter).split()[-1] not in OTHER_POST_MODIFIERS


def _minister_post(post: str) -> bool:
    """Whether a post is a government minister's: "... minister", "... secretary" of a
    government portfolio ("cabinet secretary", "health secretary"), not a party's or a
    union's ("general secretary", "shadow health secretary")."""
    words = post.split()
    if not words or words[0] in OTHER_POST_MODIFIERS:
        return False
    if words[-1] == "minister":
        return True
    return words[-1] == "secretary" and len(words) > 1 and words[-2] not in _NOT_MINISTERS


# "General secretary", "press secretary": secretaries who are no ministers.
_NOT_MINISTERS = {"general", "permanent", "press", "branch", "private", "company"}


def _formal_name(name: str) -> bool:
    """Whether a name ends as a body's formal name does: "... Plc", "... Labs", "... Council"."""
    last = name.split()[-1].lower().rstrip(".")
    return last in LEGAL_FORMS | COMPANY_WORDS | BODY_NOUNS


def _names_public_body(cluster: Cluster) -> bool:
    entity = cluster.entity()
    return any(
        not PUBLIC_BODY_WORDS.isdisjoint(name.lower().split())
        for name in (entity.name, *entity.aliases)
    )


def _names_kind(cluster: Cluster, kind: str) -> bool:
    entity = cluster.entity()
    kinds = _KIND_SYNONYMS.get(kind, {kind})
    return any(kinds & set(name.lower().split()) for name in (entity.name, *entity.aliases))


# A US party's member described by party: "the Oregon Democrat said".
_PARTY_MEMBER_NOUNS = {"democrat", "republican"}
# Kinds of body "the <kind>" means the one of, named anywhere before.
_NAMED_ONCE_KINDS = {"union"}
# A government department is "the department" whatever its name calls it: "the Ministry of
# Housing ... the department has awarded"; a council is "the authority" ("Kirkfield Council
# ... the Labour-run authority").
_KIND_SYNONYMS = {
    "department": {"department", "ministry"},
    "ministry": {"ministry", "department"},
    "authority": {"authority", "council"},
    "panel": {"panel", "committee", "commission"},  # "the panel's ranking member"
}


def name_text(tokens: list[Token]) -> str:
    """A name's words, with the text's own joins kept ("Jean-Pierre", not "Jean - Pierre")."""
    parts = []
    for token, following in zip(tokens, [*tokens[1:], None], strict=True):
        parts.append(token.text)
        if following is not None and following.idx > token.idx + len(token.text):
            parts.append(" ")  # a space, or a dropped mark: Nikolaus "Klaus" Barbie
    return "".join(parts)


def prep_objects(head: Token, words: set[str]) -> list[Token]:
    """The objects of `head`'s prepositions spelled one of `words`: "a spokeswoman [for]
    Acme", "put $20m [from] its general fund"."""
    return [
        pobj
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in words
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def noun_phrase(head: Token) -> Span:
    """The noun phrase headed by `head`, without relative clauses and trailing appositions."""
    doc = head.doc
    left = head.left_edge.i
    right = head.i
    for child in head.rights:
        if child.dep_ in {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"}:
            break
        right = child.right_edge.i
    # "a person familiar with the matter who asked not to be named": no relative clause
    # deeper in the phrase either
    clauses = [t.left_edge.i for t in doc[head.i + 1 : right + 1] if t.dep_ == "relcl"]
    if clauses and min(clauses) > head.i:
        right = min(clauses) - 1
    while right > head.i and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    while left < head.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    return doc[left : right + 1]


def source_name(phrase: Span) -> str:
    """A readable name for an unnamed source: its words without a leading determiner."""
    tokens = list(phrase)
    while tokens and tokens[0].pos_ in {"DET", "PUNCT", "SPACE"}:
        tokens = tokens[1:]
    return phrase.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else phrase.text


def _without_legal_form(words: list[str]) -> list[str]:
    """An organisation's words without a trailing legal form ("corp", "inc.", "plc") or
    "Group" / "Holdings" ("Halden Group" ... "Halden said")."""
    while len(words) > 1 and words[-1].rstrip(".,") in LEGAL_FORMS | _GROUP_WORDS:
        words = words[:-1]
    return [w.rstrip(",") for w in words]


def normalise_org(name: str) -> str:
    """Capitalise an organisation written half in lower case ("Greater Manchester police");
    drop a bracket NER opened and did not close ("Royal Society (RS")."""
    if "(" in name and ")" not in name[name.index("(") :]:
        name = name[: name.index("(")]
    words = name.split()
    # "Existing investor Renwald AG": what the body is, written before its name
    # ... and "the state Office of Public Safety": a joiner inside the name keeps it one
    lower = [
        k for k, w in enumerate(words[:-1]) if w.islower() and w.isalpha() and w not in _JOINERS
    ]
    if (
        lower
        and words[lower[-1] + 1][:1].isupper()
        and all(w[:1].isupper() or w in _JOINERS for w in words[lower[-1] + 1 :])
    ):
        words = words[lower[-1] + 1 :]
    if len(words) > 1 and words[0][:1].isupper() and any(w.islower() for w in words[1:]):
        small = {"of", "and", "for", "the", "on", "in", "to", "at"}
        words = [w if w in small else w[:1].upper() + w[1:] for w in words]
    return " ".join(words)


# Meetings NER takes for bodies: "will step down at the AGM" names no organisation.
_MEETINGS = {"AGM", "EGM", "the AGM", "the EGM"}

# Words that make a place or body another one when put before its name: "West Dayton",
# "Western Australian Government".
_COMPASS_WORDS = {
    "west", "western", "east", "eastern", "north", "northern", "south", "southern",
    "central", "upper", "lower", "greater", "new",
}  # fmt: skip

_ACRONYM_SKIPPED = {"of", "the", "for", "and", "&", "on", "in"}


def _initials(name: str) -> str | None:
    """The acronym a body's full name makes ("Environmental Protection Agency" → "EPA"),
    None when it is not a name of three or more capitalised words."""
    words = [w for w in name.split() if w.lower() not in _ACRONYM_SKIPPED]
    if len(words) < 3 or not all(w[:1].isupper() and w[1:].islower() for w in words):
        return None
    return "".join(w[0] for w in words)
