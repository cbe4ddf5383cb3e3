"""The data layer with good and bad input: every problem names file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError

from conftest import REPO, build_minisite, edit, problems_of
from samen.problems import ContentError, Problem
from samen.site_data import load_site_data
from samen.sources import parse_yaml, read_markdown


def load(project: Path):
    return load_site_data(project, project / "docs")


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [p.format() for p in problems]
    return problems[0]


PRODUCT = "docs/producten/testrapport.md"


def test_the_real_content_and_the_minisite_are_valid(minisite: Path) -> None:
    site = load(REPO)
    assert "de-kracht-van-het-gewone" in site.products
    mini = load(minisite)
    assert [p.id for p in mini.products_newest_first()] == ["testrapport", "testhandreiking"]
    assert mini.products["testrapport"].title("en") == "Test report on normalising"
    assert mini.products["testhandreiking"].title("en") == "Testhandreiking"


def test_malformed_yaml_in_a_data_file(minisite: Path) -> None:
    edit(minisite / "data/partners.yml", "  - id: hogescholen\n", "  - id: [hogescholen\n")
    problem = only(problems_of(minisite))
    assert problem.file == "data/partners.yml"
    assert problem.line == 3
    assert "geen geldige YAML" in problem.nl and "not valid YAML" in problem.en


def test_malformed_front_matter_is_not_silently_ignored(minisite: Path) -> None:
    edit(minisite / PRODUCT, "title: Testrapport over normaliseren", "title: [Testrapport")
    problem = only(problems_of(minisite))
    assert (problem.file, problem.line) == (PRODUCT, 3)
    assert "geen geldige YAML" in problem.nl


def test_unclosed_and_missing_front_matter(minisite: Path) -> None:
    edit(minisite / "docs/index.md", "---\n\n# Testsite", "\n# Testsite")
    (minisite / "docs/leernetwerken/normaliseren.en.md").write_text("# No front matter\n")
    problems = problems_of(minisite)
    assert {(p.file, p.line) for p in problems} == {
        ("docs/index.md", 1),
        ("docs/leernetwerken/normaliseren.en.md", 1),
    }
    assert any("niet afgesloten" in p.nl for p in problems)
    assert any("geen kopblok" in p.nl for p in problems)


def test_missing_required_field(minisite: Path) -> None:
    edit(minisite / PRODUCT, "summary: Een rapport om mee te testen.\n", "")
    problem = only(problems_of(minisite))
    assert (problem.file, problem.field) == (PRODUCT, "summary")
    assert "verplichte veld ontbreekt" in problem.nl
    assert "required field is missing" in problem.en


def test_wrong_type_with_example(minisite: Path) -> None:
    edit(minisite / PRODUCT, "audiences: [professionals]", "audiences: professionals")
    problem = only(problems_of(minisite))
    assert (problem.line, problem.field) == (7, "audiences")
    assert "lijst" in problem.nl
    assert problem.example == "audiences: [professionals, beleid]"


def test_unknown_field_is_a_typo(minisite: Path) -> None:
    edit(minisite / PRODUCT, "summary:", "samenvatting:")
    problems = problems_of(minisite)
    typo = next(p for p in problems if p.field == "samenvatting")
    assert "bestaat niet" in typo.nl
    assert "summary" in typo.expected_nl


@pytest.mark.parametrize(
    ("old", "new", "field", "line", "allowed"),
    [
        ("themes: [normaliseren]", "themes: [normalisern]", "themes[0]", 6, "normaliseren"),
        ("type: rapport", "type: boek", "type", 4, "rapport, handreiking"),
        (
            "leernetwerken: [normaliseren]",
            "leernetwerken: [x-y]",
            "leernetwerken[0]",
            5,
            "normaliseren",
        ),
        (
            "organisations: [hogeschool-voorbeeld]",
            "organisations: [tno]",
            "organisations[0]",
            10,
            "hogeschool-voorbeeld",
        ),
        (
            "related: [testhandreiking]",
            "related: [bestaat-niet]",
            "related[0]",
            12,
            "testhandreiking",
        ),
    ],
)
def test_unknown_controlled_value_or_reference(
    minisite: Path, old: str, new: str, field: str, line: int, allowed: str
) -> None:
    edit(minisite / PRODUCT, old, new)
    problem = only(problems_of(minisite))
    assert (problem.file, problem.line, problem.field) == (PRODUCT, line, field)
    assert problem.nl.startswith("onbekend") and problem.en.startswith("unknown")
    assert allowed in problem.expected_nl
    assert problem.example


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("type: rapport", "type: boek", "onbekend type: 'boek'."),
        ("themes: [normaliseren]", "themes: [gezond]", "onbekend thema: 'gezond'."),
        ("audiences: [professionals]", "audiences: [iedereen]", "onbekende doelgroep: 'iedereen'."),
    ],
)
def test_unknown_values_are_named_in_good_dutch(
    minisite: Path, old: str, new: str, message: str
) -> None:
    edit(minisite / PRODUCT, old, new)
    assert only(problems_of(minisite)).nl == message


@pytest.mark.parametrize(
    ("old", "new", "field", "line"),
    [
        ("date: 2023-11-06", "season: najaar", "season", 9),
        ("date: 2023-11-06", "date: 2023-11-06\nyear: 2022", "year", 10),
    ],
)
def test_checks_across_fields_point_to_the_field_to_change(
    minisite: Path, old: str, new: str, field: str, line: int
) -> None:
    edit(minisite / PRODUCT, old, new)
    problem = only(problems_of(minisite))
    assert (problem.file, problem.line, problem.field) == (PRODUCT, line, field)
    assert problem.example and problem.example.startswith(f"{field}:")


def test_duplicate_ids(minisite: Path) -> None:
    edit(
        minisite / "data/taxonomie.yml",
        "  - id: handreiking\n",
        "  - id: rapport\n",
    )
    problems = problems_of(minisite)
    problem = next(p for p in problems if p.file == "data/taxonomie.yml")
    assert (problem.line, problem.field) == (7, "types[1].id")
    assert "twee keer" in problem.nl and "twice" in problem.en


def test_duplicate_key_in_one_block(minisite: Path) -> None:
    edit(minisite / PRODUCT, "status: gepubliceerd\n", "status: gepubliceerd\nstatus: gepland\n")
    problem = only(problems_of(minisite))
    assert (problem.line, problem.field) == (9, "status")
    assert "eerder op regel 8" in problem.nl


@pytest.mark.parametrize("value", ["2023-13-45", "6 november 2023", "20231106"])
def test_a_date_that_is_not_a_date(minisite: Path, value: str) -> None:
    edit(minisite / PRODUCT, "date: 2023-11-06", f"date: {value}")
    problem = only(problems_of(minisite))
    assert (problem.line, problem.field) == (9, "date")
    assert "geen geldige datum" in problem.nl and "not a valid date" in problem.en
    assert problem.expected_nl == "een datum als JJJJ-MM-DD"
    assert problem.example == "date: 2023-11-06"


def test_product_id_must_equal_its_file_name(minisite: Path) -> None:
    edit(minisite / PRODUCT, "id: testrapport", "id: ander-rapport")
    problem = only(problems_of(minisite))
    assert (problem.field, problem.line) == ("id", 2)
    assert "bestandsnaam" in problem.nl


def test_translation_without_dutch_page(minisite: Path) -> None:
    (minisite / "docs/producten/wees.en.md").write_text(
        "---\ntitle: Orphan\nsummary: No Dutch page.\n---\n\n# Orphan\n"
    )
    problem = only(problems_of(minisite))
    assert problem.file == "docs/producten/wees.en.md"
    assert "geen Nederlandse pagina" in problem.nl


def test_unknown_marker_and_marker_in_the_wrong_place(minisite: Path) -> None:
    edit(minisite / "docs/index.md", "# Testsite\n", "# Testsite\n\n<!-- samen:onbekend -->\n")
    edit(
        minisite / "docs/index.en.md",
        "# Test site\n",
        "# Test site\n\n<!-- samen:leernetwerk-producten -->\n",
    )
    problems = problems_of(minisite)
    assert {(p.file, p.line) for p in problems} == {("docs/index.md", 8), ("docs/index.en.md", 8)}
    assert any("onbekende markering" in p.nl for p in problems)
    assert any("leernetwerkpagina" in p.nl for p in problems)


def test_missing_download_and_colliding_alias(minisite: Path) -> None:
    edit(
        minisite / PRODUCT,
        "related: [testhandreiking]\n",
        "related: [testhandreiking]\ndownloads:\n  - file: bestanden/weg.pdf\n    title: Weg\n"
        "aliases: [producten/testhandreiking]\n",
    )
    problems = problems_of(minisite)
    fields = {p.field for p in problems}
    assert fields == {"downloads[0].file", "aliases[0]"}


def test_report_is_in_dutch_and_english(minisite: Path) -> None:
    edit(minisite / PRODUCT, "status: gepubliceerd", "status: klaar")
    with pytest.raises(ContentError) as caught:
        load(minisite)
    report = caught.value.report()
    assert "De site is niet gebouwd" in report and "The site was not built" in report
    assert f"{PRODUCT}, regel 8, veld 'status'" in report
    assert f"{PRODUCT}, line 8, field 'status'" in report
    assert "'gepland', 'in-ontwikkeling' or 'gepubliceerd'" in report


def test_a_bad_file_stops_the_build_and_leaves_no_site(minisite: Path) -> None:
    edit(minisite / PRODUCT, "title: Testrapport over normaliseren", "title: [Testrapport")
    with pytest.raises((PluginError, Abort)):
        build_minisite(minisite)
    assert not (minisite / "site" / "index.html").exists()


def test_yaml_dates_stay_text_and_lines_are_kept() -> None:
    document = parse_yaml("a:\n  - 2023-01-02\n  - b: 1\n", "x.yml")
    assert document.data == {"a": ["2023-01-02", {"b": 1}]}
    assert document.line_of(["a", 1, "b"]) == 3
    source = read_markdown("---\ntitle: x\n---\nbody\n", "p.md")
    assert source.front_matter.data == {"title": "x"}
    assert (source.body, source.body_line) == ("body\n", 4)


def test_images_need_alternative_text(minisite: Path) -> None:
    edit(
        minisite / "docs/index.md",
        "# Testsite\n",
        '# Testsite\n\n![](plaatje.png)\n\n<img src="x.png">\n\n![Een goede tekst](ok.png)\n',
    )
    problems = problems_of(minisite)
    assert [(p.file, p.line) for p in problems] == [("docs/index.md", 8), ("docs/index.md", 10)]
    assert all("alternatieve tekst" in p.nl and "alternative text" in p.en for p in problems)


def test_every_problem_is_reported_in_one_run(minisite: Path) -> None:
    """A broken page does not hide the reference problems of the other pages."""
    edit(minisite / PRODUCT, "status: gepubliceerd", "status: klaar")
    edit(minisite / "docs/producten/testhandreiking.md", "type: handreiking", "type: boek")
    problems = problems_of(minisite)
    assert sorted((p.file, p.field) for p in problems) == [
        ("docs/producten/testhandreiking.md", "type"),
        (PRODUCT, "status"),
    ], [p.format() for p in problems]


def _relpath_link(from_url: str, to_url: str) -> str:
    """The link as posixpath.relpath computes it: the reference for relative_url."""
    import posixpath

    start = posixpath.dirname(from_url.rstrip("/") + "/x") if from_url else "."
    link = posixpath.relpath(to_url.rstrip("/") or ".", start or ".")
    if to_url.endswith("/") or to_url == "":
        link = link.rstrip("/") + "/" if link != "." else "./"
    return link


def test_relative_urls_are_the_links_relpath_gives() -> None:
    from samen.urls import relative_url

    urls = [
        "",
        "producten/",
        "producten/x/",
        "producten/x/cite.bib",
        "en/",
        "en/producten/x/",
        "en/producten/y/",
        "over/regio/",
        "api/v1/producten.json",
        "en/api/v1/producten.json",
        "404.html",
        "bestanden/a.pdf",
        "producten/xy/",
        "oud/../producten/z/",
        "bestanden/../bestanden/b.pdf",
        "./over/",
    ]
    for here in urls:
        for there in urls:
            assert relative_url(here, there) == _relpath_link(here, there), (here, there)
    assert relative_url("en/producten/x/", "producten/y/") == "../../../producten/y/"
    assert relative_url("producten/x/", "producten/x/") == "./"


def test_collection_paused_restores_the_collector_as_it_was() -> None:
    import gc

    from samen.collector import collection_paused

    assert gc.isenabled()
    with pytest.raises(RuntimeError), collection_paused():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled(), "enabled again, also after an error"
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled(), "left off when it was off"
    finally:
        gc.enable()
