from django.apps import AppConfig


class RecoveryConfig(AppConfig):
    name = "bounceback.recovery"
    label = "recovery"
    verbose_name = "Recovering from a rejection"

    def ready(self) -> None:
        # The calendar box on Settings: accounts owns the page, recovery the calendar feed.
        from bounceback.accounts import sections
        from bounceback.recovery.views_calendar import settings_section

        sections.add(settings_section)
