"""hooks/shared_partials.py: parts rendered once for many pages give the same pages."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from jinja2 import DictLoader, Environment
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation

from conftest import REPO, build_site

HOOK = "shared_partials.py"


def _pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def test_every_page_is_byte_for_byte_what_rendering_every_part_on_every_page_gives(
    tmp_path: Path,
) -> None:
    shared = _pages(build_site(REPO, tmp_path / "shared"))
    own = _pages(build_site(REPO, tmp_path / "own", without_hooks=(HOOK,)))
    assert sorted(shared) == sorted(own)
    assert [name for name in own if shared[name] != own[name]] == []
    # The pages that share a navigation are there, in both languages.
    assert "producten/de-kracht-van-het-gewone/index.html" in shared
    assert "en/nieuws/de-kracht-van-het-gewone-verschenen/index.html" in shared
    # The shared parts are there: the search box and our page configuration.
    for page in shared.values():
        assert page.count(b'class="md-search__input"') == 1
        assert page.count(b"search-worker.js?lang=") == 1


def test_only_pages_outside_the_nav_share_one_per_folder() -> None:
    spec = importlib.util.spec_from_file_location("shared_partials", REPO / "hooks" / HOOK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    config = load_config(config_file=str(REPO / "mkdocs.yml"))
    files = get_files(config)
    nav = get_navigation(files, config)
    shared = module.SharedNavigation(nav)
    in_nav = nav.pages[0]
    product = files.get_file_from_path("producten/de-kracht-van-het-gewone.md").page
    news = files.get_file_from_path("nieuws/de-kracht-van-het-gewone-verschenen.md").page
    assert shared._folder(in_nav) is None
    assert shared._folder(product) == "producten"
    assert shared._folder(news) == "nieuws"
    assert shared._folder(None) is None


def test_a_shared_partial_is_rendered_once_per_key_with_the_includers_variables() -> None:
    spec = importlib.util.spec_from_file_location("shared_partials", REPO / "hooks" / HOOK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    templates = {
        "page.html": '{% set local = "!" %}{{ shared("part.html", key) }}',
        "part.html": "{{ value }}{{ local }}",
    }
    env = Environment(loader=DictLoader(templates))
    env.globals["shared"] = module.SharedPartials()
    page = env.get_template("page.html")
    assert page.render(key=1, value="a") == "a!"
    assert page.render(key=1, value="b") == "a!", "the same key: the HTML rendered first"
    assert page.render(key=2, value="b") == "b!"
