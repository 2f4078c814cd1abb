"""The lexicons the extractors read: data files, extensible without touching code.

Built-in files live in `kg/lexicons/`. A user adds entries by putting files of the same
names in a directory named by ``--lexicon DIR`` or the ``KG_LEXICON_PATH`` environment
variable (several directories separated by ``os.pathsep``); their lines extend the built-ins.
Lines are tab-separated; ``#`` starts a comment.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.nlp import dateline_place

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "lexicons"


class LexiconError(ValueError):
    """A lexicon file is malformed."""


def _rows(name: str, directories: tuple[Path, ...], columns: int) -> Iterator[list[str]]:
    """Yield the rows of every file called `name`, built-in first, padded to `columns`."""
    for directory in (BUILTIN_DIR, *directories):
        path = directory / name
        if not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            text = line.split("#", 1)[0].rstrip() if not line.startswith("#") else ""
            if not text.strip():
                continue
            cells = [cell.strip() for cell in text.split("\t")]
            if len(cells) > columns:
                raise LexiconError(
                    f"{path}:{number}: expected at most {columns} tab-separated columns"
                )
            yield cells + [""] * (columns - len(cells))


# A reading that holds in articles about one country, or everywhere (country "").
Localised = tuple[tuple[str, str], ...]  # ((value, country), ...)


@dataclass(frozen=True)
class CountryInfo:
    """What an article's country settles: the bare dollar and the national government."""

    dollar: str
    government: str


@dataclass(frozen=True)
class Lexicons:
    """Every word list the extractors use, lower-cased where matching ignores case.

    `posts` and `parties` hold the reading for one country once `localised` has chosen it;
    `all_posts` and `all_parties` keep every country's reading.
    """

    honorifics: dict[str, str] = field(default_factory=dict)
    honorific_posts: dict[str, str] = field(default_factory=dict)
    role_titles: frozenset[str] = frozenset()
    posts: dict[str, str] = field(default_factory=dict)
    parties: dict[str, str] = field(default_factory=dict)
    speech_verbs: dict[str, str] = field(default_factory=dict)
    speech_nouns: frozenset[str] = frozenset()
    currencies: dict[str, str] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    country_info: dict[str, CountryInfo] = field(default_factory=dict)
    funding: dict[str, frozenset[str]] = field(default_factory=dict)
    party_posts: frozenset[str] = frozenset()
    national_posts: frozenset[str] = frozenset()
    first_names: dict[str, str] = field(default_factory=dict)
    given_names: frozenset[str] = frozenset()
    us_states: dict[str, str] = field(default_factory=dict)
    chambers: dict[str, str] = field(default_factory=dict)
    regions: dict[str, str] = field(default_factory=dict)
    role_verbs: dict[str, str] = field(default_factory=dict)
    all_posts: dict[str, Localised] = field(default_factory=dict)
    all_parties: dict[str, Localised] = field(default_factory=dict)
    all_chambers: dict[str, Localised] = field(default_factory=dict)
    all_regions: dict[str, Localised] = field(default_factory=dict)
    country: str | None = None
    max_title_words: int = 1  # the longest role title, in words

    @property
    def government(self) -> str | None:
        """The national government of the article's country, if the country is known."""
        info = self.country_info.get(self.country or "")
        return info.government if info else None

    @property
    def dollar(self) -> str:
        """What a bare "$" means in this article: its country's dollar, else USD."""
        info = self.country_info.get(self.country or "")
        return info.dollar if info and info.dollar else "USD"

    def localised(self, country: str | None) -> Lexicons:
        """These lexicons as they read in an article about `country` (None: unknown)."""
        government = self.country_info[country].government if country in self.country_info else None

        def pick(readings: Localised) -> str | None:
            chosen = [v for v, c in readings if c == country] or [v for v, c in readings if not c]
            if not chosen and country is None:
                chosen = [v for v, _ in readings]  # unknown country: any reading beats none
            value = chosen[0] if chosen else None
            if value and "{government}" in value:
                value = value.replace("{government}", government) if government else None
            return value

        posts = {post: org for post, readings in self.all_posts.items() if (org := pick(readings))}
        parties = {w: p for w, readings in self.all_parties.items() if (p := pick(readings))}
        chambers = {  # only in an article about the chamber's own country
            short: full
            for short, readings in self.all_chambers.items()
            for full, where in readings
            if where == country
        }
        regions = {  # "Victorian" is a state only in an article about Australia
            written: government
            for written, readings in self.all_regions.items()
            for government, where in readings
            if where == country
        }
        return dataclasses.replace(
            self, posts=posts, parties=parties, chambers=chambers, regions=regions, country=country
        )

    @property
    def country_words(self) -> re.Pattern[str]:
        """The words of countries.tsv, as one pattern of whole words."""
        return _country_pattern(tuple(self.countries))

    def article_country(self, text: str) -> str | None:
        """The country an article names most often (countries.tsv), or None if it names none."""
        counts: dict[str, int] = {}
        for match in _country_pattern(tuple(self.countries)).finditer(text):
            code = self.countries[match.group(0)]
            counts[code] = counts.get(code, 0) + 1
        place = dateline_place(text)
        if place is not None and place in self.countries:
            # "WELLINGTON — ...": the dateline's capitals hide the place from the match above
            code = self.countries[place]
            counts[code] = counts.get(code, 0) + 1
        marked = {_MARKED_DOLLARS[m.group(1)] for m in _MARKED_DOLLAR.finditer(text)}
        if _BARE_DOLLAR.search(text) and any(code not in marked for code in counts):
            # "sell its campus for NZ$62m" beside bare "$180m": the writer marks the other
            # country's dollar, so the article is not about the country it marks
            counts = {code: n for code, n in counts.items() if code not in marked}
        if not counts:
            # "The government will put NZ$30 million into ..." and no place we know: the one
            # country whose dollar the writer marks
            return marked.pop() if len(marked) == 1 else None
        best = max(counts.values())
        leaders = sorted(code for code, n in counts.items() if n == best)
        return leaders[0] if len(leaders) == 1 else None


# Dollars written with their country: "NZ$62m", "A$35m", "C$1.2bn", "US$10bn".
_MARKED_DOLLARS = {"NZ": "NZ", "A": "AU", "AU": "AU", "C": "CA", "CA": "CA", "HK": "HK", "S": "SG",
                   "US": "US"}  # fmt: skip
_MARKED_DOLLAR = re.compile(r"(?<![A-Za-z])(NZ|AU|A|CA|C|HK|S|US)\$")
_BARE_DOLLAR = re.compile(r"(?<![A-Za-z$])\$\s?\d")


@lru_cache(maxsize=8)
def _country_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One regular expression for every country word, longest first, whole words only."""
    # a word ends where a word character would go on; a sign ("£") is followed by its sum
    alternatives = "|".join(
        re.escape(w) + (r"(?!\w)" if w[-1:].isalnum() or w[-1:] == "." else "")
        for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w.])(?:{alternatives})")


def lexicon_dirs(extra: tuple[str, ...] = ()) -> tuple[Path, ...]:
    """User lexicon directories: `extra` first, then those in ``$KG_LEXICON_PATH``."""
    env = os.environ.get("KG_LEXICON_PATH", "")
    paths = [*extra, *(p for p in env.split(os.pathsep) if p)]
    return tuple(Path(p) for p in paths)


@lru_cache(maxsize=4)
def load_lexicons(directories: tuple[Path, ...] = ()) -> Lexicons:
    """Read the built-in lexicons extended by the files in `directories`."""
    funding: dict[str, set[str]] = {}
    for kind, lemma in _rows("funding.tsv", directories, 2):
        funding.setdefault(kind, set()).add(lemma.lower())
    honorifics = list(_rows("honorifics.txt", directories, 3))
    posts: dict[str, Localised] = {}
    for post, org, country in _rows("posts.tsv", directories, 3):
        if org:
            posts[post.lower()] = (*posts.get(post.lower(), ()), (org, country.upper()))
    parties: dict[str, Localised] = {}
    for word, party, country in _rows("parties.tsv", directories, 3):
        if party:
            parties[word] = (*parties.get(word, ()), (party, country.upper()))
    role_titles = frozenset(t.lower() for (t,) in _rows("role_titles.txt", directories, 1))
    chambers: dict[str, Localised] = {}
    for short, full, country in _rows("chambers.tsv", directories, 3):
        if full:
            chambers[short] = (*chambers.get(short, ()), (full, country.upper()))
    regions: dict[str, Localised] = {}
    for written, government, country in _rows("regions.tsv", directories, 3):
        if government:
            regions[written] = (*regions.get(written, ()), (government, country.upper()))
    lexicons = Lexicons(
        honorifics={w.lower(): g or "-" for w, g, _ in honorifics},
        honorific_posts={w.lower(): post.lower() for w, _, post in honorifics if post},
        role_titles=role_titles,
        max_title_words=max((len(title.split()) for title in role_titles), default=1),
        all_posts=posts,
        national_posts=frozenset(
            post
            for post, readings in posts.items()
            if any("{government}" in v for v, _ in readings)
        ),
        all_parties=parties,
        all_chambers=chambers,
        all_regions=regions,
        speech_verbs={
            v.lower(): f or "clause"
            for v, f in _rows("speech_verbs.tsv", directories, 2)
            if f != "noun"
        },
        speech_nouns=frozenset(
            v.lower() for v, f in _rows("speech_verbs.tsv", directories, 2) if f == "noun"
        ),
        currencies={s: code for s, code in _rows("currencies.tsv", directories, 2) if code},
        countries={w: code.upper() for w, code in _rows("countries.tsv", directories, 2) if code},
        country_info={
            code.upper(): CountryInfo(dollar.upper(), government)
            for code, dollar, government in _rows("country_info.tsv", directories, 3)
        },
        funding={kind: frozenset(words) for kind, words in funding.items()},
        party_posts=frozenset(p.lower() for (p,) in _rows("party_posts.txt", directories, 1)),
        role_verbs={v.lower(): r for v, r in _rows("role_verbs.tsv", directories, 2) if r},
        first_names={n: g for n, g in _rows("first_names.tsv", directories, 2) if g in {"m", "f"}},
        given_names=frozenset(
            [n for (n,) in _rows("given_names.txt", directories, 1)]
            + [n for n, _ in _rows("first_names.tsv", directories, 2)]
        ),
        us_states={w: state for w, state in _rows("us_states.tsv", directories, 2) if state},
    )
    return lexicons.localised(None)
