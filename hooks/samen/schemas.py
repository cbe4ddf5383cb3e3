"""Declared schemas for every data file and every kind of page front matter.

Each model forbids unknown fields (a misspelt field is an error, not a silent no-op),
and each field carries an example that the error messages and the published JSON
Schemas show to editors. Controlled values that live in data (themes, types,
audiences, leernetwerken, partner ids) are checked against that data afterwards, in
``validation.check_references``, because a schema cannot know them in advance.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


def _parse_iso_date(value: object) -> dt.date:
    """Only ``YYYY-MM-DD`` is a date: numbers and free text are refused, not guessed."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PydanticCustomError("samen_date", "not a date: {value}", {"value": str(value)})


IsoDate = Annotated[dt.date, BeforeValidator(_parse_iso_date)]


def _https_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", value):
        raise PydanticCustomError("samen_url", "not a web address: {value}", {"value": value})
    return value


WebUrl = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_https_url)]


class Schema(BaseModel):
    """Base for every schema: unknown fields are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Label(Schema):
    """A text in Dutch and English."""

    nl: Text = Field(examples=["Normaliseren"])
    en: Text = Field(examples=["Normalising"])

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


# --- data/taxonomie.yml ---------------------------------------------------------------


class Term(Schema):
    """One value of a controlled list, with its labels."""

    id: Slug = Field(examples=["normaliseren"])
    label: Label
    description: Label | None = None


class LeernetwerkTerm(Term):
    """A leernetwerk or project; its page lives at ``leernetwerken/<id>.md``."""

    kind: Literal["leernetwerk", "project"] = Field(examples=["leernetwerk"])


class Taxonomy(Schema):
    """The controlled lists that products and pages refer to."""

    themes: list[Term] = Field(min_length=1)
    types: list[Term] = Field(min_length=1)
    audiences: list[Term] = Field(min_length=1)
    leernetwerken: list[LeernetwerkTerm] = Field(min_length=1)
    regions: list[Term] = Field(min_length=1)


# --- data/partners.yml ----------------------------------------------------------------


class PartnerGroup(Schema):
    """One of the five partner groups of the plan, with its task in SAMEN."""

    id: Slug = Field(examples=["hogescholen"])
    label: Label
    task: Label


class RoleType(Schema):
    """A kind of role an organisation can have in SAMEN."""

    id: Slug = Field(examples=["leernetwerktrekker"])
    label: Label
    description: Label | None = None


class Person(Schema):
    """A person named in a public source, with the function the source gives."""

    name: ShortText = Field(examples=["Dr. S. Detmar"])
    function: Label


class OrganisationRole(Schema):
    """What an organisation does in SAMEN."""

    role: Slug = Field(examples=["leernetwerktrekker"])
    hours_per_week: float | None = Field(default=None, gt=0, le=40, examples=[2])
    tasks: Label | None = None
    person: Person | None = None
    leernetwerken: list[Slug] = Field(default_factory=list, examples=[["normaliseren"]])


class Organisation(Schema):
    """An organisation the sources name, with its relation to SAMEN."""

    id: Slug = Field(examples=["hogeschool-leiden"])
    name: ShortText = Field(examples=["Hogeschool Leiden"])
    name_en: ShortText | None = Field(default=None, examples=["Municipality of The Hague"])
    relation: Literal["partner", "samenwerking", "gewenste-samenwerking", "financier"] = Field(
        examples=["partner"]
    )
    group: Slug | None = Field(default=None, examples=["hogescholen"])
    regions: list[Slug] = Field(default_factory=list, examples=[["holland-rijnland"]])
    description: Label | None = None
    roles: list[OrganisationRole] = Field(default_factory=list)
    source: ShortText = Field(examples=["Samenwerkingsplan SAMEN 2021-2024"])

    def display_name(self, lang: str) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name


class PartnersFile(Schema):
    """``data/partners.yml``: partner groups, role types and organisations."""

    declared_partner_count: int = Field(ge=0, examples=[24])
    groups: list[PartnerGroup] = Field(min_length=1)
    roles: list[RoleType] = Field(min_length=1)
    organisations: list[Organisation] = Field(min_length=1)


# --- data/organisatie.yml -------------------------------------------------------------


class Body(Schema):
    """One body (gremium) of SAMEN."""

    id: Slug = Field(examples=["visiegroep"])
    name: Label
    level: Label | None = None
    frequency: Label | None = None
    members: Label | None = None
    role: Label
    layer: Slug = Field(examples=["coordinatie"])


class OrganisationFile(Schema):
    """``data/organisatie.yml``: the bodies of SAMEN, grouped in layers for the chart."""

    layers: list[Term] = Field(min_length=1)
    bodies: list[Body] = Field(min_length=1)


# --- data/regio.yml -------------------------------------------------------------------


class TableSource(Schema):
    title: Label
    publisher: ShortText = Field(examples=["www.allecijfers.nl"])
    date: IsoDate = Field(examples=["2019-12-12"])
    cited_in: ShortText = Field(examples=["Samenwerkingsplan SAMEN 2021-2024, Tabel 1"])


class Region(Schema):
    id: Slug = Field(examples=["haaglanden"])
    municipality_count: int = Field(ge=1, examples=[10])
    inhabitants_under_25: int = Field(ge=1, examples=[330000])


class TableMunicipality(Schema):
    id: Slug = Field(examples=["den-haag"])
    name: ShortText = Field(examples=["Den Haag"])
    region: Slug = Field(examples=["haaglanden"])
    values: dict[Slug, int] = Field(examples=[{"groene-druk": 37}])


class Indicator(Schema):
    id: Slug = Field(examples=["groene-druk"])
    label: Label
    footnote: Slug = Field(examples=["a"], pattern=r"^[a-z]$")
    note: Label | None = None


class RegioFile(Schema):
    """``data/regio.yml``: the three regions and Tabel 1 of the plan."""

    regions: list[Region] = Field(min_length=1)
    table_caption: Label
    source: TableSource
    indicators: list[Indicator] = Field(min_length=1)
    footnotes: dict[Slug, Label]
    municipalities: list[TableMunicipality] = Field(min_length=1)
    migration_background: Label


# --- data/liso.yml ---------------------------------------------------------------------


class LisoRoute(Schema):
    """A way through the tool: starting a new leernetwerk or evaluating a running one."""

    id: Slug = Field(examples=["starten"])
    label: Label
    intro: Label


class LisoScalePoint(Schema):
    """One answer on the tool's scale, from low to high."""

    value: int = Field(ge=0, le=10, examples=[1])
    label: Label


class LisoResults(Schema):
    """The texts of the tool's result."""

    heading: Label
    intro: Label
    strongest_heading: Label
    strongest_intro: Label
    attention_heading: Label
    attention_intro: Label
    no_answers: Label
    no_difference: Label


class LisoQuestion(Schema):
    """A reflection question (our own), answered on the scale with an optional note."""

    id: Slug = Field(examples=["vraagstuk"])
    text: Label


class LisoKernelement(Schema):
    """One of the eight kernelementen: name, our short description, questions per route."""

    id: Slug = Field(examples=["synergie"])
    name: Label
    description: Label
    questions: dict[Slug, list[LisoQuestion]] = Field(
        examples=[{"starten": "[...]", "evalueren": "[...]"}]
    )


class LisoFile(Schema):
    """``data/liso.yml``: the LISO framework's kernelementen and the reflection tool."""

    routes: list[LisoRoute] = Field(min_length=1)
    scale: list[LisoScalePoint] = Field(min_length=2)
    results: LisoResults
    kernelementen: list[LisoKernelement] = Field(min_length=1)


# --- front matter ---------------------------------------------------------------------


class PageMeta(Schema):
    """Front matter of an ordinary page (Dutch or English)."""

    title: ShortText = Field(examples=["Over SAMEN"])
    description: ShortText = Field(examples=["Wie we zijn, wat we willen en hoe we werken."])
    subtitle: ShortText | None = None
    hide: list[Literal["navigation", "toc", "footer", "path"]] = Field(
        default_factory=list, examples=[["toc"]]
    )


class LeernetwerkPageMeta(PageMeta):
    """Front matter of a leernetwerk page; ``leernetwerk`` names its id in the taxonomy."""

    leernetwerk: Slug = Field(examples=["normaliseren"])


class Link(Schema):
    url: WebUrl = Field(examples=["https://werkplaatsenjeugd.nl/de-kracht-van-het-gewone/"])
    title: ShortText = Field(examples=["De kracht van het gewone op werkplaatsenjeugd.nl"])


class Download(Schema):
    file: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_./-]+$")] = Field(
        examples=["bestanden/de-kracht-van-het-gewone.pdf"]
    )
    title: ShortText = Field(examples=["De kracht van het gewone (pdf)"])


Status = Literal["gepland", "in-ontwikkeling", "gepubliceerd"]
Season = Literal["voorjaar", "zomer", "najaar", "winter"]


class ProductMeta(Schema):
    """Front matter of a product's Dutch page: it holds all of the product's metadata."""

    id: Slug = Field(examples=["de-kracht-van-het-gewone"])
    title: ShortText = Field(examples=["De kracht van het gewone"])
    subtitle: ShortText | None = Field(default=None)
    description: ShortText | None = None
    type: Slug = Field(examples=["rapport"])
    leernetwerken: list[Slug] = Field(min_length=1, examples=[["normaliseren"]])
    themes: list[Slug] = Field(default_factory=list, examples=[["normaliseren"]])
    audiences: list[Slug] = Field(min_length=1, examples=[["professionals", "beleid"]])
    status: Status = Field(examples=["gepubliceerd"])
    date: IsoDate | None = Field(default=None, examples=["2023-11-06"])
    season: Season | None = Field(default=None, examples=["najaar"])
    year: int | None = Field(default=None, ge=1990, le=2100, examples=[2023])
    organisations: list[Slug] = Field(default_factory=list, examples=[["tno"]])
    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600)]
    plain_summary: Text | None = None
    downloads: list[Download] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    related: list[Slug] = Field(
        default_factory=list, examples=[["een-gedeelde-visie-op-normaliseren"]]
    )
    doi: Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$")] | None = Field(
        default=None, examples=["10.1234/abcd.5678"]
    )
    license: ShortText | None = Field(default=None, examples=["CC BY 4.0"])
    aliases: list[Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9/_.-]*$")]] = Field(
        default_factory=list, examples=[["producten/oude-naam"]]
    )
    hide: list[Literal["navigation", "toc", "footer", "path"]] = Field(default_factory=list)

    @model_validator(mode="after")
    def _date_fields_agree(self) -> ProductMeta:
        if self.season and self.year is None:
            raise PydanticCustomError("samen_season_without_year", "season needs a year")
        if self.date and self.year is not None and self.date.year != self.year:
            raise PydanticCustomError("samen_year_mismatch", "year differs from date")
        return self


class ProductTranslationMeta(Schema):
    """Front matter of a product's English page: only the fields that are translated."""

    title: ShortText = Field(examples=["De kracht van het gewone"])
    subtitle: ShortText | None = None
    description: ShortText | None = None
    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600)]
    plain_summary: Text | None = None
    hide: list[Literal["navigation", "toc", "footer", "path"]] = Field(default_factory=list)


# --- data/activiteiten.yml ------------------------------------------------------------

ActivityType = Literal[
    "leernetwerkbijeenkomst",
    "gezinnen-gemeenten-sociaal-domein",
    "tussen-leernetwerken",
    "symposium",
    "jaarconferentie",
    "overig",
]
# The six perspectives the plan requires in each schil of a leernetwerk.
Perspective = Literal[
    "beleid",
    "praktijk",
    "wetenschap",
    "hogescholen",
    "ervaringsdeskundige-ouder",
    "ervaringsdeskundige-jongere",
]
PERSPECTIVES: tuple[str, ...] = get_args(Perspective)
# Meetings that a leernetwerktrekker organises with the leernetwerk (they count for the target).
LEERNETWERK_MEETING_TYPES = ("leernetwerkbijeenkomst", "gezinnen-gemeenten-sociaal-domein")


class Activity(Schema):
    """One meeting or event that took place or is planned, as a public source names it."""

    id: Slug = Field(examples=["jaarconferentie-2022"])
    date: IsoDate = Field(examples=["2022-09-13"])
    type: ActivityType = Field(examples=["jaarconferentie"])
    leernetwerk: Slug | None = Field(default=None, examples=["normaliseren"])
    title: Label
    description: Label | None = None
    place: ShortText | None = Field(default=None, examples=["Den Haag"])
    partner_groups: list[Slug] = Field(default_factory=list, examples=[["hogescholen"]])
    perspectives: list[Perspective] = Field(
        default_factory=list, examples=[["beleid", "praktijk", "ervaringsdeskundige-ouder"]]
    )
    url: WebUrl | None = Field(default=None, examples=["https://werkplaatssamen.nl/"])
    source: ShortText = Field(examples=["werkplaatssamen.nl"])

    @model_validator(mode="after")
    def _leernetwerk_meetings_name_their_leernetwerk(self) -> Activity:
        if self.type in LEERNETWERK_MEETING_TYPES and self.leernetwerk is None:
            raise PydanticCustomError(
                "samen_meeting_without_leernetwerk", "this type needs a leernetwerk"
            )
        return self


class ActivityTargets(Schema):
    """The targets of the plan that the process indicators are measured against."""

    first_year: int = Field(ge=2000, le=2100, examples=[2021])
    meetings_per_leernetwerk: int = Field(ge=1, examples=[4])
    symposia_per_year: int = Field(ge=0, examples=[4])
    source: ShortText = Field(examples=["Samenwerkingsplan SAMEN 2021-2024"])


class ActivitiesFile(Schema):
    """``data/activiteiten.yml``: the targets of the plan and every registered activity."""

    targets: ActivityTargets
    activities: list[Activity] = Field(default_factory=list)


# --- data/agendas.yml -----------------------------------------------------------------

AgendaStatus = Literal["gepland", "lopend", "afgerond"]


class AgendaItem(Schema):
    """One item of an agenda in one year, with its status."""

    year: int = Field(ge=2000, le=2100, examples=[2024])
    title: Label
    status: AgendaStatus = Field(examples=["lopend"])
    leernetwerk: Slug | None = Field(default=None, examples=["normaliseren"])
    source: ShortText = Field(examples=["Jaarverslag SAMEN"])


class Agenda(Schema):
    """One of the three agendas of the plan."""

    id: Slug = Field(examples=["veranderagenda"])
    label: Label
    description: Label
    items: list[AgendaItem] = Field(default_factory=list)


class AgendasFile(Schema):
    """``data/agendas.yml``: the verander-, opleidings- and onderzoeksagenda."""

    agendas: list[Agenda] = Field(min_length=1)


# --- news: docs/nieuws/<id>.md ----------------------------------------------------------


class NewsMeta(Schema):
    """Front matter of a news item's Dutch page."""

    id: Slug = Field(examples=["de-kracht-van-het-gewone-verschenen"])
    title: ShortText = Field(examples=["De kracht van het gewone verschenen"])
    description: ShortText | None = None
    date: IsoDate = Field(examples=["2023-11-06"])
    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600)]
    leernetwerken: list[Slug] = Field(default_factory=list, examples=[["normaliseren"]])
    products: list[Slug] = Field(default_factory=list, examples=[["de-kracht-van-het-gewone"]])
    links: list[Link] = Field(default_factory=list)
    source: ShortText = Field(examples=["werkplaatsenjeugd.nl"])
    hide: list[Literal["navigation", "toc", "footer", "path"]] = Field(default_factory=list)


class NewsTranslationMeta(Schema):
    """Front matter of a news item's English page: only the fields that are translated."""

    title: ShortText = Field(examples=["The power of the ordinary published"])
    description: ShortText | None = None
    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600)]
    hide: list[Literal["navigation", "toc", "footer", "path"]] = Field(default_factory=list)
