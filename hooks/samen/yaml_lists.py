"""Append an entry to a list in a data file as text, so editors' comments and layout stay.

Used by ``samen new partner`` and ``samen new event``. Rewriting the file through a YAML
library would drop its comments; appending text is only safe at the end of the file, so the
list must be the file's last top-level key. The new text takes the indentation of the items
already there, and the result is parsed before it is written: a file is never left broken.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from samen.sources import parse_yaml, read_yaml_file

_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*):", re.M)


def _item_indent(content: str, list_key: str) -> str:
    """The indentation of the list's items ("  " when it has none yet)."""
    after_key = content[content.rindex(f"\n{list_key}:") if f"\n{list_key}:" in content else 0 :]
    first_item = re.search(r"^([ \t]*)- ", after_key, re.M)
    return first_item.group(1) if first_item else "  "


def append_entry(path: Path, root: Path, list_key: str, entry: dict) -> str | None:
    """Append ``entry`` (with an ``id``) to the top-level list ``list_key`` of ``path``.

    Returns None when it is written, otherwise why not: ``"broken"`` (the file has a problem
    already), ``"id_used"`` (an entry has that id), ``"not_last"`` (the list is not the last
    key of the file, so appended text would land elsewhere) or ``"layout"`` (appending would
    not give a valid file with one more item; the file is left as it was).
    """
    document = read_yaml_file(path, root)
    if document.problems or not isinstance(document.data, dict):
        return "broken"
    before = document.data.get(list_key) or []
    if entry["id"] in {e.get("id") for e in before if isinstance(e, dict)}:
        return "id_used"
    content = path.read_text(encoding="utf-8")
    keys = _TOP_LEVEL_KEY.findall(content)
    if not keys or keys[-1] != list_key:
        return "not_last"
    # "activities: []", with or without a comment after it, becomes "activities:" + the item.
    content = re.sub(
        rf"^{re.escape(list_key)}:[ \t]*\[\][ \t]*(#.*)?$",
        lambda m: f"{list_key}:" + (f"  {m.group(1)}" if m.group(1) else ""),
        content,
        flags=re.M,
    )
    indent = _item_indent(content, list_key)
    block = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=100)
    indented = "".join(f"{indent}{line}" for line in block.splitlines(keepends=True))
    separator = "" if content.endswith("\n") else "\n"
    new_content = content + separator + indented
    # Read back as the build reads it (dates stay text, as in ``entry``).
    result = parse_yaml(new_content, document.path)
    after = result.data.get(list_key) if isinstance(result.data, dict) else None
    if result.problems or after != [*before, entry]:
        return "layout"
    path.write_text(new_content, encoding="utf-8")
    return None
