"""Render the generated parts of pages from ``SiteData``, per language.

Templates live in ``overrides/fragments/`` and are rendered by our own Jinja
environment with autoescaping on: every value from YAML or front matter is escaped
exactly once, here. (MkDocs' own environment does not autoescape.)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from typing import get_args

from babel import Locale
from babel.dates import format_date
from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, select_autoescape
from markupsafe import Markup, escape

from samen import charts, citation, indicators
from samen.calendar import activity_file, feed_file
from samen.markers import MARKER
from samen.schemas import ActivityType
from samen.site_data import NewsItem, Product, SiteData, site_path
from samen.template_cache import keep_compiled_templates
from samen.ui_text import ui_text
from samen.urls import link_to_page, relative_url

FRAGMENTS_DIR = Path(__file__).resolve().parents[2] / "overrides" / "fragments"


@dataclass(frozen=True)
class PageContext:
    """What a fragment needs to know about the page it lands on."""

    site: SiteData
    lang: str
    page_url: str  # site-relative URL of the page being rendered, e.g. "en/over/regio/"

    def link(self, norm_uri: str) -> str:
        return link_to_page(self.page_url, norm_uri, self.lang)


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(FRAGMENTS_DIR),
        autoescape=select_autoescape(["html", "svg"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["thousands"] = _thousands
    env.filters["hours"] = _hours
    keep_compiled_templates(env)
    return env


def _hours(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")


def _thousands(value: int, lang: str) -> str:
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "nl" else text


def render_fragment(template: str, context: PageContext, **values: object) -> str:
    variables: dict[str, object] = {
        "site": context.site,
        "lang": context.lang,
        "t": ui_text(context.lang),
        "link": context.link,
        "card": lambda product, heading_level: product_card(context, product, heading_level),
        "related_product": lambda product: related_product(context, product),
        "product_date": lambda product: product_date(product, context.lang),
        "long_date": lambda date: long_date(date, context.lang),
        "ics": lambda activity: relative_url(
            context.page_url, activity_file(activity, context.lang)
        ),
        "group_label": lambda group_id: next(
            g.label.get(context.lang) for g in context.site.partners.groups if g.id == group_id
        ),
        "perspective_list": lambda ids: ", ".join(
            ui_text(context.lang)["perspective_" + i] for i in ids
        ),
        "agenda_years": indicators.agenda_years,
    }
    variables.update(values)
    return _template(context.site, template).render(variables)


class _PerSiteData:
    """Values that hold for as long as one loaded ``SiteData`` does: every build loads the data
    again, and so does the preview before it renders a saved page, so nothing kept here
    outlives a change to the content or to overrides/."""

    def __init__(self) -> None:
        self._site: SiteData | None = None
        self._values: dict = {}

    def of(self, site: SiteData) -> dict:
        if self._site is not site:
            self._site, self._values = site, {}
        return self._values


# Jinja asks the disk for a template's modification time on every get_template, to compile a
# changed file again: 2.2 s of a profiled Dutch pass at 1000 products, while a thread wrote
# the citation files (each system call handed that thread the interpreter; see
# samen.background, which now uses a process where it can). Within one build a template does
# not change, so each is looked up once per loaded SiteData.
_templates = _PerSiteData()


def _template(site: SiteData, name: str) -> Template:
    templates = _templates.of(site)
    if name not in templates:
        templates[name] = environment().get_template(name)
    return templates[name]


# The catalogue, the pages per theme and type and the leernetwerk pages hold every product
# card, and rendering each card through Jinja on each of those pages was most of their time;
# likewise the five related products at the end of every product page, a fifth of its time.
# A card, or a related product, is the same on every page but for the link to its product
# (and a card's heading level), so it is rendered once per build, language and template
# values with stand-ins, which each page replaces.
_PRODUCT_LINK = "samen-product-link"
# Markup, so that it reaches the HTML as it is: content cannot hold it, since every value from
# the content is escaped and so holds no "<".
_HEADING_LEVEL = Markup("<!--samen-heading-level-->")
_linked_fragments = _PerSiteData()


def _parts_around_link(
    context: PageContext, product: Product, template: str, **values: object
) -> tuple[str, str]:
    """``template`` rendered for ``product``, before and after the link to the product."""
    fragments = _linked_fragments.of(context.site)
    key = (template, product.id, context.lang, *values.items())
    parts = fragments.get(key)
    if parts is None:
        html = render_fragment(
            template, context, product=product, link=lambda norm_uri: _PRODUCT_LINK, **values
        )
        # The link is the template's first value: nothing from the content comes before it.
        before, found, after = html.partition(_PRODUCT_LINK)
        if not found:
            raise RuntimeError(f"overrides/fragments/{template} must link to the product")
        parts = fragments[key] = (before, after)
    return parts


def _with_link(context: PageContext, product: Product, parts: tuple[str, str]) -> Markup:
    before, after = parts
    return Markup(before + str(escape(context.link(product.src_uri))) + after)


def product_card(context: PageContext, product: Product, heading_level: int) -> Markup:
    """The inside of a product's card (overrides/fragments/product-card.html) on this page.

    Rendered once per language whatever its heading level (the catalogue's cards have h2,
    those grouped by theme or type and on leernetwerk pages h3)."""
    fragments = _linked_fragments.of(context.site)
    key = ("product-card.html", product.id, context.lang, heading_level)
    parts = fragments.get(key)
    if parts is None:
        any_level = _parts_around_link(
            context, product, "product-card.html", heading_level=_HEADING_LEVEL
        )
        level = str(int(heading_level))
        parts = fragments[key] = tuple(part.replace(_HEADING_LEVEL, level) for part in any_level)
    return _with_link(context, product, parts)


def related_product(context: PageContext, product: Product) -> Markup:
    """One related product on a product page (overrides/fragments/related-product.html)."""
    return _with_link(
        context, product, _parts_around_link(context, product, "related-product.html")
    )


# English pages write dates the British way (6 November 2023), as their text does; babel's
# plain "en" would give the American "November 6, 2023".
_DATE_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


@cache
def _date_locale(lang: str) -> Locale:
    # Given a name, babel parses it into a new Locale on every call and loads that locale's
    # data again.
    return Locale.parse(_DATE_LOCALES.get(lang, lang))


@cache  # babel takes some 50 µs a date, and listings repeat their dates on every page
def long_date(date: dt.date, lang: str) -> str:
    return format_date(date, format="long", locale=_date_locale(lang))


def product_date(product: Product, lang: str) -> str:
    """The most precise date the sources give: day, season and year, year, or nothing."""
    meta = product.meta
    text = ui_text(lang)
    if meta.date:
        return long_date(meta.date, lang)
    if meta.year and meta.season:
        return f"{text['season_' + meta.season]} {meta.year}"
    if meta.year:
        return str(meta.year)
    return ""


@dataclass(frozen=True)
class DownloadLink:
    href: str
    title: str
    format: str
    size: str


def _download_links(product: Product, context: PageContext) -> list[DownloadLink]:
    links = []
    for download in product.meta.downloads:
        size = context.site.download_sizes[download.file]
        size_text = (
            f"{size / 1_000_000:.1f} MB"
            if size >= 1_000_000
            else f"{max(1, round(size / 1000))} kB"
        )
        if context.lang == "nl":
            size_text = size_text.replace(".", ",")
        # Files are published once, at the site root, for both languages.
        links.append(
            DownloadLink(
                relative_url(context.page_url, download.file),
                download.title,
                PurePosixPath(download.file).suffix.lstrip(".").upper() or "?",
                size_text,
            )
        )
    return links


def around_title(html: str, below_title: str, at_end: str = "") -> str:
    """A page's HTML with ``below_title`` right after its ``<h1>`` (or first, without one)."""
    head, separator, rest = html.partition("</h1>")
    if not separator:
        return below_title + html + at_end
    return head + separator + below_title + rest + at_end


def product_page_parts(product: Product, context: PageContext, site_url: str) -> tuple[str, str]:
    """The summary box (top of the page); how to cite and related products (bottom)."""
    summary = render_fragment(
        "product-summary.html",
        context,
        product=product,
        downloads=_download_links(product, context),
    )
    related = render_fragment(
        "product-related.html", context, related=context.site.related_products(product)
    )
    news = context.site.news_of_product(product.id)
    if news:
        heading = f'<h2 id="nieuws">{ui_text(context.lang)["news_about"]}</h2>'
        related = (
            heading
            + render_fragment(
                "news-list.html",
                context,
                items=news,
                heading_level=3,
                empty_text=None,
                feed_url=None,
            )
            + related
        )
    url = site_url + context.page_url
    ready = citation.reference(context.site, product, url, context.lang)
    cite = render_fragment(
        "product-citation.html",
        context,
        product=product,
        reference=ready if citation.citable(product) else None,
        # One set of records per product, next to its Dutch page (samen.citation).
        records=relative_url(context.page_url, citation.records_folder(product)),
    )
    return summary, cite + related


# --- one renderer per marker ------------------------------------------------------------


@dataclass(frozen=True)
class FilterOption:
    id: str
    label: str


@dataclass(frozen=True)
class FilterDimension:
    key: str  # the URL parameter
    field: str  # the data attribute of the filtered items
    label: str
    options: list[FilterOption]


def catalogue_filters(site: SiteData, lang: str) -> list[FilterDimension]:
    """The catalogue's filters; only values that some product has are offered."""
    text = ui_text(lang)
    products = site.products.values()
    used = {
        "themes": {i for p in products for i in p.meta.themes},
        "leernetwerken": {i for p in products for i in p.meta.leernetwerken},
        "types": {p.meta.type for p in products},
        "audiences": {i for p in products for i in p.meta.audiences},
    }

    def options(vocabulary: str) -> list[FilterOption]:
        terms = getattr(site.taxonomy, vocabulary)
        return [FilterOption(t.id, t.label.get(lang)) for t in terms if t.id in used[vocabulary]]

    years = sorted({p.year for p in products if p.year}, reverse=True)
    return [
        FilterDimension("thema", "themes", text["themes"], options("themes")),
        FilterDimension(
            "leernetwerk", "leernetwerken", text["leernetwerk"], options("leernetwerken")
        ),
        FilterDimension("type", "type", text["type"], options("types")),
        FilterDimension("doelgroep", "audiences", text["audiences"], options("audiences")),
        FilterDimension(
            "jaar", "year", text["year"], [FilterOption(str(y), str(y)) for y in years]
        ),
    ]


def _catalogue(context: PageContext) -> str:
    products = context.site.products_newest_first()
    feed_links = {
        "feed": relative_url(context.page_url, site_path("producten/feed.xml", context.lang)),
        "json": relative_url(context.page_url, site_path("api/v1/producten.json", context.lang)),
    }
    return render_fragment(
        "catalogue.html",
        context,
        products=products,
        heading_level=2,
        feed_links=feed_links,
        filters=catalogue_filters(context.site, context.lang),
    )


@dataclass(frozen=True)
class ProductGroup:
    id: str
    label: str
    products: list[Product]


def _grouped(context: PageContext, vocabulary: str) -> str:
    products = context.site.products_newest_first()
    groups = []
    for term in getattr(context.site.taxonomy, vocabulary):
        if vocabulary == "themes":
            members = [p for p in products if term.id in p.meta.themes]
        else:
            members = [p for p in products if p.meta.type == term.id]
        groups.append(ProductGroup(term.id, term.label.get(context.lang), members))
    return render_fragment("grouped-products.html", context, groups=groups, empty_text=None)


def _products_by_theme(context: PageContext) -> str:
    return _grouped(context, "themes")


def _products_by_type(context: PageContext) -> str:
    return _grouped(context, "types")


def _leernetwerk_products(context: PageContext, leernetwerk: str | None) -> str:
    if leernetwerk is None:
        raise MarkerError("samen:leernetwerk-producten", "leernetwerk")
    products = context.site.products_of_leernetwerk(leernetwerk)
    return render_fragment(
        "product-list.html", context, products=products, heading_level=3, empty_text=None
    )


def _partners(context: PageContext) -> str:
    return render_fragment("partners.html", context)


def _regio_overview(context: PageContext) -> str:
    return render_fragment("regio-overzicht.html", context)


def _table_1(context: PageContext) -> str:
    return render_fragment("tabel-1.html", context)


def _table_1_chart(context: PageContext) -> str:
    chart = charts.table_1_chart(context.site, context.lang)
    return render_fragment("tabel-1-grafiek.html", context, table_1_chart=chart)


def _organogram(context: PageContext) -> str:
    links = {
        term.id: context.link(f"leernetwerken/{term.id}.md")
        for term in context.site.taxonomy.leernetwerken
    }
    base = ui_text(context.lang)["organogram_base"]
    chart = charts.organogram(context.site, context.lang, links, base)
    return render_fragment("organogram.html", context, chart=chart)


def _bodies(context: PageContext) -> str:
    return render_fragment("gremia.html", context)


def _coordination(context: PageContext) -> str:
    return render_fragment("coordinatie.html", context)


def _relations(context: PageContext) -> str:
    return render_fragment("relaties.html", context)


def activity_filters(site: SiteData, lang: str) -> list[FilterDimension]:
    """The agenda's filters: only leernetwerken and types that some activity has."""
    text = ui_text(lang)
    activities = site.activities.activities
    used_leernetwerken = {a.leernetwerk for a in activities if a.leernetwerk}
    used_types = {a.type for a in activities}
    leernetwerken = [
        FilterOption(t.id, t.label.get(lang))
        for t in site.taxonomy.leernetwerken
        if t.id in used_leernetwerken
    ]
    types = [
        FilterOption(kind, text["activity_type_" + kind])
        for kind in get_args(ActivityType)
        if kind in used_types
    ]
    dimensions = []
    if leernetwerken:
        dimensions.append(
            FilterDimension("leernetwerk", "leernetwerk", text["leernetwerk"], leernetwerken)
        )
    if len(types) > 1:
        dimensions.append(FilterDimension("type", "type", text["type"], types))
    return dimensions


def _agenda(context: PageContext) -> str:
    return render_fragment(
        "agenda.html",
        context,
        upcoming=context.site.upcoming_activities(),
        past=context.site.past_activities(),
        filters=activity_filters(context.site, context.lang),
        feed_url=relative_url(context.page_url, feed_file(context.lang)),
    )


def _leernetwerk_activities(context: PageContext, leernetwerk: str | None) -> str:
    if leernetwerk is None:
        raise MarkerError("samen:leernetwerk-activiteiten", "leernetwerk")
    text = ui_text(context.lang)
    return render_fragment(
        "activity-list.html",
        context,
        upcoming=context.site.upcoming_activities(leernetwerk),
        past=context.site.past_activities(leernetwerk),
        heading_level=3,
        agenda_title=text["agenda_title"],
        voortgang_title=text["voortgang_title"],
    )


def _leernetwerk_indicators(context: PageContext, leernetwerk: str | None) -> str:
    if leernetwerk is None:
        raise MarkerError("samen:leernetwerk-indicatoren", "leernetwerk")
    site = context.site
    rows = [indicators.leernetwerk_year(site, leernetwerk, y) for y in site.indicator_years()]
    return render_fragment(
        "leernetwerk-indicatoren.html",
        context,
        leernetwerk=leernetwerk,
        rows=rows,
        target=site.activities.targets.meetings_per_leernetwerk,
    )


def _leernetwerk_news(context: PageContext, leernetwerk: str | None) -> str:
    if leernetwerk is None:
        raise MarkerError("samen:leernetwerk-nieuws", "leernetwerk")
    return render_fragment(
        "news-list.html",
        context,
        items=context.site.news_of_leernetwerk(leernetwerk),
        heading_level=3,
        empty_text=ui_text(context.lang)["no_news"],
        feed_url=None,
    )


def _voortgang(context: PageContext) -> str:
    site = context.site
    years = indicators.all_years(site)
    target = site.activities.targets.meetings_per_leernetwerk
    year_charts: dict[int, charts.MeetingsChart | None] = {}
    for year in years:
        rows = [
            (site.label("leernetwerken", row.leernetwerk, context.lang), len(row.held))
            for row in year.leernetwerken
        ]
        # No chart of only zeros: a year whose meetings are all still to come has a table only.
        year_charts[year.year] = (
            charts.meetings_chart(rows, target) if any(v for _, v in rows) else None
        )
    return render_fragment(
        "voortgang.html", context, years=years, charts=year_charts, target=target
    )


def _voortgang_agendas(context: PageContext) -> str:
    return render_fragment("voortgang-agendas.html", context, agendas=context.site.agendas.agendas)


def news_listing(context: PageContext) -> str:
    return render_fragment(
        "news-list.html",
        context,
        items=context.site.news_newest_first(),
        heading_level=2,
        empty_text=ui_text(context.lang)["no_news"],
        feed_url=relative_url(context.page_url, site_path("nieuws/feed.xml", context.lang)),
    )


def news_page_summary(news: NewsItem, context: PageContext) -> str:
    return render_fragment("news-summary.html", context, news=news)


def _liso_overview(context: PageContext) -> str:
    chart = charts.liso_overview(context.site, context.lang)
    return render_fragment("liso-overzicht.html", context, chart=chart)


def liso_section_headings(site: SiteData, lang: str) -> list[tuple[str, str]]:
    """(id, text) of the sections ``liso-kernelementen`` renders, for the table of contents."""
    return [
        (element.id, f"{number}. {element.name.get(lang)}")
        for number, element in enumerate(site.liso.kernelementen, start=1)
    ]


def _liso_elements(context: PageContext) -> str:
    return render_fragment("liso-kernelementen.html", context)


LISO_STORAGE_KEY = "samen-liso-v1"
LISO_EXPORT_FORMAT = "samen-liso-antwoorden"

# The interface texts the tool's script needs (the rest of its texts come from data/liso.yml).
_LISO_SCRIPT_TEXTS = (
    "liso_chart_title",
    "liso_chart_desc",
    "liso_element",
    "liso_average",
    "liso_answered",
    "liso_not_answered",
    "liso_out_of",
    "liso_route",
    "liso_date",
    "liso_answers_heading",
    "liso_no_answer",
    "liso_note_prefix",
    "liso_saved",
    "liso_cleared",
    "liso_clear_confirm",
    "liso_exported",
    "liso_imported",
    "liso_import_failed",
    "liso_import_unknown",
    "liso_profile_ready",
    "liso_export_file",
    "liso_export_title",
)


def liso_tool_config(context: PageContext, framework_href: str) -> dict[str, object]:
    """Everything the tool's script needs, as plain values (rendered with ``|tojson``)."""
    liso, lang = context.site.liso, context.lang
    text = ui_text(lang)
    results = liso.results
    return {
        "lang": lang,
        "storageKey": LISO_STORAGE_KEY,
        "exportFormat": LISO_EXPORT_FORMAT,
        "scale": [{"value": p.value, "label": p.label.get(lang)} for p in liso.scale],
        "routes": [{"id": r.id, "label": r.label.get(lang)} for r in liso.routes],
        "elements": [
            {
                "id": e.id,
                "name": e.name.get(lang),
                "href": f"{framework_href}#{e.id}",
                "questions": {
                    route: [{"id": q.id, "text": q.text.get(lang)} for q in questions]
                    for route, questions in e.questions.items()
                },
            }
            for e in liso.kernelementen
        ],
        "results": {name: getattr(results, name).get(lang) for name in type(results).model_fields},
        "text": {name.removeprefix("liso_"): text[name] for name in _LISO_SCRIPT_TEXTS},
    }


def _liso_tool(context: PageContext) -> str:
    framework_href = context.link("liso/index.md")
    return render_fragment(
        "liso-tool.html",
        context,
        framework_href=framework_href,
        config=liso_tool_config(context, framework_href),
    )


class MarkerError(Exception):
    """A marker that cannot be filled on this page."""

    def __init__(self, marker: str, needs: str):
        super().__init__(marker)
        self.marker = marker
        self.needs = needs


RENDERERS: dict[str, Callable[..., str]] = {
    "catalogus": _catalogue,
    "producten-per-thema": _products_by_theme,
    "producten-per-type": _products_by_type,
    "leernetwerk-producten": _leernetwerk_products,
    "partners": _partners,
    "regio-overzicht": _regio_overview,
    "tabel-1": _table_1,
    "tabel-1-grafiek": _table_1_chart,
    "organogram": _organogram,
    "gremia": _bodies,
    "coordinatie": _coordination,
    "relaties": _relations,
    "agenda": _agenda,
    "voortgang-bijeenkomsten": _voortgang,
    "voortgang-agendas": _voortgang_agendas,
    "nieuws": news_listing,
    "leernetwerk-activiteiten": _leernetwerk_activities,
    "leernetwerk-indicatoren": _leernetwerk_indicators,
    "leernetwerk-nieuws": _leernetwerk_news,
    "liso-overzicht": _liso_overview,
    "liso-kernelementen": _liso_elements,
    "liso-tool": _liso_tool,
}

_LEERNETWERK_RENDERERS = frozenset(name for name in RENDERERS if name.startswith("leernetwerk-"))


def fill_markers(html: str, context: PageContext, leernetwerk: str | None = None) -> str:
    """Replace every ``<!-- samen:name -->`` in rendered page HTML with its fragment."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        renderer = RENDERERS.get(name)
        if renderer is None:
            raise KeyError(name)
        if name in _LEERNETWERK_RENDERERS:
            return renderer(context, leernetwerk)
        return renderer(context)

    return MARKER.sub(replace, html)
