"""Hook: write a redirect page at every old URL a product lists in ``aliases``.

Runs after each language pass has written its pages; the data layer has already
checked that no alias collides with a real page or another alias.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from samen import build_cache
from samen.i18n import current_language
from samen.redirects import alias_targets, redirect_page


def on_post_build(config: MkDocsConfig) -> None:
    lang = current_language(config)
    site_url = config.site_url or "/"
    for old_url, new_url in alias_targets(build_cache.current(), lang).items():
        path = Path(config.site_dir) / old_url / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(redirect_page(old_url, new_url, site_url + new_url, lang), encoding="utf-8")
