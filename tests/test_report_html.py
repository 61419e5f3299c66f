"""``cleanup report``: a self-contained HTML page, checked as text and in real headless Chromium.

The browser tests drive Debian's ``chromium`` through Playwright with ``executable_path`` (no
browser is ever downloaded). Without a browser they are skipped on a developer's machine and
fail in CI (``CI`` set), so CI cannot pass without having run them. A screenshot of the report
on the seed article is written to ``artifacts/``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from cleanup.cli import app
from cleanup.edits import apply_edits
from cleanup.engine import clean
from cleanup.model import Edit, Span, Status
from cleanup.review import decisions as store

from .conftest import ROOT

SEED = ROOT / "seeds" / "observer-critical-minerals.txt"
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = Path(os.environ.get("CLEANUP_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
HOSTILE_EN = "Evil<script>alert('g')</script>\"'><img src=x onerror=alert(1)> Corp"
HOSTILE_TEXT = (
    "Intro <script>alert('t')</script> \"'><img src=x onerror=alert(2)> \u202eright-to-left\u202c "
    "and the 恶意公司 said, Minion Houston too.\n"
)
runner = CliRunner()


pytestmark = pytest.mark.usefixtures("private_cache")


def _no_browser(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the browser tests (.ci/run installs chromium)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _no_browser("playwright is not installed")
    if not CHROMIUM.exists():
        _no_browser(f"no browser at {CHROMIUM}")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM), headless=True,
            args=CHROMIUM_ARGS, accept_downloads=True, viewport={"width": 1280, "height": 1000},
        )
        yield context
        context.close()


def open_report(browser, path: Path):  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.problems = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda exc: page.problems.append(f"error: {exc}"))
    page.on("dialog", lambda dialog: (page.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("request", lambda req: req.url.startswith(("file:", "blob:", "data:"))
            or page.problems.append(f"request: {req.url}"))
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=10_000)
    return page


def write_report(paths: list[Path], output: Path, *glossary: str) -> str:
    result = runner.invoke(app, ["report", *map(str, paths), "-o", str(output), *glossary])
    assert result.exit_code == 0, result.output
    return output.read_text(encoding="utf-8")


def download_decisions(page, target: Path) -> list[store.Record]:  # type: ignore[no-untyped-def]
    with page.expect_download() as info:
        page.click("#download")
    info.value.save_as(target)
    return store.load(target)


def text_for(original: str, changes, accepted: set[int]) -> str:  # type: ignore[no-untyped-def]
    return apply_edits(original, [Edit(Span(c.start, c.end), c.after) for i, c in enumerate(changes) if i in accepted])


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    shutil.copy(SEED, path)
    return path


def test_report_is_self_contained(article: Path, tmp_path: Path) -> None:
    html = write_report([article], tmp_path / "r.html")
    assert "default-src 'none'" in html
    assert not re.search(r"<(link|img|iframe|object|embed)\b", html)
    assert not re.search(r"\b(src|href)\s*=\s*[\"']?(https?:|//)", html)
    assert "url(" not in html and "@import" not in html
    assert html.count("<script") == 2


def test_seed_report_in_chromium(browser, bundled, article: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / "report.html"
    write_report([article], report)
    result = clean(article.read_text(encoding="utf-8"), bundled, path=str(article))
    changes = list(result.changes)
    toggles = [i for i, c in enumerate(changes) if c.after is not None]
    state = {i: changes[i].status is Status.APPLIED for i in toggles}
    page = open_report(browser, report)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-seed.png"), full_page=True)
    accepted = sum(state.values())
    assert page.inner_text("#tally") == f"{accepted} accepted, {len(toggles) - accepted} rejected"
    assert all(page.is_checked(f"input.toggle[data-i='{i}']") == state[i] for i in toggles)
    for i, c in enumerate(changes):  # every change is marked inline with its rule, entry and source
        title = page.get_attribute(f"#m{i}", "title")
        assert title.startswith(f"{c.code} {c.entry} ({c.source or c.entry})")

    def click(i: int) -> None:
        page.click(f"input.toggle[data-i='{i}']")
        state[i] = not state[i]
        if state[i]:  # accepting a change rejects what overlaps it
            for j in toggles:
                if j != i and Span(changes[j].start, changes[j].end).overlaps(Span(changes[i].start, changes[i].end)):
                    state[j] = False

    mignon = next(i for i in toggles if changes[i].entry == "mignon-houston")
    click(mignon)
    assert "acc" not in (page.get_attribute(f"#m{mignon}", "class") or "").split()
    click(next(i for i in toggles if changes[i].status is Status.SUGGESTED))
    shadowed = next(i for i in toggles if changes[i].status is Status.SKIPPED_OVERLAP)
    click(shadowed)
    assert any(not state[j] and changes[j].status is Status.APPLIED for j in toggles)
    entries = sorted({changes[i].entry for i in toggles})
    page.click("details.entries summary")
    page.click(f"button.entry-all[data-e='{entries.index('critical-mineral')}'][data-d='reject']")
    for i in toggles:
        if changes[i].entry == "critical-mineral":
            state[i] = False
    assert all(page.is_checked(f"input.toggle[data-i='{i}']") == state[i] for i in toggles)
    expected = text_for(result.original, changes, {i for i in toggles if state[i]})

    en003 = next(i for i in toggles if changes[i].code == "EN003")
    page.uncheck("input.filter[data-kind='rule'][value='EN003']")
    assert not page.is_visible(f"#r{en003}") and page.is_visible(f"#r{mignon}")
    page.uncheck("input.filter[data-kind='safety'][value='safe']")
    assert not page.is_visible(f"#r{mignon}")
    page.check("input.filter[data-kind='rule'][value='EN003']")
    page.check("input.filter[data-kind='safety'][value='safe']")
    assert page.is_visible(f"#r{en003}")

    page.check("#as-decided")
    assert page.text_content("#result-0") == expected
    records = download_decisions(page, tmp_path / "decisions.jsonl")
    sha = store.text_hash(result.original)
    assert {r.id: r.decision for r in records} == {
        store.record_for(changes[i], result.original, sha).id: ("accept" if state[i] else "reject") for i in toggles
    }
    replayed = runner.invoke(app, ["apply", "--decisions", str(tmp_path / "decisions.jsonl"), str(article)])
    assert replayed.exit_code == 0, replayed.stderr
    assert replayed.stdout == expected
    assert page.problems == []


@pytest.fixture()
def hostile(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "g\"'><i>\u202ex"  # the loader refuses U+202E inside entries, not in their path
    folder.mkdir()
    entry = {"id": "evil-corp", "zh": ["恶意公司"], "en": HOSTILE_EN, "note": "note <b>\"'",
             "examples": [{"in": "the 恶意公司 said"}]}
    (folder / "evil.yaml").write_text(yaml.safe_dump({"kind": "term", "entries": [entry]}, allow_unicode=True),
                                      encoding="utf-8")
    text = tmp_path / "hostile.txt"
    text.write_text(HOSTILE_TEXT, encoding="utf-8")
    return text, folder


def test_report_escapes_the_input_and_the_glossary(hostile, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text, folder = hostile
    html = write_report([text], tmp_path / "r.html", "-g", str(folder))
    assert html.count("<script") == 2 and "<img" not in html and "<i>" not in html
    assert "\u202e" not in html and "\u202c" not in html
    assert "&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt;" in html
    assert "Evil&lt;script&gt;alert(&#x27;g&#x27;)&lt;/script&gt;&quot;&#x27;&gt;&lt;img" in html
    assert 'g&quot;&#x27;&gt;&lt;i&gt;<span class="ctl">\\u202e</span>x' in html  # the glossary path (source)
    data = html.split('id="cleanup-data">', 1)[1].split("</script>", 1)[0]
    assert re.fullmatch(r"[\x20-\x7e]*", data) and "<" not in data
    afters = [item["record"]["after"] for item in json.loads(data)["items"]]
    assert any(after and HOSTILE_EN in after for after in afters)


def test_hostile_report_in_chromium(browser, hostile, bundled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text, folder = hostile
    report = tmp_path / "r.html"
    write_report([text], report, "-g", str(folder))
    page = open_report(browser, report)
    counts = page.evaluate("() => [document.scripts.length, document.images.length,"
                           " document.querySelectorAll('i,b').length]")
    assert counts == [2, 0, 0]
    shown = page.inner_text(".doc")
    assert "<script>alert('t')</script> \"'><img src=x onerror=alert(2)> \\u202eright-to-left\\u202c" in shown
    evil = page.get_attribute("[title^='ZH001 evil-corp']", "title")
    assert HOSTILE_EN in evil and "g\"'><i>\\u202ex" in evil  # attributes hold; bidi shown as text
    page.check("#as-decided")
    assert "\u202e" not in page.text_content("body") and HOSTILE_EN in page.text_content("#result-0")
    download_decisions(page, tmp_path / "d.jsonl")
    replayed = runner.invoke(app, ["apply", "--decisions", str(tmp_path / "d.jsonl"), str(text)])
    assert replayed.exit_code == 0, replayed.stderr
    assert HOSTILE_EN in replayed.stdout  # the replacement itself survives the round trip intact
    assert page.problems == []


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, [name for name, _ in attrs]))


def test_renderer_escapes_glossary_fields_whatever_the_loader_allows() -> None:
    from cleanup.model import Change, CleanResult, Safety
    from cleanup.report.html import render

    nasty = "<script>alert(1)</script>\"' onmouseover=alert(2) x='\u202e\u2066<b>"
    original = "abc Minion def\n"
    change = Change("a.txt", "EN001", "entry" + nasty, 4, 10, 1, 5, "Minion", "Mig" + nasty, Safety.SAFE,
                    Status.APPLIED, "message" + nasty, "glossary/x" + nasty + ".yaml:3")
    result = CleanResult("a" + nasty + ".txt", original, original.replace("Minion", "Mig" + nasty), (change,))
    record = store.record_for(change, original, store.text_hash(original))
    page = render([(result, [record])], summary="summary" + nasty)
    assert "\u202e" not in page and "\u2066" not in page
    parser = _Tags()
    parser.feed(page)
    assert [t for t, _ in parser.tags].count("script") == 2
    assert "b" not in {t for t, _ in parser.tags}
    assert not [(t, names) for t, names in parser.tags if any(n.startswith("on") for n in names)]
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#x27; onmouseover=alert(2) x=&#x27;"
    assert page.count(escaped) >= 8  # path, summary, entry, source, message, replacement, in text and titles
