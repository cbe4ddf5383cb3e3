"""Hook: fill the ``<!-- samen:name -->`` markers of hand-written pages.

Editors write the prose of a page and put a marker where a generated part belongs
(the catalogue, a leernetwerk's products, the partner index, Tabel 1, the organogram).
The markers survive Markdown as HTML comments; filling them after Markdown keeps the
generated HTML away from the Markdown parser. Which markers exist, and where they may
stand, is checked when the content is loaded (``samen.site_data``).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from samen import build_cache
from samen.i18n import current_language
from samen.rendering import PageContext, fill_markers
from samen.schemas import LeernetwerkPageMeta


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "<!-- samen:" not in html:
        return html
    site = build_cache.current()
    source = site.pages.get(page.file.src_uri)
    leernetwerk = (
        source.meta.leernetwerk if source and isinstance(source.meta, LeernetwerkPageMeta) else None
    )
    context = PageContext(site, current_language(config), page.url)
    return fill_markers(html, context, leernetwerk)
