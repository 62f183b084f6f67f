from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "bounceback.practice"
    label = "practice"
    verbose_name = "Practice deck"
