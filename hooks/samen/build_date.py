"""The date a build splits past from upcoming activities by, read in one place.

A static site is correct on the day it was built: the agenda says so ("bijgewerkt op").
``SAMEN_BUILD_DATE`` (``YYYY-MM-DD``) fixes the date, for tests and for rebuilding an old
state; otherwise ``SOURCE_DATE_EPOCH`` (reproducible builds) is used; otherwise today in
the Netherlands.
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

from samen.problems import ContentError, Problem

TIMEZONE = ZoneInfo("Europe/Amsterdam")


def _bad(variable: str, value: str, expected_nl: str, expected_en: str, example: str):
    return ContentError(
        [
            Problem(
                f"omgevingsvariabele / environment variable {variable}",
                None,
                None,
                f"'{value}' is geen bruikbare bouwdatum.",
                f"'{value}' is not a usable build date.",
                expected_nl,
                expected_en,
                f"{variable}={example}",
            )
        ]
    )


def build_date(environ: dict[str, str] | None = None) -> dt.date:
    """The build date; an unreadable setting raises ``ContentError`` (a report, no traceback)."""
    env = os.environ if environ is None else environ
    fixed = env.get("SAMEN_BUILD_DATE", "").strip()
    if fixed:
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            raise _bad(
                "SAMEN_BUILD_DATE", fixed, "een datum JJJJ-MM-DD", "a date YYYY-MM-DD", "2025-06-15"
            ) from None
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), TIMEZONE).date()
        except (ValueError, OverflowError, OSError):
            raise _bad(
                "SOURCE_DATE_EPOCH",
                epoch,
                "seconden sinds 1970 (een geheel getal)",
                "seconds since 1970 (a whole number)",
                "1735687800",
            ) from None
    return dt.datetime.now(TIMEZONE).date()
