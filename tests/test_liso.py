"""The LISO framework and its tool: data/liso.yml validated, both pages built from it in both
languages. (The tool's behaviour in a browser: tests/browser/liso-tool.mjs.)"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import jsonschema
import pytest
from bs4 import BeautifulSoup

from conftest import REPO, build_minisite, edit, problems_of, read
from samen.charts import liso_overview
from samen.cli import main
from samen.site_data import load_site_data
from samen.sources import read_yaml_file

pytestmark = pytest.mark.build

SITE = load_site_data(REPO, REPO / "docs")
LISO = SITE.liso
TOOL = "liso/starten-of-evalueren/"
LISO_FILE = "data/liso.yml"

# The eight kernelementen as the sources name them (aanvullende-feiten.md), in their order.
KERNELEMENTEN = [
    "community context",
    "het leernetwerk",
    "de organisatie",
    "synergie",
    "de resultaten",
    "het expliciteren van leerlessen",
    "het implementeren van leerlessen",
    "fasering",
]


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup(read(site, url), "html.parser")


# --- data ---------------------------------------------------------------------------------


def test_the_eight_kernelementen_are_named_as_in_the_sources() -> None:
    assert [e.name.nl.lower() for e in LISO.kernelementen] == KERNELEMENTEN
    assert all(e.name.en and e.description.nl and e.description.en for e in LISO.kernelementen)


def test_every_kernelement_asks_a_few_questions_on_both_routes() -> None:
    assert [r.id for r in LISO.routes] == ["starten", "evalueren"]
    for element in LISO.kernelementen:
        assert sorted(element.questions) == ["evalueren", "starten"]
        for questions in element.questions.values():
            assert 1 <= len(questions) <= 4
            assert all(q.text.nl.endswith("?") and q.text.en.endswith("?") for q in questions)


def test_the_scale_rises_and_has_labels_in_both_languages() -> None:
    assert [p.value for p in LISO.scale] == [1, 2, 3, 4]
    assert all(p.label.nl and p.label.en for p in LISO.scale)


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        ("  - id: het-leernetwerk\n", "  - id: community-context\n",
         "kernelementen[1].id", "twee keer"),
        ("      evalueren:\n        - id: aansluiting",
         "      evalueer:\n        - id: aansluiting",
         "kernelementen[0].questions", "onbekende route"),
        ("  - value: 2\n", "  - value: 1\n", "scale", "van laag naar hoog"),
        ("        - id: betrokkenen\n", "        - id: vraagstuk\n",
         "kernelementen[0].questions.starten[1].id", "twee keer"),
        ("    name: {nl: Synergie, en: Synergy}\n", "    naam: {nl: Synergie, en: Synergy}\n",
         "kernelementen[3].name", "ontbreekt"),
    ],
)  # fmt: skip
def test_mistakes_in_liso_yml_are_reported_with_file_line_and_field(
    minisite: Path, old: str, new: str, field: str, words: str
) -> None:
    edit(minisite / LISO_FILE, old, new)
    problems = [p for p in problems_of(minisite) if p.file == LISO_FILE]
    assert problems, "no problem reported in data/liso.yml"
    match = [p for p in problems if p.field and p.field.startswith(field) and words in p.nl]
    assert match, [p.format() for p in problems]
    assert all(p.line for p in match) and match[0].en


def test_a_route_without_questions_is_reported(minisite: Path) -> None:
    path = minisite / LISO_FILE
    text = path.read_text(encoding="utf-8")
    start = text.index("      evalueren:\n        - id: aansluiting")
    end = text.index("  - id: het-leernetwerk")
    path.write_text(text[:start] + "\n" + text[end:], encoding="utf-8")
    problems = problems_of(minisite)
    assert any(
        p.file == LISO_FILE and "community-context" in p.nl and "'evalueren'" in p.nl
        for p in problems
    ), [p.format() for p in problems]


def test_samen_check_validates_liso_yml(minisite: Path, capsys) -> None:
    edit(minisite / LISO_FILE, "  - value: 4\n", "  - value: 'vier'\n")
    assert main(["--root", str(minisite), "check"]) == 1
    out = capsys.readouterr().out
    assert "data/liso.yml" in out and "scale[3].value" in out


# --- the framework page -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_framework_page_has_an_overview_and_a_section_per_kernelement(
    real_site: Path, lang: str
) -> None:
    page = soup(real_site, "liso/" if lang == "nl" else "en/liso/")
    svg = page.select_one("figure.samen-liso-overview svg")
    assert svg is not None and svg["role"] == "group"
    assert svg.select_one("title").get_text() and svg.select_one("desc").get_text()
    assert svg["aria-labelledby"] == svg.select_one("title")["id"]
    links = [a["href"] for a in svg.select("a")]
    assert links == [f"#{e.id}" for e in LISO.kernelementen]
    for number, element in enumerate(LISO.kernelementen, start=1):
        heading = page.select_one(f"h3#{element.id}")
        assert heading.get_text() == f"{number}. {element.name.get(lang)}"
        description = heading.find_next("p", class_=lambda c: c != "samen-liso-dutch-name")
        assert description.get_text() == element.description.get(lang)
        box = svg.select_one(f'a[href="#{element.id}"]').get_text(" ", strip=True)
        assert box.startswith(str(number))
        toc = page.select_one(f'nav.md-nav--secondary a[href="#{element.id}"]')
        assert toc is not None and toc.get_text(strip=True) == heading.get_text()
    assert not page.find_all("script", src=lambda s: s and "liso-tool" in s)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_framework_page_links_to_the_official_tool_its_sources_and_ours(
    real_site: Path, lang: str
) -> None:
    page = soup(real_site, "liso/" if lang == "nl" else "en/liso/")
    hrefs = {a["href"] for a in page.select("article a")}
    assert "https://leernetwerkeninhetsociaaldomein.nl/framework/" in hrefs
    assert "https://leernetwerkeninhetsociaaldomein.nl/liso-werkwijze/onderbouwing-bronnen" in hrefs
    assert "starten-of-evalueren/" in hrefs
    primary = page.select_one("article a.md-button--primary")
    assert primary["href"].startswith("https://leernetwerkeninhetsociaaldomein.nl/")
    text = page.get_text()
    assert "scoping review" in text and "Delphi" in text and "2025" in text


# --- the tool page ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_tool_page_is_a_complete_checklist_with_labelled_scales(real_site: Path, lang: str) -> None:
    page = soup(real_site, TOOL if lang == "nl" else f"en/{TOOL}")
    tool = page.select_one("[data-samen-liso-tool]")
    for route in LISO.routes:
        section = tool.select_one(f'[data-samen-liso-route="{route.id}"]')
        assert section.h2.get_text() == route.label.get(lang)
        fieldsets = section.select("fieldset[data-samen-liso-question]")
        expected = [
            (f"{e.id}/{q.id}", q.text.get(lang))
            for e in LISO.kernelementen
            for q in e.questions[route.id]
        ]
        assert [(f["data-samen-liso-question"], f.legend.get_text()) for f in fieldsets] == (
            expected
        )
        for fieldset in fieldsets:
            radios = fieldset.select("input[type=radio]")
            assert [int(r["value"]) for r in radios] == [p.value for p in LISO.scale]
            assert len({r["name"] for r in radios}) == 1
            for radio in radios:
                assert fieldset.select_one(f'label[for="{radio["id"]}"]').get_text() in [
                    p.label.get(lang) for p in LISO.scale
                ]
            note = fieldset.select_one("textarea")
            assert fieldset.select_one(f'label[for="{note["id"]}"]') is not None
    # The parts that need JavaScript are hidden until the script shows them.
    for part in tool.select("[data-samen-liso-enhanced]"):
        assert part.has_attr("hidden")
    assert tool.select_one("[data-samen-liso-result]").has_attr("hidden")
    assert tool.select_one("[data-samen-liso-status]")["role"] == "status"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_tool_page_says_whose_questions_these_are_and_that_nothing_leaves_the_browser(
    real_site: Path, lang: str
) -> None:
    page = soup(real_site, TOOL if lang == "nl" else f"en/{TOOL}")
    text = page.select_one("article").get_text(" ")
    if lang == "nl":
        assert "zelf geschreven" in text and "nergens naartoe gestuurd" in text
    else:
        assert "wrote these questions ourselves" in text and "not sent anywhere" in text
    assert "localStorage" in text
    hrefs = {a["href"] for a in page.select("article a")}
    assert "https://leernetwerkeninhetsociaaldomein.nl/framework/" in hrefs


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_tool_script_config_and_styles_only_on_the_tool_page(real_site: Path, lang: str) -> None:
    prefix = "" if lang == "nl" else "en/"
    page = soup(real_site, prefix + TOOL)
    scripts = [s["src"] for s in page.select("script[src]") if "liso-tool" in s["src"]]
    styles = [s["href"] for s in page.select("link[rel=stylesheet]") if "liso-tool" in s["href"]]
    assert scripts == ["../../" + ("../" if lang == "en" else "") + "assets/js/liso-tool.js"]
    assert len(styles) == 1
    assert (real_site / "assets/js/liso-tool.js").is_file()
    assert (real_site / "assets/css/liso-tool.css").is_file()
    config = json.loads(page.select_one("script[data-samen-liso-config]").string)
    assert config["lang"] == lang
    assert [e["name"] for e in config["elements"]] == [e.name.get(lang) for e in LISO.kernelementen]
    assert config["results"]["strongest_heading"] == LISO.results.strongest_heading.get(lang)
    base = f"https://example.org/{prefix}{TOOL}"
    for element in config["elements"]:
        assert (
            urljoin(base, element["href"]) == f"https://example.org/{prefix}liso/#{element['id']}"
        )
    for html_file in real_site.rglob("*.html"):
        if html_file.parent.as_posix().endswith("liso/starten-of-evalueren"):
            continue
        assert "liso-tool.js" not in html_file.read_text(encoding="utf-8"), html_file


def test_liso_data_with_markup_reaches_the_pages_as_text(minisite: Path) -> None:
    script = "<script>alert(1)</script>"
    edit(
        minisite / LISO_FILE,
        "{nl: Community context, en: Community context}",
        f"{{nl: '{script}', en: '{script}'}}",
    )
    edit(minisite / LISO_FILE, "{nl: Nog niet, en: Not yet}", f"{{nl: '{script}', en: x}}")
    site = build_minisite(minisite)
    for url in ("liso/", TOOL):
        html = read(site, url)
        assert script not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    config = soup(site, TOOL).select_one("script[data-samen-liso-config]").string
    assert "</script" not in config and "\\u003cscript\\u003e" in config
    assert json.loads(config)["elements"][0]["name"] == script


def test_overview_boxes_stay_inside_the_drawing_and_do_not_overlap() -> None:
    for lang in ("nl", "en"):
        chart = liso_overview(SITE, lang)
        assert [b.number for b in chart.boxes] == list(range(1, 9))
        for box in chart.boxes:
            assert box.x >= 0 and box.x + box.width <= chart.width + 0.01
            assert box.y >= 0 and box.y + box.height <= chart.height + 0.01
            assert all(len(line) * 8.2 <= box.width for line in box.lines), box.lines
        for a, b in [(a, b) for a in chart.boxes for b in chart.boxes if a is not b]:
            apart = a.x + a.width <= b.x or b.x + b.width <= a.x
            assert apart or a.y + a.height <= b.y or b.y + b.height <= a.y


def test_the_liso_json_schema_rejects_what_the_build_rejects() -> None:
    schema = json.loads((REPO / "schemas/liso.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    data = read_yaml_file(REPO / LISO_FILE, REPO).data
    validator.validate(data)
    broken = json.loads(json.dumps(data))
    del broken["kernelementen"][0]["questions"]["starten"][0]["text"]
    broken["scale"][0]["labl"] = {"nl": "x", "en": "x"}
    assert len(list(validator.iter_errors(broken))) == 2


def test_ids_that_would_give_the_tool_one_html_id_twice_are_reported(minisite: Path) -> None:
    # Question "vraagstuk-1" would share its HTML id with answer 1 of question "vraagstuk".
    edit(
        minisite / "data" / "liso.yml",
        "        - id: vraagstuk\n",
        "        - id: vraagstuk-1\n          text: {nl: Extra?, en: Extra?}\n"
        "        - id: vraagstuk\n",
    )
    clashes = [
        p for p in problems_of(minisite) if "liso-starten-community-context-vraagstuk-1" in p.nl
    ]
    assert len(clashes) == 1
    (clash,) = clashes
    assert clash.file == "data/liso.yml" and clash.line is not None
    assert "questions" in clash.field and "HTML id" in clash.en
