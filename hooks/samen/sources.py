"""Reading YAML data files and Markdown front matter, keeping line numbers.

PyYAML's C loader does the parsing (the pure-Python loader is several times slower);
we keep the composed node tree so that a later problem in any field can be traced
back to its line. Three choices differ from a plain ``yaml.safe_load``:

- dates stay strings, so the schema can say "not a date" for ``2023-13-45`` with a
  line number, instead of the YAML constructor crashing;
- a key that appears twice in one mapping is a problem (PyYAML silently keeps the last);
- broken front matter is a problem (MkDocs silently treats it as page text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from samen.problems import Problem

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class _LineLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """Safe loader that leaves dates as text for the schema to parse."""


_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class YamlDocument:
    """Parsed YAML with the node tree that says where each value stands."""

    path: str
    data: Any
    node: yaml.Node | None
    line_offset: int = 0
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, loc: Sequence[str | int]) -> int | None:
        """Line of the value at ``loc`` (or of the nearest existing parent)."""
        node = self.node
        if node is None:
            return None
        line = node.start_mark.line + 1
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            key_node, node = child
            line = (key_node or node).start_mark.line + 1
        return line + self.line_offset


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if getattr(key_node, "value", None) == str(part):
                return key_node, value_node
    elif (
        isinstance(node, yaml.SequenceNode)
        and isinstance(part, int)
        and 0 <= part < len(node.value)
    ):
        return None, node.value[part]
    return None


def _duplicate_keys(node: yaml.Node | None, path: str, line_offset: int) -> list[Problem]:
    problems: list[Problem] = []
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, value_node in current.value:
                key = getattr(key_node, "value", None)
                line = key_node.start_mark.line + 1 + line_offset
                if isinstance(key, str) and key in seen:
                    problems.append(
                        Problem(
                            path,
                            line,
                            key,
                            f"het veld '{key}' staat twee keer in hetzelfde blok "
                            f"(eerder op regel {seen[key]}); de tweede waarde zou de eerste "
                            "stilletjes vervangen.",
                            f"the field '{key}' appears twice in the same block "
                            f"(first on line {seen[key]}); the second would silently replace "
                            "the first.",
                            "elk veld één keer per blok",
                            "every field once per block",
                        )
                    )
                else:
                    seen.setdefault(key, line)
                stack.append(value_node)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return problems


def parse_yaml(text: str, path: str, line_offset: int = 0) -> YamlDocument:
    """Parse one YAML document; syntax errors become problems, never exceptions."""
    loader = _LineLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        # Where the broken construct began (an unclosed bracket or quote) is where the
        # editor has to look; the parser only notices later.
        mark = error.context_mark or error.problem_mark
        line = mark.line + 1 + line_offset if mark else None
        detail = error.problem or "onbekende fout"
        return YamlDocument(
            path,
            None,
            None,
            line_offset,
            [
                Problem(
                    path,
                    line,
                    None,
                    f"dit is geen geldige YAML ({detail}). Let op dubbele punten, "
                    "inspringing en aanhalingstekens.",
                    f"this is not valid YAML ({detail}). Check colons, indentation and quotes.",
                    "veld: waarde, met spaties (geen tabs) voor inspringing; tekst met een "
                    "dubbele punt tussen aanhalingstekens",
                    "field: value, indented with spaces (no tabs); text containing a colon "
                    "in quotes",
                    'title: "Jeugd: samen leren"',
                )
            ],
        )
    except yaml.YAMLError as error:  # pragma: no cover - unmarked errors are rare
        return YamlDocument(
            path,
            None,
            None,
            line_offset,
            [Problem(path, None, None, f"ongeldige YAML: {error}", f"invalid YAML: {error}")],
        )
    finally:
        loader.dispose()
    return YamlDocument(path, data, node, line_offset, _duplicate_keys(node, path, line_offset))


def read_yaml_file(path: Path, root: Path) -> YamlDocument:
    """Parse a YAML data file; the path in problems is relative to ``root``."""
    relative = path.relative_to(root).as_posix()
    return parse_yaml(path.read_text(encoding="utf-8-sig"), relative)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass
class MarkdownSource:
    """A Markdown page split into its front matter and body."""

    path: str
    front_matter: YamlDocument
    body: str
    body_line: int  # line number of the body's first line in the file


def read_markdown(text: str, path: str) -> MarkdownSource:
    """Split front matter from the body, reporting what MkDocs would silently ignore."""
    text = text.lstrip("\ufeff")
    match = _FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---"):
            problem = Problem(
                path,
                1,
                None,
                "het kopblok (front matter) wordt niet afgesloten: zet een regel met "
                "alleen '---' onder de laatste regel van het kopblok.",
                "the front matter block is not closed: put a line with only '---' below its "
                "last line.",
                "een kopblok tussen twee regels '---'",
                "a front matter block between two '---' lines",
                "---\ntitle: Over SAMEN\ndescription: Wie we zijn en wat we doen.\n---",
            )
        else:
            problem = Problem(
                path,
                1,
                None,
                "de pagina heeft geen kopblok (front matter) met ten minste 'title' en "
                "'description'.",
                "the page has no front matter block with at least 'title' and 'description'.",
                "een kopblok tussen twee regels '---' bovenaan de pagina",
                "a front matter block between two '---' lines at the top of the page",
                "---\ntitle: Over SAMEN\ndescription: Wie we zijn en wat we doen.\n---",
            )
        empty = YamlDocument(path, None, None, 0, [problem])
        return MarkdownSource(path, empty, text, 1)
    document = parse_yaml(match.group(1) or "", path, line_offset=1)
    if document.data is None and not document.problems:
        document.data = {}
    if not document.problems and not isinstance(document.data, dict):
        document.problems.append(
            Problem(
                path,
                2,
                None,
                "het kopblok moet bestaan uit regels 'veld: waarde'.",
                "the front matter must consist of 'field: value' lines.",
                example="title: Over SAMEN",
            )
        )
    return MarkdownSource(path, document, text[match.end() :], text.count("\n", 0, match.end()) + 1)
