"""Merge the output of a language pass built in another process into the site.

Used by hooks/parallel_languages.py. The later pass of mkdocs-static-i18n writes its pages
below ``<lang>/`` and, like the first pass, the theme's files and a few site-wide files at
the root. Sequentially those root files are written twice with the same content, with two
exceptions: ``sitemap.xml``, which the plugin writes from every pass built so far (here the
two sitemaps are joined), and ``404.html``, where every pass writes the first pass's
bilingual page (hooks/material_html_fixes.py; the child, forked before that page existed,
writes its own, which is dropped). Any other file both passes wrote differently is an error:
the sequential build would have kept the later one. Files only the later pass writes (its
search index) move in.
"""

from __future__ import annotations

import filecmp
import gzip
import os
from pathlib import Path

from mkdocs.exceptions import PluginError

SITEMAP = "sitemap.xml"
FIRST_PASS_WINS = "404.html"


def join_sitemaps(first: str, later: str) -> str:
    """The ``<url>`` entries of ``first``, then those of ``later``, in one ``<urlset>``."""
    end = first.rindex("\n</urlset>")
    header_end = later.index(">", later.index("<urlset")) + 1
    return first[:end] + later[header_end:]


def _gzip_mtime(path: Path) -> int:
    return int.from_bytes(path.read_bytes()[4:8], "little")


def _move_in(source: Path, target: Path, staging: Path) -> None:
    """Move ``source`` (under ``staging``) to ``target``: whole folders where none is there."""
    if not target.exists():
        # One rename for a whole folder (all of en/): thousands of files, one system call.
        os.replace(source, target)
        return
    if source.is_dir() and target.is_dir():
        for child in source.iterdir():
            _move_in(child, target / child.name, staging)
        return
    relative = source.relative_to(staging).as_posix()
    if relative in (SITEMAP, f"{SITEMAP}.gz", FIRST_PASS_WINS):
        return
    if source.is_dir() or target.is_dir() or not filecmp.cmp(source, target, shallow=False):
        raise PluginError(
            f"{relative}: beide talen schreven dit bestand verschillend / both "
            "languages wrote this file differently (build with "
            "SAMEN_SEQUENTIAL_BUILD=1, and see hooks/samen/parallel_build.py)."
        )


def merge_language_pass(staging: Path, site_dir: Path) -> None:
    """Move what the later pass wrote into ``staging`` into ``site_dir``."""
    later_sitemap = staging / SITEMAP
    sitemap_text = later_sitemap.read_text(encoding="utf-8") if later_sitemap.exists() else None
    sitemap_mtime = _gzip_mtime(staging / f"{SITEMAP}.gz") if later_sitemap.exists() else 0
    for child in staging.iterdir():
        if child.name in (SITEMAP, f"{SITEMAP}.gz"):
            continue
        _move_in(child, site_dir / child.name, staging)
    if sitemap_text is not None:
        sitemap = site_dir / SITEMAP
        joined = join_sitemaps(sitemap.read_text(encoding="utf-8"), sitemap_text)
        sitemap.write_text(joined, encoding="utf-8")
        # As MkDocs writes it, with the later pass's build time, as the sequential build does.
        with (
            open(site_dir / f"{SITEMAP}.gz", "wb") as raw,
            gzip.GzipFile(
                fileobj=raw, filename=f"{SITEMAP}.gz", mode="wb", mtime=sitemap_mtime
            ) as compressed,
        ):
            compressed.write(joined.encode("utf-8"))
