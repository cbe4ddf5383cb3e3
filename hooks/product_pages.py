"""Hook: add the structured summary box and related products to every product page.

The editor writes only the body text of a product; everything in its front matter
(type, leernetwerk, themes, audience, date, status, organisations, links, downloads)
is shown in a summary box under the title; "how to cite" and related products close
the page.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from samen import build_cache
from samen.i18n import current_language
from samen.rendering import PageContext, around_title, product_page_parts
from samen.site_data import page_language


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site = build_cache.current()
    _, norm_uri = page_language(page.file.src_uri)
    product = site.product_of_page(norm_uri)
    if product is None:
        return html
    context = PageContext(site, current_language(config), page.url)
    site_url = config.site_url or "/"
    summary, related = product_page_parts(product, context, site_url)
    return around_title(html, summary, related)
