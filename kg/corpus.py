"""Reading articles: text, HTML and JSONL files, directories and globs -> a stream of `Article`s.

A `.txt` file is one article whose id is the file stem. An `.html`/`.htm` file is one article
too: its main text is extracted with trafilatura (menus, scripts and footers left out) and its
title and date kept. A `.jsonl` (or `.jsonl.gz`) file holds one article per line:
{"id": ..., "text": ..., "title"?, "url"?, "published"?}. A directory is read recursively, its
article files in sorted path order (hidden files skipped); a path that does not exist but holds
`*`, `?` or `[` is a glob.

Text files are decoded as UTF-8, else by their byte-order mark (UTF-16/32), else as
Windows-1252 (Latin-1 when that fails), and a note says so. Text is otherwise kept exactly as
written, so that offsets in facts index into the same text as any external annotation of it.

Real archives are dirty: a bad article (empty, binary, broken JSON, a duplicate id) is
reported through a callback as a `Problem` with its file (and line) and skipped, and the rest
of the corpus streams on. Without a callback the first problem raises InputError.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.facts import Article

__all__ = ["InputError", "Problem", "count_articles", "read_articles"]

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
_OPTIONAL_KEYS = ("title", "url", "published")
_GLOB_CHARS = frozenset("*?[")

# File signatures of formats that get renamed .txt: a PDF must not be parsed as prose.
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (e.g. .docx, .epub)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip file"),
    (b"\x7fELF", "an executable"),
)
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8-sig", None),
    (b"\xff\xfe", "utf-16", "UTF-16"),
    (b"\xfe\xff", "utf-16", "UTF-16"),
)
# Text with more control characters than this (tab, line breaks and form feed aside) is binary.
_MAX_CONTROL_SHARE = 0.02
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input: `where` is "file" or "file:line".

    `skipped` problems lost an article (or a whole file); the others are notes about how an
    article was read (e.g. "decoded as Windows-1252").
    """

    where: str
    reason: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


Report = Callable[[Problem], None]


class _NotAnArticle(Exception):
    """One input that cannot become an article; the message is the reason."""


def read_articles(
    paths: Iterable[str], report: Report | None = None, exclude: Iterable[Path] = ()
) -> Iterator[Article]:
    """Yield the articles in `paths` (files, directories or globs), in the order given.

    Each bad input (missing or unreadable path, unsupported or binary file, empty article,
    bad JSONL line, an id already used) goes to `report` as a Problem and is skipped; with no
    `report`, the first one raises InputError. Directories under `exclude` (the output
    directory) are not read. Raises InputError when no article is found at all.
    """
    paths = list(paths)

    def problem(where: object, reason: str, skipped: bool = True) -> None:
        found = Problem(str(where), reason, skipped)
        if report is not None:
            report(found)
        elif skipped:
            raise InputError(str(found))

    seen: dict[str, str] = {}
    for path in _input_files(paths, problem, [p.resolve() for p in exclude]):
        for article in _read_file(path, problem):
            if article.id in seen:
                where = article.source or str(path)
                problem(where, f"article id {article.id!r} already used by {seen[article.id]}")
                continue
            seen[article.id] = article.source or str(path)
            yield article
    if not seen:
        raise InputError(f"no articles found in {', '.join(paths) or 'no input'}")


def count_articles(paths: Iterable[str], exclude: Iterable[Path] = ()) -> int:
    """How many articles `paths` hold, roughly (JSONL lines are counted, not parsed): for ETAs."""
    total = 0
    for path in _input_files(list(paths), lambda *_: None, [p.resolve() for p in exclude]):
        if not _is_jsonl(path):
            total += 1
            continue
        try:
            with _open_jsonl(path) as lines:
                total += sum(1 for line in lines if line.strip())
        except (OSError, EOFError, zlib.error):
            continue
    return total


def _is_jsonl(path: Path) -> bool:
    return path.name.endswith(JSONL_SUFFIXES)


def _is_article_file(path: Path) -> bool:
    return path.name.endswith(SUFFIXES)


def _input_files(
    paths: list[str], problem: Callable[..., None], exclude: list[Path]
) -> Iterator[Path]:
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from _directory_files(path, exclude)
        elif path.exists() or path.is_symlink():
            if _is_article_file(path):
                yield path
            else:
                problem(name, "not a .txt, .html or .jsonl(.gz) file")
        elif _GLOB_CHARS & set(name):
            matches = sorted(glob.glob(name, recursive=True))
            files = [Path(m) for m in matches if _is_article_file(Path(m)) or Path(m).is_dir()]
            if not files:
                problem(name, "no article file matches")
            for match in files:
                yield from _directory_files(match, exclude) if match.is_dir() else [match]
        else:
            problem(name, "no such file or directory")


def _directory_files(directory: Path, exclude: list[Path]) -> Iterator[Path]:
    """Article files under `directory`, sorted, leaving out hidden ones and `exclude`d trees."""
    found = []
    for root, dirs, files in os.walk(directory):
        if Path(root).resolve() in exclude:
            dirs.clear()
            continue
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [
            Path(root) / f for f in files if not f.startswith(".") and _is_article_file(Path(f))
        ]
    yield from sorted(found)


def _decode_text(data: bytes) -> tuple[str, str | None]:
    """The text of a file's bytes and, when it was not plain UTF-8, a note of how it was read.

    Raises _NotAnArticle for binary data (a known file signature, NUL bytes, control characters).
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as error:
                raise _NotAnArticle(
                    f"not valid {name or 'UTF-8'} despite its byte-order mark"
                ) from error
            return _checked_text(text), f"decoded as {name} (byte-order mark)" if name else None
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise _NotAnArticle(f"{kind}, not text")
    if b"\x00" in data:
        codec = _bomless_utf16(data)
        if codec is None:
            raise _NotAnArticle("binary data, not text (it holds NUL bytes)")
        return _checked_text(data.decode(codec, errors="replace")), f"decoded as {codec.upper()}"
    try:
        return _checked_text(data.decode("utf-8")), None
    except UnicodeDecodeError:
        pass
    try:
        return _checked_text(data.decode("cp1252")), "not UTF-8: decoded as Windows-1252"
    except UnicodeDecodeError:
        # Bytes 0x81, 0x8d, 0x8f, 0x90 and 0x9d have no Windows-1252 character; Latin-1 has all.
        return _checked_text(data.decode("latin-1")), "not UTF-8: decoded as Latin-1"


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: NUL bytes in every other byte, as in English text."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    if len(sample) < 4 or len(sample) % 2:
        return None
    if odd.count(0) > 0.3 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _checked_text(text: str) -> str:
    controls = len(_CONTROL.findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise _NotAnArticle(f"binary data, not text ({controls} control characters)")
    return text


def _looks_like_html(text: str) -> bool:
    start = text.lstrip()[:256].lower()
    return start.startswith(("<!doctype html", "<html")) or (
        start.startswith("<?xml") and "<html" in start
    )


def _read_file(path: Path, problem: Callable[..., None]) -> Iterator[Article]:
    if _is_jsonl(path):
        yield from _read_jsonl(path, problem)
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        problem(path, f"cannot read: {error.strerror or error}")
        return
    try:
        if path.name.endswith(HTML_SUFFIXES):
            article = _html_article(path, data)
        else:
            text, note = _decode_text(data)
            if _looks_like_html(text):
                article = _html_article(path, data)
            else:
                if note:
                    problem(path, note, skipped=False)
                article = Article(id=path.stem, text=_nonempty(text), source=str(path))
    except _NotAnArticle as error:
        problem(path, str(error))
        return
    yield article


def _nonempty(text: str) -> str:
    if not text.strip():
        raise _NotAnArticle("article text is empty")
    return text


def _html_article(path: Path, data: bytes) -> Article:
    """The main text of an HTML page, its paragraphs separated by blank lines as in .txt files."""
    import trafilatura  # only when there is HTML: it takes a moment to import

    page = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False)
    text = page.text if page is not None else None
    if not text or not text.strip():
        raise _NotAnArticle("HTML page without article text")
    return Article(
        id=path.stem,
        text="\n\n".join(line for line in text.split("\n") if line.strip()),
        title=page.title or None,
        url=page.url or None,
        published=page.date or None,
        source=str(path),
    )


def _open_jsonl(path: Path) -> Iterator[bytes]:
    # Binary lines split on b"\n" only: JSON strings may hold U+2028, a line break to splitlines.
    return gzip.open(path, "rb") if path.name.endswith(".gz") else path.open("rb")


def _read_jsonl(path: Path, problem: Callable[..., None]) -> Iterator[Article]:
    number = 0
    try:
        with _open_jsonl(path) as lines:
            for number, line in enumerate(lines, start=1):  # noqa: B007 (used after the loop)
                if not line.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    yield _jsonl_article(line, where)
                except _NotAnArticle as error:
                    problem(where, str(error))
    except OSError as error:
        problem(path, f"cannot read: {error.strerror or error}")
    except (EOFError, zlib.error, gzip.BadGzipFile) as error:
        problem(path, f"corrupt gzip after line {number}: {error}")


def _jsonl_article(line: bytes, where: str) -> Article:
    """One JSONL line as an Article; `where` is "file:line" for messages."""
    try:
        record = json.loads(line.decode("utf-8-sig") if line.startswith(b"\xef\xbb\xbf") else line)
    except UnicodeDecodeError as error:
        raise _NotAnArticle(f"not UTF-8 (byte {error.start})") from error
    except json.JSONDecodeError as error:
        raise _NotAnArticle(f"not valid JSON ({error.msg} at column {error.colno})") from error
    if not isinstance(record, dict):
        raise _NotAnArticle("expected a JSON object with id and text")
    article_id, text = record.get("id"), record.get("text")
    if isinstance(article_id, int) and not isinstance(article_id, bool):
        article_id = str(article_id)
    if not isinstance(article_id, str) or not article_id.strip():
        raise _NotAnArticle('missing or empty "id"')
    if not isinstance(text, str):
        raise _NotAnArticle('missing "text" string')
    _nonempty(text)
    metadata = {}
    for key in _OPTIONAL_KEYS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise _NotAnArticle(f'"{key}" must be a string')
        metadata[key] = value or None
    for key, value in {"id": article_id, "text": text, **metadata}.items():
        try:
            (value or "").encode("utf-8")
        except UnicodeEncodeError as error:
            # JSON can escape half of a surrogate pair ("\ud83d"), which is no character at all.
            raise _NotAnArticle(f'"{key}" has an unpaired surrogate') from error
    return Article(id=article_id, text=text, source=where, **metadata)
