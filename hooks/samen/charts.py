"""Layout of the charts drawn at build time as inline SVG (no script, no image files).

Only geometry lives here; the SVG markup is in ``overrides/fragments``.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from samen.site_data import SiteData


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float
    lines: list[str]
    href: str
    kind: str


@dataclass(frozen=True)
class Band:
    y: float
    height: float
    lines: list[str]


@dataclass(frozen=True)
class Organogram:
    width: float
    height: float
    bands: list[Band]
    boxes: list[Box]


def _wrap(text: str, width: int = 24) -> list[str]:
    return textwrap.wrap(text, width) or [text]


def organogram(
    site: SiteData, lang: str, leernetwerk_links: dict[str, str], base_label: str
) -> Organogram:
    """Bodies in one band per layer, the leernetwerken in a band at the bottom."""
    width, label_width, box_width, gap = 760.0, 190.0, 170.0, 12.0
    band_height, box_height = 78.0, 54.0
    bands: list[Band] = []
    boxes: list[Box] = []
    rows: list[tuple[str, list[tuple[str, str, str]]]] = []
    for layer in site.organisation.layers:
        members = [
            (body.name.get(lang), f"#gremium-{body.id}", "body")
            for body in site.organisation.bodies
            if body.layer == layer.id
        ]
        if members:
            rows.append((layer.label.get(lang), members))
    rows.append(
        (
            base_label,
            [
                (term.label.get(lang), leernetwerk_links[term.id], "leernetwerk")
                for term in site.taxonomy.leernetwerken
            ],
        )
    )
    widest = max(len(members) for _, members in rows)
    box_width = min(box_width, (width - label_width - gap * widest) / widest)
    for index, (label, members) in enumerate(rows):
        y = index * band_height
        bands.append(Band(y, band_height - 6, _wrap(label, 22)))
        for position, (name, href, kind) in enumerate(members):
            x = label_width + gap + position * (box_width + gap)
            lines = _wrap(name, max(10, int(box_width / 7.2)))
            boxes.append(
                Box(
                    x,
                    y + (band_height - 6 - box_height) / 2,
                    box_width,
                    box_height,
                    lines,
                    href,
                    kind,
                )
            )
    return Organogram(width, len(rows) * band_height, bands, boxes)


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    label: str
    region: str


@dataclass(frozen=True)
class Panel:
    title: str
    y: float
    bars: list[Bar]
    baseline: float


@dataclass(frozen=True)
class BarChart:
    width: float
    height: float
    panels: list[Panel]


def table_1_chart(site: SiteData, lang: str) -> BarChart:
    """Small multiples: one panel of nine bars per indicator, on a shared 0-50% scale."""
    regio = site.regio
    width, left, panel_height, plot_height, top = 720.0, 20.0, 190.0, 120.0, 34.0
    scale_max = max(50, max(max(m.values.values()) for m in regio.municipalities))
    count = len(regio.municipalities)
    slot = (width - left * 2) / count
    bar_width = slot * 0.62
    panels = []
    for index, indicator in enumerate(regio.indicators):
        y0 = index * panel_height
        baseline = y0 + top + plot_height
        bars = []
        for position, municipality in enumerate(regio.municipalities):
            value = municipality.values[indicator.id]
            height = plot_height * value / scale_max
            bars.append(
                Bar(
                    left + position * slot + (slot - bar_width) / 2,
                    baseline - height,
                    bar_width,
                    height,
                    value,
                    municipality.name,
                    municipality.region,
                )
            )
        panels.append(Panel(indicator.label.get(lang), y0, bars, baseline))
    return BarChart(width, len(panels) * panel_height, panels)


@dataclass(frozen=True)
class MeetingBar:
    label_lines: list[str]
    y: float
    width: float
    value: int
    target_met: bool


@dataclass(frozen=True)
class MeetingsChart:
    width: float
    height: float
    left: float
    bar_height: float
    target_x: float
    axis_top: float
    axis_bottom: float
    bars: list[MeetingBar]


def meetings_chart(rows: list[tuple[str, int]], target: int) -> MeetingsChart:
    """Horizontal bars: meetings held per leernetwerk in one year, with the target as a line."""
    width, left, right, row_height, bar_height, top = 720.0, 230.0, 60.0, 44.0, 24.0, 10.0
    scale_max = max(target, *(value for _, value in rows)) if rows else target
    plot = width - left - right
    bars = [
        MeetingBar(
            _wrap(label, 30),
            top + index * row_height,
            plot * value / scale_max,
            value,
            value >= target,
        )
        for index, (label, value) in enumerate(rows)
    ]
    height = top + len(rows) * row_height + 24
    return MeetingsChart(
        width,
        height,
        left,
        bar_height,
        left + plot * target / scale_max,
        top - 4,
        top + len(rows) * row_height - (row_height - bar_height) + 4,
        bars,
    )


@dataclass(frozen=True)
class ElementBox:
    x: float
    y: float
    width: float
    height: float
    number: int
    lines: list[str]
    href: str


@dataclass(frozen=True)
class FrameworkOverview:
    width: float
    height: float
    boxes: list[ElementBox]


def liso_overview(site: SiteData, lang: str, columns: int = 4) -> FrameworkOverview:
    """The kernelementen as numbered boxes in rows, in the framework's order.

    The sources name the elements but no relations between them, so the diagram draws none:
    it is an overview and a way into each element's section, nothing more.
    """
    width, gap, box_height = 760.0, 14.0, 86.0
    box_width = (width - gap * (columns - 1)) / columns
    boxes = []
    for index, element in enumerate(site.liso.kernelementen):
        row, column = divmod(index, columns)
        boxes.append(
            ElementBox(
                column * (box_width + gap),
                row * (box_height + gap),
                box_width,
                box_height,
                index + 1,
                _wrap(element.name.get(lang), max(10, int(box_width / 8.2))),
                f"#{element.id}",
            )
        )
    rows = -(-len(boxes) // columns)
    return FrameworkOverview(width, rows * box_height + (rows - 1) * gap, boxes)
