"""Site URLs of pages, and links between them that work from any page."""

from __future__ import annotations

import posixpath
from functools import cache

from samen.site_data import page_url


# Pure functions of their strings, asked for some ten thousand times per language pass (every
# card of every listing links to its product): cached for the process.
@cache
def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url`` (both site-relative, directory URLs)."""
    start = posixpath.dirname(from_url.rstrip("/") + "/x") if from_url else "."
    target = to_url.rstrip("/") or "."
    link = posixpath.relpath(target or ".", start or ".")
    if to_url.endswith("/") or to_url == "":
        link = link.rstrip("/") + "/" if link != "." else "./"
    return link


@cache
def link_to_page(from_url: str, norm_uri: str, lang: str) -> str:
    """Link from a page to the ``lang`` version of a Markdown page (given by its Dutch file)."""
    return relative_url(from_url, page_url(norm_uri, lang))
