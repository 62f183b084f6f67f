"""Senders in words on the mailbox pages, as the command line says them."""

from __future__ import annotations

from django import template

from bounceback.mailbox import services

register = template.Library()


@register.filter
def sender_in_words(key: str, name: str = "") -> str:
    """``{{ rule.sender|sender_in_words }}``: see ``services.sender_in_words``."""
    return services.sender_in_words(key, name)
