"""The JSON Schemas published for editors' tools accept the real content and reject bad input."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from conftest import REPO
from samen.cli import main
from samen.editor_schemas import DATA_FILE_SCHEMAS
from samen.site_data import load_site_data, page_schema
from samen.sources import read_markdown, read_yaml_file

SCHEMAS = REPO / "schemas"
SITE = load_site_data(REPO, REPO / "docs")
FILE_FOR_MODEL = {
    "PageMeta": "pagina",
    "LeernetwerkPageMeta": "leernetwerk-pagina",
    "ProductMeta": "product",
    "ProductTranslationMeta": "product-vertaling",
    "NewsMeta": "nieuws",
    "NewsTranslationMeta": "nieuws-vertaling",
}


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_committed_schemas_are_up_to_date(capsys) -> None:
    assert main(["--root", str(REPO), "schemas", "--check"]) == 0, capsys.readouterr().out


@pytest.mark.parametrize(("schema", "data_file"), sorted(DATA_FILE_SCHEMAS.items()))
def test_schemas_accept_the_real_data_files(schema: str, data_file: str) -> None:
    document = read_yaml_file(REPO / data_file, REPO)
    validator(schema).validate(document.data)


def test_schemas_accept_every_real_front_matter() -> None:
    for page in SITE.pages.values():
        name = FILE_FOR_MODEL[page_schema(page.norm_uri, page.lang).__name__]
        validator(f"{name}.schema.json").validate(page.document.data)


@pytest.mark.parametrize(
    ("change", "value"),
    [
        ("themes", ["normalisern"]),
        ("type", "boek"),
        ("date", "2023-13-45"),
        ("leernetwerken", []),
        ("samenvatting", "typo in a field name"),
    ],
)
def test_product_schema_rejects_bad_front_matter(change: str, value: object) -> None:
    source = read_markdown(
        (REPO / "docs/producten/de-kracht-van-het-gewone.md").read_text(encoding="utf-8"), "x"
    )
    data = dict(source.front_matter.data)
    data[change] = value
    assert list(validator("product.schema.json").iter_errors(data)), f"{change}={value!r} accepted"


def test_vscode_uses_the_schemas_for_the_data_files() -> None:
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    for schema, target in DATA_FILE_SCHEMAS.items():
        assert settings["yaml.schemas"][f"./schemas/{schema}"] == target
        assert (REPO / target).is_file() and (SCHEMAS / schema).is_file()


def test_schema_check_notices_an_outdated_file(tmp_path: Path, capsys) -> None:
    for folder in ("docs", "data", "schemas", ".vscode"):
        source = REPO / folder
        if source.is_dir():
            shutil.copytree(source, tmp_path / folder)
    (tmp_path / "schemas" / "product.schema.json").write_text("{}\n", encoding="utf-8")
    assert main(["--root", str(tmp_path), "schemas", "--check"]) == 1
    assert "schemas/product.schema.json" in capsys.readouterr().out


def _vscode_patterns() -> list[dict]:
    tasks = json.loads((REPO / ".vscode/tasks.json").read_text(encoding="utf-8"))
    (task,) = [t for t in tasks["tasks"] if t["label"] == "samen check"]
    assert task["args"] == ["check"] and task["command"].endswith("/.venv/bin/samen")
    return [matcher["pattern"] for matcher in task["problemMatcher"]]


def test_vscode_task_puts_every_reported_problem_on_its_file_and_line(
    minisite: Path, capsys
) -> None:
    """The build task's problem matchers (JavaScript regexes, Python-compatible) read the
    report of `samen check`, so that errors in front matter show in the editor."""
    product = minisite / "docs/producten/testrapport.md"
    text = product.read_text(encoding="utf-8")
    product.write_text(text.replace("status: gepubliceerd", "status: klaar"), encoding="utf-8")
    for page in (minisite / "docs/leernetwerken").glob("normaliseren*.md"):
        page.unlink()  # reported on data/taxonomie.yml, without a line
    with_line, whole_file = (re.compile(p["regexp"]) for p in _vscode_patterns())
    for lang in ("nl", "en"):
        assert main(["--root", str(minisite), "--lang", lang, "check"]) == 1
        report = [line for line in capsys.readouterr().out.splitlines() if line.strip()]
        problems = [line for line in report if not line.startswith((" ", "De site", "The site"))]
        assert len(problems) == 2, report
        found = []
        for line in problems:
            match = with_line.match(line) or whole_file.match(line)
            assert match, line
            found.append(match.group(1))
            assert (minisite / match.group(1)).exists()
        assert sorted(found) == ["data/taxonomie.yml", "docs/producten/testrapport.md"]
        status = next(m for m in map(with_line.match, problems) if m)
        assert status.group(2) == "8" and "klaar" in status.group(3)


@pytest.mark.parametrize(
    ("change", "value"),
    [("leernetwerk", "vissen"), ("type", "borrel"), ("date", "13 september"), ("plaats", "x")],
)
def test_activities_schema_rejects_bad_entries(change: str, value: object) -> None:
    document = read_yaml_file(REPO / "data/activiteiten.yml", REPO)
    data = json.loads(json.dumps(document.data))
    data["activities"][0][change] = value
    errors = list(validator("activiteiten.schema.json").iter_errors(data))
    assert errors, f"{change}={value!r} accepted"


def test_news_schema_knows_the_products_and_leernetwerken() -> None:
    schema = json.loads((SCHEMAS / "nieuws.schema.json").read_text(encoding="utf-8"))
    assert "de-kracht-van-het-gewone" in schema["properties"]["products"]["items"]["enum"]
    assert "normaliseren" in schema["properties"]["leernetwerken"]["items"]["enum"]
