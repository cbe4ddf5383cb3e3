"""The list of published URLs, and the command that adds new pages to it.

    .venv/bin/python tests/published_urls.py site    # after `make build`: add new URLs

URLs are only ever added: a page that disappears must leave a redirect (an ``aliases``
entry on the page that replaces it), which the test in test_published_urls.py checks.
"""

from __future__ import annotations

import sys
from pathlib import Path

LIST = Path(__file__).resolve().parent / "published-urls.txt"


def site_urls(site: Path) -> set[str]:
    """Every page URL of a built site (directory URLs), both languages."""
    return {
        "/"
        + p.parent.relative_to(site).as_posix().removeprefix(".")
        + ("/" if p.parent != site else "")
        for p in site.rglob("index.html")
    }


def published() -> list[str]:
    lines = LIST.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def add_new(site: Path) -> list[str]:
    new = sorted(site_urls(site) - set(published()))
    if new:
        with LIST.open("a", encoding="utf-8") as handle:
            handle.writelines(f"{url}\n" for url in new)
    return new


if __name__ == "__main__":
    added = add_new(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
    print(f"{len(added)} URL(s) added to {LIST.name}")
    for url in added:
        print(f"  {url}")
