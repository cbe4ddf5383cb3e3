"""Activities, process indicators, calendars and news, on fixture data with a fixed build date.

The mini-site's data/activiteiten.yml holds the edge cases: a year without meetings (2023), a
meeting on 31 December, a meeting on the build date itself, and events before and after the
build date (2025-06-15). The .ics files are read with icalendar, the feeds with feedparser.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup

from conftest import PAYLOADS, REPO, build_minisite, edit, problems_of, read, write_payloads
from samen import indicators
from samen.build_date import build_date
from samen.problems import ContentError, Problem
from samen.site_data import load_site_data

BUILD_DATE = "2025-06-15"


@pytest.fixture
def fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMEN_BUILD_DATE", BUILD_DATE)


@pytest.fixture
def built(minisite: Path, fixed_date: None) -> Path:
    return build_minisite(minisite)


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup(read(site, url), "html.parser")


def calendar(path: Path) -> icalendar.Calendar:
    raw = path.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), "lines must end in CRLF"
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, f"unfolded line in {path}: {line!r}"
    return icalendar.Calendar.from_ical(raw)


# --- the build date ---------------------------------------------------------------------


def test_build_date_is_read_in_one_place() -> None:
    assert build_date({"SAMEN_BUILD_DATE": "2025-06-15"}) == dt.date(2025, 6, 15)
    # 2024-12-31 23:30 UTC is already 1 January in the Netherlands.
    assert build_date({"SOURCE_DATE_EPOCH": "1735687800"}) == dt.date(2025, 1, 1)
    assert build_date({"SAMEN_BUILD_DATE": "2025-06-15", "SOURCE_DATE_EPOCH": "0"}) == dt.date(
        2025, 6, 15
    )
    assert isinstance(build_date({}), dt.date)
    for environ in ({"SAMEN_BUILD_DATE": "15-06-2025"}, {"SOURCE_DATE_EPOCH": "gisteren"}):
        with pytest.raises(ContentError) as caught:
            build_date(environ)
        (problem,) = caught.value.problems
        assert next(iter(environ)) in problem.file and "bouwdatum" in problem.nl


# --- indicators, computed without MkDocs ------------------------------------------------


def test_indicators_per_leernetwerk_and_year(minisite: Path, fixed_date: None) -> None:
    site = load_site_data(minisite, minisite / "docs")
    assert site.today == dt.date(2025, 6, 15)
    assert site.indicator_years() == [2025, 2024, 2023]

    full = indicators.leernetwerk_year(site, "normaliseren", 2024)
    # The meeting on 31 December counts for 2024, not 2025.
    assert [a.id for a in full.held][-1] == "bijeenkomst-oudjaar-2024"
    assert len(full.held) == 4 and full.target == 4 and full.target_met
    assert full.family_meeting is not None and full.family_meeting.id == "gezinnen-mei-2024"
    assert full.perspectives_missing == []
    assert full.planned == []

    current = indicators.leernetwerk_year(site, "normaliseren", 2025)
    assert [a.id for a in current.held] == ["bijeenkomst-maart-2025"]
    # A meeting on the build date has not been held yet: it is planned.
    assert [a.id for a in current.planned] == [
        "bijeenkomst-vandaag-2025",
        "bijeenkomst-oktober-2025",
    ]
    assert not current.target_met and current.family_meeting is None
    assert current.perspectives_present == ["praktijk"]

    empty = indicators.leernetwerk_year(site, "normaliseren", 2023)
    assert not empty.registered and empty.held == [] and empty.family_meeting is None

    network = {c.type: c for c in indicators.year_indicators(site, 2024).network}
    assert [a.id for a in network["tussen-leernetwerken"].held] == ["tussen-leernetwerken-2024"]
    assert network["symposium"].target == 4 and len(network["symposium"].held) == 1
    assert network["jaarconferentie"].held == []
    later = {c.type: c for c in indicators.year_indicators(site, 2025).network}
    assert [a.id for a in later["jaarconferentie"].planned] == ["jaarconferentie-2025"]
    assert not indicators.year_indicators(site, 2023).registered


def test_past_and_upcoming_split_on_the_build_date(minisite: Path, fixed_date: None) -> None:
    site = load_site_data(minisite, minisite / "docs")
    upcoming = [a.id for a in site.upcoming_activities()]
    assert upcoming == [
        "bijeenkomst-vandaag-2025",
        "jaarconferentie-2025",
        "bijeenkomst-oktober-2025",
    ]
    past = [a.id for a in site.past_activities()]
    assert past[:2] == ["bijeenkomst-maart-2025", "bijeenkomst-oudjaar-2024"]
    assert len(past) + len(upcoming) == 10


# --- pages --------------------------------------------------------------------------------


def test_agenda_lists_upcoming_and_past_with_filters_and_ics(built: Path) -> None:
    for prefix, upcoming_title, updated in (
        ("", "Bijeenkomst op de bouwdatum", "15 juni 2025"),
        ("en/", "Meeting on the build date", "15 June 2025"),
    ):
        page = soup(built, f"{prefix}agenda/")
        assert updated in page.select_one(".samen-updated").get_text()
        upcoming, past = page.select("section.samen-activities")
        titles = [h.get_text() for h in upcoming.select(".samen-activity__title")]
        assert titles[0] == upcoming_title and len(titles) == 3
        assert len(past.select(".samen-activity__title")) == 7
        # Filters by leernetwerk and type, with only the values that occur.
        selects = {
            s["name"]: [o["value"] for o in s.select("option")] for s in page.select("select")
        }
        assert selects["leernetwerk"] == ["", "normaliseren"]
        assert "jaarconferentie" in selects["type"] and "overig" not in selects["type"]
        item = page.select_one('li[data-samen-filter-item] h3[id="jaarconferentie-2025"]').parent
        assert item["data-type"] == "jaarconferentie" and item["data-leernetwerk"] == ""
        # Every item has its .ics file; only one still to come invites to add it to a calendar.
        assert len(upcoming.select("a[download]")) == 3 and len(past.select("a[download]")) == 7
        past_label = "Agendabestand (.ics)" if not prefix else "Calendar file (.ics)"
        assert {a.get_text() for a in past.select("a[download]")} == {past_label}
        for link in page.select("a[download]"):
            target = (built / prefix / "agenda" / link["href"]).resolve()
            assert target.is_file(), link["href"]
        assert page.select_one('a[href="samen.ics"]') is not None
    place = soup(built, "agenda/").find(id="jaarconferentie-2025").parent.get_text()
    assert "Den Haag, Stadhuis; zaal 1" in place
    unknown = soup(built, "agenda/").find(id="gezinnen-mei-2024").parent.get_text()
    assert "niet vermeld in de bron" in unknown
    february = soup(built, "agenda/").find(id="bijeenkomst-februari-2024").parent
    facts = february.get_text(" ", strip=True)
    assert "Partnergroepen Hogescholen" in facts and "Aanwezig beleid, praktijk" in facts


@pytest.mark.parametrize(("prefix", "lang"), [("", "nl"), ("en/", "en")])
def test_ics_files_parse_with_a_real_icalendar_parser(built: Path, prefix: str, lang: str) -> None:
    folder = built / prefix / "agenda"
    feed = calendar(folder / "samen.ics")
    events = feed.walk("VEVENT")
    assert len(events) == 10
    assert str(feed["X-WR-CALNAME"]) == ("Agenda van SAMEN" if lang == "nl" else "SAMEN events")
    assert len({str(e["UID"]) for e in events}) == 10
    by_uid = {str(e["UID"]).split("@")[0]: e for e in events}
    new_year = by_uid["bijeenkomst-oudjaar-2024"]
    assert new_year.decoded("DTSTART") == dt.date(2024, 12, 31)
    assert new_year.decoded("DTEND") == dt.date(2025, 1, 1)
    conference = by_uid["jaarconferentie-2025"]
    assert str(conference["LOCATION"]) == "Den Haag, Stadhuis; zaal 1"  # escaped and read back
    assert str(conference["URL"]).endswith(f"/{prefix}agenda/#jaarconferentie-2025")
    expected = "Annual conference 2025" if lang == "en" else "Jaarconferentie 2025"
    assert str(conference["SUMMARY"]) == expected
    assert "LOCATION" not in by_uid["gezinnen-mei-2024"]
    description = str(new_year["DESCRIPTION"])
    assert "31 december" in description if lang == "nl" else "31 December" in description
    single = calendar(folder / "jaarconferentie-2025.ics")
    assert [str(e["UID"]) for e in single.walk("VEVENT")] == [str(conference["UID"])]


def test_leernetwerk_page_shows_its_meetings_and_indicators(built: Path) -> None:
    page = soup(built, "leernetwerken/normaliseren/")
    rows = {
        tr["data-year"]: [c.get_text(" ", strip=True) for c in tr.select("td")]
        for tr in page.select("table.samen-table--indicators tbody tr")
    }
    assert list(rows) == ["2025", "2024", "2023"]
    assert rows["2024"][0] == "4 van de 4"
    assert rows["2024"][1] == "ja, op 13 mei 2024"
    assert rows["2024"][2].startswith("alle zes: beleid, praktijk")
    assert rows["2025"][0] == "1 van de 4; nog 2 gepland"
    assert rows["2025"][1] == "niet geregistreerd"
    assert rows["2025"][2].startswith("praktijk; niet geregistreerd: beleid")
    assert rows["2023"] == ["Nog geen bijeenkomsten geregistreerd voor 2023."]
    titles = [h.get_text() for h in page.select(".samen-activity__title")]
    assert titles[0] == "Bijeenkomst op de bouwdatum" and "Jaarconferentie 2025" not in titles
    english = soup(built, "en/leernetwerken/normaliseren/")
    first = english.select_one("table.samen-table--indicators tbody tr td").get_text()
    assert first == "1 of 4; 2 more planned"
    news = [a.get_text() for a in english.select(".samen-news__title a")]
    assert news == ["Test report published"]


def test_voortgang_page_tables_charts_and_empty_states(built: Path) -> None:
    page = soup(built, "voortgang/")
    assert "15 juni 2025" in page.select_one(".samen-updated").get_text()
    charts = page.select("figure.samen-chart svg")
    assert [c.select_one("title").get_text() for c in charts] == [
        "Leernetwerkbijeenkomsten in 2025",
        "Leernetwerkbijeenkomsten in 2024",
    ]
    values = [t.get_text() for t in charts[1].select(".samen-chart__value")]
    assert values == ["4"]
    assert charts[1].select_one(".samen-chart__bar--met") is not None
    assert charts[0].select_one(".samen-chart__bar--below") is not None
    assert charts[0].select_one(".samen-chart__target") is not None
    year_2023 = page.find(id="jaar-2023").find_next_sibling()
    assert year_2023.get_text() == "Nog geen bijeenkomsten geregistreerd voor 2023."
    network = page.select_one("#netwerk-2024").find_parent("table")
    cells = {tr["data-type"]: tr.select("td")[-1].get_text() for tr in network.select("tbody tr")}
    assert cells["symposium"] == "1 (20 november 2024)"
    assert cells["jaarconferentie"] == "niet geregistreerd"
    agenda = page.find(id="agenda-veranderagenda-2024").find_parent("table")
    assert "Testpunt veranderen" in agenda.get_text() and "Lopend" in agenda.get_text()
    assert "Voor de opleidingsagenda zijn nog geen punten geregistreerd." in page.get_text()
    english = soup(built, "en/voortgang/").get_text()
    assert "No items have been registered for the training agenda yet." in english
    assert "No meetings registered for 2023 yet." in english


def test_news_listing_item_pages_and_links_from_leernetwerk_and_product(built: Path) -> None:
    listing = soup(built, "nieuws/")
    assert [a.get_text() for a in listing.select(".samen-news__title a")] == [
        "Testrapport verschenen",
        "Een ouder bericht",
    ]
    english = soup(built, "en/nieuws/")
    titles = english.select(".samen-news__title a")
    assert [a.get_text() for a in titles] == ["Test report published", "Een ouder bericht"]
    assert titles[1]["lang"] == "nl"  # not translated: the Dutch title is marked as Dutch
    item = soup(built, "nieuws/testbericht/")
    facts = item.select_one(".samen-news-facts").get_text(" ", strip=True)
    assert "6 november 2023" in facts and "testgegevens" in facts
    hrefs = [a["href"] for a in item.select(".samen-news-facts a")]
    assert hrefs == [
        "../../leernetwerken/normaliseren/",
        "../../producten/testrapport/",
        "https://example.org/testbericht",
    ]
    assert item.select_one(".samen-back a")["href"] == "../", "back to all news"
    product = soup(built, "en/producten/testrapport/")
    assert product.find(id="nieuws") is not None
    assert [a["href"] for a in product.select(".samen-news__title a")] == [
        "../../nieuws/testbericht/"
    ]
    assert soup(built, "producten/testhandreiking/").find(id="nieuws") is None


@pytest.mark.parametrize(("prefix", "lang"), [("", "nl"), ("en/", "en")])
def test_news_feed_parses_with_a_real_feed_parser(built: Path, prefix: str, lang: str) -> None:
    feed = feedparser.parse((built / prefix / "nieuws" / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "rss20" and feed.feed.language == lang
    assert [e.link for e in feed.entries] == [
        f"https://werkplaatssamen.nl/{prefix}nieuws/testbericht/",
        f"https://werkplaatssamen.nl/{prefix}nieuws/ouder-bericht/",
    ]
    assert feed.entries[0].published_parsed[:3] == (2023, 11, 6)
    assert feed.entries[1].published_parsed[:3] == (2022, 6, 8)
    expected = "Test report published" if lang == "en" else "Testrapport verschenen"
    assert feed.entries[0].title == expected


# --- validation -------------------------------------------------------------------------


def test_bad_activities_are_reported_with_line_and_field(minisite: Path) -> None:
    data = minisite / "data" / "activiteiten.yml"
    edit(
        data,
        "    leernetwerk: normaliseren\n    title: {nl: Bijeenkomst februari",
        "    title: {nl: Bijeenkomst februari",
    )
    edit(data, "date: 2024-05-13", "date: 2024-05-32")
    edit(data, "type: tussen-leernetwerken", "type: borrel")
    found = {(p.line, p.field): p.nl for p in problems_of(minisite)}
    assert found[(12, "activities[0].leernetwerk")].startswith("een bijeenkomst van dit type")
    assert "geen geldige datum" in found[(21, "activities[1].date")]
    assert "niet toegestaan" in found[(45, "activities[4].type")]


def test_activity_references_are_checked(minisite: Path) -> None:
    data = minisite / "data" / "activiteiten.yml"
    edit(data, "partner_groups: [hogescholen]", "partner_groups: [bakkers]")
    edit(data, "id: symposium-november-2024", "id: tussen-leernetwerken-2024")
    edit(
        data,
        "    leernetwerk: normaliseren\n    title: {nl: Bijeenkomst maart",
        "    leernetwerk: vissen\n    title: {nl: Bijeenkomst maart",
    )
    found = {p.field: p.nl for p in problems_of(minisite)}
    assert found["activities[0].partner_groups[0]"] == "onbekende partnergroep: 'bakkers'."
    assert "komt twee keer voor" in found["activities[5].id"]
    assert found["activities[6].leernetwerk"] == "onbekend leernetwerk: 'vissen'."


def test_news_front_matter_and_references_are_checked(minisite: Path) -> None:
    news = minisite / "docs" / "nieuws" / "testbericht.md"
    edit(news, "products: [testrapport]", "products: [bestaat-niet]")
    edit(news, "leernetwerken: [normaliseren]", "leernetwerken: [vissen]")
    found = {p.field: p for p in problems_of(minisite)}
    assert found["products[0]"].nl == "onbekende product-id: 'bestaat-niet'."
    assert found["leernetwerken[0]"].file == "docs/nieuws/testbericht.md"
    edit(news, "products: [bestaat-niet]", "products: [testrapport]")
    edit(news, "leernetwerken: [vissen]", "leernetwerken: [normaliseren]")
    edit(news, "date: 2023-11-06\n", "")
    problem = only_problem(problems_of(minisite))
    assert (problem.field, problem.nl) == ("date", "dit verplichte veld ontbreekt.")


def only_problem(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [p.format() for p in problems]
    return problems[0]


def test_agenda_items_are_validated(minisite: Path) -> None:
    agendas = minisite / "data" / "agendas.yml"
    edit(agendas, "status: lopend", "status: bijna")
    problem = only_problem(problems_of(minisite))
    assert problem.field == "agendas[0].items[0].status" and problem.line == 8


def test_editor_text_in_activities_and_news_is_shown_as_text(minisite: Path) -> None:
    script, img = PAYLOADS
    write_payloads(minisite)
    site = build_minisite(minisite)
    agenda = soup(site, "agenda/")
    conference = agenda.find(id="jaarconferentie-2025")
    assert conference.get_text() == script
    text = conference.parent.get_text()
    assert img in text  # place and description
    assert agenda.select_one("img[onerror]") is None and "<script>alert" not in read(
        site, "agenda/"
    )
    news = soup(site, "nieuws/testbericht/")
    assert news.select_one("title").get_text().startswith(script)
    assert soup(site, "nieuws/").select_one(".samen-news__title a").get_text() == script
    assert img in news.select_one(".samen-news-facts").get_text()
    listing = soup(site, "en/nieuws/")
    assert listing.select_one(".samen-news__title a").get_text() == img
    feed = feedparser.parse((site / "nieuws" / "feed.xml").read_bytes())
    assert feed.bozo == 0 and feed.entries[0].title == script
    ics = icalendar.Calendar.from_ical((site / "agenda" / "jaarconferentie-2025.ics").read_bytes())
    (event,) = ics.walk("VEVENT")
    assert str(event["SUMMARY"]) == script and str(event["LOCATION"]) == img


def test_templates_give_valid_entries(minisite: Path) -> None:
    template = (REPO / "templates" / "activiteit.yml").read_text(encoding="utf-8")
    block = template[template.index("  # VERPLICHT. Kleine letters") :]
    activities = minisite / "data" / "activiteiten.yml"
    activities.write_text(activities.read_text(encoding="utf-8") + block, encoding="utf-8")
    news = minisite / "docs" / "nieuws"
    dutch = (REPO / "templates" / "nieuws.md").read_text(encoding="utf-8")
    (news / "sjabloon.md").write_text(
        dutch.replace("id: vervang-door-de-bestandsnaam", "id: sjabloon"), encoding="utf-8"
    )
    (news / "sjabloon.en.md").write_text(
        (REPO / "templates" / "nieuws.en.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    site = load_site_data(minisite, minisite / "docs")
    assert site.activities.activities[-1].id == "symposium-voorjaar-2027"
    assert site.news["sjabloon"].translation is not None
