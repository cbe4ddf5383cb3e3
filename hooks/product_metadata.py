"""Hook: machine-readable metadata for product pages, and their citation files.

Adds schema.org JSON-LD, ``citation_*`` and Open Graph tags to the ``<head>`` of every
product page, and writes ``cite.bib``, ``cite.ris`` and ``cite.json`` next to each
published product's Dutch page, in the Dutch pass (one set per product: samen.citation).
"""

from __future__ import annotations

import contextlib
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from samen import build_cache
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


def _write_files(folders: list[tuple[Path, dict[str, str]]]) -> None:
    for folder, files in folders:
        folder.mkdir(parents=True, exist_ok=True)  # once for the three files in it
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")


# A thread writes the citation files (three per product, in the Dutch pass) while MkDocs renders
# the pages: creating thousands of small files is slow on some disks, and the thread waits
# on the disk, not on the interpreter. One thread per pass, joined at the end of the pass, so
# none is alive when hooks/parallel_languages.py forks the next build.
_writing: tuple[ThreadPoolExecutor, Future] | None = None


# After MkDocs has emptied site_dir (which it does after on_pre_build), before any page.
def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _writing
    site = build_cache.current()
    lang = current_language(config)
    site_url = config.site_url or "/"
    citation_files = []
    for product in site.products.values() if lang == DEFAULT_LANGUAGE else ():
        if not citable(product):
            continue
        url = records_folder(product)
        texts = {
            name: write(site, product, site_url + url) for name, write in CITATION_FILES.items()
        }
        citation_files.append((Path(config.site_dir) / url, texts))
    writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="citation-files")
    _writing = (writer, writer.submit(_write_files, citation_files))
    return files


def _finish_writing() -> None:
    global _writing
    writing, _writing = _writing, None
    if writing is not None:
        writer, result = writing
        try:
            result.result()  # raises what the thread raised
        finally:
            writer.shutdown(wait=True)  # the thread has ended


def on_post_build(config: MkDocsConfig) -> None:
    _finish_writing()


def on_build_error(error: Exception) -> None:
    with contextlib.suppress(Exception):
        _finish_writing()
