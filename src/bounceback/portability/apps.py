from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    name = "bounceback.portability"
    verbose_name = "Export and restore"

    def ready(self) -> None:
        # "Your data" on Settings: accounts owns the page, this app the zip.
        from bounceback.accounts import sections
        from bounceback.portability.views import settings_section

        sections.add(settings_section)
