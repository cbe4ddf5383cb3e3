"""The per-language search indexes: how they are built, and what the real site publishes."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from lunr.builder import Builder
from lunr.pipeline import Pipeline
from material.plugins.search.plugin import SearchIndex

from conftest import REPO
from samen import search_index
from samen.search_index import (
    LUNR_DUTCH,
    SearchDocument,
    build_index,
    dutch_stop_words,
    lunr_index,
    plain_text,
    undouble_consonant,
)

MATERIAL_ASSETS = LUNR_DUTCH.parents[2]


def terms_of(payload: dict) -> list[str]:
    return payload["index"]["terms"]


def index_pipeline(lang: str):
    pipeline = Pipeline()
    pipeline.add(*search_index._pipelines()[lang][0])
    return pipeline


DOCS = [
    SearchDocument("", "Kenniswebsite", "Wat werkt voor gezinnen en hun kinderen?"),
    SearchDocument("#gezin", "Het gezin", 'Elk gezin telt. Code: "...", <tag>'),
    SearchDocument(
        "producten/x/",
        "De kracht van het gewone",
        "Voorbeelden van normaliseren.",
        meta="Voorbeeldenbundel Leernetwerk Normaliseren TNO",
        tags=("Voorbeeldenbundel", "Leernetwerk Normaliseren"),
    ),
]


def test_dutch_pipeline_uses_lunr_languages_stop_words_and_conflates_plurals() -> None:
    stop_words = dutch_stop_words()
    assert {"de", "het", "een", "van", "en"} <= set(stop_words) and len(stop_words) > 90
    payload = build_index(DOCS, "nl")
    terms = terms_of(payload)
    assert "gezin" in terms and "gezinn" not in terms, "gezinnen and gezin share one term"
    assert "kinder" in terms and "normaliser" in terms
    assert not set(terms) & set(stop_words)
    assert all(re.search(r"\w", term) for term in terms), "no empty or punctuation-only terms"
    assert "tno" in terms and "voorbeeldenbundel" in terms, "product metadata is searchable"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_fast_builder_makes_exactly_lunr_pys_index(lang: str) -> None:
    """Every page of the real site, as one document each, indexed both ways."""
    suffix = ".en.md" if lang == "en" else ".md"
    pages = [
        p
        for p in sorted((REPO / "docs").rglob(f"*{suffix}"))
        if lang == "en" or ".en." not in p.name
    ]
    documents = [
        SearchDocument(str(page), page.stem.replace("-", " "), page.read_text(encoding="utf-8"))
        for page in pages
    ] + DOCS
    ours = lunr_index(documents, lang).serialize()
    lunr_pys = lunr_index(documents, lang, builder_class=Builder).serialize()
    assert len(ours["invertedIndex"]) > 500
    assert ours == lunr_pys


def test_compact_index_is_sorted_as_javascript_sorts_and_consistent() -> None:
    index = build_index(DOCS, "nl")["index"]
    terms, postings = index["terms"], index["postings"]
    assert terms == sorted(terms, key=lambda t: t.encode("utf-16-be"))
    assert index["fields"] == ["title", "text"] and index["boosts"] == [10, 1]
    assert index["pipeline"] == ["stemmer-nl", "undouble-nl"]
    assert index["documents"] == len(DOCS)
    gezin = postings[terms.index("gezin")]
    assert gezin == [[1], [0, 1]], "title of doc 1; text of docs 0 and 1 (gaps: 0, +1)"
    repeated = build_index([SearchDocument("", "x", "gezin"), *DOCS[:1] * 3], "nl")["index"]
    assert repeated["postings"][repeated["terms"].index("gezin")][1] == [0, 1, 1, 1]
    twice = build_index(
        [SearchDocument("", "x", "kind"), SearchDocument("", "y", "gezin gezinnen")], "nl"
    )
    assert twice["index"]["postings"][twice["index"]["terms"].index("gezin")] == [[], [1, -2]]
    assert "vectors" not in index, "the worker computes the field vectors"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_worker_computes_lunr_pys_field_vectors(lang: str) -> None:
    """The BM25 weights the worker derives are the ones lunr.py's Builder would have stored."""
    node = shutil.which("node")
    assert node and (REPO / "node_modules/lunr").is_dir(), "run make test (installs Node packages)"
    suffix = ".en.md" if lang == "en" else ".md"
    pages = [
        p
        for p in sorted((REPO / "docs").rglob(f"*{suffix}"))
        if lang == "en" or ".en." not in p.name
    ]
    documents = DOCS + [
        SearchDocument(str(page), page.stem.replace("-", " "), page.read_text(encoding="utf-8"))
        for page in pages
    ]
    result = subprocess.run(
        [node, str(REPO / "tests/browser/field-vectors.mjs"), lang, str(MATERIAL_ASSETS)],
        input=json.dumps(build_index(documents, lang)["index"]),
        capture_output=True,
        text=True,
        check=True,
    )
    in_worker = json.loads(result.stdout)
    expected = dict(lunr_index(documents, lang, builder_class=Builder).serialize()["fieldVectors"])
    # lunr.py numbers terms by first appearance, the compact index in JavaScript's sort order.
    terms = build_index(documents, lang)["index"]["terms"]
    lunr_terms = {
        posting["_index"]: term
        for term, posting in lunr_index(documents, lang, builder_class=Builder).serialize()[
            "invertedIndex"
        ]
    }
    assert set(in_worker) == set(expected)
    for field_ref, elements in expected.items():
        want = {lunr_terms[n]: w for n, w in zip(elements[0::2], elements[1::2], strict=True)}
        numbers, weights = in_worker[field_ref][0::2], in_worker[field_ref][1::2]
        got = {terms[n]: w for n, w in zip(numbers, weights, strict=True)}
        assert want.keys() == got.keys(), field_ref
        assert all(abs(want[t] - got[t]) < 0.0011 for t in want), field_ref


def test_store_holds_teasers_tags_and_parents_not_whole_pages() -> None:
    long_text = "woord " * 200
    docs = [*DOCS, SearchDocument("producten/x/#deel", "Deel", long_text)]
    store = build_index(docs, "nl")["docs"]
    assert store[0] == {
        "l": "",
        "t": "Kenniswebsite",
        "x": "Wat werkt voor gezinnen en hun kinderen?",
    }
    assert store[1]["p"] == 0, "a section points to its page"
    assert store[2]["g"] == ["Voorbeeldenbundel", "Leernetwerk Normaliseren"]
    assert store[3]["p"] == 2 and len(store[3]["x"]) <= search_index.TEASER_LENGTH + 2
    assert store[3]["x"].endswith("…")


def test_english_index_uses_lunrs_english_pipeline() -> None:
    payload = build_index([SearchDocument("en/", "Families", "The families of children")], "en")
    assert {"famili", "children"} <= set(terms_of(payload))
    assert "the" not in terms_of(payload) and "of" not in terms_of(payload)
    assert payload["index"]["pipeline"] == ["stemmer"]


def test_building_never_downloads(monkeypatch: pytest.MonkeyPatch) -> None:
    import nltk

    def no_download(*args, **kwargs):
        raise AssertionError("the build asked nltk to download data")

    monkeypatch.setattr(nltk, "download", no_download)
    assert build_index(DOCS, "nl")["index"]["terms"]


def test_undouble_and_plain_text() -> None:
    assert [undouble_consonant(w) for w in ("gezinn", "bus", "kinder", "all")] == [
        "gezin",
        "bus",
        "kinder",
        "al",
    ]
    assert plain_text("<p>Een <code>&lt;b&gt;</code>\n  tekst</p>") == "Een <b> tekst"


def _words(site: Path, lang: str) -> list[str]:
    payload = json.loads((site / "search" / f"search_index.{lang}.json").read_text("utf-8"))
    text = " ".join(f"{d['t']} {d['x']}" for d in payload["docs"])
    return sorted({w.lower() for w in re.findall(r"[^\W\d_]{2,}", text)})


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_browser_and_build_make_the_same_terms_of_every_word(real_site: Path, lang: str) -> None:
    """The query side (lunr.js in the worker) must stem as the index side (lunr.py) did."""
    node = shutil.which("node")
    assert node and (REPO / "node_modules/lunr").is_dir(), "run make test (installs Node packages)"
    words = _words(real_site, lang)
    assert len(words) > 500
    result = subprocess.run(
        [node, str(REPO / "tests/browser/stems.mjs"), lang, str(MATERIAL_ASSETS)],
        input=json.dumps(words),
        capture_output=True,
        text=True,
        check=True,
    )
    in_browser = json.loads(result.stdout)
    searching = Pipeline()
    searching.add(*search_index._pipelines()[lang][1])
    in_build = [searching.run_string(word)[0] for word in words]
    differences = [(w, b, p) for w, b, p in zip(words, in_browser, in_build, strict=True) if b != p]
    assert not differences, differences[:10]


def test_the_vendored_lunr_is_the_pinned_npm_release() -> None:
    vendored = REPO / "docs/assets/vendor/lunr/lunr.min.js"
    assert vendored.read_bytes() == (REPO / "node_modules/lunr/lunr.min.js").read_bytes()
    package = json.loads((REPO / "package.json").read_text())
    assert package["devDependencies"]["lunr"] == "2.3.9"
    assert "2.3.9" in vendored.read_text()[:200]


def test_real_site_has_one_index_per_language_with_every_page(real_site: Path) -> None:
    combined = json.loads((real_site / "search/search_index.json").read_text("utf-8"))
    assert combined["docs"] == [], "nothing fetches a two-language index any more"
    for lang, prefix in (("nl", ""), ("en", "en/")):
        payload = json.loads((real_site / f"search/search_index.{lang}.json").read_text("utf-8"))
        assert payload["lang"] == lang
        locations = {d["l"] for d in payload["docs"] if "#" not in d["l"]}
        assert all(loc.startswith("en/") == (lang == "en") for loc in locations)
        tree = real_site / prefix if prefix else real_site
        pages = set()
        for html in tree.rglob("index.html"):
            relative = html.parent.relative_to(real_site).as_posix()
            url = "" if relative == "." else f"{relative}/"
            if lang == "nl" and url.startswith("en/"):
                continue
            if 'http-equiv="refresh"' in html.read_text("utf-8"):
                continue  # redirects from old URLs
            pages.add(url)
        assert pages == locations, sorted(pages ^ locations)
        catalogue = next(d for d in payload["docs"] if d["l"] == f"{prefix}producten/")
        assert len(catalogue["x"]) <= search_index.TEASER_LENGTH + 2


def test_catalogue_cards_citations_and_filters_are_not_indexed_twice(real_site: Path) -> None:
    payload = json.loads((real_site / "search/search_index.nl.json").read_text("utf-8"))
    titles = [d["t"] for d in payload["docs"]]
    assert "Hoe te citeren" not in titles and "Verwante producten" not in titles
    assert all("Filter de kennisproducten" not in d["x"] for d in payload["docs"])


def _search_index_hook():
    spec = importlib.util.spec_from_file_location(
        "search_index_hook", REPO / "hooks/search_index.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_lists_left_out_of_the_index_are_never_parsed_and_the_entries_stay_the_same() -> None:
    hook = _search_index_hook()
    cards = '<ul class="samen-cards" data-search-exclude><li><h3>Kaart</h3><p>Tekst</p></li></ul>'
    body = '<h1 id="t">Catalogus</h1><p>Inleiding</p>{}<h2 id="s">Verder</h2><p>Slot</p>'

    def page(content: str) -> SimpleNamespace:
        return SimpleNamespace(
            content=content, meta={}, toc=[], url="producten/", title="Catalogus"
        )

    marked = page(body.format(f"<!--search-index:skip-->{cards}<!--/search-index:skip-->"))
    ours = hook.SectionsOnlyIndex(lang=["nl"], separator=" ", pipeline=[], fields={})
    ours.add_entry_from_context(marked)
    stock = SearchIndex(lang=["nl"], separator=" ", pipeline=[], fields={})
    stock.add_entry_from_context(page(body.format(cards)))
    assert ours.entries == stock.entries and len(stock.entries) == 2
    assert "search-index:skip" not in marked.content and "Kaart" in marked.content
    unread = page(body.format("<!--search-index:skip--><p>Ongelezen</p><!--/search-index:skip-->"))
    ours.add_entry_from_context(unread)
    assert "Ongelezen" not in str(ours.entries), "what is between the marks is not parsed"


def test_no_skip_marks_reach_the_published_html(real_site: Path) -> None:
    pages = list(real_site.rglob("*.html"))
    assert len(pages) > 50
    assert not [p for p in pages if "search-index:skip" in p.read_text(encoding="utf-8")]
