"""Reading articles from .txt, .jsonl and directories, and the errors a user can cause."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from kg.corpus import InputError, Problem, count_articles, read_articles
from kg.facts import Article


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
        ({"notes.md": "text"}, r"notes\.md: not a \.txt, \.html or \.jsonl\(\.gz\) file"),
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


def _read(paths: list[Path]) -> tuple[list[Article], list[str]]:
    """The articles read from `paths` and the problems reported, as "where: reason" lines."""
    problems: list[Problem] = []
    articles = list(read_articles([str(p) for p in paths], problems.append))
    return articles, [f"{p}{'' if p.skipped else ' (note)'}" for p in problems]


@pytest.mark.parametrize(
    ("data", "text", "note"),
    [
        ("Café “late”.".encode("cp1252"), "Café “late”.", "not UTF-8: decoded as Windows-1252"),
        (
            b"Caf\xe9 \x81 opens on the quay at noon, every day of the week.",
            "Caf\u00e9 \x81 opens on the quay at noon, every day of the week.",
            "not UTF-8: decoded as Latin-1",
        ),
        (
            "Mayor “Zoë” said.".encode("utf-16"),
            "Mayor “Zoë” said.",
            "decoded as UTF-16 (byte-order mark)",
        ),
        ("Mayor Zoë said so.".encode("utf-16-le"), "Mayor Zoë said so.", "decoded as UTF-16-LE"),
        ("\ufeffBOM only.".encode("utf-8"), "BOM only.", None),
    ],
)
def test_text_that_is_not_utf8_is_decoded_and_said_so(
    tmp_path: Path, data: bytes, text: str, note: str | None
) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(data)
    articles, problems = _read([path])
    assert [a.text for a in articles] == [text]
    assert problems == ([f"{path}: {note} (note)"] if note else [])


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF document, not text"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive (e.g. .docx, .epub), not text"),
        (b"\x00\x01\x02\x03binary\x00\xff\xfe", "binary data, not text (it holds NUL bytes)"),
        (bytes(range(1, 32)) * 4 + b"abc", "binary data, not text (104 control characters)"),
        (b"", "article text is empty"),
        (b" \n\t\r\n ", "article text is empty"),
        ("\u3000\u2028 ".encode(), "article text is empty"),
    ],
)
def test_binary_and_empty_files_are_skipped_with_the_reason(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    good = _write(tmp_path / "good.txt", "The bridge opened.")
    articles, problems = _read([bad, good])
    assert [a.id for a in articles] == ["good"]
    assert problems == [f"{bad}: {reason}"]


PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Council backs bridge</title></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article><h1>Council backs bridge</h1>
<p>The Harbour Board chair, Ines Duarte, said: “The bridge opens in May.”</p>
<p>The Rail Trust gave £3m to the Northern Link Programme.</p></article>
<footer>Copyright 2024 The Gazette. Cookie policy.</footer>
<script>var tracking = "<p>not the article</p>";</script></body></html>
"""


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.txt"])
def test_html_gives_the_article_text_not_the_markup(tmp_path: Path, name: str) -> None:
    [article], problems = _read([_write(tmp_path / name, PAGE)])
    assert problems == []
    assert article.id == "page" and article.title == "Council backs bridge"
    assert "Ines Duarte, said: “The bridge opens in May.”\n\n" in article.text
    assert "£3m to the Northern Link Programme." in article.text
    for markup in ("<p>", "Cookie", "tracking", "Sport"):
        assert markup not in article.text


def test_html_page_without_article_text_is_skipped(tmp_path: Path) -> None:
    empty = _write(tmp_path / "empty.html", "<html><body><script>var x = 1;</script></body></html>")
    good = _write(tmp_path / "good.txt", "Text.")
    articles, problems = _read([empty, good])
    assert [a.id for a in articles] == ["good"]
    assert problems == [f"{empty}: HTML page without article text"]


def test_jsonl_bad_lines_and_duplicate_ids_are_skipped_and_the_rest_read(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "First."}),
        "{broken",
        json.dumps({"id": "a", "text": "Again."}),
        json.dumps({"id": "b", "text": ""}),
        json.dumps({"id": "c", "text": "Third."}),
    ]
    path = _write(tmp_path / "news.jsonl", "\n".join(lines) + "\n")
    other = _write(tmp_path / "c.txt", "Same id as a JSONL line.")
    articles, problems = _read([path, other])
    assert [a.id for a in articles] == ["a", "c"]
    assert problems == [
        f"{path}:2: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
        f"{path}:3: article id 'a' already used by {path}:1",
        f"{path}:4: article text is empty",
        f"{other}: article id 'c' already used by {path}:5",
    ]


def test_gzipped_jsonl_is_read_and_a_corrupt_one_reported(tmp_path: Path) -> None:
    records = "".join(json.dumps({"id": f"g{i}", "text": f"Text {i}."}) + "\n" for i in range(3))
    good = tmp_path / "dump.jsonl.gz"
    good.write_bytes(gzip.compress(records.encode()))
    corrupt = tmp_path / "cut.jsonl.gz"
    corrupt.write_bytes(gzip.compress(records.encode())[:-12])
    articles, problems = _read([good])
    assert [a.id for a in articles] == ["g0", "g1", "g2"]
    assert articles[1].source == f"{good}:2"
    _, problems = _read([corrupt, _write(tmp_path / "x.txt", "X.")])
    assert len(problems) == 1 and problems[0].startswith(f"{corrupt}: corrupt gzip after line")


def test_globs_and_directories_skip_hidden_and_excluded_files(tmp_path: Path) -> None:
    _write(tmp_path / "in" / "a.txt", "A.")
    _write(tmp_path / "in" / ".hidden.txt", "Hidden.")
    _write(tmp_path / "in" / ".git" / "b.txt", "In a hidden directory.")
    _write(tmp_path / "in" / "out" / "graph.html", PAGE)
    _write(tmp_path / "in" / "sub" / "c.txt", "C.")
    found = read_articles([str(tmp_path / "in")], exclude=[tmp_path / "in" / "out"])
    assert [a.id for a in found] == ["a", "c"]
    assert [a.id for a in read_articles([str(tmp_path / "in" / "**" / "*.txt")])] == ["a", "c"]
    problems: list[Problem] = []
    list(read_articles([str(tmp_path / "none*.txt"), str(tmp_path / "in")], problems.append))
    assert [str(p) for p in problems] == [f"{tmp_path / 'none*.txt'}: no article file matches"]


def test_unreadable_paths_are_skipped_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "in" / "loop.txt").symlink_to(tmp_path / "in" / "loop.txt")
    _write(tmp_path / "in" / "ok.txt", "Fine.")
    articles, problems = _read([tmp_path / "in", tmp_path / "missing.txt"])
    assert [a.id for a in articles] == ["ok"]
    assert problems == [
        f"{tmp_path / 'in' / 'dangling.txt'}: cannot read: No such file or directory",
        f"{tmp_path / 'in' / 'loop.txt'}: cannot read: Too many levels of symbolic links",
        f"{tmp_path / 'missing.txt'}: no such file or directory",
    ]


def test_count_articles_counts_files_and_jsonl_lines(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", "A.")
    _write(tmp_path / "b.jsonl", '{"id": 1, "text": "x"}\n\n{"id": 2, "text": "y"}\n')
    assert count_articles([str(tmp_path)]) == 3
