"""The Content-Security-Policy of every page, as a ``<meta>`` tag (static hosts may set no headers).

Scripts may come only from the site itself: Material's two inline scripts are served as
files (overrides/partials/javascripts/), so no inline script and no inline event handler
can run, even if escaping ever failed. No inline styles, no objects, no frames.
"""

from __future__ import annotations

POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
)
_CHARSET = '<meta charset="utf-8">'


def with_policy(html: str) -> str:
    """The page with its policy as the first element after the charset declaration."""
    if _CHARSET not in html:
        raise ValueError("page has no <meta charset>; cannot place the Content-Security-Policy")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
    return html.replace(_CHARSET, f"{_CHARSET}\n  {meta}", 1)
