from django.apps import AppConfig


class ReapplyConfig(AppConfig):
    name = "bounceback.reapply"
    label = "reapply"
    verbose_name = "Reapplying"
