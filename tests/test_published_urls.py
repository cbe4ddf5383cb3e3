"""URLs never break: every published URL still leads somewhere in the built site."""

from __future__ import annotations

from pathlib import Path

import pytest

from published_urls import LIST, published, site_urls

pytestmark = pytest.mark.build


def test_every_published_url_is_a_page_or_a_redirect(real_site: Path) -> None:
    missing = [url for url in published() if url not in site_urls(real_site)]
    assert missing == [], (
        f"These published URLs no longer exist: {missing}. Do not remove pages that others "
        "link to: add the old URL to 'aliases' of the page that replaces it."
    )


def test_every_page_is_on_the_published_list(real_site: Path) -> None:
    new = sorted(site_urls(real_site) - set(published()))
    assert new == [], (
        f"New pages are missing from {LIST.name}: {new}. "
        "Run `.venv/bin/python tests/published_urls.py site` after `make build`."
    )
