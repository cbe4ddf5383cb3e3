"""Shared helpers: build the real site or a mini-site into a temporary folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

REPO = Path(__file__).resolve().parents[1]
MINISITE = Path(__file__).resolve().parent / "fixtures" / "minisite"
MINISITE_NAV = [
    "index.md",
    {"Producten": ["producten/index.md"]},
    "leernetwerken/normaliseren.md",
]

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def build_site(project: Path, site_dir: Path, nav: list | None = None) -> Path:
    """Build ``project/docs`` (with ``project/data``) using the real mkdocs.yml and hooks."""
    overrides = {"docs_dir": str(project / "docs"), "site_dir": str(site_dir), "strict": True}
    if nav is not None:
        overrides["nav"] = nav
    config = load_config(config_file=str(REPO / "mkdocs.yml"), **overrides)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return site_dir


@pytest.fixture
def minisite(tmp_path: Path) -> Path:
    """A fresh, writable copy of the checked-in two-language mini-site."""
    project = tmp_path / "project"
    shutil.copytree(MINISITE, project)
    return project


def build_minisite(project: Path) -> Path:
    return build_site(project, project / "site", MINISITE_NAV)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session."""
    return build_site(REPO, tmp_path_factory.mktemp("real") / "site")


def read(site: Path, url_path: str) -> str:
    """The HTML a visitor gets at ``url_path`` (directory URLs)."""
    path = (
        site / url_path.strip("/") / "index.html"
        if not url_path.endswith(".html")
        else site / url_path
    )
    return path.read_text(encoding="utf-8")
