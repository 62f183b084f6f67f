from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "bounceback.applications"
    label = "applications"
    verbose_name = "Applications"
