from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "bounceback.goals"
    label = "goals"
    verbose_name = "Goals and fit"
