"""Hook: machine-readable metadata for product pages, and their citation files.

Adds schema.org JSON-LD, ``citation_*`` and Open Graph tags to the ``<head>`` of every
product page, and writes ``cite.bib``, ``cite.ris`` and ``cite.json`` next to each
published product's Dutch page, in the Dutch pass (one set per product: samen.citation).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from samen import build_cache
from samen.background import Background, BackgroundWorkFailed
from samen.citation import CITATION_FILES, citable, records_folder
from samen.i18n import current_language
from samen.metadata import product_head
from samen.site_data import DEFAULT_LANGUAGE, Product, page_language


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


def _citation_files(site_dir: Path, site_url: str) -> None:
    site = build_cache.current()
    for product in site.products.values():
        if not citable(product):
            continue
        url = records_folder(product)
        folder = site_dir / url
        folder.mkdir(parents=True, exist_ok=True)  # once for the three files in it
        for name, write in CITATION_FILES.items():
            (folder / name).write_text(write(site, product, site_url + url), encoding="utf-8")


# The citation files (three per product, in the Dutch pass) are written beside the page
# rendering, in a process of their own where possible (samen.background): creating thousands
# of small files is slow on some disks. Waited for at the end of the pass, so that nothing of
# it runs when hooks/parallel_languages.py merges the passes.
_writing: Background | None = None


# After MkDocs has emptied site_dir (which it does after on_pre_build), before any page.
def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _writing
    if current_language(config) == DEFAULT_LANGUAGE:
        site_dir, site_url = Path(config.site_dir), config.site_url or "/"
        _writing = Background(lambda: _citation_files(site_dir, site_url), "citation-files")
    return files


def _finish_writing() -> None:
    global _writing
    writing, _writing = _writing, None
    if writing is None:
        return
    try:
        writing.wait()
    except BackgroundWorkFailed as error:
        raise PluginError(
            "Het schrijven van de citeerbestanden is mislukt (zie hierboven) / writing the "
            f"citation files failed (see above): {error.__cause__ or ''}"
        ) from error


def on_post_build(config: MkDocsConfig) -> None:
    _finish_writing()


def _abandon_writing() -> None:
    global _writing
    writing, _writing = _writing, None
    if writing is not None:
        writing.abandon()


def on_build_error(error: Exception) -> None:
    _abandon_writing()


def on_shutdown() -> None:
    """Also after an interrupted build (Ctrl+C skips on_build_error): nothing left running."""
    _abandon_writing()
