from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "bounceback.applications"
    label = "applications"
    verbose_name = "Applications"

    def ready(self) -> None:
        from django.db.models.signals import pre_save

        from bounceback.limits import before_save

        # Every model's text checked before any save (see limits.py), whichever app saves it.
        pre_save.connect(before_save, dispatch_uid="bounceback-text-limits")
