"""Hook: put the date, source and what it concerns under the title of every news item.

News items are committed Markdown pages (``docs/nieuws/<id>.md`` and ``<id>.en.md``),
like products: Material's blog plugin does not work with mkdocs-static-i18n, and pages
generated at build time are fragile under it. The listing, the links from leernetwerk
and product pages and the feed are generated from their front matter.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from samen import build_cache
from samen.i18n import current_language
from samen.rendering import PageContext, around_title, news_page_summary
from samen.site_data import page_language


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site = build_cache.current()
    _, norm_uri = page_language(page.file.src_uri)
    news = site.news_of_page(norm_uri)
    if news is None:
        return html
    summary = news_page_summary(news, PageContext(site, current_language(config), page.url))
    return around_title(html, summary)
