"""Reading articles from .txt, .jsonl and directories, and the errors a user can cause."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.corpus import InputError, read_articles


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def test_text_file_is_one_article_named_after_its_stem(tmp_path: Path) -> None:
    path = _write(tmp_path / "river-7.txt", "The bridge opened.\r\nCrowds came.\n")
    [article] = read_articles([str(path)])
    assert article.id == "river-7"
    assert article.text == "The bridge opened.\r\nCrowds came.\n"


def test_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = _write(tmp_path / "bom.txt", "\ufeffHello there.")
    assert next(read_articles([str(path)])).text == "Hello there."


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    _write(tmp_path / "b.txt", "Second.")
    _write(tmp_path / "a" / "z.txt", "First.")
    _write(tmp_path / "c.jsonl", json.dumps({"id": "c1", "text": "Third."}) + "\n")
    _write(tmp_path / "notes.md", "ignored")
    assert [a.id for a in read_articles([str(tmp_path)])] == ["z", "b", "c1"]


def test_jsonl_lines_are_articles_with_optional_metadata(tmp_path: Path) -> None:
    records = [
        {"id": "n1", "text": "Rain fell\u2028all day.", "title": "Rain", "url": "https://x.test/1"},
        {"id": 2, "text": "Sun.", "published": "2024-06-01"},
    ]
    path = _write(tmp_path / "news.jsonl", "\n".join(json.dumps(r) for r in records) + "\n\n")
    first, second = read_articles([str(path)])
    assert (first.id, first.text, first.title, first.url) == (
        "n1", "Rain fell\u2028all day.", "Rain", "https://x.test/1",
    )  # fmt: skip
    assert (second.id, second.published, second.title) == ("2", "2024-06-01", None)


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({}, r"missing\.txt: no such file or directory"),
        ({"empty.txt": "  \n"}, r"empty\.txt: article text is empty"),
        ({"notes.md": "text"}, r"notes\.md: not a \.txt or \.jsonl file"),
        ({"bad.jsonl": '{"id": "a", "text": "ok"}\n{oops\n'}, r"bad\.jsonl:2: not valid JSON"),
        ({"bad.jsonl": '{"id": "a"}\n'}, r"bad\.jsonl:1: missing \"text\""),
        ({"bad.jsonl": '["a", "b"]\n'}, r"bad\.jsonl:1: expected a JSON object"),
        ({"bad.jsonl": '{"id": "", "text": "x"}\n'}, r"bad\.jsonl:1: missing or empty \"id\""),
        ({"bad.jsonl": '{"id": "a", "text": " "}\n'}, r"bad\.jsonl:1: article text is empty"),
        ({"blank.jsonl": "\n\n"}, r"no articles found"),
        (
            {"half.jsonl": '{"id": "a", "text": "x \\ud83d y"}\n'},
            r"half\.jsonl:1: \"text\" has an unpaired surrogate",
        ),
        (
            {"twice.jsonl": '{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n'},
            r"twice\.jsonl:2: article id 'a' already used by .*twice\.jsonl:1",
        ),
    ],
)
def test_bad_input_is_one_clear_line(tmp_path: Path, files: dict[str, str], message: str) -> None:
    for name, text in files.items():
        _write(tmp_path / name, text)
    target = next(iter(files), "missing.txt")
    with pytest.raises(InputError, match=message) as raised:
        list(read_articles([str(tmp_path / target)]))
    assert "\n" not in str(raised.value)


def test_directory_without_articles_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no articles found"):
        list(read_articles([str(tmp_path)]))


def test_text_that_is_not_utf8_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("caf\u00e9".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        list(read_articles([str(path)]))
