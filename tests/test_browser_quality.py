"""Quality gates on the real built site in Debian's Chromium and the Nu Html Checker.

The checks themselves live in tests/browser/ (Node: playwright-core, axe-core, vnu-jar);
these tests run them on every page of both languages and fail on any finding.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import PAYLOADS, REPO, build_minisite, record_quality, write_payloads

pytestmark = pytest.mark.browser

NODE = shutil.which("node")


def run_node(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    if NODE is None or not (REPO / "node_modules").is_dir():
        pytest.fail(
            "Node packages missing: run `make test` (it runs scripts/install-system-deps.sh)"
        )
    result = subprocess.run(
        [NODE, str(REPO / "tests" / "browser" / script), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    print(result.stdout)
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    if script in ("quality.mjs", "html-validity.mjs"):  # one summary line per check
        summary = [line for line in lines if line.startswith(("ok  ", "FAIL"))]
    else:  # the interaction tests end with their verdict
        summary = lines[-1:] or [f"no output (exit {result.returncode})"]
    for line in summary:
        record_quality(f"{script}: {line}")
    return result


def run_check(script: str, site: Path, report: Path) -> dict:
    result = run_node(script, "--site", str(site), "--report", str(report))
    assert report.is_file(), result.stderr
    assert result.returncode == 0, f"{script} found problems:\n{result.stdout}\n{result.stderr}"
    return json.loads(report.read_text(encoding="utf-8"))


def test_every_page_passes_axe_privacy_keyboard_and_headings(real_site: Path, tmp_path: Path):
    report = run_check("quality.mjs", real_site, tmp_path / "quality.json")
    pages = report["pages"]
    count = pages if isinstance(pages, int) else len(pages)
    assert count == len(list(real_site.rglob("*.html")))


def test_every_page_is_valid_html(real_site: Path, tmp_path: Path):
    report = run_check("html-validity.mjs", real_site, tmp_path / "validity.json")
    assert report["files"] == len(list(real_site.rglob("*.html")))
    assert report["error_count"] == 0


def test_visiting_searching_and_switching_language_stores_nothing(real_site: Path) -> None:
    result = run_node("storage.mjs", "--site", str(real_site))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "nothing stored" in result.stdout


def test_catalogue_and_partner_filters_in_a_real_browser(real_site: Path) -> None:
    result = run_node("list-filters.mjs", "--site", str(real_site))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "list filters: ok" in result.stdout


def test_agenda_filters_and_fixture_pages_in_a_real_browser(
    minisite: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The agenda's filters, and axe on pages the real site cannot show yet with its sparse
    data (filters on the agenda, charts and full indicator tables, news listings)."""
    monkeypatch.setenv("SAMEN_BUILD_DATE", "2025-06-15")
    shutil.copytree(REPO / "docs" / "assets", minisite / "docs" / "assets")
    site = build_minisite(minisite)
    result = run_node("agenda.mjs", "--site", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "agenda filters: ok" in result.stdout
    run_check("quality.mjs", site, tmp_path / "quality.json")
    validity = run_check("html-validity.mjs", site, tmp_path / "validity.json")
    assert validity["error_count"] == 0


def test_script_payloads_in_every_editor_field_never_run(minisite: Path) -> None:
    write_payloads(minisite)
    # The site's own scripts and styles (search worker, filters), as on the real site.
    shutil.copytree(REPO / "docs" / "assets", minisite / "docs" / "assets")
    site = build_minisite(minisite)
    result = run_node("xss.mjs", "--site", str(site), "--payload", PAYLOADS[0])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "xss: ok" in result.stdout


def test_liso_tool_by_keyboard_with_profile_storage_export_import_clear_and_print(
    real_site: Path, tmp_path: Path
) -> None:
    snapshot = tmp_path / "snapshot"
    result = run_node("liso-tool.mjs", "--site", str(real_site), "--snapshot", str(snapshot))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "liso tool: ok" in result.stdout
    # The result the script built in the page is valid HTML too (quality.mjs and
    # html-validity.mjs see the page only as it loads).
    report = run_check("html-validity.mjs", snapshot, tmp_path / "validity.json")
    assert report["files"] == 1 and report["error_count"] == 0


def test_menu_and_search_work_with_the_keyboard(real_site: Path) -> None:
    result = run_node("keyboard.mjs", "--site", str(real_site))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "keyboard: ok" in result.stdout


def test_search_is_language_scoped_stemmed_and_keyboard_usable(real_site: Path) -> None:
    result = run_node("search.mjs", "--site", str(real_site))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "search: ok" in result.stdout


def test_script_payloads_in_search_results_show_as_text(minisite: Path) -> None:
    write_payloads(minisite)
    shutil.copytree(REPO / "docs" / "assets", minisite / "docs" / "assets")
    site = build_minisite(minisite)
    result = run_node(
        "search.mjs", "--site", str(site), "--payload", PAYLOADS[0], "--query", "testrapport"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "search: ok" in result.stdout
