"""Load, validate and cross-check all content and data into one ``SiteData``.

This runs once per build (not once per language) and once per ``samen check``.
Everything downstream works on the typed result and never re-reads a file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import islice
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel

from samen.build_date import build_date
from samen.markers import MARKERS, markers_with_lines
from samen.problems import ContentError, Problem
from samen.schemas import (
    LEERNETWERK_MEETING_TYPES,
    ActivitiesFile,
    Activity,
    AgendasFile,
    Label,
    LeernetwerkPageMeta,
    LisoFile,
    NewsMeta,
    NewsTranslationMeta,
    Organisation,
    OrganisationFile,
    OrganisationRole,
    PageMeta,
    PartnersFile,
    ProductMeta,
    ProductTranslationMeta,
    RegioFile,
    Taxonomy,
    Term,
)
from samen.sources import MarkdownSource, YamlDocument, read_markdown, read_yaml_file
from samen.validation import field_path, unknown_reference, validate_document

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"

DATA_FILES: dict[str, type[BaseModel]] = {
    "taxonomie.yml": Taxonomy,
    "partners.yml": PartnersFile,
    "organisatie.yml": OrganisationFile,
    "regio.yml": RegioFile,
    "activiteiten.yml": ActivitiesFile,
    "agendas.yml": AgendasFile,
    "liso.yml": LisoFile,
}


@dataclass(frozen=True)
class PageSource:
    """One Markdown file with its validated front matter."""

    src_uri: str  # e.g. "producten/de-kracht-van-het-gewone.en.md"
    lang: str
    norm_uri: str  # the Dutch file it translates, e.g. "producten/de-kracht-van-het-gewone.md"
    meta: BaseModel
    document: YamlDocument = field(repr=False, compare=False)


@dataclass(frozen=True)
class Product:
    """A knowledge product: Dutch metadata plus its English translation, if any."""

    meta: ProductMeta
    translation: ProductTranslationMeta | None
    src_uri: str

    @property
    def id(self) -> str:
        return self.meta.id

    def _translated(self, name: str, lang: str) -> Any:
        if lang == "en" and self.translation is not None:
            value = getattr(self.translation, name)
            if value is not None:
                return value
        return getattr(self.meta, name)

    def title(self, lang: str) -> str:
        return self._translated("title", lang)

    def subtitle(self, lang: str) -> str | None:
        return self._translated("subtitle", lang)

    def summary(self, lang: str) -> str:
        return self._translated("summary", lang)

    def plain_summary(self, lang: str) -> str | None:
        return self._translated("plain_summary", lang)

    def title_is_dutch(self, lang: str) -> bool:
        """True where an English page shows the Dutch title (for ``lang="nl"``)."""
        return lang != DEFAULT_LANGUAGE and self.title(lang) == self.meta.title

    def has_language(self, lang: str) -> bool:
        return lang == DEFAULT_LANGUAGE or self.translation is not None

    @property
    def year(self) -> int | None:
        return self.meta.date.year if self.meta.date else self.meta.year

    @property
    def sort_date(self) -> dt.date:
        """Newest first sorts on this; undated products sort last."""
        if self.meta.date:
            return self.meta.date
        if self.meta.year:
            month = {"voorjaar": 4, "zomer": 7, "najaar": 10, "winter": 1}.get(
                self.meta.season or "", 1
            )
            return dt.date(self.meta.year, month, 1)
        return dt.date.min


@dataclass(frozen=True)
class NewsItem:
    """A news item: Dutch front matter plus its English translation, if any."""

    meta: NewsMeta
    translation: NewsTranslationMeta | None
    src_uri: str

    @property
    def id(self) -> str:
        return self.meta.id

    def title(self, lang: str) -> str:
        if lang != DEFAULT_LANGUAGE and self.translation is not None:
            return self.translation.title
        return self.meta.title

    def summary(self, lang: str) -> str:
        if lang != DEFAULT_LANGUAGE and self.translation is not None:
            return self.translation.summary
        return self.meta.summary

    def title_is_dutch(self, lang: str) -> bool:
        return lang != DEFAULT_LANGUAGE and self.title(lang) == self.meta.title


@dataclass(frozen=True)
class CoordinationRole:
    role: OrganisationRole
    organisation: Organisation


@dataclass(frozen=True)
class SiteData:
    """Everything the hooks render, validated and cross-referenced."""

    taxonomy: Taxonomy
    partners: PartnersFile
    organisation: OrganisationFile
    regio: RegioFile
    liso: LisoFile
    pages: dict[str, PageSource]
    products: dict[str, Product]
    activities: ActivitiesFile
    agendas: AgendasFile
    news: dict[str, NewsItem]
    today: dt.date  # the build date: activities before it are past, from it on upcoming
    # Bytes of each product download (by its path in docs/), read once while loading: product
    # pages show them, and a system call while pages render is slow (samen.rendering).
    download_sizes: dict[str, int]

    def term(self, vocabulary: str, term_id: str) -> Term:
        return self._terms[vocabulary, term_id]

    def label(self, vocabulary: str, term_id: str, lang: str) -> str:
        return self.term(vocabulary, term_id).label.get(lang)

    def organisation_by_id(self, org_id: str) -> Organisation:
        return self._organisations[org_id]

    def role_label(self, role_id: str, lang: str) -> str:
        return next(r.label.get(lang) for r in self.partners.roles if r.id == role_id)

    def coordination_roles(self) -> list[CoordinationRole]:
        """Every role with hours or a person, in the order the role types are listed."""
        rows = [
            CoordinationRole(role, org)
            for org in self.partners.organisations
            for role in org.roles
            if role.hours_per_week or role.person
        ]
        order = [r.id for r in self.partners.roles]
        return sorted(rows, key=lambda row: order.index(row.role.role))

    # Derived look-ups, computed once per build: the hooks ask for them on every page, and
    # scanning all products each time made the build quadratic in the number of products.
    # (cached_property writes the instance __dict__ directly, which a frozen dataclass allows.)
    @cached_property
    def _newest_first(self) -> tuple[Product, ...]:
        return tuple(
            sorted(self.products.values(), key=lambda p: (p.sort_date, p.id), reverse=True)
        )

    @cached_property
    def _terms(self) -> dict[tuple[str, str], Term]:
        # Every card shows four or five labels: some fifty thousand look-ups per language.
        return {
            (vocabulary, term.id): term
            for vocabulary in Taxonomy.model_fields
            for term in getattr(self.taxonomy, vocabulary)
        }

    @cached_property
    def _organisations(self) -> dict[str, Organisation]:
        return {o.id: o for o in self.partners.organisations}

    @cached_property
    def _products_by_src_uri(self) -> dict[str, Product]:
        return {p.src_uri: p for p in self.products.values()}

    def product_of_page(self, norm_uri: str) -> Product | None:
        """The product whose Dutch page is ``norm_uri`` (None for other pages)."""
        return self._products_by_src_uri.get(norm_uri)

    @cached_property
    def _news_by_src_uri(self) -> dict[str, NewsItem]:
        return {n.src_uri: n for n in self.news.values()}

    def news_of_page(self, norm_uri: str) -> NewsItem | None:
        """The news item whose Dutch page is ``norm_uri`` (None for other pages)."""
        return self._news_by_src_uri.get(norm_uri)

    def related_products(self, product: Product, limit: int = 5) -> list[Product]:
        """The product's own ``related`` list first, then others sharing a leernetwerk or theme."""
        explicit = [self.products[i] for i in product.meta.related]
        wanted = max(limit, len(explicit))
        if len(explicit) >= wanted:
            return explicit[:wanted]
        skip = {product.id, *product.meta.related}
        leernetwerken, themes = set(product.meta.leernetwerken), set(product.meta.themes)
        shared = (
            other
            for other in self._newest_first
            if other.id not in skip
            and (
                leernetwerken.intersection(other.meta.leernetwerken)
                or themes.intersection(other.meta.themes)
            )
        )
        return explicit + list(islice(shared, wanted - len(explicit)))

    def products_of_organisation(self, org_id: str) -> list[Product]:
        return [p for p in self._newest_first if org_id in p.meta.organisations]

    def products_newest_first(self) -> list[Product]:
        return list(self._newest_first)

    def products_of_leernetwerk(self, leernetwerk: str) -> list[Product]:
        return [p for p in self._newest_first if leernetwerk in p.meta.leernetwerken]

    # --- activities and news ---

    def upcoming_activities(self, leernetwerk: str | None = None) -> list[Activity]:
        """From the build date on, soonest first (an activity today is still upcoming)."""
        return sorted(
            (a for a in self._activities_of(leernetwerk) if a.date >= self.today),
            key=lambda a: (a.date, a.id),
        )

    def past_activities(self, leernetwerk: str | None = None) -> list[Activity]:
        """Before the build date, most recent first."""
        return sorted(
            (a for a in self._activities_of(leernetwerk) if a.date < self.today),
            key=lambda a: (a.date, a.id),
            reverse=True,
        )

    def _activities_of(self, leernetwerk: str | None) -> list[Activity]:
        return [
            a
            for a in self.activities.activities
            if leernetwerk is None or a.leernetwerk == leernetwerk
        ]

    def news_newest_first(self) -> list[NewsItem]:
        return sorted(self.news.values(), key=lambda n: (n.meta.date, n.id), reverse=True)

    def news_of_leernetwerk(self, leernetwerk: str) -> list[NewsItem]:
        return [n for n in self.news_newest_first() if leernetwerk in n.meta.leernetwerken]

    def news_of_product(self, product_id: str) -> list[NewsItem]:
        return [n for n in self.news_newest_first() if product_id in n.meta.products]

    def indicator_years(self) -> list[int]:
        """Every year from the plan's first year to the build year (or a later activity), newest
        first: a year without registered meetings is shown as such, not left out."""
        last = max([self.today.year, *(a.date.year for a in self.activities.activities)])
        return list(range(last, self.activities.targets.first_year - 1, -1))


def is_leernetwerk_meeting(activity: Activity) -> bool:
    return activity.type in LEERNETWERK_MEETING_TYPES


@cache  # pure; several hooks ask it of every page, and PurePosixPath costs some 30 µs a call
def page_language(src_uri: str) -> tuple[str, str]:
    """``over/index.en.md`` -> ``("en", "over/index.md")``."""
    path = PurePosixPath(src_uri)
    suffixes = path.suffixes
    if len(suffixes) >= 2 and suffixes[-2][1:] in LANGUAGES:
        lang = suffixes[-2][1:]
        return lang, str(path.with_name(path.name.replace(f".{lang}.md", ".md")))
    return DEFAULT_LANGUAGE, src_uri


def page_schema(norm_uri: str, lang: str) -> type[BaseModel]:
    """Which front-matter schema a page follows, from where it lives."""
    path = PurePosixPath(norm_uri)
    if path.parent.name == "producten" and path.stem != "index" and len(path.parts) == 2:
        return ProductTranslationMeta if lang != DEFAULT_LANGUAGE else ProductMeta
    if path.parent.name == "leernetwerken" and path.stem != "index" and len(path.parts) == 2:
        return LeernetwerkPageMeta
    if path.parent.name == "nieuws" and path.stem != "index" and len(path.parts) == 2:
        return NewsTranslationMeta if lang != DEFAULT_LANGUAGE else NewsMeta
    return PageMeta


@cache  # pure, and asked for on every card of every listing
def site_path(path: str, lang: str) -> str:
    """Where a generated file (``producten/feed.xml``) stands for ``lang``: Dutch at the
    root, other languages below ``<lang>/``."""
    return path if lang == DEFAULT_LANGUAGE else f"{lang}/{path}"


# Pure, and asked for some twenty thousand times per language pass at 1000 products (every
# link between pages, the feeds, the API): PurePosixPath makes each call cost some 30 µs.
@cache
def page_url(norm_uri: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The site-relative URL MkDocs gives a page (directory URLs), per language."""
    path = PurePosixPath(norm_uri).with_suffix("")
    url = "" if path.name in ("index", "README") else f"{path.name}/"
    parent = str(path.parent)
    url = f"{parent}/{url}" if parent != "." else url
    return site_path(url, lang)


def load_site_data(project_dir: Path, docs_dir: Path) -> SiteData:
    """Read and check everything; raise ``ContentError`` listing every problem."""
    problems: list[Problem] = []
    data_dir = project_dir / "data"
    data: dict[str, Any] = {}
    documents: dict[str, YamlDocument] = {}
    for name, model in DATA_FILES.items():
        path = data_dir / name
        if not path.is_file():
            problems.append(
                Problem(
                    f"data/{name}",
                    None,
                    None,
                    "dit gegevensbestand ontbreekt.",
                    "this data file is missing.",
                )
            )
            continue
        document = read_yaml_file(path, project_dir)
        documents[name] = document
        model_value, found = validate_document(model, document)
        problems.extend(found)
        data[name] = model_value

    pages: dict[str, PageSource] = {}
    present_uris: set[str] = set()
    for path in sorted(docs_dir.rglob("*.md")):
        src_uri = path.relative_to(docs_dir).as_posix()
        present_uris.add(src_uri)
        lang, norm_uri = page_language(src_uri)
        source = read_markdown(path.read_text(encoding="utf-8"), f"docs/{src_uri}")
        meta, found = validate_document(page_schema(norm_uri, lang), source.front_matter)
        problems.extend(found)
        problems.extend(_marker_problems(source, meta))
        problems.extend(_image_problems(source))
        if meta is not None:
            pages[src_uri] = PageSource(src_uri, lang, norm_uri, meta, source.front_matter)

    # References can only be checked against valid data files. Pages with problems of their own
    # are left out of the site, but still count as present, so that every other problem is
    # reported in the same run (no second round after the first fixes).
    if len(data) < len(DATA_FILES) or any(value is None for value in data.values()):
        raise ContentError(problems)

    products = _products(pages)
    site = SiteData(
        taxonomy=data["taxonomie.yml"],
        partners=data["partners.yml"],
        organisation=data["organisatie.yml"],
        regio=data["regio.yml"],
        liso=data["liso.yml"],
        pages=pages,
        products=products,
        activities=data["activiteiten.yml"],
        agendas=data["agendas.yml"],
        news=_news(pages),
        today=build_date(),
        download_sizes=_download_sizes(products, docs_dir),
    )
    problems.extend(_check_references(site, documents, docs_dir, present_uris))
    if problems:
        raise ContentError(problems)
    # Every check is done. The YAML node trees only served to point problems at their lines,
    # and they are most of the objects in memory (some 300,000 at 3000 products): kept, they
    # made every full garbage collection during the build walk them again.
    for document in [*documents.values(), *(page.document for page in pages.values())]:
        document.node = None
    return site


_IMAGE_WITHOUT_ALT = re.compile(r"!\[\s*\]\(|<img\b(?![^>]*\balt=\"[^\"]+\")[^>]*>", re.I)


def _image_problems(source: MarkdownSource) -> list[Problem]:
    """Every image needs a text alternative that says what it shows (WCAG 1.1.1)."""
    return [
        Problem(
            source.path,
            source.body_line + source.body.count("\n", 0, match.start()),
            None,
            "deze afbeelding heeft geen alternatieve tekst.",
            "this image has no alternative text.",
            "tussen de blokhaken een korte beschrijving van wat de afbeelding laat zien",
            "a short description of what the image shows between the square brackets",
            "![Organogram van SAMEN met de vier gremia](organogram.png)",
        )
        for match in _IMAGE_WITHOUT_ALT.finditer(source.body)
    ]


def _marker_problems(source: MarkdownSource, meta: BaseModel | None) -> list[Problem]:
    problems = []
    for name, line in markers_with_lines(source.body, source.body_line):
        where = MARKERS.get(name)
        if where is None:
            known = ", ".join(f"<!-- samen:{known} -->" for known in MARKERS)
            problems.append(
                Problem(
                    source.path,
                    line,
                    None,
                    f"onbekende markering '<!-- samen:{name} -->'.",
                    f"unknown marker '<!-- samen:{name} -->'.",
                    f"een van: {known}",
                    f"one of: {known}",
                )
            )
        elif where == "leernetwerk" and not isinstance(meta, LeernetwerkPageMeta):
            problems.append(
                Problem(
                    source.path,
                    line,
                    None,
                    f"'<!-- samen:{name} -->' kan alleen op een leernetwerkpagina staan.",
                    f"'<!-- samen:{name} -->' can only stand on a leernetwerk page.",
                    "docs/leernetwerken/<id>.md met 'leernetwerk: <id>' in het kopblok",
                    "docs/leernetwerken/<id>.md with 'leernetwerk: <id>' in its front matter",
                )
            )
    return problems


def _pairs(pages: dict[str, PageSource], dutch: type, english: type, item: type) -> dict:
    """Items (products, news) from their Dutch pages, each with its English page's metadata."""
    translations = {
        page.norm_uri: page.meta for page in pages.values() if isinstance(page.meta, english)
    }
    return {
        page.meta.id: item(page.meta, translations.get(page.src_uri), page.src_uri)
        for page in pages.values()
        if isinstance(page.meta, dutch)
    }


def _products(pages: dict[str, PageSource]) -> dict[str, Product]:
    return _pairs(pages, ProductMeta, ProductTranslationMeta, Product)


def _news(pages: dict[str, PageSource]) -> dict[str, NewsItem]:
    return _pairs(pages, NewsMeta, NewsTranslationMeta, NewsItem)


def _download_sizes(products: dict[str, Product], docs_dir: Path) -> dict[str, int]:
    """The size of every download that is there (_check_pages reports the missing ones)."""
    sizes = {}
    for product in products.values():
        for download in product.meta.downloads:
            path = docs_dir / download.file
            if path.is_file():
                sizes[download.file] = path.stat().st_size
    return sizes


def _duplicates(
    document: YamlDocument, items: Sequence[Any], loc: Sequence[str | int], what: str
) -> Iterable[Problem]:
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if item.id in seen:
            yield Problem(
                document.path,
                document.line_of([*loc, index, "id"]),
                field_path([*loc, index, "id"]),
                f"de id '{item.id}' komt twee keer voor (ook bij {what} nummer "
                f"{seen[item.id] + 1}); elke id moet uniek zijn.",
                f"the id '{item.id}' appears twice (also in {what} number {seen[item.id] + 1}); "
                "every id must be unique.",
                "een id die nog niet bestaat",
                "an id that does not exist yet",
            )
        else:
            seen[item.id] = index


def _check_references(
    site: SiteData, documents: dict[str, YamlDocument], docs_dir: Path, present_uris: set[str]
) -> list[Problem]:
    problems: list[Problem] = []
    taxonomy_doc = documents["taxonomie.yml"]
    ids: dict[str, list[str]] = {}
    for vocabulary in ("themes", "types", "audiences", "leernetwerken", "regions"):
        terms = getattr(site.taxonomy, vocabulary)
        problems.extend(_duplicates(taxonomy_doc, terms, [vocabulary], "waarde/value"))
        ids[vocabulary] = [t.id for t in terms]

    partners_doc = documents["partners.yml"]
    partners = site.partners
    problems.extend(_duplicates(partners_doc, partners.groups, ["groups"], "groep/group"))
    problems.extend(_duplicates(partners_doc, partners.roles, ["roles"], "rol/role"))
    problems.extend(
        _duplicates(partners_doc, partners.organisations, ["organisations"], "organisatie")
    )
    group_ids = [g.id for g in partners.groups]
    role_ids = [r.id for r in partners.roles]
    org_ids = [o.id for o in partners.organisations]
    for index, org in enumerate(partners.organisations):
        loc: list[str | int] = ["organisations", index]
        if org.group is not None and org.group not in group_ids:
            problems.append(
                unknown_reference(
                    partners_doc,
                    [*loc, "group"],
                    org.group,
                    "partnergroep",
                    "partner group",
                    group_ids,
                    f"group: {group_ids[0]}",
                )
            )
        for r_index, region in enumerate(org.regions):
            if region not in ids["regions"]:
                problems.append(
                    unknown_reference(
                        partners_doc,
                        [*loc, "regions", r_index],
                        region,
                        "regio",
                        "region",
                        ids["regions"],
                        f"regions: [{ids['regions'][0]}]",
                    )
                )
        for o_index, role in enumerate(org.roles):
            if role.role not in role_ids:
                problems.append(
                    unknown_reference(
                        partners_doc,
                        [*loc, "roles", o_index, "role"],
                        role.role,
                        "rol",
                        "role",
                        role_ids,
                        f"role: {role_ids[0]}",
                    )
                )
            for l_index, leernetwerk in enumerate(role.leernetwerken):
                if leernetwerk not in ids["leernetwerken"]:
                    problems.append(
                        unknown_reference(
                            partners_doc,
                            [*loc, "roles", o_index, "leernetwerken", l_index],
                            leernetwerk,
                            "leernetwerk",
                            "leernetwerk",
                            ids["leernetwerken"],
                            f"leernetwerken: [{ids['leernetwerken'][0]}]",
                        )
                    )

    organisation_doc = documents["organisatie.yml"]
    bodies = site.organisation.bodies
    problems.extend(_duplicates(organisation_doc, bodies, ["bodies"], "gremium/body"))
    problems.extend(
        _duplicates(organisation_doc, site.organisation.layers, ["layers"], "laag/layer")
    )
    layer_ids = [layer.id for layer in site.organisation.layers]
    for index, body in enumerate(bodies):
        if body.layer not in layer_ids:
            problems.append(
                unknown_reference(
                    organisation_doc,
                    ["bodies", index, "layer"],
                    body.layer,
                    "laag",
                    "layer",
                    layer_ids,
                    f"layer: {layer_ids[0]}",
                )
            )

    problems.extend(_check_regio(site.regio, documents["regio.yml"], ids["regions"]))
    problems.extend(
        _check_activities(
            site.activities, documents["activiteiten.yml"], ids["leernetwerken"], group_ids
        )
    )
    problems.extend(_check_agendas(site.agendas, documents["agendas.yml"], ids["leernetwerken"]))
    problems.extend(_check_liso(site.liso, documents["liso.yml"]))
    problems.extend(_check_pages(site, ids, org_ids, docs_dir, present_uris))
    return problems


def _check_regio(regio: RegioFile, document: YamlDocument, region_ids: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    indicator_ids = [i.id for i in regio.indicators]
    problems.extend(_duplicates(document, regio.municipalities, ["municipalities"], "gemeente"))
    problems.extend(_duplicates(document, regio.indicators, ["indicators"], "indicator"))
    for index, region in enumerate(regio.regions):
        if region.id not in region_ids:
            problems.append(
                unknown_reference(
                    document,
                    ["regions", index, "id"],
                    region.id,
                    "regio",
                    "region",
                    region_ids,
                    f"id: {region_ids[0]}",
                )
            )
    for index, indicator in enumerate(regio.indicators):
        if indicator.footnote not in regio.footnotes:
            problems.append(
                unknown_reference(
                    document,
                    ["indicators", index, "footnote"],
                    indicator.footnote,
                    "voetnoot",
                    "footnote",
                    list(regio.footnotes),
                    "footnote: a",
                )
            )
    for index, municipality in enumerate(regio.municipalities):
        loc: list[str | int] = ["municipalities", index]
        if municipality.region not in region_ids:
            problems.append(
                unknown_reference(
                    document,
                    [*loc, "region"],
                    municipality.region,
                    "regio",
                    "region",
                    region_ids,
                    f"region: {region_ids[0]}",
                )
            )
        if sorted(municipality.values) != sorted(indicator_ids):
            problems.append(
                Problem(
                    document.path,
                    document.line_of([*loc, "values"]),
                    f"municipalities[{index}].values",
                    f"de waarden van {municipality.name} passen niet bij de indicatoren.",
                    f"the values of {municipality.name} do not match the indicators.",
                    f"precies één waarde per indicator: {', '.join(indicator_ids)}",
                    f"exactly one value per indicator: {', '.join(indicator_ids)}",
                )
            )
    return problems


def _check_activities(
    activities: ActivitiesFile,
    document: YamlDocument,
    leernetwerk_ids: list[str],
    group_ids: list[str],
) -> list[Problem]:
    problems: list[Problem] = list(
        _duplicates(document, activities.activities, ["activities"], "activiteit/activity")
    )
    for index, activity in enumerate(activities.activities):
        loc: list[str | int] = ["activities", index]
        if activity.leernetwerk is not None and activity.leernetwerk not in leernetwerk_ids:
            problems.append(
                unknown_reference(
                    document,
                    [*loc, "leernetwerk"],
                    activity.leernetwerk,
                    "leernetwerk",
                    "leernetwerk",
                    leernetwerk_ids,
                    f"leernetwerk: {leernetwerk_ids[0]}",
                )
            )
        for g_index, group in enumerate(activity.partner_groups):
            if group not in group_ids:
                problems.append(
                    unknown_reference(
                        document,
                        [*loc, "partner_groups", g_index],
                        group,
                        "partnergroep",
                        "partner group",
                        group_ids,
                        f"partner_groups: [{group_ids[0]}]",
                    )
                )
    return problems


def _check_agendas(
    agendas: AgendasFile, document: YamlDocument, leernetwerk_ids: list[str]
) -> list[Problem]:
    problems: list[Problem] = list(_duplicates(document, agendas.agendas, ["agendas"], "agenda"))
    for index, agenda in enumerate(agendas.agendas):
        for i_index, item in enumerate(agenda.items):
            if item.leernetwerk is not None and item.leernetwerk not in leernetwerk_ids:
                problems.append(
                    unknown_reference(
                        document,
                        ["agendas", index, "items", i_index, "leernetwerk"],
                        item.leernetwerk,
                        "leernetwerk",
                        "leernetwerk",
                        leernetwerk_ids,
                        f"leernetwerk: {leernetwerk_ids[0]}",
                    )
                )
    return problems


def _check_liso(liso: LisoFile, document: YamlDocument) -> list[Problem]:
    """Ids unique, the scale rising, and every kernelement asking questions on every route."""
    problems: list[Problem] = []
    problems.extend(_duplicates(document, liso.routes, ["routes"], "route"))
    problems.extend(_duplicates(document, liso.kernelementen, ["kernelementen"], "kernelement"))
    values = [point.value for point in liso.scale]
    if values != sorted(set(values)):
        problems.append(
            Problem(
                document.path,
                document.line_of(["scale"]),
                "scale",
                "de waarden van de schaal moeten van laag naar hoog lopen en elk één keer "
                f"voorkomen (nu: {', '.join(map(str, values))}).",
                "the values of the scale must rise from low to high, each once "
                f"(now: {', '.join(map(str, values))}).",
                "oplopende, verschillende getallen",
                "rising, distinct numbers",
                "scale: [{value: 1, ...}, {value: 2, ...}]",
            )
        )
    route_ids = [route.id for route in liso.routes]
    for index, element in enumerate(liso.kernelementen):
        loc: list[str | int] = ["kernelementen", index, "questions"]
        for route in element.questions:
            if route not in route_ids:
                problems.append(
                    unknown_reference(
                        document,
                        [*loc, route],
                        route,
                        "route",
                        "route",
                        route_ids,
                        f"{route_ids[0]}:",
                    )
                )
        for route in route_ids:
            questions = element.questions.get(route)
            if not questions:
                problems.append(
                    Problem(
                        document.path,
                        document.line_of(loc),
                        field_path([*loc, route]),
                        f"het kernelement '{element.id}' heeft geen vragen voor de route "
                        f"'{route}'.",
                        f"the kernelement '{element.id}' has no questions for the route '{route}'.",
                        "ten minste één vraag per route",
                        "at least one question per route",
                        f"{route}:\n  - id: eerste-vraag\n    text: {{nl: ..., en: ...}}",
                    )
                )
                continue
            problems.extend(_duplicates(document, questions, [*loc, route], "vraag/question"))
    problems.extend(_liso_html_id_clashes(liso, document))
    return problems


# Ids the tool's page gives to its own parts (overrides/fragments/liso-tool.html).
_LISO_FIXED_IDS = ("liso-bewaren", "liso-profiel", "liso-profiel-titel")


def _liso_html_id_clashes(liso: LisoFile, document: YamlDocument) -> list[Problem]:
    """The tool builds HTML ids and form names by joining ids with hyphens, which ids may
    contain themselves: element "gedeelde" with question "visie-doel" and element
    "gedeelde-visie" with question "doel" would share a radio group. Each id must be unique."""
    owners: dict[str, list[str | int]] = {name: ["<tool>"] for name in _LISO_FIXED_IDS}
    problems: list[Problem] = []

    def claim(html_id: str, loc: list[str | int]) -> None:
        if html_id not in owners:
            owners[html_id] = loc
            return
        problems.append(
            Problem(
                document.path,
                document.line_of(loc),
                field_path(loc),
                f"deze id geeft in de tool dezelfde HTML-id '{html_id}' als "
                f"{field_path(owners[html_id])}, zodat antwoorden door elkaar lopen.",
                f"this id gives the tool the same HTML id '{html_id}' as "
                f"{field_path(owners[html_id])}, so answers would mix.",
                "een id die niet gelijk is aan een andere id met een koppelteken erbij",
                "an id that is not another id joined with a hyphen",
                "id: samenwerking (in plaats van / instead of gedeelde-visie)",
            )
        )

    scale = [point.value for point in liso.scale]
    for r_index, route in enumerate(liso.routes):
        for suffix in ("", "-titel"):
            claim(f"liso-{route.id}{suffix}", ["routes", r_index, "id"])
        claim(f"liso-route-{route.id}", ["routes", r_index, "id"])
        for e_index, element in enumerate(liso.kernelementen):
            claim(f"liso-{route.id}-{element.id}", ["kernelementen", e_index, "id"])
            for q_index, question in enumerate(element.questions.get(route.id) or []):
                loc = ["kernelementen", e_index, "questions", route.id, q_index, "id"]
                qid = f"liso-{route.id}-{element.id}-{question.id}"
                for html_id in (qid, f"{qid}-notitie", *(f"{qid}-{value}" for value in scale)):
                    claim(html_id, loc)
    return problems


def _check_pages(
    site: SiteData,
    ids: dict[str, list[str]],
    org_ids: list[str],
    docs_dir: Path,
    present_uris: set[str],
) -> list[Problem]:
    problems: list[Problem] = []
    dutch_uris = {uri for uri in present_uris if page_language(uri)[0] == DEFAULT_LANGUAGE}
    product_ids = {
        PurePosixPath(uri).stem
        for uri in dutch_uris
        if page_schema(uri, DEFAULT_LANGUAGE) is ProductMeta
    }
    urls: dict[str, str] = {page_url(uri): uri for uri in dutch_uris}
    for page in site.pages.values():
        doc = page.document
        if page.lang != DEFAULT_LANGUAGE and page.norm_uri not in dutch_uris:
            problems.append(
                Problem(
                    doc.path,
                    1,
                    None,
                    f"deze vertaling heeft geen Nederlandse pagina 'docs/{page.norm_uri}'.",
                    f"this translation has no Dutch page 'docs/{page.norm_uri}'.",
                    "eerst de Nederlandse pagina, dan de vertaling met .en.md",
                    "the Dutch page first, then its translation ending in .en.md",
                )
            )
        meta = page.meta
        stem = PurePosixPath(page.norm_uri).stem
        if isinstance(meta, LeernetwerkPageMeta):
            if meta.leernetwerk not in ids["leernetwerken"]:
                problems.append(
                    unknown_reference(
                        doc,
                        ["leernetwerk"],
                        meta.leernetwerk,
                        "leernetwerk",
                        "leernetwerk",
                        ids["leernetwerken"],
                        f"leernetwerk: {stem}",
                    )
                )
            elif meta.leernetwerk != stem:
                problems.append(_must_match_file(doc, "leernetwerk", meta.leernetwerk, stem))
        if isinstance(meta, NewsMeta):
            problems.extend(_check_news(doc, meta, stem, ids, product_ids))
        if not isinstance(meta, ProductMeta):
            continue
        if meta.id != stem:
            problems.append(_must_match_file(doc, "id", meta.id, stem))
        references = [
            ("type", [meta.type], "types", "type", "type"),
            ("leernetwerken", meta.leernetwerken, "leernetwerken", "leernetwerk", "leernetwerk"),
            ("themes", meta.themes, "themes", "thema", "theme"),
            ("audiences", meta.audiences, "audiences", "doelgroep", "audience"),
        ]
        for field_name, values, vocabulary, what_nl, what_en in references:
            for index, value in enumerate(values):
                if value not in ids[vocabulary]:
                    loc: list[str | int] = (
                        [field_name] if field_name == "type" else [field_name, index]
                    )
                    example = (
                        f"type: {ids[vocabulary][0]}"
                        if field_name == "type"
                        else f"{field_name}: [{ids[vocabulary][0]}]"
                    )
                    problems.append(
                        unknown_reference(
                            doc, loc, value, what_nl, what_en, ids[vocabulary], example
                        )
                    )
        for index, org in enumerate(meta.organisations):
            if org not in org_ids:
                problems.append(
                    unknown_reference(
                        doc,
                        ["organisations", index],
                        org,
                        "organisatie (partner-id)",
                        "organisation (partner id)",
                        org_ids,
                        f"organisations: [{org_ids[0]}]",
                    )
                )
        for index, related in enumerate(meta.related):
            if related not in product_ids or related == meta.id:
                others = sorted(product_ids - {meta.id})
                problems.append(
                    unknown_reference(
                        doc,
                        ["related", index],
                        related,
                        "product-id",
                        "product id",
                        others,
                        f"related: [{others[0] if others else 'een-product'}]",
                    )
                )
        for index, download in enumerate(meta.downloads):
            if not (docs_dir / download.file).is_file():
                problems.append(
                    Problem(
                        doc.path,
                        doc.line_of(["downloads", index, "file"]),
                        f"downloads[{index}].file",
                        f"het bestand 'docs/{download.file}' bestaat niet.",
                        f"the file 'docs/{download.file}' does not exist.",
                        "een pad binnen docs/ naar een bestand dat in de repository staat",
                        "a path inside docs/ to a file that is in the repository",
                        "file: bestanden/de-kracht-van-het-gewone.pdf",
                    )
                )
        for index, alias in enumerate(meta.aliases):
            alias_url = alias.strip("/") + "/"
            if alias_url in urls:
                problems.append(
                    Problem(
                        doc.path,
                        doc.line_of(["aliases", index]),
                        f"aliases[{index}]",
                        f"de oude URL '{alias}' is de URL van een bestaande pagina "
                        f"(docs/{urls[alias_url]}).",
                        f"the old URL '{alias}' is the URL of an existing page "
                        f"(docs/{urls[alias_url]}).",
                        "een oude URL die geen bestaande pagina meer is",
                        "an old URL that is no longer an existing page",
                        "aliases: [producten/oude-naam]",
                    )
                )
            else:
                urls[alias_url] = page.src_uri
    for index, leernetwerk in enumerate(site.taxonomy.leernetwerken):
        if f"leernetwerken/{leernetwerk.id}.md" not in dutch_uris:
            problems.append(
                Problem(
                    "data/taxonomie.yml",
                    None,
                    f"leernetwerken[{index}].id",
                    f"het leernetwerk '{leernetwerk.id}' heeft geen pagina "
                    f"docs/leernetwerken/{leernetwerk.id}.md.",
                    f"the leernetwerk '{leernetwerk.id}' has no page "
                    f"docs/leernetwerken/{leernetwerk.id}.md.",
                )
            )
    return problems


def _check_news(
    doc: YamlDocument,
    meta: NewsMeta,
    stem: str,
    ids: dict[str, list[str]],
    product_ids: set[str],
) -> list[Problem]:
    problems: list[Problem] = []
    if meta.id != stem:
        problems.append(_must_match_file(doc, "id", meta.id, stem))
    for index, leernetwerk in enumerate(meta.leernetwerken):
        if leernetwerk not in ids["leernetwerken"]:
            problems.append(
                unknown_reference(
                    doc,
                    ["leernetwerken", index],
                    leernetwerk,
                    "leernetwerk",
                    "leernetwerk",
                    ids["leernetwerken"],
                    f"leernetwerken: [{ids['leernetwerken'][0]}]",
                )
            )
    for index, product in enumerate(meta.products):
        if product not in product_ids:
            known = sorted(product_ids)
            problems.append(
                unknown_reference(
                    doc,
                    ["products", index],
                    product,
                    "product-id",
                    "product id",
                    known,
                    f"products: [{known[0] if known else 'een-product'}]",
                )
            )
    return problems


def _must_match_file(document: YamlDocument, field_name: str, value: str, stem: str) -> Problem:
    return Problem(
        document.path,
        document.line_of([field_name]),
        field_name,
        f"'{field_name}: {value}' moet gelijk zijn aan de bestandsnaam '{stem}'.",
        f"'{field_name}: {value}' must equal the file name '{stem}'.",
        f"{field_name}: {stem} (of hernoem het bestand)",
        f"{field_name}: {stem} (or rename the file)",
        f"{field_name}: {stem}",
    )


def label_text(label: Label | None, lang: str) -> str | None:
    return label.get(lang) if label is not None else None
