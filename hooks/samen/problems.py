"""Problems found in content or data, told in plain Dutch and English for editors.

Every check in the data layer reports a ``Problem`` instead of raising at the first
error, so that an editor sees everything that is wrong at once: file, line, field,
what is wrong, what is expected and a valid example.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file, told in both languages."""

    file: str
    line: int | None
    field: str | None
    nl: str
    en: str
    expected_nl: str | None = None
    expected_en: str | None = None
    example: str | None = None

    def format(self, lang: str = "nl") -> str:
        """The problem as a short block of text in one language."""
        dutch = lang == "nl"
        place = self.file
        if self.line:
            place += f", {'regel' if dutch else 'line'} {self.line}"
        if self.field:
            place += f", {'veld' if dutch else 'field'} '{self.field}'"
        lines = [f"{place}: {self.nl if dutch else self.en}"]
        expected = self.expected_nl if dutch else self.expected_en
        if expected:
            lines.append(f"    {'Verwacht' if dutch else 'Expected'}: {expected}")
        if self.example:
            example = self.example.replace("\n", "\n        ")
            lines.append(f"    {'Voorbeeld' if dutch else 'Example'}: {example}")
        return "\n".join(lines)

    def sort_key(self) -> tuple[str, int, str]:
        return (self.file, self.line or 0, self.field or "")


class ContentError(Exception):
    """Raised when content or data is not valid; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__(self.report())

    def report(self, languages: tuple[str, ...] = ("nl", "en")) -> str:
        """All problems, first in Dutch, then in English."""
        count = len(self.problems)
        parts = []
        for lang in languages:
            if lang == "nl":
                found = "1 probleem" if count == 1 else f"{count} problemen"
                head = f"De site is niet gebouwd: {found} in de inhoud gevonden."
            else:
                found = "1 problem" if count == 1 else f"{count} problems"
                head = f"The site was not built: {found} found in the content."
            parts.append(head)
            parts.extend(problem.format(lang) for problem in self.problems)
            parts.append("")
        return "\n".join(parts).rstrip()
