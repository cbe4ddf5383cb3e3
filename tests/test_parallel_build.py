"""The bilingual build with the English pass in a second process equals the sequential one."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from mkdocs.exceptions import MkDocsException, PluginError

from conftest import REPO, build_minisite, build_site
from samen.parallel_build import join_sitemaps, merge_language_pass


def _contents(site: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            files[path.relative_to(site).as_posix()] = (
                gzip.decompress(data) if path.suffix == ".gz" else data
            )
    return files


def test_parallel_build_writes_exactly_the_sequential_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parallel = _contents(build_site(REPO, tmp_path / "parallel"))
    monkeypatch.setenv("SAMEN_SEQUENTIAL_BUILD", "1")
    sequential = _contents(build_site(REPO, tmp_path / "sequential"))
    assert sorted(parallel) == sorted(sequential)
    different = [name for name in sequential if parallel[name] != sequential[name]]
    assert different == []
    assert any(name.startswith("en/") for name in parallel)
    assert b'hreflang="en"' in parallel["sitemap.xml"] and b"/en/" in parallel["sitemap.xml"]
    assert [p.name for p in tmp_path.iterdir()] == ["parallel", "sequential"], "no staging left"


def test_a_failing_english_pass_fails_the_build(
    minisite: Path, caplog: pytest.LogCaptureFixture
) -> None:
    english = minisite / "docs" / "index.en.md"
    english.write_text(english.read_text(encoding="utf-8") + "\n[kapot](nergens.md)\n", "utf-8")
    with pytest.raises(MkDocsException):
        build_minisite(minisite)
    assert "building the 'en' pages failed" in caplog.text
    assert not list(minisite.glob(".samen-*")), "the staging folder is removed"


def test_join_sitemaps_keeps_the_first_passes_entries_first() -> None:
    head = '<?xml version="1.0"?>\n<urlset xmlns="x">'
    first = f"{head}\n    <url><loc>/a/</loc></url>\n</urlset>"
    later = f"{head}\n    <url><loc>/en/a/</loc></url>\n</urlset>"
    assert join_sitemaps(first, later) == (
        f"{head}\n    <url><loc>/a/</loc></url>\n    <url><loc>/en/a/</loc></url>\n</urlset>"
    )


def test_merge_moves_the_later_pass_in_and_refuses_a_file_written_differently(
    tmp_path: Path,
) -> None:
    site, staging = tmp_path / "site", tmp_path / "staging"
    for folder, text in ((site, "nl"), (staging, "en")):
        (folder / "assets").mkdir(parents=True)
        (folder / "assets" / "same.css").write_text("body{}", encoding="utf-8")
        (folder / "404.html").write_text(text, encoding="utf-8")
    (staging / "en" / "producten" / "x").mkdir(parents=True)
    (staging / "en" / "index.html").write_text("English", encoding="utf-8")
    (staging / "en" / "producten" / "x" / "cite.bib").write_text("@misc{x}", encoding="utf-8")
    (staging / "assets" / "only-later.js").write_text("1", encoding="utf-8")
    merge_language_pass(staging, site)
    assert (site / "en" / "index.html").read_text(encoding="utf-8") == "English"
    assert (site / "en" / "producten" / "x" / "cite.bib").read_text(encoding="utf-8") == "@misc{x}"
    assert (site / "assets" / "only-later.js").exists(), "into a folder both passes wrote"
    assert (site / "assets" / "same.css").exists()
    assert (site / "404.html").read_text(encoding="utf-8") == "nl", "the first pass's 404 stays"
    (staging / "assets" / "same.css").write_text("body{color:red}", encoding="utf-8")
    with pytest.raises(PluginError, match=r"assets/same\.css"):
        merge_language_pass(staging, site)
    (staging / "assets" / "same.css").write_text("body{}", encoding="utf-8")
    (staging / "assets" / "sub").write_text("a file where the first pass wrote a folder", "utf-8")
    (site / "assets" / "sub").mkdir()
    with pytest.raises(PluginError, match=r"assets/sub"):
        merge_language_pass(staging, site)
