"""iCalendar (RFC 5545) files of the activities: one per activity, and one feed per language.

Activities are whole-day events (the sources give dates, not times), so DTSTART is a
date and DTEND the next day. Every line ends in CRLF and is folded at 75 octets; text is
escaped as the standard says, so an editor's comma, semicolon or new line stays text.
DTSTAMP is the build date, so that two builds of the same data give the same files.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from samen.schemas import Activity
from samen.site_data import SiteData, page_url, site_path
from samen.ui_text import ui_text

CALENDAR_NAME = {"nl": "Agenda van SAMEN", "en": "SAMEN events"}


def calendar_folder(lang: str) -> str:
    """Site-relative folder of the .ics files of a language (next to the agenda page)."""
    return site_path("agenda/", lang)


def activity_file(activity: Activity, lang: str) -> str:
    return f"{calendar_folder(lang)}{activity.id}.ics"


def feed_file(lang: str) -> str:
    return f"{calendar_folder(lang)}samen.ics"


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (75 if not parts else 74):
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _event(site: SiteData, activity: Activity, lang: str, base_url: str, host: str) -> list[str]:
    text = ui_text(lang)
    url = f"{base_url}{page_url('agenda.md', lang)}#{activity.id}"
    description_parts = [text["activity_type_" + activity.type]]
    if activity.leernetwerk:
        description_parts.append(site.label("leernetwerken", activity.leernetwerk, lang))
    if activity.description:
        description_parts.append(activity.description.get(lang))
    lines = [
        "BEGIN:VEVENT",
        f"UID:{activity.id}@{host}",
        f"DTSTAMP:{site.today:%Y%m%d}T000000Z",
        f"DTSTART;VALUE=DATE:{activity.date:%Y%m%d}",
        f"DTEND;VALUE=DATE:{activity.date + dt.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{_escape(activity.title.get(lang))}",
        f"DESCRIPTION:{_escape(chr(10).join(description_parts))}",
        f"CATEGORIES:{_escape(text['activity_type_' + activity.type])}",
        f"URL:{url}",
        "TRANSP:TRANSPARENT",
    ]
    if activity.place:
        lines.append(f"LOCATION:{_escape(activity.place)}")
    lines.append("END:VEVENT")
    return lines


def _calendar(events: list[list[str]], lang: str, name: str | None) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//SAMEN//Kennissite//{lang.upper()}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if name:
        lines += [f"X-WR-CALNAME:{_escape(name)}", "REFRESH-INTERVAL;VALUE=DURATION:P1D"]
    for event in events:
        lines += event
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def calendar_files(site: SiteData, lang: str, base_url: str) -> dict[str, str]:
    """Site-relative path -> .ics text, for one language: every activity, and the feed."""
    host = urlsplit(base_url).hostname or "samen"
    activities = sorted(site.activities.activities, key=lambda a: (a.date, a.id))
    files = {
        activity_file(a, lang): _calendar([_event(site, a, lang, base_url, host)], lang, None)
        for a in activities
    }
    files[feed_file(lang)] = _calendar(
        [_event(site, a, lang, base_url, host) for a in activities], lang, CALENDAR_NAME[lang]
    )
    return files
