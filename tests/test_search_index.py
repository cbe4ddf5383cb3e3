"""The per-language search indexes: how they are built, and what the real site publishes."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
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
    documents_from_sections,
    dutch_stop_words,
    lunr_index,
    undouble_consonant,
)
from samen.search_sections import page_sections, plain_text

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
    ours_builder = search_index._filled_builder(documents, lang, search_index._MemoisingBuilder)
    lunr_builder = search_index._filled_builder(documents, lang, Builder)
    ours, lunr_pys = ours_builder.build().serialize(), lunr_builder.build().serialize()
    assert len(ours["invertedIndex"]) > 500
    assert ours == lunr_pys
    # The serialised index shows frequencies and lengths only as rounded weights, and the
    # compact index is made of them: compare them as they are, in lunr.py's order too.
    for state in ("field_term_frequencies", "field_lengths", "inverted_index"):
        assert _in_order(getattr(ours_builder, state)) == _in_order(getattr(lunr_builder, state))
    frequencies = ours_builder.field_term_frequencies.values()
    assert any(tf > 1 for tf in (n for terms in frequencies for n in terms.values()))
    assert search_index.compact_index(ours_builder) == search_index.compact_index(lunr_builder)


def _in_order(value):
    """Nested dicts as nested lists of items, so that comparing them compares the order."""
    if isinstance(value, dict):
        return [(key, _in_order(item)) for key, item in value.items()]
    return value


def test_words_are_split_where_lunr_splits() -> None:
    every_space = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()]
    assert max(every_space) < "\u3001", "the fast split knows every white space character"
    texts = [
        "Jeugd-hulp\u00a0en  gezin\tkind\n-x- ",
        "dunne\u2009spatie\u202fen \x1cscheider\u3000",
        "",
        " - ",
        "Één Ⅻ ǅ",
    ]
    for text in texts:
        assert [w for w in search_index._words(text) if w] == [
            w for w in search_index._SEPARATORS.split(text.lower()) if w
        ], repr(text)
    documents = [SearchDocument(str(n), "t", text) for n, text in enumerate(texts)]
    ours = lunr_index(documents, "nl").serialize()
    assert ours == lunr_index(documents, "nl", builder_class=Builder).serialize()


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


def test_building_imports_no_nltk() -> None:
    """The stemmer is Snowball's own (PyStemmer). nltk (lunr.py's choice, which lunr loads
    whenever it is installed) is not in requirements.txt: it took 0.3 s to import, and could
    download."""
    code = (
        "import sys; from samen.search_index import build_index, SearchDocument; "
        "build_index([SearchDocument('x/', 'Gezinnen', 'De kinderen van gezinnen')], 'nl'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'nltk'))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


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


def _page(content: str, url: str = "producten/", **meta) -> SimpleNamespace:
    return SimpleNamespace(content=content, meta=meta, toc=[], url=url, title="Catalogus")


def _our_documents(page: SimpleNamespace) -> list[SearchDocument]:
    index = _search_index_hook().SectionsOnlyIndex(
        lang=["nl"], separator=" ", pipeline=[], fields={}
    )
    index.add_entry_from_context(SimpleNamespace(**vars(page)))  # a copy: it edits content
    return documents_from_sections(index.sections, {})


def _materials_documents(page: SimpleNamespace) -> list[SearchDocument]:
    """What Material's own parser made of the page, as our hook gave it the page before."""
    unread = _search_index_hook()._SKIP.sub("", page.content)
    index = SearchIndex(lang=["nl"], separator=" ", pipeline=[], fields={})
    index.add_entry_from_context(SimpleNamespace(**{**vars(page), "content": unread}))
    return [
        SearchDocument(e["location"], plain_text(e["title"]), plain_text(e["text"]))
        for e in index.entries
    ]


def test_our_sections_are_materials_on_every_page_of_the_real_site(
    real_site_pages: list[SimpleNamespace],
) -> None:
    assert len(real_site_pages) > 50
    assert {p.url.startswith("en/") for p in real_site_pages} == {True, False}, "both languages"
    anchors = 0
    for page in real_site_pages:
        ours = _our_documents(page)
        assert ours == _materials_documents(page), page.url
        anchors += sum("#" in d.location for d in ours)
    assert anchors > 50, "sections, not only pages"


# HTML that takes each of Material's parser's rules (and html.parser's) at least once.
TRICKY_PAGES = {
    "sections and anchors": '<h1 id="t">Titel</h1><p>Een</p><h2 id="a">A</h2><p>Twee</p>',
    "text before the first heading": '\n<p>Voor</p><h1 id="t">Titel</h1><p>Na</p>',
    "first heading not h1": '<h2 id="a">A</h2><p>Een</p><h3 id="b">B <code>c</code></h3>',
    "no headings": "<p>Alleen tekst &amp; meer</p>",
    "heading without id": '<h1 id="t">T</h1><h2>Geen id</h2><p>x</p><h1>Ook niet</h1>',
    "empty heading takes the page title": '<h1 id="t">T</h1><h2 id="e"></h2><p>x</p>',
    "permalink": '<h1 id="t">T<a class="headerlink" href="#t">¶</a></h1><p>x</p>',
    "nested heading": '<h1 id="t">T</h1><p>a</p><div><h2 id="n">N</h2><p>b</p></div><p>c</p>',
    "nested first heading": '<div><h2 id="n">N</h2><p>b</p></div><p>c</p><h2 id="m">M</h2>',
    "tables join cells": "<table><tr><td>een</td><td>twee</td></tr></table><p>drie</p>",
    "code and entities": "<pre><code>a &lt;b&gt; &amp;amp;\n  c</code></pre><p>&#233;&eacute;</p>",
    "empty elements are dropped": "<p>a</p><p> </p>b<p></p><ul><li></li><li> x </li></ul>y",
    "empty first of several": "x<p> </p><p>y</p>z<code> </code>w",
    "lists": "<ul><li>een<ul><li>twee</li></ul></li><li>drie</li></ul><ol><li>vier</li></ol>",
    "admonition and details": (
        '<div class="admonition note"><p class="admonition-title">Let op</p><p>Tekst</p></div>'
        "<details><summary>Meer</summary><p>Verborgen</p></details>"
    ),
    "footnotes": (
        '<p>Tekst<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>'
        '<div class="footnote"><hr /><ol><li id="fn:1"><p>Noot&#160;'
        '<a class="footnote-backref" href="#fnref:1">&#8617;</a></p></li></ol></div>'
    ),
    "excluded element": "<p>a</p><div data-search-exclude><p>weg</p><h3>Kop</h3></div><p>b</p>",
    "nested exclusion ends at the first inner close": (
        "<div data-search-exclude><div>weg</div>terug<p>ook</p></div><p>na</p>"
    ),
    "nested excluded": (
        "<div data-search-exclude><span><div data-search-exclude>x</div>y</span></div>z"
    ),
    "excluded heading drops its section": (
        '<h1 id="t">T</h1><p>a</p><h2 id="c" data-search-exclude>Citeren</h2><p>weg</p>'
        '<h2 id="d">D</h2><p>d</p>'
    ),
    "excluded heading inside an excluded element": (
        '<h1 id="t">T</h1><section data-search-exclude><h2 id="v">V</h2><p>weg</p></section>'
        "<p>na</p>"
    ),
    "line numbers": '<table><tr><td class="linenodiv"><pre>1\n2</pre></td><td>code</td></tr>'
    "</table>",
    "script style object": (
        '<p>a</p><script>var s = "<div><p>";</script><style>p{}</style>'
        "<object><p>o</p></object><p>b</p><SCRIPT type=x>if (a<b) {}</SCRIPT >c"
    ),
    "comments and declarations": "<!-- x --><p>a<!--y-->b</p><!DOCTYPE html><?pi x?><![CDATA[z]]>c",
    "void and self-closing": "<p>a<br>b<br/>c<img src=x alt=y>d</p><div/>e<span />f<hr>",
    "attributes": (
        '<h1 id="t">T</h1><h2 id="a&amp;b" class=\'x\'>A</h2><p title="1 > 0" data-x=y>p</p>'
        '<h3 ID="U">U</h3><H4 id>Leeg</H4><p>q</p>'
    ),
    "stray markup": "<p>a < b</p> c <3 d </ e> f </x> g </p> h <",
    "unclosed and mismatched": "<div><p>a<span>b</div>c</p>d<li>e",
    "same tag as the heading in its section": '<h2 id="a">A</h2><p>x</p><h2>B</h2><p>y</p>',
    "uppercase and entities in headings": '<H1 ID="t">Jeugd &amp; gezin</H1><P>Tekst</P>',
    "unterminated comment": "<p>a</p><!-- open",
    "unterminated script": "<p>a</p><script>b",
    "broken start tag": '<p>a</p><div class="x" <p>b</p>',
    "white space only": " \n ",
    "empty": "",
}


@pytest.mark.parametrize("html", TRICKY_PAGES.values(), ids=TRICKY_PAGES.keys())
def test_our_sections_are_materials_on_tricky_html(html: str) -> None:
    page = _page(html, title="Voorpagina")
    assert _our_documents(page) == _materials_documents(page)


def test_where_materials_parser_fails_ours_goes_on() -> None:
    """An end tag whose start tag went unrecorded: Material's parser raises ValueError."""
    html = "<ul data-search-exclude><li><ul data-search-exclude><li>x</li></ul>y</li></ul>z"
    with pytest.raises(ValueError):
        _materials_documents(_page(html))
    assert [s.text for s in page_sections(html, "a/", "A")] == ["y z"]


def test_pages_left_out_of_search_have_no_sections() -> None:
    page = _page('<h1 id="t">T</h1><p>x</p>', search={"exclude": True})
    assert _our_documents(page) == [] == _materials_documents(page)
    assert page_sections("<p>x</p>", "a/", "A &amp; B")[0].title == "A & B", "as Material's"


def test_lists_left_out_of_the_index_are_never_read_and_the_documents_stay_the_same() -> None:
    cards = '<ul class="samen-cards" data-search-exclude><li><h3>Kaart</h3><p>Tekst</p></li></ul>'
    body = '<h1 id="t">Catalogus</h1><p>Inleiding</p>{}<h2 id="s">Verder</h2><p>Slot</p>'
    marked = _page(body.format(f"<!--search-index:skip-->{cards}<!--/search-index:skip-->"))
    stock = _page(body.format(cards))
    assert _our_documents(marked) == _materials_documents(stock)
    assert len(_our_documents(marked)) == 2
    hook = _search_index_hook()
    ours = hook.SectionsOnlyIndex(lang=["nl"], separator=" ", pipeline=[], fields={})
    ours.add_entry_from_context(marked)
    assert "search-index:skip" not in marked.content and "Kaart" in marked.content
    unread = _page(body.format("<!--search-index:skip--><p>Ongelezen</p><!--/search-index:skip-->"))
    ours.add_entry_from_context(unread)
    assert "Ongelezen" not in str(ours.sections), "what is between the marks is not read"
    assert ours.entries == [], "Material's own index gets no entries"


def test_no_skip_marks_reach_the_published_html(real_site: Path) -> None:
    pages = list(real_site.rglob("*.html"))
    assert len(pages) > 50
    assert not [p for p in pages if "search-index:skip" in p.read_text(encoding="utf-8")]
