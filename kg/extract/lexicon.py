"""The lexicons the extractors read: data files, extensible without touching code.

Built-in files live in `kg/lexicons/`. A user adds entries by putting files of the same
names in a directory named by ``--lexicon DIR`` or the ``KG_LEXICON_PATH`` environment
variable (several directories separated by ``os.pathsep``); their lines extend the built-ins.
Lines are tab-separated; ``#`` starts a comment.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

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


@dataclass(frozen=True)
class Lexicons:
    """Every word list the extractors use, lower-cased where matching ignores case."""

    honorifics: dict[str, str] = field(default_factory=dict)
    role_titles: frozenset[str] = frozenset()
    posts: dict[str, str] = field(default_factory=dict)
    parties: dict[str, str] = field(default_factory=dict)
    speech_verbs: dict[str, str] = field(default_factory=dict)
    currencies: dict[str, str] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    funding: dict[str, frozenset[str]] = field(default_factory=dict)
    party_posts: frozenset[str] = frozenset()
    role_verbs: dict[str, str] = field(default_factory=dict)

    @property
    def max_title_words(self) -> int:
        return max((len(title.split()) for title in self.role_titles), default=1)


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
    return Lexicons(
        honorifics={w.lower(): g or "-" for w, g in _rows("honorifics.txt", directories, 2)},
        role_titles=frozenset(t.lower() for (t,) in _rows("role_titles.txt", directories, 1)),
        posts={p.lower(): org for p, org in _rows("posts.tsv", directories, 2) if org},
        parties={w: party for w, party in _rows("parties.tsv", directories, 2) if party},
        speech_verbs={
            v.lower(): f or "clause" for v, f in _rows("speech_verbs.tsv", directories, 2)
        },
        currencies={s: code for s, code in _rows("currencies.tsv", directories, 2) if code},
        countries={w: code for w, code in _rows("countries.tsv", directories, 2) if code},
        funding={kind: frozenset(words) for kind, words in funding.items()},
        party_posts=frozenset(p.lower() for (p,) in _rows("party_posts.txt", directories, 1)),
        role_verbs={v.lower(): r for v, r in _rows("role_verbs.tsv", directories, 2) if r},
    )
