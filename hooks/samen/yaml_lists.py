"""Append an entry to a list in a data file as text, so editors' comments and layout stay.

Used by ``samen new partner`` and ``samen new event``. Rewriting the file through a YAML
library would drop its comments; appending text is only safe at the end of the file, so the
list must be the file's last top-level key.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from samen.sources import read_yaml_file

_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*):", re.M)


def append_entry(path: Path, root: Path, list_key: str, entry: dict) -> str | None:
    """Append ``entry`` (with an ``id``) to the top-level list ``list_key`` of ``path``.

    Returns None when it is written, otherwise why not: ``"broken"`` (the file has a problem
    already), ``"id_used"`` (an entry has that id) or ``"not_last"`` (the list is not the
    last key of the file, so appended text would land elsewhere).
    """
    document = read_yaml_file(path, root)
    if document.problems or not isinstance(document.data, dict):
        return "broken"
    existing = {e.get("id") for e in document.data.get(list_key) or [] if isinstance(e, dict)}
    if entry["id"] in existing:
        return "id_used"
    content = path.read_text(encoding="utf-8")
    keys = _TOP_LEVEL_KEY.findall(content)
    if not keys or keys[-1] != list_key:
        return "not_last"
    # "activities: []" becomes "activities:" followed by the new item.
    content = re.sub(
        rf"^{re.escape(list_key)}:[ \t]*\[\][ \t]*$", f"{list_key}:", content, flags=re.M
    )
    block = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=100)
    indented = "".join(f"  {line}" for line in block.splitlines(keepends=True))
    separator = "" if content.endswith("\n") else "\n"
    path.write_text(content + separator + indented, encoding="utf-8")
    return None
