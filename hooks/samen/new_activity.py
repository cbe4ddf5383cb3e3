"""``samen new event`` and ``samen new news``: new activities and news items that pass the checks.

An event is appended as text at the end of the ``activities:`` list of
``data/activiteiten.yml``, so the comments and layout editors keep there stay as they are.
A news item is a pair of pages, ``docs/nieuws/<id>.md`` (Dutch, with all the fields) and
``<id>.en.md`` (the English title and summary).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import get_args

from samen.schemas import LEERNETWERK_MEETING_TYPES, ActivityType
from samen.sources import read_yaml_file
from samen.yaml_lists import append_entry

ACTIVITY_TYPES: tuple[str, ...] = get_args(ActivityType)

TEXT = {
    "nl": {
        "no_file": "{path} bestaat niet.",
        "broken": "{path} heeft nu al een fout; herstel die eerst (samen check).",
        "not_last": "In data/activiteiten.yml staat 'activities:' niet als laatste lijst; voeg de "
        "activiteit met de hand toe (templates/activiteit.yml).",
        "id_used": "De id '{id}' bestaat al. Geef een andere id met --id.",
        "layout": "{path} is zo opgemaakt dat toevoegen het bestand zou breken; er is niets "
        "veranderd. Voeg de activiteit met de hand toe (templates/activiteit.yml).",
        "exists": "Bestaat al: {path}. Kies een andere titel of geef een eigen id met --id.",
        "bad_id": "Van '{title}' valt geen id te maken; geef er een met --id.",
        "bad_date": "'{date}' is geen datum; schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2022-09-13.",
        "needs_leernetwerk": "Een activiteit van het type '{type}' hoort bij een leernetwerk: "
        "geef --leernetwerk, een van: {choices}.",
        "unknown_leernetwerk": "Onbekend leernetwerk '{value}'; kies een van: {choices}.",
        "unknown_product": "Onbekend kennisproduct '{value}'; kies een van: {choices}.",
        "added": "Toegevoegd aan data/activiteiten.yml: '{title}' op {date} (id: {id}).",
        "next_event": "Vul aan wat de bron zegt (description, place, perspectives, "
        "partner_groups, url; zie templates/activiteit.yml) en controleer met: samen check",
        "translate": "De Engelse titel (title.en) is nu gelijk aan de Nederlandse: vertaal hem, "
        "of geef --title-en.",
        "created": "Aangemaakt:",
        "next_news": "Schrijf het bericht in beide bestanden en controleer met: samen check",
    },
    "en": {
        "no_file": "{path} does not exist.",
        "broken": "{path} already has an error; fix that first (samen check).",
        "not_last": "In data/activiteiten.yml 'activities:' is not the last list; add the "
        "activity by hand (templates/activiteit.yml).",
        "id_used": "The id '{id}' already exists. Give another with --id.",
        "layout": "{path} is laid out so that appending would break it; nothing was changed. "
        "Add the activity by hand (templates/activiteit.yml).",
        "exists": "Already exists: {path}. Choose another title or give an id with --id.",
        "bad_id": "No id can be made from '{title}'; give one with --id.",
        "bad_date": "'{date}' is not a date; write it as YYYY-MM-DD, for example 2022-09-13.",
        "needs_leernetwerk": "An activity of type '{type}' belongs to a leernetwerk: give "
        "--leernetwerk, one of: {choices}.",
        "unknown_leernetwerk": "Unknown leernetwerk '{value}'; choose one of: {choices}.",
        "unknown_product": "Unknown knowledge product '{value}'; choose one of: {choices}.",
        "added": "Added to data/activiteiten.yml: '{title}' on {date} (id: {id}).",
        "next_event": "Add what the source says (description, place, perspectives, "
        "partner_groups, url; see templates/activiteit.yml) and check with: samen check",
        "translate": "The English title (title.en) is now the Dutch one: translate it, or give "
        "--title-en.",
        "created": "Created:",
        "next_news": "Write the item in both files and check with: samen check",
    },
}


def _valid_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))


def _leernetwerk_ids(root: Path) -> list[str]:
    path = root / "data" / "taxonomie.yml"
    if not path.is_file():
        return []
    data = read_yaml_file(path, root).data
    if not isinstance(data, dict):
        return []
    return [t.get("id") for t in data.get("leernetwerken") or [] if isinstance(t, dict)]


def add_event(
    root: Path,
    *,
    title: str,
    title_en: str | None,
    event_id: str,
    date: str,
    kind: str,
    leernetwerk: str | None,
    source: str,
    lang: str,
) -> tuple[int, str]:
    """Append the activity; returns the exit code and the message for the editor."""
    text = TEXT[lang]
    path = root / "data" / "activiteiten.yml"
    if not path.is_file():
        return 1, text["no_file"].format(path="data/activiteiten.yml")
    if not event_id:
        return 1, text["bad_id"].format(title=title)
    if not _valid_date(date):
        return 1, text["bad_date"].format(date=date)
    known = _leernetwerk_ids(root)
    if leernetwerk is None and kind in LEERNETWERK_MEETING_TYPES:
        return 1, text["needs_leernetwerk"].format(type=kind, choices=", ".join(known))
    if leernetwerk is not None and leernetwerk not in known:
        return 1, text["unknown_leernetwerk"].format(value=leernetwerk, choices=", ".join(known))
    entry: dict[str, object] = {"id": event_id, "date": date, "type": kind}
    if leernetwerk:
        entry["leernetwerk"] = leernetwerk
    entry["title"] = {"nl": title, "en": title_en or title}
    entry["source"] = source
    refused = append_entry(path, root, "activities", entry)
    if refused:
        return 1, text[refused].format(id=event_id, path="data/activiteiten.yml")
    lines = [text["added"].format(title=title, date=date, id=event_id)]
    if not title_en:
        lines.append(text["translate"])
    lines.append(text["next_event"])
    return 0, "\n".join(lines)


NEWS_NL = """---
id: {id}
title: {title_yaml}
date: {date}
summary: >-
  Een of twee zinnen over het nieuws, in eigen woorden.
leernetwerken: [{leernetwerken}]
products: [{products}]
source: {source_yaml}
---

# {title}

Schrijf hier in eigen woorden wat er is gebeurd, met de datum en de bron. De site zet de
datum, de bron en de links naar het leernetwerk en het kennisproduct er zelf bij.
"""

NEWS_EN = """---
title: {title_yaml}
summary: >-
  One or two sentences about the news, in your own words.
---

# {title}

Write here, in your own words, what happened, with the date and the source. The site adds the
date, the source and the links to the learning network and the knowledge product itself.
"""


def new_news(
    root: Path,
    *,
    title: str,
    news_id: str,
    date: str,
    source: str,
    leernetwerken: list[str],
    products: list[str],
    lang: str,
) -> tuple[int, str]:
    text = TEXT[lang]
    if not news_id:
        return 1, text["bad_id"].format(title=title)
    if not _valid_date(date):
        return 1, text["bad_date"].format(date=date)
    known = _leernetwerk_ids(root)
    for value in leernetwerken:
        if value not in known:
            return 1, text["unknown_leernetwerk"].format(value=value, choices=", ".join(known))
    product_ids = sorted(
        p.name[:-3]
        for p in (root / "docs" / "producten").glob("*.md")
        if not p.name.endswith(".en.md") and p.name != "index.md"
    )
    for value in products:
        if value not in product_ids:
            return 1, text["unknown_product"].format(value=value, choices=", ".join(product_ids))
    folder = root / "docs" / "nieuws"
    dutch, english = folder / f"{news_id}.md", folder / f"{news_id}.en.md"
    for path in (dutch, english):
        if path.exists():
            return 1, text["exists"].format(path=path.relative_to(root).as_posix())
    folder.mkdir(parents=True, exist_ok=True)
    title_yaml = json.dumps(title, ensure_ascii=False)  # a JSON string is valid YAML
    dutch.write_text(
        NEWS_NL.format(
            id=news_id,
            title=title,
            title_yaml=title_yaml,
            date=date,
            leernetwerken=", ".join(leernetwerken),
            products=", ".join(products),
            source_yaml=json.dumps(source, ensure_ascii=False),
        ),
        encoding="utf-8",
    )
    english.write_text(NEWS_EN.format(title=title, title_yaml=title_yaml), encoding="utf-8")
    lines = [text["created"]]
    lines += [f"  {p.relative_to(root).as_posix()}" for p in (dutch, english)]
    lines.append(text["next_news"])
    return 0, "\n".join(lines)
