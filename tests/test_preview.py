"""The editors' preview (``make serve``, ``make serve-fast``: ``samen.preview``) on a mini-site.

It runs as editors run it, in its own process with a real server; the tests save files,
read the served pages over HTTP and read what the preview told the terminal.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

from conftest import MINISITE_NAV, REPO, edit

pytestmark = pytest.mark.build

QUICK = "Bijgewerkt: producten/testrapport.md"
CAUGHT_UP = "Volledige bouw klaar"
NOT_UPDATED = "Niet bijgewerkt: het voorbeeld toont de vorige versie"
# MkDocs' server adds its reload script to every page, with a new number each time.
_LIVERELOAD = re.compile(r"<script>\s*var livereload = .*?</script>", re.S)


class Preview:
    def __init__(self, project: Path, port: int, log: Path, process: subprocess.Popen) -> None:
        self.project, self.port, self.log_path, self.process = project, port, log, process

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def get(self, url: str) -> str | None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{url}", timeout=5) as r:
                return _LIVERELOAD.sub("", r.read().decode("utf-8"))
        except OSError:
            return None

    def wait_for(self, what: str, check: Callable[[], object], timeout: float = 60) -> object:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"the preview stopped while waiting for {what}:\n{self.log()}")
            result = check()
            if result:
                return result
            time.sleep(0.1)
        pytest.fail(f"timed out waiting for {what}:\n{self.log()}")

    def wait_for_log(self, text: str, after: int = 0, count: int = 1) -> None:
        self.wait_for(repr(text), lambda: self.log()[after:].count(text) >= count)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run_preview(project: Path, tmp_path: Path, dutch_only: bool) -> Iterator[Preview]:
    """The mini-site as a project of its own (our mkdocs.yml, hooks and theme), previewed as
    `make serve-fast` (Dutch only) or `make serve` (both languages) does."""
    for name in ("hooks", "overrides"):
        (project / name).symlink_to(REPO / name)
    config = {"INHERIT": str(REPO / "mkdocs.yml"), "nav": MINISITE_NAV}
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    port = _free_port()
    log = tmp_path / "preview.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SAMEN_ONLY_LANGUAGE", None)
    if dutch_only:
        env["SAMEN_ONLY_LANGUAGE"] = "nl"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "samen.preview", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    running = Preview(project, port, log, process)
    try:
        running.wait_for("the first build", lambda: running.get("producten/testrapport/"))
        yield running
    finally:
        process.terminate()
        process.wait(timeout=30)
    # Stopped, it leaves no built site behind.
    folder = re.search(r"documentation to directory: (\S+)/site-", running.log())
    assert folder is not None and not Path(folder[1]).exists()


@pytest.fixture
def preview(minisite: Path, tmp_path: Path) -> Iterator[Preview]:
    yield from _run_preview(minisite, tmp_path, dutch_only=True)


@pytest.fixture
def bilingual_preview(minisite: Path, tmp_path: Path) -> Iterator[Preview]:
    yield from _run_preview(minisite, tmp_path, dutch_only=False)


def test_an_edited_page_shows_at_once_and_the_full_build_follows(preview: Preview) -> None:
    start = len(preview.log())
    edit(preview.project / "docs/producten/testrapport.md", "Tekst van het rapport.", "Nieuw 81.")

    quick = preview.wait_for(
        "the edit", lambda: _with(preview.get("producten/testrapport/"), "Nieuw 81.")
    )
    log = preview.log()[start:]
    assert QUICK in log
    assert "overzichtspagina" not in log  # the body changed, not the front matter
    assert "Volledige bouw (" not in log  # not the slow path

    preview.wait_for_log(CAUGHT_UP, after=start)
    full = preview.wait_for("the page", lambda: preview.get("producten/testrapport/"))
    # The quick update renders the page exactly as the full build does.
    assert quick == full

    # Saved again, now that the site served is the one the full build made: the quick update
    # writes into that site too.
    start = len(preview.log())
    edit(preview.project / "docs/producten/testrapport.md", "Nieuw 81.", "Nieuw 82.")
    preview.wait_for_log(QUICK, after=start)
    served = preview.get("producten/testrapport/") or ""
    if CAUGHT_UP not in preview.log()[start:]:
        assert "Nieuw 82." in served


def test_a_changed_title_also_updates_the_listings_at_once(preview: Preview) -> None:
    start = len(preview.log())
    edit(
        preview.project / "docs/producten/testrapport.md",
        "title: Testrapport over normaliseren",
        "title: Testrapport met nieuwe titel",
    )
    preview.wait_for_log(QUICK, after=start)
    log = preview.log()[start:]
    assert "overzichtspagina's" in log.split(QUICK, 1)[1].splitlines()[0]
    # Served before the full build is done: the quick update rendered the catalogue.
    catalogue = preview.get("producten/") or ""
    if CAUGHT_UP not in preview.log()[start:]:
        assert "Testrapport met nieuwe titel" in catalogue
    preview.wait_for_log(CAUGHT_UP, after=start)
    assert "Testrapport met nieuwe titel" in (preview.get("producten/") or "")


def test_an_invalid_edit_is_reported_and_the_last_site_stays_served(preview: Preview) -> None:
    page = preview.project / "docs/producten/testrapport.md"
    start = len(preview.log())
    edit(page, "Tekst van het rapport.", "Nieuw 85.")
    edit(page, "type: rapport", "type: bestaat-niet")
    preview.wait_for_log(NOT_UPDATED, after=start)
    log = preview.log()[start:]
    assert "docs/producten/testrapport.md" in log and "bestaat-niet" in log
    assert "Bijgewerkt:" not in log
    # Served at once (MkDocs' server would hold requests back until a build succeeds), as
    # it was before the edit.
    served = preview.get("producten/testrapport/")
    assert served is not None and "Nieuw 85." not in served
    # Fixed: the same page goes the quick way again.
    edit(page, "type: bestaat-niet", "type: rapport")
    preview.wait_for_log(QUICK, after=start)
    preview.wait_for(
        "the fixed page", lambda: _with(preview.get("producten/testrapport/"), "Nieuw 85.")
    )

    # A whole build that fails: the site built last stays served too.
    start = len(preview.log())
    taxonomy = preview.project / "data/taxonomie.yml"
    edit(taxonomy, "{nl: Rapport,", "{nl: [Rapport,")
    preview.wait_for_log(NOT_UPDATED, after=start)
    assert preview.get("producten/testrapport/") is not None
    edit(taxonomy, "{nl: [Rapport,", "{nl: Rapport,")
    preview.wait_for_log(CAUGHT_UP, after=start)


def test_a_new_page_or_a_data_change_builds_the_whole_site(preview: Preview) -> None:
    start = len(preview.log())
    product = (preview.project / "docs/producten/testrapport.md").read_text(encoding="utf-8")
    (preview.project / "docs/producten/nieuw.md").write_text(
        product.replace("id: testrapport", "id: nieuw").replace("related: [testhandreiking]", ""),
        encoding="utf-8",
    )
    preview.wait_for_log("Volledige bouw (nieuw bestand: producten/nieuw.md)", after=start)
    preview.wait_for("the new page", lambda: preview.get("producten/nieuw/"))

    start = len(preview.log())
    edit(preview.project / "data/taxonomie.yml", "{nl: Rapport,", "{nl: Onderzoeksrapport,")
    preview.wait_for_log("Volledige bouw (gewijzigd: data/taxonomie.yml)", after=start)
    preview.wait_for(
        "the new label",
        lambda: _with(preview.get("producten/testrapport/"), "Onderzoeksrapport"),
    )
    assert "Bijgewerkt:" not in preview.log()[start:]


def _with(html: str | None, text: str) -> str | None:
    return html if html and text in html else None


def test_with_both_languages_a_saved_page_shows_at_once_in_its_language(
    bilingual_preview: Preview,
) -> None:
    preview = bilingual_preview
    start = len(preview.log())
    edit(preview.project / "docs/producten/testrapport.en.md", "Text of the report.", "New 83.")
    quick = preview.wait_for(
        "the English edit", lambda: _with(preview.get("en/producten/testrapport/"), "New 83.")
    )
    log = preview.log()[start:]
    assert "Bijgewerkt: producten/testrapport.en.md (" in log
    assert "Volledige bouw (" not in log  # not the slow path
    # Rendered as the English pass renders it: English page, English interface.
    assert '<html lang="en"' in quick and "Knowledge products" in quick

    preview.wait_for_log(CAUGHT_UP, after=start)
    full = preview.wait_for("the page", lambda: preview.get("en/producten/testrapport/"))
    assert quick == full
    # The Dutch site is served next to it, whole, and Dutch pages are quick as well.
    start = len(preview.log())
    edit(preview.project / "docs/producten/testrapport.md", "Tekst van het rapport.", "Nieuw 84.")
    dutch = preview.wait_for(
        "the Dutch edit", lambda: _with(preview.get("producten/testrapport/"), "Nieuw 84.")
    )
    assert QUICK in preview.log()[start:]
    assert '<html lang="nl"' in dutch and "Kennisproducten" in dutch
    preview.wait_for_log(CAUGHT_UP, after=start)
    assert preview.get("producten/testrapport/") == dutch


def test_with_both_languages_new_facts_show_in_both_languages_at_once(
    bilingual_preview: Preview,
) -> None:
    """A product's facts are in its Dutch front matter: the English page and the listings of
    both languages are rendered again with the Dutch page."""
    preview = bilingual_preview
    for url in ("en/producten/testrapport/", "en/producten/", "producten/"):
        assert "2021" not in (preview.get(url) or "")
    start = len(preview.log())
    edit(preview.project / "docs/producten/testrapport.md", "date: 2023-11-06", "date: 2021-11-06")
    preview.wait_for_log(QUICK, after=start)
    assert "overzichtspagina's" in preview.log()[start:].split(QUICK, 1)[1].splitlines()[0]
    served = {url: preview.get(url) or "" for url in ("en/producten/testrapport/", "en/producten/")}
    if CAUGHT_UP not in preview.log()[start:]:
        assert all("2021" in html for html in served.values())
    preview.wait_for_log(CAUGHT_UP, after=start)
    assert all("2021" in (preview.get(url) or "") for url in served)


@pytest.fixture
def busy_bilingual_preview(minisite: Path, tmp_path: Path) -> Iterator[Preview]:
    """Both languages, with 300 more products: a full build that lasts a few seconds."""
    product = (minisite / "docs/producten/testrapport.md").read_text(encoding="utf-8")
    body = "Tekst van een kopie om mee te testen. " * 200
    for number in range(300):
        copy = product.replace("id: testrapport", f"id: kopie-{number}")
        copy = copy.replace("related: [testhandreiking]\n", "") + body + "\n"
        (minisite / f"docs/producten/kopie-{number}.md").write_text(copy, encoding="utf-8")
    yield from _run_preview(minisite, tmp_path, dutch_only=False)


def test_a_save_during_the_build_stops_it_with_its_english_pass(
    busy_bilingual_preview: Preview,
) -> None:
    preview = busy_bilingual_preview
    folder = Path(re.search(r"documentation to directory: (\S+)/site-", preview.log())[1])
    page = preview.project / "docs/producten/testrapport.md"
    start = len(preview.log())
    edit(page, "Tekst van het rapport.", "Eerste versie.")
    # The catch-up build has forked its English pass, which builds into a staging folder.
    preview.wait_for("the English pass", lambda: list(folder.glob(".samen-en-pass-*")))
    edit(page, "Eerste versie.", "Tweede versie.")
    preview.wait_for_log("Volledige bouw gestopt", after=start)
    preview.wait_for_log(CAUGHT_UP, after=start)
    preview.wait_for(
        "the second edit", lambda: _with(preview.get("producten/testrapport/"), "Tweede versie.")
    )
    # The stopped build's English pass was stopped with it: nothing of it is left behind.
    time.sleep(3)
    assert list(folder.glob(".samen-en-pass-*")) == []
