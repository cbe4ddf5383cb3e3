"""Merge the output of a language pass built in another process into the site.

Used by hooks/parallel_languages.py. The later pass of mkdocs-static-i18n writes its pages
below ``<lang>/`` and, like the first pass, the theme's files and a few site-wide files at
the root. Sequentially those root files are written twice with the same content, except
``sitemap.xml``, which the plugin writes from every pass built so far: here the two
sitemaps are joined instead. Files only the later pass writes (its search index) move in.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

SITEMAP = "sitemap.xml"


def join_sitemaps(first: str, later: str) -> str:
    """The ``<url>`` entries of ``first``, then those of ``later``, in one ``<urlset>``."""
    end = first.rindex("\n</urlset>")
    header_end = later.index(">", later.index("<urlset")) + 1
    return first[:end] + later[header_end:]


def _gzip_mtime(path: Path) -> int:
    return int.from_bytes(path.read_bytes()[4:8], "little")


def merge_language_pass(staging: Path, site_dir: Path) -> None:
    """Move what the later pass wrote into ``staging`` into ``site_dir``."""
    for folder, _, names in os.walk(staging):
        for name in names:
            source = Path(folder) / name
            relative = source.relative_to(staging)
            target = site_dir / relative
            if relative.as_posix() in (SITEMAP, f"{SITEMAP}.gz"):
                continue
            if target.exists():
                continue  # written by both passes alike (theme files, the bilingual 404 page)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
    later_sitemap = staging / SITEMAP
    if later_sitemap.exists():
        sitemap = site_dir / SITEMAP
        joined = join_sitemaps(
            sitemap.read_text(encoding="utf-8"), later_sitemap.read_text(encoding="utf-8")
        )
        sitemap.write_text(joined, encoding="utf-8")
        # As MkDocs writes it, with the later pass's build time, as the sequential build does.
        with (
            open(site_dir / f"{SITEMAP}.gz", "wb") as raw,
            gzip.GzipFile(
                fileobj=raw,
                filename=f"{SITEMAP}.gz",
                mode="wb",
                mtime=_gzip_mtime(staging / f"{SITEMAP}.gz"),
            ) as compressed,
        ):
            compressed.write(joined.encode("utf-8"))
