"""Shared helpers: build the real site or a mini-site into a temporary folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from samen.problems import ContentError, Problem
from samen.site_data import load_site_data

REPO = Path(__file__).resolve().parents[1]
MINISITE = Path(__file__).resolve().parent / "fixtures" / "minisite"
MINISITE_NAV = [
    "index.md",
    {"Producten": ["producten/index.md"]},
    "leernetwerken/normaliseren.md",
    {"Actueel": ["nieuws/index.md", "agenda.md", "voortgang.md"]},
    {"LISO": ["liso/index.md", "liso/starten-of-evalueren.md"]},
]

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def build_site(
    project: Path, site_dir: Path, nav: list | None = None, without_hooks: tuple[str, ...] = ()
) -> Path:
    """Build ``project/docs`` (with ``project/data``) using the real mkdocs.yml and hooks
    (less the hook files named in ``without_hooks``)."""
    overrides: dict = {"docs_dir": str(project / "docs"), "site_dir": str(site_dir), "strict": True}
    if nav is not None:
        overrides["nav"] = nav
    if without_hooks:
        hooks = load_config(config_file=str(REPO / "mkdocs.yml"))["hooks"]
        overrides["hooks"] = [h for h in hooks if Path(h).name not in without_hooks]
    config = load_config(config_file=str(REPO / "mkdocs.yml"), **overrides)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return site_dir


def pages_given_to_search(config_file: Path, site_dir: Path) -> list[SimpleNamespace]:
    """Build a project in this process, both languages, keeping what the search plugin is
    handed of every page: URL, title, meta, table of contents and the HTML at that moment."""
    config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
    search = config.plugins["material/search"]
    handlers = config.plugins.events["page_context"]
    pages: list[SimpleNamespace] = []

    def keeping_the_page(context, *, page, config, nav):
        pages.append(
            SimpleNamespace(
                url=page.url, title=page.title, meta=page.meta, toc=page.toc, content=page.content
            )
        )
        return search.on_page_context(context, page=page, config=config, nav=nav)

    position = next(i for i, h in enumerate(handlers) if getattr(h, "__self__", None) is search)
    handlers[position] = keeping_the_page
    sequential = os.environ.get("SAMEN_SEQUENTIAL_BUILD")
    os.environ["SAMEN_SEQUENTIAL_BUILD"] = "1"  # the English pass in this process too
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
        if sequential is None:
            del os.environ["SAMEN_SEQUENTIAL_BUILD"]
        else:
            os.environ["SAMEN_SEQUENTIAL_BUILD"] = sequential
    return pages


@pytest.fixture(scope="session")
def real_site_pages(tmp_path_factory: pytest.TempPathFactory) -> list[SimpleNamespace]:
    """Every page of the real site as Material's search plugin is given it."""
    return pages_given_to_search(REPO / "mkdocs.yml", tmp_path_factory.mktemp("pages") / "site")


@pytest.fixture
def minisite(tmp_path: Path) -> Path:
    """A fresh, writable copy of the checked-in two-language mini-site."""
    project = tmp_path / "project"
    shutil.copytree(MINISITE, project)
    return project


def build_minisite(project: Path) -> Path:
    return build_site(project, project / "site", MINISITE_NAV)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session."""
    return build_site(REPO, tmp_path_factory.mktemp("real") / "site")


def read(site: Path, url_path: str) -> str:
    """The HTML a visitor gets at ``url_path`` (directory URLs)."""
    path = (
        site / url_path.strip("/") / "index.html"
        if not url_path.endswith(".html")
        else site / url_path
    )
    return path.read_text(encoding="utf-8")


PAYLOADS = ("<script>alert(1)</script>", '"><img src=x onerror=alert(2)>')


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def write_payloads(project: Path) -> None:
    """Put script payloads into every editor-controlled field of a mini-site copy."""
    script, img = PAYLOADS
    docs, data = project / "docs", project / "data"
    (docs / "index.md").write_text(
        f"---\ntitle: '{script}'\ndescription: '{img}'\nsubtitle: '{script}'\n---\n\n# Start\n",
        encoding="utf-8",
    )
    product = docs / "producten" / "testrapport.md"
    _replace(
        product, "title: Testrapport over normaliseren", f"title: '{img}'\nsubtitle: '{script}'"
    )
    _replace(
        product,
        "summary: Een rapport om mee te testen.",
        f"summary: '{script}'\nplain_summary: '{img}'\n"
        f"links:\n  - url: https://example.org/\n    title: '{script}'",
    )
    _replace(
        docs / "producten" / "testrapport.en.md",
        "title: Test report on normalising",
        f"title: '{script}'",
    )
    _replace(data / "partners.yml", "name: Hogeschool Voorbeeld", f"name: '{script}'")
    _replace(data / "partners.yml", "{nl: Hogescholen,", f"{{nl: '{img}',")
    _replace(data / "taxonomie.yml", "{nl: Rapport,", f"{{nl: '{img}',")
    _replace(data / "taxonomie.yml", "{nl: Leernetwerk Normaliseren,", f"{{nl: '{script}',")
    _replace(
        data / "taxonomie.yml",
        "{nl: Normaliseren, en: Normalising}",
        f"{{nl: '{img}', en: '{script}'}}",
    )
    # Activities (agenda, leernetwerk page, .ics) and news (listing, item page, feed).
    activities = data / "activiteiten.yml"
    _replace(
        activities,
        "title: {nl: Jaarconferentie 2025, en: Annual conference 2025}",
        f"title: {{nl: '{script}', en: '{script}'}}\n    description: {{nl: '{img}', en: '{img}'}}",
    )
    _replace(activities, 'place: "Den Haag, Stadhuis; zaal 1"', f"place: '{img}'")
    _replace(activities, "source: testgegevens", f"source: '{script}'")
    news = docs / "nieuws" / "testbericht.md"
    _replace(news, "title: Testrapport verschenen", f"title: '{script}'")
    _replace(news, "summary: Het testrapport is verschenen.", f"summary: '{img}'")
    _replace(news, "source: testgegevens", f"source: '{img}'")
    _replace(
        docs / "nieuws" / "testbericht.en.md", "title: Test report published", f"title: '{img}'"
    )
    liso = data / "liso.yml"
    _replace(
        liso,
        "{nl: Community context, en: Community context}",
        f"{{nl: '{script}', en: '{script}'}}",
    )
    _replace(
        liso,
        'nl: "Het netwerk zelf: wie er deelnemen en hoe zij samen leren."',
        f"nl: '{img}'",
    )
    _replace(
        liso,
        "nl: Is duidelijk welk maatschappelijk vraagstuk het leernetwerk wil aanpakken?",
        f"nl: '{img}'",
    )
    _replace(liso, "{nl: Een beetje, en: A little}", f"{{nl: '{img}', en: '{script}'}}")
    _replace(
        liso,
        "{nl: Sterkste kernelementen, en: Strongest core elements}",
        f"{{nl: '{script}', en: '{img}'}}",
    )
    _replace(
        liso,
        "{nl: Een nieuw leernetwerk starten, en: Starting a new learning network}",
        f"{{nl: '{img}', en: '{script}'}}",
    )
    _replace(
        liso,
        "nl: Je hebt nog geen vragen beantwoord. Beantwoord ten minste één vraag om je profiel "
        "te zien.",
        f"nl: '{script}'",
    )


def problems_of(project: Path) -> list[Problem]:
    """Every problem that loading ``project`` reports (loading must fail)."""
    with pytest.raises(ContentError) as caught:
        load_site_data(project, project / "docs")
    return caught.value.problems


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in ``path`` (which must be there) by ``new``."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# One summary of every quality gate at the end of the run (pages, violations, errors, broken
# links, external requests), so CI output answers "what was checked, what was found" at a glance.
QUALITY_SUMMARY: list[str] = []


def record_quality(line: str) -> None:
    QUALITY_SUMMARY.append(line)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if QUALITY_SUMMARY:
        terminalreporter.section("quality gates")
        for line in QUALITY_SUMMARY:
            terminalreporter.write_line(line)
