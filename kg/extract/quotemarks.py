"""Finding quotations in raw text, the way news actually writes them.

Marks are paired within a paragraph; curly and straight marks mix freely. A quotation
left open at the end of a paragraph continues when the next paragraph opens with a
mark (the convention for multi-paragraph quotes) and otherwise ends with its paragraph.
A stray closing mark is ignored rather than fatal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DOUBLE = frozenset('"“”„«»')
_SINGLE = frozenset("'‘’‚‹›")
_OPEN_CHARS = frozenset("\"“„«'‘‚‹")
# Curly and straight marks mix in real copy ("“It's fine," he said), so any double mark
# that can close closes any double opener; “ and ‘ close only the German „ and ‚.
_CLOSE_ANY = frozenset("\"”»'’›")
_CLOSE_LOW_NINE = frozenset("“‘")
_STRAIGHT = frozenset("\"'")
_FILLER = "\u200b"
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\s*[\"“„«‘'])")


@dataclass(frozen=True)
class Quotation:
    """The words between a pair of quotation marks (marks excluded), possibly over paragraphs.

    `pieces` are the (start, end) offsets of the quoted text in each paragraph; `start` and
    `end` cover them all. `closed` says whether a closing mark was found.
    """

    pieces: tuple[tuple[int, int], ...]
    closed: bool
    single: bool

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    def text(self, source: str) -> str:
        """The quoted words with paragraph breaks joined by one space."""
        return " ".join(source[a:b].strip() for a, b in self.pieces if source[a:b].strip())


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph; a line that opens with a quote mark starts one."""
    spans, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _around(text: str, i: int) -> tuple[str, str]:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before, after


def _can_open(text: str, i: int) -> bool:
    before, after = _around(text, i)
    return (before.isspace() or before in "([{—–-:;,/") and not after.isspace()


def _can_close(text: str, i: int) -> bool:
    before, after = _around(text, i)
    return not before.isspace() and not after.isalnum()


def _is_apostrophe(text: str, i: int) -> bool:
    """A single mark between letters or digits ("it’s", "’90s" aside) is an apostrophe."""
    before, after = _around(text, i)
    return before.isalnum() and after.isalnum()


def _opens(text: str, i: int) -> bool:
    ch = text[i]
    return ch in _OPEN_CHARS and (ch not in _STRAIGHT or _can_open(text, i))


def _closes(opener: str, text: str, i: int) -> bool:
    """Whether the mark at text[i] closes a quotation opened by `opener`."""
    ch = text[i]
    if (ch in _DOUBLE) != (opener in _DOUBLE):
        return False
    if ch in _CLOSE_LOW_NINE:
        return opener in "„‚"
    return ch in _CLOSE_ANY and (ch not in _STRAIGHT or _can_close(text, i))


def _after(text: str, mark: int) -> int:
    """Where the quoted words start after the opening mark at `mark` (and its filler)."""
    return mark + 2 if mark + 1 < len(text) and text[mark + 1] == _FILLER else mark + 1


def _mark_offsets(text: str, start: int, end: int) -> list[int]:
    return [
        i
        for i in range(start, end)
        if text[i] in _DOUBLE or (text[i] in _SINGLE and not _is_apostrophe(text, i))
    ]


def find_quotations(text: str) -> list[Quotation]:
    """All quotations in `text`, in order, outermost only.

    Inside an open quotation, marks of the other kind are nested quotes and part of it.
    """
    # Two apostrophes are one double mark in some archives (''Yes,'' he said); so are two
    # backticks. Read them as one mark followed by a filler, which keeps every offset.
    text = text.replace("''", '"' + _FILLER).replace("``", "“" + _FILLER)
    found: list[Quotation] = []
    pending: list[tuple[int, int]] = []  # pieces of a quotation left open at a paragraph end
    pending_single = False
    for p_start, p_end in paragraphs(text):
        marks = _mark_offsets(text, p_start, p_end)
        continues = bool(marks) and _opens(text, marks[0]) and not text[p_start : marks[0]].strip()
        if pending and not continues:
            found.append(Quotation(tuple(pending), closed=False, single=pending_single))
            pending = []
        opened: int | None = None
        for offset in marks:
            if opened is None:
                # A closing mark that opens a paragraph before a word is an opening one
                # typeset the wrong way round: ”We will win.” ― Jane Roe
                reversed_opener = (
                    text[offset] == "”"
                    and not text[p_start:offset].strip()
                    and text[offset + 1 : offset + 2].isalnum()
                )
                if _opens(text, offset) or reversed_opener:
                    opened = offset
            elif _closes(text[opened], text, offset):
                single = text[opened] in _SINGLE
                found.append(
                    Quotation(
                        (*pending, (_after(text, opened), offset)), closed=True, single=single
                    )
                )
                pending, opened = [], None
        if opened is not None:
            piece_end = p_end
            while piece_end > opened + 1 and text[piece_end - 1].isspace():
                piece_end -= 1
            pending.append((_after(text, opened), piece_end))
            pending_single = text[opened] in _SINGLE
    if pending:
        found.append(Quotation(tuple(pending), closed=False, single=pending_single))
    return [q for q in found if text[q.start : q.end].strip()]
