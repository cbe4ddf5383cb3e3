"""Hook: render Material's navigation (sidebar and tabs) once for all pages outside the nav.

Material renders the whole navigation into every page, and at 1000 products that was about
a seventh of each language pass. Products and news items are outside the nav (``not_in_nav``
in mkdocs.yml): on those pages no nav item is active, so their navigation differs only in
its relative links, and those are the same for every page in one folder. overrides/main.html
asks ``samen_shared_nav(partial)`` for ``partials/nav.html`` and ``partials/tabs.html``
instead of including them; each is rendered once per folder and pass, and the same HTML is
handed out after that.
Pages in the nav get their own, rendered as usual. Without this hook (the benchmark's stock
build) the template includes the partial itself; a test compares both builds byte for byte.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


def _links(items: list) -> Iterator:
    for item in items:
        if item.children:
            yield from _links(item.children)
        if getattr(item, "url", None) is not None:
            yield item


class SharedNavigation:
    """The navigation HTML of the pages outside the nav of one language pass, by folder."""

    def __init__(self, nav: Navigation) -> None:
        self._nav_pages = nav.pages
        self._nav_files = {page.file.src_uri for page in nav.pages}
        # Every link of the nav (pages and links to elsewhere), each ending in one "/".
        self._nav_urls = [item.url.rstrip("/") + "/" for item in _links(nav.items)]
        self._by_folder: dict[tuple, Markup] = {}

    def _folder(self, page: Page | None) -> str | None:
        """The key the page's navigation is shared under, or None when it needs its own."""
        if page is None or page.file is None:
            return None  # a template without a page of its own (404.html, say)
        if page.file.src_uri in self._nav_files:
            return None  # its own item (and those above it) are marked active
        own = page.url.rstrip("/") + "/"
        if any(url.startswith(own) for url in self._nav_urls):
            return None  # a nav link below the page itself would be relative to it alone
        return posixpath.dirname(page.url.rstrip("/"))

    @pass_context
    def __call__(self, context: Context, partial: str) -> Markup:
        folder = self._folder(context.get("page"))
        # With the nav's titles: the preview (samen.preview) renders saved pages again with
        # this pass's objects, and a saved page may have a new title.
        titles = tuple(page.title for page in self._nav_pages)
        key = (partial, folder, titles) if folder is not None else None
        if key is not None and key in self._by_folder:
            return self._by_folder[key]
        # As `{% include %}` renders it: a new context of the including template's variables.
        template = context.environment.get_template(partial)
        html = Markup("".join(template.root_render_func(template.new_context(context.get_all()))))
        if key is not None:
            self._by_folder[key] = html
        return html


_nav: Navigation | None = None


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    global _nav
    _nav = nav
    return nav


def on_env(env, config: MkDocsConfig, files: Files):
    # A new one every pass: the other language has its own navigation.
    env.globals["samen_shared_nav"] = SharedNavigation(_nav) if _nav is not None else None
    return env
