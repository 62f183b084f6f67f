"""{% theme_tags text %}: a text's suggested and confirmed themes, on the page that shows the text.

The reflection and feedback pages belong to recovery; this tag lets them show the themes
(and confirm them in one click) without recovery's views knowing about insights.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

from django import template

from bounceback.insights.tagging import item_of
from bounceback.lib.themes import skipped_questions
from bounceback.recovery.models import Feedback, Reflection

register = template.Library()


@register.inclusion_tag("insights/_tags.html", takes_context=True)
def theme_tags(context: Any, text: Feedback | Reflection | None, back: str = "") -> dict[str, Any]:
    """The tags block for one text; nothing for an empty answer or a "what went well" one."""
    if text is None or not text.pk:
        return {"item": None}
    if isinstance(text, Reflection) and (
        not text.answer.strip() or text.question_key in skipped_questions()
    ):
        return {"item": None}
    # htmx names the page as a whole URL (HX-Current-URL); the forms go back to its path.
    if back:
        parts = urlsplit(back)
        back = urlunsplit(("", "", parts.path, parts.query, parts.fragment))
    return {
        "item": item_of(text),
        "request": context.get("request"),
        "back": back,
        "csrf_token": context.get("csrf_token"),
    }
