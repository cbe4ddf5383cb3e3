"""The validated ``SiteData`` of the build in progress.

mkdocs-static-i18n runs the whole build once per language in the same process, so
every hook event fires twice. The first language pass loads and validates; the
second reuses the result. Hook files are loaded by path as separate modules, so the
state they share lives here, in the package, where every hook imports the same copy.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from samen.site_data import SiteData, load_site_data

_current: SiteData | None = None


@contextmanager
def _garbage_collection_paused() -> Iterator[None]:
    """Reading the content makes hundreds of thousands of YAML nodes, none of them in a
    reference cycle; Python's collector would walk all of them again in each of its full
    collections meanwhile (five of them, a second of a 3000-product build)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load(project_dir: Path, docs_dir: Path) -> SiteData:
    """Load and validate everything for a new build (raises ``ContentError``)."""
    global _current
    _current = None
    with _garbage_collection_paused():
        _current = load_site_data(project_dir, docs_dir)
    return _current


def current() -> SiteData:
    """The data of the build in progress."""
    if _current is None:
        raise RuntimeError("site data requested before hooks/load_content.py loaded it")
    return _current
