"""JSON Schemas of every data file and every kind of front matter, for editors' tools.

Generated from the same pydantic models the build validates with, with the controlled
values (themes, types, audiences, leernetwerken, regions, partner ids) filled in from
the data as enums, so that an editor gets autocompletion. ``samen schemas`` writes them to
``schemas/``; a test fails when the committed files are out of date.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from samen.schemas import (
    ActivitiesFile,
    AgendasFile,
    LeernetwerkPageMeta,
    LisoFile,
    NewsMeta,
    NewsTranslationMeta,
    OrganisationFile,
    PageMeta,
    PartnersFile,
    ProductMeta,
    ProductTranslationMeta,
    RegioFile,
    Taxonomy,
)
from samen.site_data import SiteData

SCHEMA_FILES: dict[str, type[BaseModel]] = {
    "taxonomie.schema.json": Taxonomy,
    "partners.schema.json": PartnersFile,
    "organisatie.schema.json": OrganisationFile,
    "regio.schema.json": RegioFile,
    "liso.schema.json": LisoFile,
    "pagina.schema.json": PageMeta,
    "leernetwerk-pagina.schema.json": LeernetwerkPageMeta,
    "product.schema.json": ProductMeta,
    "product-vertaling.schema.json": ProductTranslationMeta,
    "activiteiten.schema.json": ActivitiesFile,
    "agendas.schema.json": AgendasFile,
    "nieuws.schema.json": NewsMeta,
    "nieuws-vertaling.schema.json": NewsTranslationMeta,
}

# Which files each schema is for (VS Code's yaml.schemas; front matter is checked by `samen check`).
DATA_FILE_SCHEMAS = {
    "taxonomie.schema.json": "data/taxonomie.yml",
    "partners.schema.json": "data/partners.yml",
    "organisatie.schema.json": "data/organisatie.yml",
    "regio.schema.json": "data/regio.yml",
    "activiteiten.schema.json": "data/activiteiten.yml",
    "agendas.schema.json": "data/agendas.yml",
    "liso.schema.json": "data/liso.yml",
}


def _enums(site: SiteData) -> dict[str, list[str]]:
    taxonomy = site.taxonomy
    return {
        "type": [t.id for t in taxonomy.types],
        "themes": [t.id for t in taxonomy.themes],
        "audiences": [t.id for t in taxonomy.audiences],
        "leernetwerken": [t.id for t in taxonomy.leernetwerken],
        "leernetwerk": [t.id for t in taxonomy.leernetwerken],
        "organisations": [o.id for o in site.partners.organisations],
        "partner_groups": [g.id for g in site.partners.groups],
        "products": sorted(site.products),
    }


def _with_enums(schema: dict[str, Any], enums: dict[str, list[str]]) -> dict[str, Any]:
    properties = schema.get("properties", {})
    for name, values in enums.items():
        prop = properties.get(name)
        if prop is None:
            continue
        target = prop.get("items", prop) if prop.get("type") == "array" else prop
        # An optional value is "one of: a string, or nothing"; the enum goes on the string.
        for option in target.get("anyOf", []):
            if option.get("type") == "string":
                target = option
        target["enum"] = values
    return schema


# Models whose controlled values sit in a nested definition (a list of activities or items).
_NESTED_ENUMS = {"Activity": ("leernetwerk", "partner_groups"), "AgendaItem": ("leernetwerk",)}


def editor_schemas(site: SiteData) -> dict[str, str]:
    """File name -> JSON Schema text."""
    enums = _enums(site)
    result = {}
    for name, model in SCHEMA_FILES.items():
        schema = model.model_json_schema()
        if model in (ProductMeta, LeernetwerkPageMeta, NewsMeta):
            schema = _with_enums(schema, enums)
        for definition, names in _NESTED_ENUMS.items():
            if definition in schema.get("$defs", {}):
                wanted = {name: enums[name] for name in names}
                _with_enums(schema["$defs"][definition], wanted)
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        result[name] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return result


def vscode_settings() -> str:
    mapping = {f"./schemas/{schema}": target for schema, target in DATA_FILE_SCHEMAS.items()}
    return json.dumps({"yaml.schemas": mapping}, indent=2) + "\n"
