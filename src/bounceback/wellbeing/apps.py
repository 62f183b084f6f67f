from django.apps import AppConfig


class WellbeingConfig(AppConfig):
    name = "bounceback.wellbeing"
    label = "wellbeing"
    verbose_name = "Wellbeing"
