from django.apps import AppConfig


class WeeklyConfig(AppConfig):
    name = "bounceback.weekly"
    label = "weekly"
    verbose_name = "Weekly targets and look-back"
