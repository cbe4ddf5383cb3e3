"""The JSON API and the RSS feeds that other sites read, checked with real parsers."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import jsonschema
import pytest

from conftest import build_minisite

pytestmark = pytest.mark.build


@pytest.fixture
def built(minisite: Path) -> Path:
    return build_minisite(minisite)


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_api_files_match_their_published_schemas(built: Path, prefix: str) -> None:
    for name in ("producten", "partners", "leernetwerken"):
        document = load_json(built / f"{prefix}api/v1/{name}.json")
        schema = load_json(built / f"api/v1/schema/{name}.schema.json")
        jsonschema.validate(document, schema)
        assert document["language"] == ("en" if prefix else "nl")


def test_products_api_content_per_language(built: Path) -> None:
    nl = load_json(built / "api/v1/producten.json")["products"]
    en = load_json(built / "en/api/v1/producten.json")["products"]
    assert [p["id"] for p in nl] == ["testrapport", "testhandreiking"]
    first = en[0]
    assert first["title"] == "Test report on normalising"
    assert first["type"] == {"id": "rapport", "label": "Report"}
    assert first["url"] == "https://werkplaatssamen.nl/en/producten/testrapport/"
    assert first["date"] == "2023-11-06"
    assert first["alternates"]["nl"] == "https://werkplaatssamen.nl/producten/testrapport/"
    assert first["organisations"][0]["url"].endswith("/en/partners/#hogeschool-voorbeeld")
    assert en[1]["translated"] is False and en[1]["date"] is None


def test_partner_and_leernetwerk_api_link_back_to_products(built: Path) -> None:
    partners = load_json(built / "api/v1/partners.json")
    assert partners["organisations"][0]["products"] == ["testrapport"]
    leernetwerken = load_json(built / "api/v1/leernetwerken.json")["leernetwerken"]
    assert leernetwerken[0]["products"] == ["testrapport", "testhandreiking"]


@pytest.mark.parametrize(("prefix", "lang"), [("", "nl"), ("en/", "en")])
def test_product_feed_parses_with_a_real_feed_parser(built: Path, prefix: str, lang: str) -> None:
    feed = feedparser.parse((built / f"{prefix}producten/feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert feed.feed.language == lang
    links = [entry.link for entry in feed.entries]
    assert links == [
        f"https://werkplaatssamen.nl/{prefix}producten/testrapport/",
        f"https://werkplaatssamen.nl/{prefix}producten/testhandreiking/",
    ]
    assert feed.entries[0].published_parsed[:3] == (2023, 11, 6)
    assert "published" not in feed.entries[1]
    assert "utm_" not in (built / f"{prefix}producten/feed.xml").read_text(encoding="utf-8")


def test_feed_escapes_editor_text(minisite: Path) -> None:
    product = minisite / "docs" / "producten" / "testrapport.md"
    text = product.read_text(encoding="utf-8")
    product.write_text(
        text.replace("summary: Een rapport om mee te testen.", "summary: 'A & B <b>'")
    )
    site = build_minisite(minisite)
    feed = feedparser.parse((site / "producten/feed.xml").read_bytes())
    assert feed.bozo == 0
    assert "A &amp; B &lt;b&gt;" in (site / "producten/feed.xml").read_text(encoding="utf-8")
