"""Hook: fill the ``<!-- samen:name -->`` markers of hand-written pages.

Editors write the prose of a page and put a marker where a generated part belongs
(the catalogue, a leernetwerk's products, the partner index, Tabel 1, the organogram,
the LISO framework's sections and tool). The markers survive Markdown as HTML comments;
filling them after Markdown keeps the generated HTML away from the Markdown parser. Which
markers exist, and where they may stand, is checked when the content is loaded
(``samen.site_data``).

The table of contents is built from the Markdown, before this runs, so headings that a
marker generates are added to it here (the LISO kernelementen, under the heading the
marker stands below).
"""

from __future__ import annotations

import re

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from samen import build_cache
from samen.i18n import current_language
from samen.rendering import PageContext, fill_markers, liso_section_headings
from samen.schemas import LeernetwerkPageMeta

_LISO_SECTIONS = "<!-- samen:liso-kernelementen -->"
_H2_ID = re.compile(r'<h2 id="([^"]+)"')


def _toc_item(items: list[AnchorLink], anchor: str) -> AnchorLink | None:
    for item in items:
        if item.id == anchor:
            return item
        found = _toc_item(item.children, anchor)
        if found:
            return found
    return None


def _add_liso_sections_to_toc(html: str, page: Page, lang: str) -> None:
    before = html[: html.index(_LISO_SECTIONS)]
    parents = _H2_ID.findall(before)
    parent = _toc_item(list(page.toc), parents[-1]) if parents else None
    if parent is None:
        return
    for anchor, text in liso_section_headings(build_cache.current(), lang):
        # Material writes toc titles unescaped: they are HTML.
        parent.children.append(AnchorLink(str(escape(text)), anchor, parent.level + 1))


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "<!-- samen:" not in html:
        return html
    site = build_cache.current()
    source = site.pages.get(page.file.src_uri)
    leernetwerk = (
        source.meta.leernetwerk if source and isinstance(source.meta, LeernetwerkPageMeta) else None
    )
    lang = current_language(config)
    if _LISO_SECTIONS in html:
        _add_liso_sections_to_toc(html, page, lang)
    context = PageContext(site, lang, page.url)
    return fill_markers(html, context, leernetwerk)
