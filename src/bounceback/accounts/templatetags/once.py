"""``{% once_field %}``: the hidden one-time token of a form that creates something."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from bounceback.accounts.once import FIELD, new_token

register = template.Library()


@register.simple_tag
def once_field(token: str | None = "") -> SafeString:
    """The form's token: the one given (a flow carrying it along, a form shown again with its
    errors), else a new one."""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, token or new_token())
