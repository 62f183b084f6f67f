from django.apps import AppConfig


class MailboxConfig(AppConfig):
    name = "bounceback.mailbox"
    label = "mailbox"
    verbose_name = "Mailbox import"

    def ready(self) -> None:
        # "Your mailbox" on Settings (hosted): accounts owns the page, this app the box.
        from bounceback.accounts import sections
        from bounceback.mailbox.views_connection import settings_section

        sections.add(settings_section)
