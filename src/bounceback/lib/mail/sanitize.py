"""HTML from an e-mail, made safe to show inside the app.

An e-mail's HTML is written by a stranger. nh3 (the Rust ammonia sanitiser)
keeps formatting and links and drops everything else: scripts, styles, forms,
SVG and MathML (both carry script and CSS tricks), and images, because a
remote image is a tracking pixel that tells the sender the mail was read.
"""

from __future__ import annotations

import nh3

_TAGS = set(nh3.ALLOWED_TAGS) - {"img", "map", "area"}
_URL_SCHEMES = {"http", "https", "mailto"}


def safe_html(html: str) -> str:
    """Sanitised HTML: formatting and http/https/mailto links only; links open nothing of ours."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=_TAGS,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
