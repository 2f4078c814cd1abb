"""The page in headless Chromium: it draws offline, keeps still, answers the search box, and
never runs script that came from an article.

Chromium is driven over the DevTools protocol (tests/browser.py); every request and console
error of the page is recorded. Screenshots are saved in each test's tmp dir.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import CHROMIUM, Browser, Page
from viz_samples import PAYLOADS, hostile_corpus, synthetic_corpus

from kg.cli import main
from kg.rdf import build_graph
from kg.viz import render_html

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (scripts/test-setup.sh installs it)"
)
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
STABLE = "document.documentElement.dataset.kgState === 'stable'"
# Painted pixels of the network's canvas, sampling every 7th pixel.
PAINTED = """(() => {
  const canvas = document.querySelector('#graph canvas');
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < pixels.length; i += 28) { if (pixels[i] > 0) painted++; }
  return painted;
})()"""
POSITIONS = "JSON.stringify(kgNetwork.getPositions())"
VISIBLE = "(s => { const e = document.querySelector(s); return !!e && e.offsetWidth > 0; })"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    with Browser(tmp_path_factory.mktemp("chromium-profile")) as chromium:
        yield chromium


def open_page(browser: Browser, path: Path, timeout: float = 60) -> tuple[Page, float]:
    """Open the page file and wait until it is drawn and still; returns it and the seconds taken."""
    started = time.monotonic()
    page = browser.open(path.as_uri())
    page.wait_for(STABLE, timeout=timeout)
    return page, time.monotonic() - started


def assert_drawn_offline_with_legend_and_search(page: Page) -> None:
    assert page.remote_requests() == []
    assert page.errors == []
    assert page.evaluate(PAINTED) > 1000, "the network's canvas is blank"
    for selector in ("#legend", "#kinds label", "#relations label", "#search"):
        assert page.evaluate(f"{VISIBLE}({json.dumps(selector)})"), f"{selector} is not shown"
    legend = page.evaluate("document.getElementById('legend').innerText")
    assert "person" in legend and "said" in legend


def assert_still(page: Page) -> None:
    before = page.evaluate(POSITIONS)
    time.sleep(0.5)
    assert page.evaluate(POSITIONS) == before, "nodes still move after the layout settled"


def search_for(page: Page, name: str, timeout: float = 30) -> float:
    """Type `name` into the search box and press Enter; seconds until the node is focused."""
    page.evaluate("document.getElementById('search').focus()")
    started = time.monotonic()
    page.type_text(name)
    page.press("Enter", 13)
    page.wait_for(
        "kgNetwork.getSelectedNodes().length === 1 && "
        f"document.getElementById('details-body').textContent.includes({json.dumps(name)})",
        timeout=timeout,
    )
    return time.monotonic() - started


def test_seed_page_draws_offline_with_a_legend_and_finds_a_person(
    browser: Browser, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", str(SEEDS), "--out", str(tmp_path / "out")]) == 0
    capsys.readouterr()
    page, seconds = open_page(browser, tmp_path / "out" / "graph.html")
    assert_drawn_offline_with_legend_and_search(page)
    assert_still(page)
    page.screenshot(tmp_path / "seed.png")
    before = page.evaluate(POSITIONS)
    hide_claims = "document.querySelector('input[data-filter=\"Claim\"]').click()"
    page.evaluate(hide_claims)
    assert page.evaluate("kgNetwork.body.nodeIndices.length") < len(json.loads(before))
    page.evaluate(hide_claims)
    assert page.evaluate(POSITIONS) == before, "filtering moved the nodes"
    search_for(page, "Keith Prince")
    time.sleep(0.6)
    page.screenshot(tmp_path / "seed-search.png")
    assert page.errors == []


def test_two_thousand_nodes_draw_settle_and_answer_the_search_box(
    browser: Browser, tmp_path: Path
) -> None:
    path = tmp_path / "big.html"
    path.write_text(render_html(build_graph(synthetic_corpus(2000))), encoding="utf-8")
    page, seconds = open_page(browser, path, timeout=240)
    assert page.evaluate("kgNetwork.body.nodeIndices.length") >= 2000
    assert_drawn_offline_with_legend_and_search(page)
    assert_still(page)
    page.screenshot(tmp_path / "big.png")
    assert search_for(page, "Person 0123") < 30
    time.sleep(0.6)  # the view glides to the person
    page.screenshot(tmp_path / "big-search.png")
    assert page.errors == []


def _points(page: Page) -> list[list[float]]:
    """Page coordinates of every drawn node."""
    return page.evaluate("""(() => {
      const box = document.getElementById('graph').getBoundingClientRect();
      return Object.values(kgNetwork.getPositions()).map(p => kgNetwork.canvasToDOM(p))
        .map(p => [p.x + box.left, p.y + box.top]);
    })()""")


def _visit_everything(page: Page) -> None:
    """Show every tooltip and every details panel, and filter by each article."""
    for x, y in _points(page):
        page.hover(x, y)
        time.sleep(0.2)
        page.click(x, y)
        page.evaluate("document.querySelectorAll('#details .jump').forEach(b => b.click())")
    page.evaluate("""(() => { const select = document.getElementById('article');
      for (const option of [...select.options].reverse()) {
        select.value = option.value; select.dispatchEvent(new Event('change'));
      } })()""")


def test_script_in_names_quotes_and_titles_never_runs(browser: Browser, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(render_html(build_graph(hostile_corpus())), encoding="utf-8")
    page, _ = open_page(browser, path)
    _visit_everything(page)
    search_for(page, "Eve")
    page.screenshot(tmp_path / "hostile.png")
    assert page.evaluate("window.kgPwned === undefined")
    assert page.requests == [path.as_uri()]
    assert page.errors == []
    shown = page.evaluate("document.getElementById('details').innerText")
    assert PAYLOADS[1] in shown  # the name is shown as text, markup and all
    assert page.evaluate("document.querySelectorAll('#details a, #details img, svg *').length") == (
        page.evaluate("document.querySelectorAll('svg.swatch *').length")
    )


HOSTILE_ARTICLE = (
    "Harbour board chair Ines Duarte said: \u201c{0} The ferry will run all winter.\u201d\n\n"
    "Ms Duarte, a Green Party member, said the timetable {1} was final.\n\n"
    "The Coastal Trust gave \u00a31.25m to the Night Ferry Scheme {2}.\n"
)


def test_script_in_an_article_built_by_kg_never_runs(
    browser: Browser, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hostile.txt").write_text(HOSTILE_ARTICLE.format(*PAYLOADS), encoding="utf-8")
    assert main(["build", str(corpus), "--out", str(tmp_path / "out")]) == 0
    capsys.readouterr()
    path = tmp_path / "out" / "graph.html"
    page, _ = open_page(browser, path)
    assert page.evaluate("kgNetwork.body.nodeIndices.length") > 3
    _visit_everything(page)
    assert page.evaluate("window.kgPwned === undefined")
    assert page.requests == [path.as_uri()]
    assert page.errors == []
