"""A Content-Security-Policy for a page, as a ``<meta>`` tag (static hosts may set no headers).

Scripts may come only from the site itself, plus the exact inline scripts Material
writes into each page, allowed by their SHA-256 hashes, so an injected ``<script>``
would not run even if escaping ever failed. No inline styles, no objects, no frames.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/json\")[^>]*>(.*?)</script>", re.S
)
_CHARSET = '<meta charset="utf-8">'


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions for every executable inline script in the page."""
    hashes = []
    for body in _INLINE_SCRIPT.findall(html):
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(html: str) -> str:
    scripts = " ".join(["'self'", *inline_script_hashes(html)])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
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


def with_policy(html: str) -> str:
    """The page with its policy as the first element after the charset declaration."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    if _CHARSET not in html:
        raise ValueError("page has no <meta charset>; cannot place the Content-Security-Policy")
    return html.replace(_CHARSET, f"{_CHARSET}\n  {meta}", 1)
