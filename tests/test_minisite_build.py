"""Build the checked-in two-language mini-site and check what a visitor gets."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from conftest import PAYLOADS, build_minisite, read, write_payloads
from samen import build_cache

pytestmark = pytest.mark.build


@pytest.fixture
def built(minisite: Path) -> Path:
    return build_minisite(minisite)


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup(read(site, url), "html.parser")


def test_every_page_exists_in_both_languages(built: Path) -> None:
    for url in ["", "producten/", "producten/testrapport/", "leernetwerken/normaliseren/"]:
        nl = soup(built, url)
        en = soup(built, "en/" + url)
        assert nl.html["lang"] == "nl"
        assert en.html["lang"] == "en"


def test_language_switcher_keeps_the_visitor_on_the_same_page(built: Path) -> None:
    nl = soup(built, "producten/testrapport/")
    links = {a.get("hreflang"): a["href"] for a in nl.select("a[hreflang]")}
    assert links["en"].rstrip("/").endswith("en/producten/testrapport")
    en = soup(built, "en/producten/testrapport/")
    links = {a.get("hreflang"): a["href"] for a in en.select("a[hreflang]")}
    assert links["nl"].rstrip("/").endswith("producten/testrapport")
    assert "/en/" not in links["nl"]


def test_untranslated_page_shows_dutch_with_a_notice(built: Path) -> None:
    en = soup(built, "en/producten/testhandreiking/")
    notice = en.select_one(".samen-fallback")
    assert notice is not None
    assert "not been translated" in notice.get_text()
    assert en.select_one('div[lang="nl"] h1').get_text(strip=True) == "Testhandreiking"
    assert soup(built, "producten/testhandreiking/").select_one(".samen-fallback") is None


def test_catalogue_lists_products_newest_first_in_each_language(built: Path) -> None:
    nl = [a.get_text() for a in soup(built, "producten/").select(".samen-card__title a")]
    en = [a.get_text() for a in soup(built, "en/producten/").select(".samen-card__title a")]
    assert nl == ["Testrapport over normaliseren", "Testhandreiking"]
    assert en == ["Test report on normalising", "Testhandreiking"]
    card = soup(built, "producten/").select_one(".samen-card")
    assert "6 november 2023" in card.get_text()
    assert "Rapport" in card.get_text()


def test_leernetwerk_page_lists_its_products_with_working_links(built: Path) -> None:
    page = soup(built, "en/leernetwerken/normaliseren/")
    hrefs = [a["href"] for a in page.select(".samen-card__title a")]
    assert hrefs == ["../../producten/testrapport/", "../../producten/testhandreiking/"]
    for href in hrefs:
        assert (
            (built / "en" / "leernetwerken" / "normaliseren" / href / "index.html")
            .resolve()
            .is_file()
        )


def test_no_page_loads_anything_from_another_host(built: Path) -> None:
    for html_file in built.rglob("*.html"):
        page = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for tag in page.select("script[src], link[href], img[src], iframe[src], source[src]"):
            url = tag.get("src") or tag.get("href")
            if (
                tag.name == "link"
                and tag.get("rel")
                and set(tag["rel"]) & {"alternate", "canonical"}
            ):
                continue
            assert not re.match(r"^(https?:)?//", url), f"{html_file}: {tag}"
        assert "fonts.googleapis" not in str(page) and "fonts.gstatic" not in str(page)


def test_data_is_loaded_once_for_both_languages(minisite: Path, monkeypatch) -> None:
    calls = []
    original = build_cache.load_site_data

    def counting(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(build_cache, "load_site_data", counting)
    site = build_minisite(minisite)
    assert (site / "en" / "index.html").is_file()
    assert len(calls) == 1


def test_titles_descriptions_and_data_reach_html_escaped_once(minisite: Path) -> None:
    script, img = PAYLOADS
    write_payloads(minisite)
    site = build_minisite(minisite)
    for html_file in site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert "<script>alert" not in html, html_file
        assert "<img src=x" not in html, html_file
        assert "&amp;lt;" not in html, f"escaped twice in {html_file}"
    home = read(site, "")
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; - SAMEN</title>" in home
    catalogue = BeautifulSoup(read(site, "producten/"), "html.parser")
    assert catalogue.select_one(".samen-card__title a").get_text() == img
    assert script in catalogue.select_one(".samen-card__summary").get_text()
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for entry in index["docs"]:
        assert "<script>" not in entry["title"] and "<img" not in entry["title"]


def test_product_page_shows_its_metadata_links_and_related_products(built: Path) -> None:
    page = soup(built, "producten/testrapport/")
    box = page.select_one("article h1 + .samen-product-summary")
    assert box is not None
    facts = {
        div.dt.get_text(strip=True): div.dd.get_text(" ", strip=True)
        for div in box.select("dl.samen-facts > div")
    }
    assert facts == {
        "Type": "Rapport",
        "Leernetwerk": "Leernetwerk Normaliseren",
        "Thema's": "Normaliseren",
        "Voor wie": "Professionals",
        "Datum": "6 november 2023",
        "Status": "Gepubliceerd",
        "Organisaties": "Hogeschool Voorbeeld",
    }
    related = [a.get_text() for a in page.select(".samen-related a")]
    assert related == ["Testhandreiking"]
    english = soup(built, "en/producten/testrapport/")
    en_box = english.select_one(".samen-product-summary")
    assert "A report to test with." in en_box.get_text()
    assert "6 November 2023" in en_box.get_text()


def test_every_page_carries_a_strict_content_security_policy(built: Path) -> None:
    for html_file in built.rglob("*.html"):
        page = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        metas = page.select('meta[http-equiv="Content-Security-Policy"]')
        assert len(metas) == 1, html_file
        policy = metas[0]["content"]
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert "script-src 'self';" in policy
        inline = [s for s in page.select("script:not([src])") if s.get("type") is None]
        assert inline == [], f"inline script in {html_file}"
        assert page.head.contents.index(metas[0]) < page.head.contents.index(
            page.head.find("title")
        )


def test_an_alias_redirects_in_both_languages(minisite: Path) -> None:
    product = minisite / "docs" / "producten" / "testrapport.md"
    text = product.read_text(encoding="utf-8")
    product.write_text(text.replace("related:", "aliases: [producten/oud-rapport]\nrelated:"))
    site = build_minisite(minisite)
    for prefix in ("", "en/"):
        page = soup(site, f"{prefix}producten/oud-rapport/")
        refresh = page.select_one('meta[http-equiv="refresh"]')["content"]
        assert refresh == "0; url=../testrapport/"
        assert page.select_one('link[rel="canonical"]')["href"].endswith(
            f"/{prefix}producten/testrapport/"
        )
        assert page.html["lang"] == ("en" if prefix else "nl")


def test_product_page_metadata_for_search_engines_and_scholar(built: Path) -> None:
    page = soup(built, "en/producten/testrapport/")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "Report"
    assert data["name"] == "Test report on normalising"
    assert data["datePublished"] == "2023-11-06"
    assert data["inLanguage"] == "nl"
    assert data["isPartOf"]["name"] == "SAMEN"
    assert data["contributor"] == [{"@type": "Organization", "name": "Hogeschool Voorbeeld"}]
    meta = {m.get("name") or m.get("property"): m["content"] for m in page.select("meta[content]")}
    assert meta["citation_title"] == "Testrapport over normaliseren"
    assert meta["citation_publication_date"] == "2023/11/06"
    assert meta["og:url"] == "https://werkplaatssamen.nl/en/producten/testrapport/"
    assert meta["og:locale"] == "en_GB"
    canonical = page.select_one('link[rel="canonical"]')["href"]
    assert canonical == "https://werkplaatssamen.nl/en/producten/testrapport/"


def test_how_to_cite_with_downloadable_records(built: Path) -> None:
    page = soup(built, "producten/testrapport/")
    reference = page.select_one(".samen-citation__reference").get_text()
    assert reference.startswith("Leernetwerk Normaliseren (SAMEN) (2023). Testrapport over")
    folder = built / "producten" / "testrapport"
    assert "@techreport{testrapport," in (folder / "cite.bib").read_text(encoding="utf-8")
    ris = (folder / "cite.ris").read_text(encoding="utf-8").splitlines()
    assert ris[0] == "TY  - RPRT" and ris[-1] == "ER  - "
    csl = json.loads((folder / "cite.json").read_text(encoding="utf-8"))
    assert csl[0]["issued"] == {"date-parts": [[2023, 11, 6]]}
    assert csl[0]["URL"] == "https://werkplaatssamen.nl/producten/testrapport/"
    # One set of records per product: the English page links to those of the Dutch page.
    english = soup(built, "en/producten/testrapport/")
    links = [a["href"] for a in english.select(".samen-citation a[download]")]
    assert links == [f"../../../producten/testrapport/cite.{x}" for x in ("bib", "ris", "json")]
    assert not list((built / "en").rglob("cite.*"))
    assert page.select_one(".samen-citation a[download]")["href"] == "./cite.bib"
    planned = soup(built, "producten/testhandreiking/")
    assert planned.select_one(".samen-citation__reference") is None
    assert "nog niet verschenen" in planned.select_one(".samen-citation").get_text()
    assert planned.select_one('meta[name="citation_title"]') is None
    assert not (built / "producten" / "testhandreiking" / "cite.bib").exists()


def test_downloads_show_format_and_size_and_are_published(minisite: Path) -> None:
    (minisite / "docs" / "bestanden").mkdir()
    (minisite / "docs" / "bestanden" / "testrapport.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * 2991)
    product = minisite / "docs" / "producten" / "testrapport.md"
    text = product.read_text(encoding="utf-8")
    product.write_text(
        text.replace(
            "related:",
            "downloads:\n  - file: bestanden/testrapport.pdf\n    title: Het rapport\nrelated:",
        )
    )
    site = build_minisite(minisite)
    for prefix, size in (("", "3 kB"), ("en/", "3 kB")):
        item = soup(site, f"{prefix}producten/testrapport/").select_one(".samen-product-links li")
        assert item.get_text(" ", strip=True) == f"Het rapport (PDF, {size})"
        href = item.a["href"]
        target = (site / prefix / "producten" / "testrapport" / href).resolve()
        assert target.is_file(), href
    page = soup(site, "producten/testrapport/")
    pdf = page.select_one('meta[name="citation_pdf_url"]')["content"]
    assert pdf == "https://werkplaatssamen.nl/bestanden/testrapport.pdf"


def test_sitemap_lists_every_page_in_both_languages_with_hreflang(built: Path) -> None:
    namespaces = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "x": "http://www.w3.org/1999/xhtml",
    }
    sitemap = ElementTree.parse(built / "sitemap.xml").getroot()
    locations = {loc.text for loc in sitemap.iterfind("s:url/s:loc", namespaces)}
    base = "https://werkplaatssamen.nl/"
    for url in ["", "producten/", "producten/testrapport/", "leernetwerken/normaliseren/"]:
        assert base + url in locations and base + "en/" + url in locations
    first = sitemap.find("s:url", namespaces)
    languages = {link.get("hreflang") for link in first.iterfind("x:link", namespaces)}
    assert languages == {"nl", "en"}


def test_dutch_titles_on_english_pages_are_marked_as_dutch(built: Path) -> None:
    cards = soup(built, "en/producten/").select(".samen-card__title a")
    languages = {a.get_text(): a.get("lang") for a in cards}
    assert languages == {"Test report on normalising": None, "Testhandreiking": "nl"}
