"""Hook: tell visitors when an English page shows the Dutch text.

With ``fallback_to_default`` the i18n plugin publishes the Dutch page under /en/ when no
English version exists, instead of a 404. Such a page gets a visible notice and its
content is marked ``lang="nl"`` so screen readers pronounce it as Dutch
(see overrides/main.html).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from samen.i18n import current_language
from samen.ui_text import ui_text


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    lang = current_language(config)
    file_locale = getattr(page.file, "locale", lang)
    context["samen_fallback_lang"] = file_locale if file_locale != lang else None
    context["samen_fallback_notice"] = ui_text(lang)["fallback_notice"]
    return context
