"""The example queries of README.md: find them, run them, and rewrite their shown output.

README.md shows each example as a ```text block that starts with the command line,
`$ kg query output/graph.ttl FILE.rq [--format F]`, followed by what it prints on the build of
seeds/. tests/test_seed_graph.py checks that the blocks still match; after a change that moves
the seed's facts, refresh them with

    .venv/bin/python scripts/readme_examples.py
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
GRAPH = "output/graph.ttl"
_BLOCK = re.compile(
    r"```text\n\$ kg query " + re.escape(GRAPH) + r" (?P<args>[^\n]+)\n(?P<output>.*?)```",
    re.DOTALL,
)


@dataclass(frozen=True)
class Example:
    """One example block: the arguments after the graph, and the output the README shows."""

    args: tuple[str, ...]
    output: str
    start: int
    end: int


def examples(readme: str) -> list[Example]:
    """Every `kg query output/graph.ttl ...` block of the README text."""
    return [
        Example(tuple(m["args"].split()), m["output"], m.start("output"), m.end("output"))
        for m in _BLOCK.finditer(readme)
    ]


def run_query(graph: Path, args: tuple[str, ...]) -> str:
    """What `kg query GRAPH ARGS...` prints (run from the repository root)."""
    from kg.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.chdir(ROOT):
        status = main(["query", str(graph), *args])
    if status != 0:
        raise RuntimeError(f"kg query {' '.join(args)} failed with status {status}")
    return out.getvalue()


def refresh(readme: str, graph: Path) -> str:
    """The README text with every example's output replaced by what it prints on `graph`."""
    for example in reversed(examples(readme)):
        readme = readme[: example.start] + run_query(graph, example.args) + readme[example.end :]
    return readme


def main() -> int:
    from kg.cli import main as kg

    with tempfile.TemporaryDirectory() as out:
        if kg(["build", str(ROOT / "seeds"), "--out", out]) != 0:
            return 1
        README.write_text(refresh(README.read_text("utf-8"), Path(out) / "graph.ttl"), "utf-8")
    print(f"refreshed {len(examples(README.read_text('utf-8')))} example outputs in {README}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
