"""Redirect pages for old URLs (``aliases`` of products), so that links to us never break."""

from __future__ import annotations

from html import escape

from samen.site_data import SiteData, page_url, site_path
from samen.urls import relative_url

_TEXT = {
    "nl": ("Deze pagina is verhuisd", "De pagina staat nu op"),
    "en": ("This page has moved", "The page now lives at"),
}


def alias_targets(site: SiteData, lang: str) -> dict[str, str]:
    """Old site-relative URL -> current URL, for the pages of one language."""
    return {
        site_path(f"{alias.strip('/')}/", lang): page_url(product.src_uri, lang)
        for product in site.products.values()
        for alias in product.meta.aliases
    }


def redirect_page(from_url: str, to_url: str, canonical: str, lang: str) -> str:
    """A minimal, valid, accessible HTML page that sends the visitor on at once."""
    target = escape(relative_url(from_url, to_url))
    heading, sentence = _TEXT.get(lang, _TEXT["nl"])
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'">
<title>{heading}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{escape(canonical)}">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<main>
<h1>{heading}</h1>
<p>{sentence} <a href="{target}">{escape(canonical)}</a>.</p>
</main>
</body>
</html>
"""
