"""Hook: write the JSON API (with its schemas) and the product feed for each language.

Written after each language pass, outside docs/ and outside MkDocs' page machinery:
``api/v1/*.json``, ``producten/feed.xml``, ``nieuws/feed.xml`` and the calendars
``agenda/*.ics`` for Dutch, the same under ``en/`` for English.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from samen import build_cache
from samen.api import API_VERSION, api_files, json_schemas, news_feed, rss_feed, to_json
from samen.calendar import calendar_files
from samen.i18n import current_language
from samen.site_data import DEFAULT_LANGUAGE


def on_post_build(config: MkDocsConfig) -> None:
    site = build_cache.current()
    lang = current_language(config)
    base_url = config.site_url or "/"
    root = Path(config.site_dir) / ("" if lang == DEFAULT_LANGUAGE else lang)
    api_dir = root / "api" / API_VERSION
    api_dir.mkdir(parents=True, exist_ok=True)
    for name, document in api_files(site, lang, base_url).items():
        (api_dir / name).write_text(to_json(document), encoding="utf-8")
    if lang == DEFAULT_LANGUAGE:
        schema_dir = api_dir / "schema"
        schema_dir.mkdir(exist_ok=True)
        for name, schema in json_schemas().items():
            (schema_dir / name).write_text(schema, encoding="utf-8")
    (root / "producten").mkdir(parents=True, exist_ok=True)
    (root / "producten" / "feed.xml").write_text(rss_feed(site, lang, base_url), encoding="utf-8")
    (root / "nieuws").mkdir(parents=True, exist_ok=True)
    (root / "nieuws" / "feed.xml").write_text(news_feed(site, lang, base_url), encoding="utf-8")
    site_dir = Path(config.site_dir)
    for relative, text in calendar_files(site, lang, base_url).items():
        path = site_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        # newline="" keeps the CRLF line ends that iCalendar requires.
        path.write_text(text, encoding="utf-8", newline="")
