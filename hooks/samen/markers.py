"""The markers editors may put in a page, and where each may stand."""

from __future__ import annotations

import re

MARKER = re.compile(r"<!--\s*samen:([a-z0-9-]+)\s*-->")

# marker name -> the page schema it needs ("any" or "leernetwerk")
MARKERS: dict[str, str] = {
    "catalogus": "any",
    "producten-per-thema": "any",
    "producten-per-type": "any",
    "leernetwerk-producten": "leernetwerk",
    "partners": "any",
    "regio-overzicht": "any",
    "tabel-1": "any",
    "tabel-1-grafiek": "any",
    "organogram": "any",
    "gremia": "any",
    "coordinatie": "any",
    "relaties": "any",
    "agenda": "any",
    "voortgang-bijeenkomsten": "any",
    "voortgang-agendas": "any",
    "nieuws": "any",
    "leernetwerk-activiteiten": "leernetwerk",
    "leernetwerk-indicatoren": "leernetwerk",
    "leernetwerk-nieuws": "leernetwerk",
    "liso-overzicht": "any",
    "liso-kernelementen": "any",
    "liso-tool": "any",
}


def markers_with_lines(body: str, first_line: int) -> list[tuple[str, int]]:
    """Every marker in a page body with its line number in the file."""
    return [
        (match.group(1), first_line + body.count("\n", 0, match.start()))
        for match in MARKER.finditer(body)
    ]
