"""Site URLs of pages, and links between them that work from any page."""

from __future__ import annotations

import posixpath
from functools import cache

from samen.site_data import page_url


def _segments(url: str) -> list[str]:
    # normpath is string arithmetic too: "a/../b" is "b" (an alias may be written so).
    return [part for part in posixpath.normpath(url).split("/") if part and part != "."]


# Pure functions of their strings, asked for some ten thousand times per language pass (every
# card of every listing links to its product, and most of those pairs are asked once):
# ``posixpath.relpath`` asks the operating system for the working directory on every call,
# so the path arithmetic is done here on the strings (tests compare it with relpath).
@cache
def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url`` (both site-relative, directory URLs)."""
    start, target = _segments(from_url), _segments(to_url)
    common = 0
    for here, there in zip(start, target, strict=False):
        if here != there:
            break
        common += 1
    parts = [".."] * (len(start) - common) + target[common:]
    link = "/".join(parts) or "."
    if to_url.endswith("/") or to_url == "":
        link = link + "/" if link != "." else "./"
    return link


@cache
def link_to_page(from_url: str, norm_uri: str, lang: str) -> str:
    """Link from a page to the ``lang`` version of a Markdown page (given by its Dutch file)."""
    return relative_url(from_url, page_url(norm_uri, lang))
