from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_save


def _tag_feedback(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw:  # loading fixtures: the tags come with the data
        return
    from bounceback.insights.tagging import tag_feedback

    tag_feedback(instance)


def _tag_reflection(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    from bounceback.insights.tagging import tag_reflection

    tag_reflection(instance)


class InsightsConfig(AppConfig):
    name = "bounceback.insights"
    label = "insights"
    verbose_name = "Insights"

    def ready(self) -> None:
        # Tagging on save keeps the recovery flow unaware of insights.
        from bounceback.recovery.models import Feedback, Reflection

        post_save.connect(_tag_feedback, sender=Feedback, dispatch_uid="insights-tag-feedback")
        post_save.connect(
            _tag_reflection, sender=Reflection, dispatch_uid="insights-tag-reflection"
        )
