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

TIMEZONE = ZoneInfo("Europe/Amsterdam")


def build_date(environ: dict[str, str] | None = None) -> dt.date:
    env = os.environ if environ is None else environ
    fixed = env.get("SAMEN_BUILD_DATE", "").strip()
    if fixed:
        return dt.date.fromisoformat(fixed)
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), TIMEZONE).date()
    return dt.datetime.now(TIMEZONE).date()
