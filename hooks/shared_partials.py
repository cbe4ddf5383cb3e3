"""Hook: render the parts of Material's page that many pages share once, not on every page.

Material renders its whole page template for every page, and some parts are the same on
many of them:

- The navigation (sidebar and tabs) of the pages outside the nav. At 1000 products it was
  about a seventh of each language pass. Products and news items are outside the nav
  (``not_in_nav`` in mkdocs.yml): on those pages no nav item is active, so their navigation
  differs only in its relative links, and those are the same for every page in one folder.
  overrides/main.html asks ``samen_shared_nav(partial)`` for ``partials/nav.html`` and
  ``partials/tabs.html`` instead of including them; each is rendered once per folder and
  pass. Pages in the nav get their own, rendered as usual.
- Parts whose every input the template names: ``samen_shared_partial(partial, *key)``
  renders ``partial`` once per pass and key. The search box (overrides/partials/search-box.html)
  is the same on every page of a language; the page configuration (overrides/main.html,
  block ``config``) differs only in the links it holds, which are its key.

Each is rendered as ``{% include %}`` would render it, and the same HTML is handed out after
that. Without this hook (the benchmark's stock build) the templates include the partials
themselves; a test compares both builds byte for byte.
"""

from __future__ import annotations

import posixpath
from collections.abc import Hashable, Iterator

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


def _as_included(context: Context, partial: str) -> Markup:
    """``partial`` as `{% include %}` renders it: a new context of the includer's variables."""
    template = context.environment.get_template(partial)
    return Markup("".join(template.root_render_func(template.new_context(context.get_all()))))


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
        html = _as_included(context, partial)
        if key is not None:
            self._by_folder[key] = html
        return html


class SharedPartials:
    """Partials rendered once per language pass and key; the key must hold every input of
    the partial that is not the same throughout the pass (the template that calls it says)."""

    def __init__(self) -> None:
        self._rendered: dict[tuple[Hashable, ...], Markup] = {}

    @pass_context
    def __call__(self, context: Context, partial: str, *key: Hashable) -> Markup:
        full_key = (partial, *key)
        html = self._rendered.get(full_key)
        if html is None:
            html = self._rendered[full_key] = _as_included(context, partial)
        return html


_nav: Navigation | None = None


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    global _nav
    _nav = nav
    return nav


def on_env(env, config: MkDocsConfig, files: Files):
    # New ones every pass: the other language has its own navigation and its own texts. The
    # preview (samen.preview) keeps each pass's environment, and with it these.
    env.globals["samen_shared_nav"] = SharedNavigation(_nav) if _nav is not None else None
    env.globals["samen_shared_partial"] = SharedPartials()
    return env
