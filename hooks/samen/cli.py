"""``samen``: the editors' command-line tool (Dutch first, English with --lang en).

    samen check                  validate all content and data, as the build does
    samen new product "Titel"    create a product page in Dutch and English
    samen new partner "Naam" --source "Bron"   add an organisation to data/partners.yml
    samen new event "Titel" --date 2022-09-13 --type jaarconferentie --source "Bron"
                                 add an activity to data/activiteiten.yml
    samen new news "Titel" --date 2023-11-06 --source "Bron"
                                 create a news item in Dutch and English
    samen translations           pages without English, or with an outdated English version
    samen schemas                write the JSON Schemas for editors' tools to schemas/

It uses the same loaders and schemas as the build (``samen.site_data``), without
building the site, so it answers in a few seconds.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path

from samen.editor_schemas import editor_schemas, vscode_settings
from samen.new_activity import ACTIVITY_TYPES, add_event, new_news
from samen.new_partner import RELATIONS, add_partner
from samen.problems import ContentError
from samen.schemas import SLUG_PATTERN
from samen.site_data import load_site_data, page_language

TEXT = {
    "nl": {
        "ok": "Alles in orde: {pages} pagina's, {products} kennisproducten, {activities}, "
        "{news} en de gegevens in data/ zijn gecontroleerd.",
        "activities": ("1 activiteit", "{n} activiteiten"),
        "news": ("1 nieuwsbericht", "{n} nieuwsberichten"),
        "created": "Aangemaakt:",
        "exists": "Bestaat al: {path}. Kies een andere titel of geef een eigen id met --id.",
        "id_used": "De id '{id}' is al in gebruik (ook als oude URL). Geef een andere id met --id.",
        "bad_id": "Van '{title}' valt geen id te maken; geef er een met --id.",
        "next": "Vul nu de velden in beide bestanden in en controleer met: samen check",
        "missing": "Geen Engelse versie",
        "outdated": "Engelse versie ouder dan de Nederlandse",
        "none": "Alle pagina's hebben een actuele Engelse versie.",
        "page": "Pagina",
        "problem": "Probleem",
    },
    "en": {
        "ok": "All good: {pages} pages, {products} knowledge products, {activities}, "
        "{news} and the data in data/ were checked.",
        "activities": ("1 activity", "{n} activities"),
        "news": ("1 news item", "{n} news items"),
        "created": "Created:",
        "exists": "Already exists: {path}. Choose another title or give an id with --id.",
        "id_used": "The id '{id}' is already in use (also as an old URL). Give another with --id.",
        "bad_id": "No id can be made from '{title}'; give one with --id.",
        "next": "Now fill in the fields in both files and check with: samen check",
        "missing": "No English version",
        "outdated": "English version older than the Dutch one",
        "none": "Every page has an up-to-date English version.",
        "page": "Page",
        "problem": "Problem",
    },
}


def slugify(title: str) -> str:
    """'Één visie: ouders & jongeren' -> 'een-visie-ouders-jongeren'."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    words = "".join(c.lower() if c.isalnum() else " " for c in plain).split()
    return "-".join(words)[:80].strip("-")


def _count(lang: str, what: str, n: int) -> str:
    one, many = TEXT[lang][what]
    return one if n == 1 else many.format(n=n)


def check(root: Path, lang: str) -> int:
    try:
        site = load_site_data(root, root / "docs")
    except ContentError as error:
        print(error.report((lang,)))
        return 1
    print(
        TEXT[lang]["ok"].format(
            pages=len(site.pages),
            products=len(site.products),
            activities=_count(lang, "activities", len(site.activities.activities)),
            news=_count(lang, "news", len(site.news)),
        )
    )
    return 0


PRODUCT_NL = """---
id: {id}
title: {title_yaml}
type: rapport
leernetwerken: [{leernetwerk}]
themes: []
audiences: [professionals]
status: in-ontwikkeling
summary: >-
  Een tot drie zinnen over wat dit kennisproduct is en voor wie het bedoeld is.
---

# {title}

Beschrijf hier in eigen woorden wat het product is, waar het vandaan komt en wat lezers eraan
hebben. De samenvatting, de gegevens en de bronvermelding zet de site er zelf bij.
"""

PRODUCT_EN = """---
title: {title_yaml}
summary: >-
  One to three sentences on what this knowledge product is and whom it is for.
---

# {title}

Describe here, in your own words, what the product is, where it comes from and what readers
get out of it. The site adds the summary, the details and the citation itself.
"""


def _slug_argument(value: str) -> str:
    """An id given with --id must be what the checks accept, before anything is written."""
    if re.fullmatch(SLUG_PATTERN, value):
        return value
    raise argparse.ArgumentTypeError(
        f"'{value}' is geen geldige id: alleen kleine letters, cijfers en koppeltekens, "
        f"bijvoorbeeld de-kracht-van-het-gewone / '{value}' is not a valid id: only lower-case "
        "letters, digits and hyphens, for example de-kracht-van-het-gewone"
    )


def new_product(root: Path, title: str, product_id: str | None, lang: str) -> int:
    text = TEXT[lang]
    product_id = product_id or slugify(title)
    if not product_id:
        print(text["bad_id"].format(title=title))
        return 1
    folder = root / "docs" / "producten"
    dutch, english = folder / f"{product_id}.md", folder / f"{product_id}.en.md"
    for path in (dutch, english):
        if path.exists():
            print(text["exists"].format(path=path.relative_to(root)))
            return 1
    try:
        site = load_site_data(root, root / "docs")
        used = {
            alias.strip("/").rsplit("/", 1)[-1]
            for p in site.products.values()
            for alias in p.meta.aliases
        }
        leernetwerk = site.taxonomy.leernetwerken[0].id
    except ContentError:
        used, leernetwerk = set(), "normaliseren"
    if product_id in used:
        print(text["id_used"].format(id=product_id))
        return 1
    title_yaml = json.dumps(title, ensure_ascii=False)  # a JSON string is valid YAML
    dutch.write_text(
        PRODUCT_NL.format(
            id=product_id, title=title, title_yaml=title_yaml, leernetwerk=leernetwerk
        ),
        encoding="utf-8",
    )
    english.write_text(PRODUCT_EN.format(title=title, title_yaml=title_yaml), encoding="utf-8")
    print(text["created"])
    for path in (dutch, english):
        print(f"  {path.relative_to(root)}")
    print(text["next"])
    return 0


@dataclass(frozen=True)
class TranslationIssue:
    page: str
    problem: str  # "missing" or "outdated"


def _last_commit_time(root: Path, path: Path) -> int | None:
    result = subprocess.run(
        ["git", "log", "-1", "--format=%ct", "--", str(path.relative_to(root))],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    value = result.stdout.strip()
    return int(value) if result.returncode == 0 and value else None


def translation_issues(root: Path) -> list[TranslationIssue]:
    """Dutch pages without an English version, and English versions older than their Dutch page."""
    docs = root / "docs"
    issues = []
    for dutch in sorted(docs.rglob("*.md")):
        lang, _ = page_language(dutch.relative_to(docs).as_posix())
        if lang != "nl":
            continue
        english = dutch.with_name(dutch.name[:-3] + ".en.md")
        page = dutch.relative_to(root).as_posix()
        if not english.exists():
            issues.append(TranslationIssue(page, "missing"))
            continue
        dutch_time, english_time = _last_commit_time(root, dutch), _last_commit_time(root, english)
        if dutch_time and english_time and english_time < dutch_time:
            issues.append(TranslationIssue(page, "outdated"))
    return issues


def translations(root: Path, lang: str, as_json: bool) -> int:
    found = translation_issues(root)
    if as_json:
        print(json.dumps([asdict(issue) for issue in found], indent=2))
        return 0
    text = TEXT[lang]
    if not found:
        print(text["none"])
        return 0
    width = max(len(issue.page) for issue in found)
    print(f"{text['page']:<{width}}  {text['problem']}")
    for issue in found:
        print(f"{issue.page:<{width}}  {text[issue.problem]}")
    return 0


def schemas(root: Path, only_check: bool) -> int:
    """Write schemas/ and .vscode/settings.json; with --check, only say whether they are current."""
    site = load_site_data(root, root / "docs")
    wanted = {f"schemas/{name}": text for name, text in editor_schemas(site).items()}
    wanted[".vscode/settings.json"] = vscode_settings()
    stale = [
        path
        for path, text in wanted.items()
        if not (root / path).is_file() or (root / path).read_text(encoding="utf-8") != text
    ]
    if only_check:
        for path in stale:
            print(f"verouderd / out of date: {path} (samen schemas)")
        return 1 if stale else 0
    for path in stale:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(wanted[path], encoding="utf-8")
        print(path)
    return 0


def _common_options(defaults: bool) -> argparse.ArgumentParser:
    """--lang and --root, accepted before and after the command (``samen check --lang en``).

    Only the main parser sets defaults: a command's parser must not overwrite a value given
    before the command name.
    """
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument(
        "--lang",
        choices=["nl", "en"],
        default="nl" if defaults else argparse.SUPPRESS,
        help="taal van de meldingen / language of the messages (nl)",
    )
    options.add_argument(
        "--root",
        type=Path,
        default=Path.cwd() if defaults else argparse.SUPPRESS,
        help="map van het project / project folder (.)",
    )
    return options


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="samen",
        description="Redactietool van de SAMEN-site / Editors' tool of the SAMEN site.",
        parents=[_common_options(defaults=True)],
    )
    common = [_common_options(defaults=False)]
    commands = main.add_subparsers(dest="command", required=True, metavar="command")
    commands.add_parser(
        "check",
        parents=common,
        help="controleer alle inhoud en gegevens / check all content and data",
        description="Controleert alle pagina's en gegevens met dezelfde regels als de bouw, en "
        "noemt elk probleem met bestand, regel en veld. / Checks all pages and data with the "
        "build's own rules and names every problem with file, line and field. Exit code 0 or 1.",
    )
    new = commands.add_parser(
        "new", parents=common, help="maak een nieuwe pagina / create a new page"
    )
    kinds = new.add_subparsers(dest="kind", required=True, metavar="kind")
    product = kinds.add_parser(
        "product",
        parents=common,
        help="een kennisproduct in het Nederlands en Engels / a product in Dutch and English",
    )
    product.add_argument("title", help="de exacte titel / the exact title")
    product.add_argument(
        "--id",
        type=_slug_argument,
        help="eigen id (anders uit de titel) / own id (otherwise from the title)",
    )
    partner = kinds.add_parser(
        "partner",
        parents=common,
        help="een organisatie in data/partners.yml / an organisation in data/partners.yml",
        description="Voegt een organisatie toe onderaan data/partners.yml, met alleen de "
        "verplichte velden. / Adds an organisation at the end of data/partners.yml, with only "
        "the required fields.",
    )
    partner.add_argument(
        "name", help="de naam precies zoals in de bron / the name as in the source"
    )
    partner.add_argument(
        "--source",
        required=True,
        help="de openbare bron die de organisatie noemt / the public source naming it",
    )
    partner.add_argument(
        "--relation",
        choices=RELATIONS,
        default="partner",
        help="relatie met SAMEN / relation to SAMEN (partner)",
    )
    partner.add_argument(
        "--id",
        type=_slug_argument,
        help="eigen id (anders uit de naam) / own id (otherwise from the name)",
    )
    event = kinds.add_parser(
        "event",
        parents=common,
        help="een activiteit in data/activiteiten.yml / an activity in data/activiteiten.yml",
        description="Voegt een bijeenkomst of evenement toe onderaan data/activiteiten.yml. / "
        "Adds a meeting or event at the end of data/activiteiten.yml.",
    )
    event.add_argument("title", help="de titel in het Nederlands / the Dutch title")
    event.add_argument("--date", required=True, help="JJJJ-MM-DD / YYYY-MM-DD")
    event.add_argument("--type", required=True, choices=ACTIVITY_TYPES, help="soort / kind")
    event.add_argument("--leernetwerk", help="id van het leernetwerk / the leernetwerk's id")
    event.add_argument(
        "--source",
        required=True,
        help="de openbare bron die de activiteit noemt / the public source naming it",
    )
    event.add_argument("--title-en", help="de Engelse titel / the English title")
    event.add_argument(
        "--id",
        type=_slug_argument,
        help="eigen id (anders uit de titel) / own id (otherwise from the title)",
    )
    news = kinds.add_parser(
        "news",
        parents=common,
        help="een nieuwsbericht in het Nederlands en Engels / a news item in Dutch and English",
    )
    news.add_argument("title", help="de titel in het Nederlands / the Dutch title")
    news.add_argument("--date", required=True, help="JJJJ-MM-DD / YYYY-MM-DD")
    news.add_argument("--source", required=True, help="de bron / the source")
    news.add_argument(
        "--leernetwerk",
        action="append",
        default=[],
        help="leernetwerk waar het over gaat (mag vaker) / leernetwerk it concerns (repeatable)",
    )
    news.add_argument(
        "--product",
        action="append",
        default=[],
        help="kennisproduct waar het over gaat (mag vaker) / product it concerns (repeatable)",
    )
    news.add_argument(
        "--id",
        type=_slug_argument,
        help="eigen id (anders uit de titel) / own id (otherwise from the title)",
    )
    report = commands.add_parser(
        "translations",
        parents=common,
        help="ontbrekende en verouderde vertalingen / missing and outdated translations",
    )
    report.add_argument("--json", action="store_true", help="als JSON / as JSON")
    schema = commands.add_parser(
        "schemas",
        parents=common,
        help="schrijf de JSON Schemas voor editors / write the editors' JSON Schemas",
    )
    schema.add_argument("--check", action="store_true", help="alleen controleren / only check")
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    root = args.root.resolve()
    if args.command == "check":
        return check(root, args.lang)
    if args.command == "new" and args.kind == "partner":
        code, message = add_partner(
            root, args.name, args.id or slugify(args.name), args.relation, args.source, args.lang
        )
        print(message)
        return code
    if args.command == "new" and args.kind == "event":
        code, message = add_event(
            root,
            title=args.title,
            title_en=args.title_en,
            event_id=args.id or slugify(args.title),
            date=args.date,
            kind=args.type,
            leernetwerk=args.leernetwerk,
            source=args.source,
            lang=args.lang,
        )
        print(message)
        return code
    if args.command == "new" and args.kind == "news":
        code, message = new_news(
            root,
            title=args.title,
            news_id=args.id or slugify(args.title),
            date=args.date,
            source=args.source,
            leernetwerken=args.leernetwerk,
            products=args.product,
            lang=args.lang,
        )
        print(message)
        return code
    if args.command == "new":
        return new_product(root, args.title, args.id, args.lang)
    if args.command == "schemas":
        return schemas(root, args.check)
    return translations(root, args.lang, args.json)


if __name__ == "__main__":
    sys.exit(main())
