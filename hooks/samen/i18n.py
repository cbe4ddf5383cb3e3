"""Which language a build pass renders, read from mkdocs-static-i18n when it is active."""

from __future__ import annotations

from typing import Any

from samen.site_data import DEFAULT_LANGUAGE


def _plugin(config: Any) -> Any:
    return config.plugins.get("i18n") if hasattr(config, "plugins") else None


def current_language(config: Any) -> str:
    """The language being built now (``nl`` without the i18n plugin)."""
    plugin = _plugin(config)
    return getattr(plugin, "current_language", None) or DEFAULT_LANGUAGE


def is_later_language_pass(config: Any) -> bool:
    """True while the i18n plugin rebuilds the site for a second language."""
    return bool(getattr(_plugin(config), "building", False))
