from django.apps import AppConfig


class RecoveryConfig(AppConfig):
    name = "bounceback.recovery"
    label = "recovery"
    verbose_name = "Recovering from a rejection"
