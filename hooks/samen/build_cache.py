"""The validated ``SiteData`` of the build in progress.

mkdocs-static-i18n runs the whole build once per language in the same process, so
every hook event fires twice. The first language pass loads and validates; the
second reuses the result. Hook files are loaded by path as separate modules, so the
state they share lives here, in the package, where every hook imports the same copy.
"""

from __future__ import annotations

from pathlib import Path

from samen.collector import collection_paused
from samen.site_data import SiteData, load_site_data

_current: SiteData | None = None


def load(project_dir: Path, docs_dir: Path) -> SiteData:
    """Load and validate everything for a new build (raises ``ContentError``)."""
    global _current
    _current = None
    with collection_paused():  # see samen.collector
        _current = load_site_data(project_dir, docs_dir)
    return _current


def current() -> SiteData:
    """The data of the build in progress."""
    if _current is None:
        raise RuntimeError("site data requested before hooks/load_content.py loaded it")
    return _current
