"""``samen new partner``: add an organisation to ``data/partners.yml`` without breaking the file.

The new entry is appended as text at the end of the ``organisations:`` list, so the
comments and layout editors keep in that file stay as they are. It holds only the
required fields; everything else the source says is added by hand (templates/partner.yml).
"""

from __future__ import annotations

from pathlib import Path
from typing import get_args

from samen.schemas import Organisation
from samen.yaml_lists import append_entry

RELATIONS: tuple[str, ...] = get_args(Organisation.model_fields["relation"].annotation)

TEXT = {
    "nl": {
        "no_file": "data/partners.yml bestaat niet.",
        "broken": "data/partners.yml heeft nu al een fout; herstel die eerst (samen check).",
        "not_last": "In data/partners.yml staat 'organisations:' niet als laatste lijst; voeg de "
        "organisatie met de hand toe (templates/partner.yml).",
        "id_used": "De id '{id}' bestaat al in data/partners.yml. Geef een andere id met --id.",
        "layout": "data/partners.yml is zo opgemaakt dat toevoegen het bestand zou breken; er is "
        "niets veranderd. Voeg de organisatie met de hand toe (templates/partner.yml).",
        "bad_id": "Van '{name}' valt geen id te maken; geef er een met --id.",
        "added": "Toegevoegd aan data/partners.yml: '{name}' (id: {id}).",
        "next": "Vul aan wat de bron zegt (group, regions, description, roles; zie "
        "templates/partner.yml) en controleer met: samen check",
    },
    "en": {
        "no_file": "data/partners.yml does not exist.",
        "broken": "data/partners.yml already has an error; fix that first (samen check).",
        "not_last": "In data/partners.yml 'organisations:' is not the last list; add the "
        "organisation by hand (templates/partner.yml).",
        "id_used": "The id '{id}' already exists in data/partners.yml. Give another with --id.",
        "layout": "data/partners.yml is laid out so that appending would break it; nothing was "
        "changed. Add the organisation by hand (templates/partner.yml).",
        "bad_id": "No id can be made from '{name}'; give one with --id.",
        "added": "Added to data/partners.yml: '{name}' (id: {id}).",
        "next": "Add what the source says (group, regions, description, roles; see "
        "templates/partner.yml) and check with: samen check",
    },
}


def add_partner(
    root: Path, name: str, partner_id: str, relation: str, source: str, lang: str
) -> tuple[int, str]:
    """Append the organisation; returns the exit code and the message for the editor."""
    text = TEXT[lang]
    path = root / "data" / "partners.yml"
    if not path.is_file():
        return 1, text["no_file"]
    if not partner_id:
        return 1, text["bad_id"].format(name=name)
    entry = {"id": partner_id, "name": name, "relation": relation, "source": source}
    refused = append_entry(path, root, "organisations", entry)
    if refused:
        return 1, text[refused].format(id=partner_id)
    return 0, text["added"].format(name=name, id=partner_id) + "\n" + text["next"]
