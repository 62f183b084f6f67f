from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "bounceback.insights"
    label = "insights"
    verbose_name = "Insights"
