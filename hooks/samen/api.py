"""The public, versioned JSON API and the RSS feed of products, per language.

Other sites (werkplaatsenjeugd.nl, partners) read these files; their shape is declared
by the models below, whose JSON Schemas are published next to the data. Changing a field
in a way that breaks readers needs a new version folder (``v2``), not an edit of ``v1``.
"""

from __future__ import annotations

import datetime as dt
import json
from email.utils import format_datetime
from typing import Literal
from xml.sax.saxutils import escape as xml_escape

from pydantic import BaseModel, ConfigDict

from samen.site_data import Product, SiteData, page_url, site_path

API_VERSION = "v1"


class ApiModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ApiTerm(ApiModel):
    id: str
    label: str


class ApiLinkedTerm(ApiTerm):
    url: str


class ApiLink(ApiModel):
    url: str
    title: str


class ApiProduct(ApiModel):
    """One knowledge product, in the language of the file it is in."""

    id: str
    url: str
    language: Literal["nl", "en"]
    translated: bool
    title: str
    subtitle: str | None
    summary: str
    plain_summary: str | None
    type: ApiTerm
    leernetwerken: list[ApiLinkedTerm]
    themes: list[ApiTerm]
    audiences: list[ApiTerm]
    status: Literal["gepland", "in-ontwikkeling", "gepubliceerd"]
    date: dt.date | None
    season: str | None
    year: int | None
    organisations: list[ApiLinkedTerm]
    links: list[ApiLink]
    downloads: list[ApiLink]
    related: list[str]
    doi: str | None
    license: str | None
    alternates: dict[str, str]


class ApiOrganisation(ApiModel):
    id: str
    url: str
    name: str
    relation: str
    group: ApiTerm | None
    regions: list[ApiTerm]
    roles: list[ApiTerm]
    products: list[str]


class ApiLeernetwerk(ApiModel):
    id: str
    url: str
    label: str
    kind: str
    products: list[str]


class ProductsFile(ApiModel):
    version: Literal["v1"]
    language: Literal["nl", "en"]
    products: list[ApiProduct]


class OrganisationsFile(ApiModel):
    version: Literal["v1"]
    language: Literal["nl", "en"]
    declared_partner_count: int
    organisations: list[ApiOrganisation]


class LeernetwerkenFile(ApiModel):
    version: Literal["v1"]
    language: Literal["nl", "en"]
    leernetwerken: list[ApiLeernetwerk]


API_FILES: dict[str, type[ApiModel]] = {
    "producten.json": ProductsFile,
    "partners.json": OrganisationsFile,
    "leernetwerken.json": LeernetwerkenFile,
}


def _term(site: SiteData, vocabulary: str, term_id: str, lang: str) -> ApiTerm:
    return ApiTerm(id=term_id, label=site.label(vocabulary, term_id, lang))


def api_product(site: SiteData, product: Product, lang: str, base_url: str) -> ApiProduct:
    meta = product.meta
    partners_url = base_url + page_url("partners/index.md", lang)
    return ApiProduct(
        id=product.id,
        url=base_url + page_url(product.src_uri, lang),
        language=lang,
        translated=product.has_language(lang),
        title=product.title(lang),
        subtitle=product.subtitle(lang),
        summary=product.summary(lang),
        plain_summary=product.plain_summary(lang),
        type=_term(site, "types", meta.type, lang),
        leernetwerken=[
            ApiLinkedTerm(
                id=i,
                label=site.label("leernetwerken", i, lang),
                url=base_url + page_url(f"leernetwerken/{i}.md", lang),
            )
            for i in meta.leernetwerken
        ],
        themes=[_term(site, "themes", i, lang) for i in meta.themes],
        audiences=[_term(site, "audiences", i, lang) for i in meta.audiences],
        status=meta.status,
        date=meta.date,
        season=meta.season,
        year=product.year,
        organisations=[
            ApiLinkedTerm(
                id=i,
                label=site.organisation_by_id(i).display_name(lang),
                url=f"{partners_url}#{i}",
            )
            for i in meta.organisations
        ],
        links=[ApiLink(url=link.url, title=link.title) for link in meta.links],
        downloads=[
            ApiLink(url=base_url + download.file, title=download.title)
            for download in meta.downloads
        ],
        related=list(meta.related),
        doi=meta.doi,
        license=meta.license,
        alternates={
            language: base_url + page_url(product.src_uri, language) for language in ("nl", "en")
        },
    )


def api_files(site: SiteData, lang: str, base_url: str) -> dict[str, ApiModel]:
    """The API documents of one language, keyed by file name."""
    products = [api_product(site, p, lang, base_url) for p in site.products_newest_first()]
    partners_url = base_url + page_url("partners/index.md", lang)
    organisations = [
        ApiOrganisation(
            id=org.id,
            url=f"{partners_url}#{org.id}",
            name=org.display_name(lang),
            relation=org.relation,
            group=next(
                (
                    ApiTerm(id=g.id, label=g.label.get(lang))
                    for g in site.partners.groups
                    if g.id == org.group
                ),
                None,
            ),
            regions=[_term(site, "regions", r, lang) for r in org.regions],
            roles=[ApiTerm(id=r.role, label=site.role_label(r.role, lang)) for r in org.roles],
            products=[p.id for p in site.products_of_organisation(org.id)],
        )
        for org in site.partners.organisations
    ]
    leernetwerken = [
        ApiLeernetwerk(
            id=term.id,
            url=base_url + page_url(f"leernetwerken/{term.id}.md", lang),
            label=term.label.get(lang),
            kind=term.kind,
            products=[p.id for p in site.products_of_leernetwerk(term.id)],
        )
        for term in site.taxonomy.leernetwerken
    ]
    return {
        "producten.json": ProductsFile(version="v1", language=lang, products=products),
        "partners.json": OrganisationsFile(
            version="v1",
            language=lang,
            declared_partner_count=site.partners.declared_partner_count,
            organisations=organisations,
        ),
        "leernetwerken.json": LeernetwerkenFile(
            version="v1", language=lang, leernetwerken=leernetwerken
        ),
    }


def to_json(model: ApiModel) -> str:
    # pydantic's own serialiser: the same text as json.dumps(indent=1), several times faster.
    return model.model_dump_json(indent=1) + "\n"


def json_schemas() -> dict[str, str]:
    """The published JSON Schema of each API file."""
    return {
        name.replace(".json", ".schema.json"): json.dumps(
            model.model_json_schema(), ensure_ascii=False, indent=1
        )
        + "\n"
        for name, model in API_FILES.items()
    }


_FEED_TEXT = {
    "nl": (
        "Kennisproducten van SAMEN",
        "Nieuwe en bijgewerkte kennisproducten van SAMEN, Regionale Kenniswerkplaats Jeugd.",
    ),
    "en": (
        "SAMEN knowledge products",
        "New and updated knowledge products of SAMEN, the regional knowledge workshop on youth.",
    ),
}


def _pub_date(date: dt.date) -> str:
    moment = dt.datetime.combine(date, dt.time(12), tzinfo=dt.UTC)
    return f"\n   <pubDate>{format_datetime(moment)}</pubDate>"


def _rss(
    title: str, description: str, link: str, feed_url: str, lang: str, items: list[str]
) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
 <channel>
  <title>{xml_escape(title)}</title>
  <link>{xml_escape(link)}</link>
  <description>{xml_escape(description)}</description>
  <language>{lang}</language>
  <atom:link href="{xml_escape(feed_url)}" rel="self" type="application/rss+xml"/>
{chr(10).join(items)}
 </channel>
</rss>
"""


def _item(title: str, url: str, summary: str, extra: str) -> str:
    return f"""  <item>
   <title>{xml_escape(title)}</title>
   <link>{xml_escape(url)}</link>
   <guid isPermaLink="true">{xml_escape(url)}</guid>
   <description>{xml_escape(summary)}</description>{extra}
  </item>"""


def rss_feed(site: SiteData, lang: str, base_url: str) -> str:
    """RSS 2.0: dates are optional there, so an undated product gets none, not a made-up one."""
    title, description = _FEED_TEXT[lang]
    catalogue = base_url + page_url("producten/index.md", lang)
    feed_url = base_url + site_path("producten/feed.xml", lang)
    items = []
    for product in site.products_newest_first():
        url = base_url + page_url(product.src_uri, lang)
        date = _pub_date(product.meta.date) if product.meta.date else ""
        categories = "".join(
            f"\n   <category>{xml_escape(site.label(v, i, lang))}</category>"
            for v, ids in (("types", [product.meta.type]), ("themes", product.meta.themes))
            for i in ids
        )
        items.append(_item(product.title(lang), url, product.summary(lang), date + categories))
    return _rss(title, description, catalogue, feed_url, lang, items)


_NEWS_FEED_TEXT = {
    "nl": ("Nieuws van SAMEN", "Nieuws van SAMEN, Regionale Kenniswerkplaats Jeugd."),
    "en": ("SAMEN news", "News of SAMEN, the regional knowledge workshop on youth."),
}


def news_feed(site: SiteData, lang: str, base_url: str) -> str:
    """RSS 2.0 of the news items of one language, newest first; every item has its date."""
    title, description = _NEWS_FEED_TEXT[lang]
    listing = base_url + page_url("nieuws/index.md", lang)
    feed_url = base_url + site_path("nieuws/feed.xml", lang)
    items = []
    for news in site.news_newest_first():
        url = base_url + page_url(news.src_uri, lang)
        categories = "".join(
            f"\n   <category>{xml_escape(site.label('leernetwerken', i, lang))}</category>"
            for i in news.meta.leernetwerken
        )
        items.append(
            _item(news.title(lang), url, news.summary(lang), _pub_date(news.meta.date) + categories)
        )
    return _rss(title, description, listing, feed_url, lang, items)
