"""Hook: machine-readable metadata for product pages, and their citation files.

Adds schema.org JSON-LD, ``citation_*`` and Open Graph tags to the ``<head>`` of every
product page, and writes ``cite.bib``, ``cite.ris`` and ``cite.json`` next to each
published product page in each language.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from samen import build_cache
from samen.citation import CITATION_FILES, citable
from samen.i18n import current_language
from samen.metadata import product_head
from samen.site_data import Product, page_language, page_url


def _product_of(page: Page) -> Product | None:
    _, norm_uri = page_language(page.file.src_uri)
    return build_cache.current().product_of_page(norm_uri)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    product = _product_of(page)
    if product is None:
        return output
    site_url = config.site_url or "/"
    head = product_head(
        build_cache.current(), product, current_language(config), site_url + page.url, site_url
    )
    return output.replace("</head>", f"  {head}\n</head>", 1)


def on_post_build(config: MkDocsConfig) -> None:
    site = build_cache.current()
    lang = current_language(config)
    site_url = config.site_url or "/"
    for product in site.products.values():
        if not citable(product):
            continue
        url = page_url(product.src_uri, lang)
        folder = Path(config.site_dir) / url
        folder.mkdir(parents=True, exist_ok=True)
        for name, write in CITATION_FILES.items():
            (folder / name).write_text(write(site, product, site_url + url), encoding="utf-8")
