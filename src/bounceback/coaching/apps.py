from django.apps import AppConfig


class CoachingConfig(AppConfig):
    name = "bounceback.coaching"
    label = "coaching"
    verbose_name = "Sharing with a coach"
