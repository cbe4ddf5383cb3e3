"""Hook: escape front-matter text before any template sees it.

MkDocs' Jinja environment does not autoescape, and Material writes ``page.meta.title``,
``description`` and ``subtitle`` raw into ``<title>``, meta tags, the header and the nav
of every page, and the search index. Escaping them here, once, where they enter the
page, makes every one of those places safe. The escaped value is a ``Markup`` object,
so the few Material templates that do apply ``|e`` leave it alone instead of escaping
it a second time. Our own fragments never read ``page.meta``: they render the raw values
from the validated data with autoescaping on.
"""

from __future__ import annotations

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

TEXT_FIELDS = ("title", "description", "subtitle")


# Highest priority: before any other handler copies a title somewhere.
@event_priority(100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    for name in TEXT_FIELDS:
        value = page.meta.get(name)
        if isinstance(value, str):
            page.meta[name] = escape(value)
    return markdown
