"""Every internal link and anchor in both language trees resolves; external links are listed.

MkDocs checks Markdown links, but not the links that templates, hooks and fragments
write into the HTML. This test reads what a visitor gets. External links are not
fetched (no network in a build); they are written to a report for a person to review.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import record_quality

pytestmark = pytest.mark.build

BASE = "http://site.invalid/"
LINKING = {
    "a": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "source": "src",
    "use": "href",
}


def _target_file(site: Path, url_path: str) -> Path:
    path = site / unquote(url_path).lstrip("/")
    return path / "index.html" if url_path.endswith("/") or path.is_dir() else path


def check_links(site: Path) -> tuple[list[str], dict[str, list[str]]]:
    """Broken internal links (as messages) and external links (url -> pages)."""
    pages = {
        p: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in site.rglob("*.html")
    }
    ids = {
        p: {tag["id"] for tag in s.select("[id]")} | {t["name"] for t in s.select("a[name]")}
        for p, s in pages.items()
    }
    broken: list[str] = []
    external: dict[str, list[str]] = defaultdict(list)
    for page, soup in pages.items():
        relative = page.relative_to(site).as_posix()
        page_url = urljoin(BASE, relative)
        for tag_name, attribute in LINKING.items():
            for tag in soup.find_all(tag_name):
                href = tag.get(attribute)
                if not href or href.startswith(("mailto:", "tel:", "data:", "javascript:")):
                    continue
                absolute = urljoin(page_url, href)
                if not absolute.startswith(BASE):
                    if tag_name == "link" and "canonical" in (tag.get("rel") or []):
                        continue
                    external[absolute].append(relative)
                    continue
                url, fragment = urldefrag(absolute)
                target = _target_file(site, urlparse(url).path)
                if not target.is_file():
                    broken.append(f"{relative}: {href} -> missing {target.relative_to(site)}")
                elif fragment and target.suffix == ".html" and unquote(fragment) not in ids[target]:
                    broken.append(
                        f"{relative}: {href} -> no id '{fragment}' in {target.relative_to(site)}"
                    )
    return broken, dict(external)


def test_every_internal_link_and_anchor_resolves(real_site: Path, tmp_path: Path) -> None:
    broken, external = check_links(real_site)
    report = tmp_path / "external-links.json"
    report.write_text(json.dumps(external, indent=2, sort_keys=True), encoding="utf-8")
    summary = f"{len(broken)} broken internal links; {len(external)} external links ({report})"
    print(f"links: {summary}")
    record_quality(f"links: {'ok  ' if not broken else 'FAIL'} {summary}")
    for url in sorted(external):
        print(f"  external: {url} ({len(external[url])} pages)")
    assert broken == []


def test_the_checker_finds_a_missing_page_and_a_missing_anchor(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="b/">missing</a><a href="a/#here">ok</a>'
        '<a href="a/#gone">no anchor</a><a href="https://example.org/x">ext</a>'
    )
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">Here</h2>')
    broken, external = check_links(tmp_path)
    assert len(broken) == 2
    assert any("missing b/index.html" in b for b in broken)
    assert any("no id 'gone'" in b for b in broken)
    assert external == {"https://example.org/x": ["index.html"]}
