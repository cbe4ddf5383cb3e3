"""samen.template_cache: compiled templates are reused only under the same settings."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from samen.template_cache import keep_compiled_templates

TEMPLATE = "{% if true %}\n  <b>{{ value }}</b>\n{% endif %}\n"


def _environment(folder: Path, **settings: object) -> Environment:
    env = Environment(loader=FileSystemLoader(folder), **settings)
    keep_compiled_templates(env)
    return env


def test_other_settings_never_get_code_compiled_under_other_ones(tmp_path: Path) -> None:
    (tmp_path / "t.html").write_text(TEMPLATE, encoding="utf-8")
    plain = _environment(tmp_path)
    trimmed = _environment(tmp_path, trim_blocks=True, lstrip_blocks=True)
    escaping = _environment(tmp_path, autoescape=True)
    keys = {e.bytecode_cache.get_cache_key("t.html", "f") for e in (plain, trimmed, escaping)}
    assert len(keys) == 3
    assert plain.bytecode_cache.get_cache_key("t.html", "f") == _environment(
        tmp_path
    ).bytecode_cache.get_cache_key("t.html", "f")
    # Each renders as without a cache, in this process and in fresh environments after it.
    for _ in range(2):
        assert _environment(tmp_path).get_template("t.html").render(value="<x>") == (
            "\n  <b><x></b>\n"
        )
        assert (
            _environment(tmp_path, trim_blocks=True, lstrip_blocks=True)
            .get_template("t.html")
            .render(value="<x>")
            == "  <b><x></b>\n"
        )
        assert _environment(tmp_path, autoescape=True).get_template("t.html").render(
            value="<x>"
        ) == ("\n  <b>&lt;x&gt;</b>\n")
