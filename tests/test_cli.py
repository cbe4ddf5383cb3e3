"""The editors' command-line tool, end to end on copies of the mini-site."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import build_minisite, read
from samen.cli import main, slugify
from samen.site_data import load_site_data


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_slug_handles_accents_spaces_and_punctuation() -> None:
    assert slugify("Één visie: ouders & jongeren") == "een-visie-ouders-jongeren"
    assert slugify("  De kracht van het gewone ") == "de-kracht-van-het-gewone"


def test_new_product_passes_check_and_builds(minisite: Path, capsys) -> None:
    code, out = run(
        capsys, "--root", str(minisite), "new", "product", "Één visie: ouders & jongeren"
    )
    assert code == 0, out
    assert "docs/producten/een-visie-ouders-jongeren.md" in out
    assert (minisite / "docs/producten/een-visie-ouders-jongeren.en.md").is_file()
    code, out = run(capsys, "--root", str(minisite), "check")
    assert code == 0, out
    assert "Alles in orde" in out
    site = build_minisite(minisite)
    assert "Één visie: ouders &amp; jongeren" in read(site, "producten/een-visie-ouders-jongeren/")


def test_new_refuses_to_overwrite_or_reuse_an_id(minisite: Path, capsys) -> None:
    code, out = run(capsys, "--root", str(minisite), "new", "product", "Testrapport")
    assert code == 1 and "Bestaat al" in out
    product = minisite / "docs/producten/testrapport.md"
    product.write_text(
        product.read_text().replace("related:", "aliases: [producten/oud]\nrelated:")
    )
    code, out = run(capsys, "--root", str(minisite), "--lang", "en", "new", "product", "Oud")
    assert code == 1 and "already in use" in out


def test_check_reports_every_problem_with_exit_code_1(minisite: Path, capsys) -> None:
    product = minisite / "docs/producten/testrapport.md"
    text = (
        product.read_text()
        .replace("type: rapport", "type: boek")
        .replace("date: 2023-11-06", "date: 2023-13-01")
    )
    product.write_text(text)
    code, out = run(capsys, "--root", str(minisite), "check")
    assert code == 1
    assert "docs/producten/testrapport.md, regel 9, veld 'date': dit is geen geldige datum" in out
    assert "The site was not built" not in out
    code, out = run(capsys, "--root", str(minisite), "--lang", "en", "check")
    assert code == 1 and "line 9, field 'date': this is not a valid date" in out


def test_check_reports_reference_problems(minisite: Path, capsys) -> None:
    product = minisite / "docs/producten/testrapport.md"
    product.write_text(product.read_text().replace("type: rapport", "type: boek"))
    code, out = run(capsys, "--root", str(minisite), "check")
    assert code == 1
    assert "regel 4, veld 'type': onbekend type: 'boek'" in out
    assert "Verwacht: een van: rapport, handreiking" in out


def git(cwd: Path, *args: str, date: str | None = None) -> None:
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {}
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        env={**os.environ, **env},
    )


def test_translations_finds_missing_and_outdated_pages(minisite: Path, capsys) -> None:
    git(minisite, "init", "-q")
    git(minisite, "add", ".")
    git(minisite, "commit", "-qm", "start", date="2024-01-01T10:00:00")
    (minisite / "docs/producten/testrapport.md").write_text(
        (minisite / "docs/producten/testrapport.md").read_text() + "\nNieuwe alinea.\n"
    )
    git(minisite, "commit", "-qam", "Dutch changed", date="2024-02-01T10:00:00")
    code, out = run(capsys, "--root", str(minisite), "translations", "--json")
    assert code == 0
    assert json.loads(out) == [
        {"page": "docs/nieuws/ouder-bericht.md", "problem": "missing"},
        {"page": "docs/producten/testhandreiking.md", "problem": "missing"},
        {"page": "docs/producten/testrapport.md", "problem": "outdated"},
    ]
    code, out = run(capsys, "--root", str(minisite), "translations")
    assert "Geen Engelse versie" in out and "Engelse versie ouder dan de Nederlandse" in out


def test_the_installed_command_answers_in_both_languages() -> None:
    samen = shutil.which("samen") or str(Path(sys.executable).parent / "samen")
    result = subprocess.run([samen, "--help"], capture_output=True, text=True, check=True)
    assert "controleer alle inhoud" in result.stdout and "check all content" in result.stdout


def test_lang_is_accepted_after_the_command_too(minisite: Path, capsys) -> None:
    product = minisite / "docs/producten/testrapport.md"
    product.write_text(product.read_text().replace("status: gepubliceerd", "status: klaar"))
    code, out = run(capsys, "--root", str(minisite), "check", "--lang", "en")
    assert code == 1
    assert out.startswith("The site was not built: 1 problem found")
    assert "Expected: one of: 'gepland', 'in-ontwikkeling' or 'gepubliceerd'" in out
    code, out = run(capsys, "check", "--root", str(minisite))
    assert out.startswith("De site is niet gebouwd: 1 probleem in de inhoud gevonden.")
    assert "Verwacht: een van: 'gepland', 'in-ontwikkeling' of 'gepubliceerd'" in out


def test_new_partner_is_appended_keeps_the_file_and_passes_check(minisite: Path, capsys) -> None:
    partners = minisite / "data/partners.yml"
    before = partners.read_text()
    code, out = run(
        capsys,
        "--root",
        str(minisite),
        "new",
        "partner",
        "Gemeente Één: test",
        "--source",
        "Samenwerkingsplan SAMEN 2021-2024",
        "--relation",
        "samenwerking",
    )
    assert code == 0 and "id: gemeente-een-test" in out
    after = partners.read_text()
    assert after.startswith(before)
    site = load_site_data(minisite, minisite / "docs")
    added = site.partners.organisations[-1]
    assert (added.id, added.name, added.relation) == (
        "gemeente-een-test",
        "Gemeente Één: test",
        "samenwerking",
    )
    assert run(capsys, "--root", str(minisite), "check")[0] == 0
    code, out = run(
        capsys, "--root", str(minisite), "new", "partner", "Gemeente Één: test", "--source", "x"
    )
    assert code == 1 and "bestaat al" in out
    assert partners.read_text() == after


def test_new_partner_refuses_a_broken_partners_file(minisite: Path, capsys) -> None:
    partners = minisite / "data/partners.yml"
    partners.write_text(partners.read_text() + "  - id: [kapot\n")
    broken = partners.read_text()
    code, out = run(
        capsys, "--root", str(minisite), "--lang", "en", "new", "partner", "X", "--source", "y"
    )
    assert code == 1 and "already has an error" in out
    assert partners.read_text() == broken


def test_new_event_is_appended_passes_check_and_builds_with_its_ics(
    minisite: Path, capsys, monkeypatch
) -> None:
    activities = minisite / "data/activiteiten.yml"
    before = activities.read_text()
    code, out = run(
        capsys,
        "--root",
        str(minisite),
        "new",
        "event",
        "Symposium: één dag",
        "--date",
        "2026-03-05",
        "--type",
        "symposium",
        "--source",
        "Nieuwsbrief SAMEN",
        "--title-en",
        "Symposium: one day",
    )
    assert code == 0, out
    assert "id: symposium-een-dag" in out
    assert activities.read_text().startswith(before)  # comments and layout kept
    code, out = run(capsys, "--root", str(minisite), "check")
    assert code == 0, out
    assert "11 activiteiten" in out
    site = load_site_data(minisite, minisite / "docs")
    added = site.activities.activities[-1]
    assert (added.id, added.date.isoformat(), added.type) == (
        "symposium-een-dag",
        "2026-03-05",
        "symposium",
    )
    assert (added.title.nl, added.title.en) == ("Symposium: één dag", "Symposium: one day")
    monkeypatch.setenv("SAMEN_BUILD_DATE", "2026-01-01")
    built = build_minisite(minisite)
    assert 'id="symposium-een-dag"' in read(built, "agenda/")
    assert "Symposium: one day" in read(built, "en/agenda/")
    ics = (built / "en" / "agenda" / "symposium-een-dag.ics").read_text(encoding="utf-8")
    assert "SUMMARY:Symposium: one day" in ics and "DTSTART;VALUE=DATE:20260305" in ics


def test_new_event_refuses_duplicates_bad_dates_and_a_meeting_without_leernetwerk(
    minisite: Path, capsys
) -> None:
    root = ["--root", str(minisite), "new", "event"]
    source = ["--source", "testgegevens"]
    code, out = run(
        capsys, *root, "Jaarconferentie 2025", "--date", "2025-09-13", "--type", "jaarconferentie",
        *source,
    )  # fmt: skip
    assert code == 1 and "De id 'jaarconferentie-2025' bestaat al" in out
    code, out = run(
        capsys,
        *root,
        "Iets",
        "--date",
        "13-09-2025",
        "--type",
        "symposium",
        *source,
        "--lang",
        "en",
    )
    assert code == 1 and "'13-09-2025' is not a date" in out
    code, out = run(
        capsys, *root, "Bijeenkomst", "--date", "2026-01-10", "--type", "leernetwerkbijeenkomst",
        *source,
    )  # fmt: skip
    assert code == 1 and "hoort bij een leernetwerk" in out and "normaliseren" in out
    code, out = run(
        capsys, *root, "Bijeenkomst", "--date", "2026-01-10", "--type", "leernetwerkbijeenkomst",
        "--leernetwerk", "vissen", *source,
    )  # fmt: skip
    assert code == 1 and "Onbekend leernetwerk 'vissen'" in out
    code, out = run(
        capsys, *root, "Bijeenkomst januari", "--date", "2026-01-10",
        "--type", "leernetwerkbijeenkomst", "--leernetwerk", "normaliseren", *source,
    )  # fmt: skip
    assert code == 0, out
    assert "vertaal hem, of geef --title-en" in out
    assert run(capsys, "--root", str(minisite), "check")[0] == 0


def test_new_event_in_an_empty_list(minisite: Path, capsys) -> None:
    activities = minisite / "data/activiteiten.yml"
    text = activities.read_text()
    activities.write_text(text[: text.index("activities:")] + "activities: []\n")
    code, out = run(
        capsys, "--root", str(minisite), "new", "event", "Eerste", "--date", "2026-02-02",
        "--type", "overig", "--source", "testgegevens",
    )  # fmt: skip
    assert code == 0, out
    site = load_site_data(minisite, minisite / "docs")
    assert [a.id for a in site.activities.activities] == ["eerste"]


def test_new_news_creates_both_languages_passes_check_and_builds(minisite: Path, capsys) -> None:
    code, out = run(
        capsys, "--root", str(minisite), "new", "news", "Nieuw: één rapport", "--date",
        "2024-03-01", "--source", "werkplaatsenjeugd.nl", "--leernetwerk", "normaliseren",
        "--product", "testrapport",
    )  # fmt: skip
    assert code == 0, out
    assert (
        "docs/nieuws/nieuw-een-rapport.md" in out and "docs/nieuws/nieuw-een-rapport.en.md" in out
    )
    code, out = run(capsys, "--root", str(minisite), "check")
    assert code == 0, out
    site = load_site_data(minisite, minisite / "docs")
    news = site.news["nieuw-een-rapport"]
    assert news.meta.products == ["testrapport"] and news.translation is not None
    built = build_minisite(minisite)
    assert "Nieuw: één rapport" in read(built, "nieuws/")
    assert "nieuw-een-rapport" in read(built, "producten/testrapport/")
    code, out = run(
        capsys, "--root", str(minisite), "new", "news", "Nieuw: één rapport", "--date",
        "2024-03-01", "--source", "x",
    )  # fmt: skip
    assert code == 1 and "Bestaat al: docs/nieuws/nieuw-een-rapport.md" in out
    code, out = run(
        capsys, "--root", str(minisite), "--lang", "en", "new", "news", "Ander", "--date",
        "2024-03-01", "--source", "x", "--product", "bestaat-niet",
    )  # fmt: skip
    assert code == 1 and "Unknown knowledge product 'bestaat-niet'" in out


@pytest.mark.parametrize("kind", ["product", "partner", "event", "news"])
def test_an_id_the_checks_would_refuse_is_refused_before_anything_is_written(
    minisite: Path, capsys, kind: str
) -> None:
    before = {p: p.read_bytes() for p in minisite.rglob("*") if p.is_file()}
    with pytest.raises(SystemExit) as exit_:
        main(["--root", str(minisite), "new", kind, "Een titel", "--id", "Een Titel"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "geen geldige id" in err and "not a valid id" in err
    assert {p: p.read_bytes() for p in minisite.rglob("*") if p.is_file()} == before
