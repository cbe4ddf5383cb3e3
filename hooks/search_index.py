"""Hook: one prebuilt lunr search index per language, instead of Material's combined one.

Material's search plugin stays enabled: its header search box and result list are the
interface visitors know. Its indexer no longer reads the pages: the index object it hands
every page to splits the page into sections with ``samen.search_sections`` (the same
sections as Material's HTML parser, in a fraction of the time). After each language pass we
take that pass's sections, add product metadata, and write ``search/search_index.<lang>.json``.

Material's page script still fetches ``search/search_index.json`` and hands it to the
worker; our worker (docs/assets/js/search-worker.js, named in overrides/main.html) ignores
it and loads its own language's index. So that file holds no documents: the plugin's index
object is swapped for one that collects sections but writes none. (mkdocs-static-i18n
rewrites that file after the last language, through the plugin, so overwriting the file
after our pass would not last.)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from material.plugins.search.plugin import SearchIndex
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from samen import build_cache
from samen.collector import collection_paused
from samen.i18n import current_language
from samen.search_index import build_index, documents_from_sections
from samen.search_metadata import product_search_metadata
from samen.search_sections import PageSection, page_sections
from samen.site_data import DEFAULT_LANGUAGE

# Parts that the index leaves out anyway (data-search-exclude): the fragments that render
# product cards, related products and citations also wrap them in these comments, so that
# the section splitter never reads them (a catalogue page holds every product).
_SKIP = re.compile(r"<!--search-index:skip-->.*?<!--/search-index:skip-->", re.S)
_SKIP_MARKS = re.compile(r"<!--/?search-index:skip-->")


class SectionsOnlyIndex(SearchIndex):
    """Material's index object, collecting our sections of every page, writing no documents."""

    def __init__(self, **config) -> None:
        super().__init__(**config)
        self.sections: list[PageSection] = []

    def add_entry_from_context(self, page) -> None:
        content = page.content
        page.content = _SKIP_MARKS.sub("", content)
        if (page.meta.get("search") or {}).get("exclude"):
            return
        title = str(page.meta.get("title", page.title))  # Material's title for untitled sections
        self.sections.extend(page_sections(_SKIP.sub("", content), page.url, title))

    def generate_search_index(self, prev: SearchIndex | None) -> str:
        config = {key: self.config[key] for key in ("lang", "separator", "pipeline")}
        return json.dumps({"config": config, "docs": []}, separators=(",", ":"))


# After Material's search plugin has created its index object in its own on_config (0).
@event_priority(-50)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    search = config.plugins["material/search"]
    if not isinstance(search.search_index, SectionsOnlyIndex):
        search.search_index = SectionsOnlyIndex(**search.search_index.config)
    return config


def on_env(env, config: MkDocsConfig, files):
    """Tell overrides/main.html to name our worker, which reads the indexes written here."""
    env.globals["samen_search_worker"] = True
    return env


def _in_language(location: str, lang: str) -> bool:
    in_english_tree = location.startswith("en/")
    return in_english_tree if lang != DEFAULT_LANGUAGE else not in_english_tree


# After Material's search plugin has written its index (priority 0), before
# mkdocs-static-i18n starts the next language's build (-100).
@event_priority(-50)
def on_post_build(config: MkDocsConfig) -> None:
    lang = current_language(config)
    search = config.plugins["material/search"]
    sections = [s for s in search.search_index.sections if _in_language(s.location, lang)]
    metadata = product_search_metadata(build_cache.current(), lang)
    with collection_paused():  # see samen.collector
        payload = build_index(documents_from_sections(sections, metadata), lang)
    folder = Path(config.site_dir) / "search"
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    (folder / f"search_index.{lang}.json").write_text(text, encoding="utf-8")
