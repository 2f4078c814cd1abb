"""Reading articles: `.txt` files, `.jsonl` files and directories of them -> `Article`s.

A `.txt` file is one article whose id is the file stem. A `.jsonl` file holds one article per
line: {"id": ..., "text": ..., "title"?, "url"?, "published"?}. A directory is read
recursively, its `.txt` and `.jsonl` files in sorted path order. Text is read as UTF-8 and
kept exactly as written (only a byte-order mark is dropped), so that offsets in facts index
into the same text as any external annotation of it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError
from kg.facts import Article

__all__ = ["InputError", "read_articles"]

SUFFIXES = (".txt", ".jsonl")
_OPTIONAL_KEYS = ("title", "url", "published")


def read_articles(paths: list[str]) -> Iterator[Article]:
    """Yield the articles in `paths` (files or directories), in the order given.

    Raises InputError, with a one-line message, for a missing path, an unsupported file,
    a file that is not UTF-8, an empty article, a bad JSONL line (file:line: reason),
    two articles with the same id, or when no article is found at all.
    """
    seen: dict[str, str] = {}
    for path in _input_files(paths):
        for article in _read_file(path):
            if article.id in seen:
                first = seen[article.id]
                raise InputError(
                    f"{article.source}: article id {article.id!r} already used by {first}"
                )
            seen[article.id] = article.source or str(path)
            yield article
    if not seen:
        raise InputError(f"no articles found in {', '.join(paths) or 'no input'}")


def _input_files(paths: list[str]) -> Iterator[Path]:
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
        elif not path.exists():
            raise InputError(f"{name}: no such file or directory")
        elif path.suffix not in SUFFIXES:
            raise InputError(f"{name}: not a .txt or .jsonl file")
        else:
            yield path


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 text (byte {error.start})") from error
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from error


def _read_file(path: Path) -> Iterator[Article]:
    text = _read_text(path)
    if path.suffix == ".txt":
        if not text.strip():
            raise InputError(f"{path}: article text is empty")
        yield Article(id=path.stem, text=text, source=str(path))
        return
    # Split on "\n" only: str.splitlines would also break at U+2028, which JSON allows in strings.
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield _jsonl_article(line, f"{path}:{number}")


def _jsonl_article(line: str, where: str) -> Article:
    """One JSONL line as an Article; `where` is "file:line" for error messages."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: not valid JSON ({error.msg})") from error
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object with id and text")
    article_id, text = record.get("id"), record.get("text")
    if isinstance(article_id, int) and not isinstance(article_id, bool):
        article_id = str(article_id)
    if not isinstance(article_id, str) or not article_id.strip():
        raise InputError(f'{where}: missing or empty "id"')
    if not isinstance(text, str):
        raise InputError(f'{where}: missing "text" string')
    if not text.strip():
        raise InputError(f"{where}: article text is empty")
    metadata = {}
    for key in _OPTIONAL_KEYS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f'{where}: "{key}" must be a string')
        metadata[key] = value or None
    for key, value in {"id": article_id, "text": text, **metadata}.items():
        try:
            (value or "").encode("utf-8")
        except UnicodeEncodeError as error:
            # JSON can escape half of a surrogate pair ("\ud83d"), which is no character at all.
            raise InputError(f'{where}: "{key}" has an unpaired surrogate') from error
    return Article(id=article_id, text=text, source=where, **metadata)
