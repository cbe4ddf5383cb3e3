"""Hook: load a page's own script and stylesheet only on the pages that need them.

The LISO tool's script and styles (docs/assets/js/liso-tool.js, docs/assets/css/liso-tool.css)
are needed on the tool page only, so they are not in ``extra_javascript``/``extra_css``
(which load on every page). overrides/main.html adds what ``samen_page_assets`` lists.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

# A mark in a page's generated HTML -> the assets it needs (paths inside docs/).
PAGE_ASSETS: dict[str, dict[str, list[str]]] = {
    "data-samen-liso-tool": {
        "scripts": ["assets/js/liso-tool.js"],
        "styles": ["assets/css/liso-tool.css"],
    },
}


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    scripts: list[str] = []
    styles: list[str] = []
    for mark, assets in PAGE_ASSETS.items():
        if page.content and mark in page.content:
            scripts.extend(assets["scripts"])
            styles.extend(assets["styles"])
    context["samen_page_assets"] = {"scripts": scripts, "styles": styles}
    return context
