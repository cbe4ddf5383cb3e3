"""Turning schema errors into problems an editor can act on."""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from samen.problems import Problem
from samen.sources import YamlDocument

ModelT = TypeVar("ModelT", bound=BaseModel)

# What each kind of schema error means, in words for editors: (Dutch, English).
_MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("dit verplichte veld ontbreekt.", "this required field is missing."),
    "extra_forbidden": (
        "dit veld bestaat niet (tikfout?).",
        "this field does not exist (a typo?).",
    ),
    "string_type": ("hier hoort tekst.", "text is expected here."),
    "list_type": ("hier hoort een lijst.", "a list is expected here."),
    "dict_type": ("hier horen velden (regels 'veld: waarde').", "fields are expected here."),
    "model_type": ("hier horen velden (regels 'veld: waarde').", "fields are expected here."),
    "model_attributes_type": ("hier horen velden.", "fields are expected here."),
    "int_type": ("hier hoort een heel getal.", "a whole number is expected here."),
    "int_parsing": ("hier hoort een heel getal.", "a whole number is expected here."),
    "int_from_float": ("hier hoort een heel getal.", "a whole number is expected here."),
    "float_type": ("hier hoort een getal.", "a number is expected here."),
    "float_parsing": ("hier hoort een getal.", "a number is expected here."),
    "bool_type": ("hier hoort true of false.", "true or false is expected here."),
    "literal_error": ("deze waarde is niet toegestaan.", "this value is not allowed."),
    "string_pattern_mismatch": (
        "deze waarde heeft niet de juiste vorm.",
        "this value does not have the right form.",
    ),
    "string_too_short": ("dit veld mag niet leeg zijn.", "this field must not be empty."),
    "string_too_long": ("deze tekst is te lang.", "this text is too long."),
    "too_short": ("deze lijst mag niet leeg zijn.", "this list must not be empty."),
    "greater_than": ("dit getal is te klein.", "this number is too small."),
    "greater_than_equal": ("dit getal is te klein.", "this number is too small."),
    "less_than_equal": ("dit getal is te groot.", "this number is too large."),
    "samen_date": (
        "dit is geen geldige datum.",
        "this is not a valid date.",
    ),
    "samen_url": ("dit is geen geldig webadres.", "this is not a valid web address."),
    "samen_season_without_year": (
        "een seizoen ('season') kan alleen samen met een jaar ('year').",
        "a season needs a year ('year') as well.",
    ),
    "samen_year_mismatch": (
        "het jaar ('year') verschilt van het jaar in de datum ('date').",
        "the year ('year') differs from the year of the date ('date').",
    ),
    "samen_meeting_without_leernetwerk": (
        "een bijeenkomst van dit type hoort bij een leernetwerk: vul 'leernetwerk' in.",
        "a meeting of this type belongs to a leernetwerk: fill in 'leernetwerk'.",
    ),
}

_EXPECTED: dict[str, tuple[str, str]] = {
    "samen_date": ("een datum als JJJJ-MM-DD", "a date as YYYY-MM-DD"),
    "samen_url": ("een adres dat begint met https://", "an address starting with https://"),
    "string_type": ("tekst", "text"),
    "list_type": ("een lijst, bijvoorbeeld [a, b]", "a list, for example [a, b]"),
    "string_too_short": ("ten minste één teken", "at least one character"),
    "too_short": ("ten minste één waarde", "at least one value"),
}


def field_path(loc: Sequence[str | int]) -> str:
    """``("links", 0, "url")`` -> ``links[0].url``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types behind Optional, Annotated and list annotations."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    if origin in (list, dict):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def example_for(model: type[BaseModel], loc: Sequence[str | int]) -> str | None:
    """The example declared on the field at ``loc``, as a line of YAML."""
    current: type[BaseModel] | None = model
    name: str | None = None
    info = None
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part)
        if info is None:
            return None
        name = part
        nested = [t for t in _unwrap(info.annotation) if isinstance(t, type)]
        current = next((t for t in nested if issubclass(t, BaseModel)), None)
    if info is None or not info.examples or name is None:
        return None
    value = info.examples[0]
    if isinstance(value, list):
        return f"{name}: [{', '.join(str(v) for v in value)}]"
    if isinstance(value, dict):
        return f"{name}: " + ", ".join(f"{k}: {v}" for k, v in value.items())
    return f"{name}: {value}"


def problems_from_error(
    error: ValidationError, model: type[BaseModel], document: YamlDocument
) -> list[Problem]:
    """One problem per schema error, with line, field, expected value and example."""
    problems = []
    for detail in error.errors(include_url=False):
        problems.append(_problem(detail, model, document))
    return problems


# Checks across fields run on the whole model, so pydantic reports them without a location;
# point the editor to the field that has to change.
_FIELD_OF_MODEL_CHECK: dict[str, str] = {
    "samen_season_without_year": "season",
    "samen_year_mismatch": "year",
    "samen_meeting_without_leernetwerk": "leernetwerk",
}


def _problem(detail: ErrorDetails, model: type[BaseModel], document: YamlDocument) -> Problem:
    loc = [part for part in detail["loc"] if part not in ("function-after",)]
    kind = detail["type"]
    if kind in _FIELD_OF_MODEL_CHECK and (not loc or isinstance(loc[-1], int)):
        loc = [*loc, _FIELD_OF_MODEL_CHECK[kind]]
    nl, en = _MESSAGES.get(kind, ("deze waarde is ongeldig.", f"invalid value ({detail['msg']})."))
    expected_nl, expected_en = _EXPECTED.get(kind, (None, None))
    ctx = detail.get("ctx") or {}
    if kind == "literal_error":
        # pydantic joins the last two choices with an English "or".
        choices_nl = str(ctx.get("expected", "")).replace("' or '", "' of '")
        expected_nl = f"een van: {choices_nl}"
        expected_en = f"one of: {ctx.get('expected', '')}"
    elif kind == "extra_forbidden":
        owner = _model_at(model, loc[:-1])
        allowed = ", ".join(owner.model_fields) if owner else ""
        expected_nl, expected_en = f"een van de velden: {allowed}", f"one of the fields: {allowed}"
    elif kind == "string_too_long":
        limit = ctx.get("max_length")
        expected_nl, expected_en = f"hoogstens {limit} tekens", f"at most {limit} characters"
    elif kind == "string_pattern_mismatch" and "a-z0-9" in str(ctx.get("pattern", "")):
        expected_nl = "kleine letters, cijfers en koppeltekens (geen spaties of accenten)"
        expected_en = "lower-case letters, digits and hyphens (no spaces or accents)"
    value = detail.get("input")
    if kind not in ("missing", "extra_forbidden") and isinstance(value, str | int | float):
        nl = f"{nl[:-1]}: '{value}'."
        en = f"{en[:-1]}: '{value}'."
    field = field_path(loc) or None
    example = None if kind == "extra_forbidden" else example_for(model, loc)
    return Problem(
        document.path,
        document.line_of(loc),
        field,
        nl,
        en,
        expected_nl,
        expected_en,
        example,
    )


def _model_at(model: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part)
        if info is None:
            return None
        nested = [t for t in _unwrap(info.annotation) if isinstance(t, type)]
        current = next((t for t in nested if issubclass(t, BaseModel)), None)
    return current


def validate_document(
    model: type[ModelT], document: YamlDocument
) -> tuple[ModelT | None, list[Problem]]:
    """Validate parsed YAML against a schema; never raises for bad content."""
    if document.problems:
        return None, list(document.problems)
    try:
        return model.model_validate(document.data), []
    except ValidationError as error:
        return None, problems_from_error(error, model, document)


# Dutch adjectives lose their -e before a neuter ("het") noun: "onbekend thema", "onbekende regio".
_NEUTER_NOUNS = frozenset({"leernetwerk", "thema", "type"})


def unknown_reference(
    document: YamlDocument,
    loc: Sequence[str | int],
    value: str,
    what_nl: str,
    what_en: str,
    allowed: Sequence[str],
    example: str,
) -> Problem:
    """A value that should name something defined elsewhere but does not."""
    choices = ", ".join(allowed)
    adjective = "onbekend" if what_nl in _NEUTER_NOUNS else "onbekende"
    return Problem(
        document.path,
        document.line_of(loc),
        field_path(loc),
        f"{adjective} {what_nl}: '{value}'.",
        f"unknown {what_en}: '{value}'.",
        f"een van: {choices}",
        f"one of: {choices}",
        example,
    )
