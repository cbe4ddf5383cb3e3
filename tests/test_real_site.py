"""Build the real site and check the content a visitor gets, in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup

from conftest import REPO, read
from samen.site_data import load_site_data, page_url

pytestmark = pytest.mark.build

DOCS = REPO / "docs"
SITE_DATA = load_site_data(REPO, DOCS)
DUTCH_PAGES = sorted(p.src_uri for p in SITE_DATA.pages.values() if p.lang == "nl")


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup(read(site, url), "html.parser")


@pytest.mark.parametrize("src_uri", DUTCH_PAGES)
def test_every_page_has_an_english_version(src_uri: str) -> None:
    assert (DOCS / src_uri.replace(".md", ".en.md")).is_file()


def test_every_page_is_built_in_both_languages(real_site: Path) -> None:
    for src_uri in DUTCH_PAGES:
        for lang in ("nl", "en"):
            page = soup(real_site, page_url(src_uri, lang))
            assert page.html["lang"] == lang
            assert page.select_one(".samen-fallback") is None, f"{lang} {src_uri} is a fallback"
            assert len(page.select("article h1")) == 1, f"{lang} {src_uri}"


def test_no_placeholder_text_anywhere(real_site: Path) -> None:
    pattern = re.compile(r"\b(lorem|ipsum|TODO|TBD|FIXME|xxx)\b", re.IGNORECASE)
    for html_file in real_site.rglob("*.html"):
        text = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").get_text()
        assert not pattern.search(text), f"{html_file}: {pattern.search(text).group(0)}"
    for source in DOCS.rglob("*.md"):
        assert not pattern.search(source.read_text(encoding="utf-8")), source


def test_no_marker_is_left_unfilled(real_site: Path) -> None:
    for html_file in real_site.rglob("*.html"):
        assert "<!-- samen:" not in html_file.read_text(encoding="utf-8"), html_file


def test_tabel_1_values_and_footnotes_appear_in_both_languages(real_site: Path) -> None:
    regio = SITE_DATA.regio
    for lang, url in (("nl", "over/regio/"), ("en", "en/over/regio/")):
        table = soup(real_site, url).select_one("table.samen-table--tabel-1")
        headers = [th.get_text(strip=True) for th in table.select("thead tr:nth-of-type(2) th")]
        assert headers == [m.name for m in regio.municipalities]
        rows = table.select("tbody tr")
        assert len(rows) == len(regio.indicators) == 4
        for row, indicator in zip(rows, regio.indicators, strict=True):
            cells = [td.get_text(strip=True) for td in row.select("td")]
            assert cells == [f"{m.values[indicator.id]}%" for m in regio.municipalities]
            assert indicator.label.get(lang) in row.th.get_text()
        page_text = soup(real_site, url).get_text()
        for note in regio.footnotes.values():
            assert note.get(lang) in page_text
        assert "allecijfers.nl" in page_text
        assert sum(len(r.select("td")) for r in rows) == 36


def test_region_figures_are_those_of_the_plan() -> None:
    regions = {
        r.id: (r.municipality_count, r.inhabitants_under_25) for r in SITE_DATA.regio.regions
    }
    assert regions == {
        "haaglanden": (10, 330000),
        "holland-rijnland": (13, 160000),
        "midden-holland": (5, 69000),
    }
    assert sum(count for count, _ in regions.values()) == 28


def test_every_leernetwerk_lists_its_products(real_site: Path) -> None:
    for term in SITE_DATA.taxonomy.leernetwerken:
        expected = [p.title("nl") for p in SITE_DATA.products_of_leernetwerk(term.id)]
        page = soup(real_site, f"leernetwerken/{term.id}/")
        listed = [a.get_text() for a in page.select(".samen-card__title a")]
        assert listed == expected
        if not expected:
            assert page.select_one(".samen-empty") is not None


def test_catalogue_shows_every_product_in_both_languages(real_site: Path) -> None:
    for lang, url in (("nl", "producten/"), ("en", "en/producten/")):
        titles = [a.get_text() for a in soup(real_site, url).select(".samen-card__title a")]
        assert titles == [p.title(lang) for p in SITE_DATA.products_newest_first()]
    assert "De kracht van het gewone" in titles


def test_organisation_page_is_drawn_from_data(real_site: Path) -> None:
    page = soup(real_site, "over/organisatie/")
    svg = page.select_one("figure.samen-organogram svg")
    assert svg is not None and svg.select_one("title")
    for body in SITE_DATA.organisation.bodies:
        assert page.select_one(f"#gremium-{body.id}") is not None
        assert svg.select_one(f'a[href="#gremium-{body.id}"]') is not None
    text = page.get_text()
    for needle in ["8 uur per week", "16 uur per week", "6 uur per week", "4 uur per week"]:
        assert needle in text
    assert "GGD Holland Midden" in text and "gemeente Den Haag" in text


def test_partner_page_is_honest_about_the_count(real_site: Path) -> None:
    text = soup(real_site, "partners/").get_text()
    known = sum(1 for o in SITE_DATA.partners.organisations if o.relation == "partner")
    assert f"{known} van de 24 partners" in text
    for group in SITE_DATA.partners.groups:
        assert group.label.nl in text


def test_real_agenda_with_sparse_data(real_site: Path) -> None:
    page = soup(real_site, "agenda/")
    upcoming, past = page.select("section.samen-activities")
    assert upcoming.select_one(".samen-empty") is not None  # no upcoming activity is known
    conference = past.find(id="jaarconferentie-2022").parent
    text = conference.get_text(" ", strip=True)
    assert "13 september 2022" in text and "niet vermeld in de bron" in text
    english = soup(real_site, "en/agenda/").find(id="jaarconferentie-2022").parent.get_text()
    assert "13 September 2022" in english and "Annual conference 2022" in english
    for path in real_site.rglob("*.ics"):
        parsed = icalendar.Calendar.from_ical(path.read_bytes())
        assert parsed.walk("VEVENT"), path
    feed = icalendar.Calendar.from_ical((real_site / "agenda" / "samen.ics").read_bytes())
    assert [e.decoded("DTSTART") for e in feed.walk("VEVENT")] == [
        a.date for a in SITE_DATA.activities.activities
    ]


def test_real_voortgang_is_honest_about_missing_data(real_site: Path) -> None:
    year = SITE_DATA.today.year
    for url, empty in (
        ("voortgang/", f"Nog geen bijeenkomsten geregistreerd voor {year}."),
        ("en/voortgang/", f"No meetings registered for {year} yet."),
        (
            "leernetwerken/normaliseren/",
            f"Nog geen bijeenkomsten geregistreerd voor {SITE_DATA.activities.targets.first_year}"
            f" tot en met {year}.",
        ),
    ):
        page = soup(real_site, url)
        assert empty in page.get_text(), url
        assert "0 van de 4" not in page.get_text() and "0 of 4" not in page.get_text()
    page = soup(real_site, "voortgang/")
    assert page.select("figure.samen-chart") == []  # no chart of zeros
    for agenda in ("veranderagenda", "opleidingsagenda", "onderzoeks- en ontwikkelagenda"):
        assert f"Voor de {agenda} zijn nog geen punten geregistreerd." in page.get_text()
    network = page.select_one("#netwerk-2022").find_parent("table")
    assert "13 september 2022" in network.get_text()


def test_real_news_with_dates_and_links(real_site: Path) -> None:
    listing = soup(real_site, "nieuws/")
    dates = [t["datetime"] for t in listing.select(".samen-news time")]
    assert dates == ["2023-11-06", "2023-02-23", "2022-06-08"]
    for prefix in ("", "en/"):
        feed = feedparser.parse((real_site / prefix / "nieuws" / "feed.xml").read_bytes())
        assert feed.bozo == 0 and len(feed.entries) == 3
    product = soup(real_site, "producten/de-kracht-van-het-gewone/")
    assert [a.get_text() for a in product.select(".samen-news__title a")] == [
        "De kracht van het gewone verschenen"
    ]
    liso = soup(real_site, "leernetwerken/leren-en-implementeren/")
    assert [a.get_text() for a in liso.select(".samen-news__title a")] == [
        "LISO-framework verder onderbouwd"
    ]
