"""The process indicators of the plan, computed from the registered activities.

The plan (Samenwerkingsplan SAMEN 2021-2024) measures progress with the number of
leernetwerk meetings, the presence of the different partners and progress on the three
agendas. Only what has been registered counts: a year without registered meetings is
"nothing registered", never "zero held", and a meeting after the build date is planned,
not held.
"""

from __future__ import annotations

from dataclasses import dataclass

from samen.schemas import PERSPECTIVES, Activity, Agenda, AgendaItem
from samen.site_data import SiteData, is_leernetwerk_meeting


@dataclass(frozen=True)
class LeernetwerkYear:
    """One leernetwerk in one year."""

    leernetwerk: str
    year: int
    held: list[Activity]  # before the build date, oldest first
    planned: list[Activity]  # from the build date on
    target: int
    family_meeting: Activity | None  # the held meeting with families/municipalities/social domain
    perspectives_present: list[str]  # in the order of the plan
    perspectives_missing: list[str]

    @property
    def registered(self) -> bool:
        return bool(self.held or self.planned)

    @property
    def target_met(self) -> bool:
        return len(self.held) >= self.target

    @property
    def perspectives_registered(self) -> bool:
        return bool(self.perspectives_present)


def leernetwerk_year(site: SiteData, leernetwerk: str, year: int) -> LeernetwerkYear:
    meetings = sorted(
        (
            a
            for a in site.activities.activities
            if a.leernetwerk == leernetwerk and a.date.year == year and is_leernetwerk_meeting(a)
        ),
        key=lambda a: (a.date, a.id),
    )
    held = [a for a in meetings if a.date < site.today]
    planned = [a for a in meetings if a.date >= site.today]
    family = next((a for a in held if a.type == "gezinnen-gemeenten-sociaal-domein"), None)
    present = {p for a in held for p in a.perspectives}
    return LeernetwerkYear(
        leernetwerk=leernetwerk,
        year=year,
        held=held,
        planned=planned,
        target=site.activities.targets.meetings_per_leernetwerk,
        family_meeting=family,
        perspectives_present=[p for p in PERSPECTIVES if p in present],
        perspectives_missing=[p for p in PERSPECTIVES if p not in present],
    )


def leernetwerk_ids(site: SiteData) -> list[str]:
    """The leernetwerken the targets apply to (projects such as Leren en implementeren do not
    have a leernetwerktrekker's meeting target)."""
    return [t.id for t in site.taxonomy.leernetwerken if t.kind == "leernetwerk"]


@dataclass(frozen=True)
class NetworkCount:
    """A network-wide kind of event in one year, against its yearly target."""

    type: str
    held: list[Activity]
    planned: list[Activity]
    target: int


@dataclass(frozen=True)
class YearIndicators:
    year: int
    leernetwerken: list[LeernetwerkYear]
    network: list[NetworkCount]

    @property
    def registered(self) -> bool:
        return any(row.registered for row in self.leernetwerken) or any(
            count.held or count.planned for count in self.network
        )

    @property
    def leernetwerk_meetings_registered(self) -> bool:
        return any(row.registered for row in self.leernetwerken)


def year_indicators(site: SiteData, year: int) -> YearIndicators:
    targets = {
        "tussen-leernetwerken": 1,
        "symposium": site.activities.targets.symposia_per_year,
        "jaarconferentie": 1,
    }
    network = []
    for kind, target in targets.items():
        of_kind = sorted(
            (a for a in site.activities.activities if a.type == kind and a.date.year == year),
            key=lambda a: (a.date, a.id),
        )
        network.append(
            NetworkCount(
                kind,
                [a for a in of_kind if a.date < site.today],
                [a for a in of_kind if a.date >= site.today],
                target,
            )
        )
    rows = [leernetwerk_year(site, i, year) for i in leernetwerk_ids(site)]
    return YearIndicators(year, rows, network)


def all_years(site: SiteData) -> list[YearIndicators]:
    return [year_indicators(site, year) for year in site.indicator_years()]


@dataclass(frozen=True)
class AgendaYear:
    year: int
    items: list[AgendaItem]


def agenda_years(agenda: Agenda) -> list[AgendaYear]:
    years = sorted({item.year for item in agenda.items}, reverse=True)
    return [AgendaYear(y, [i for i in agenda.items if i.year == y]) for y in years]
