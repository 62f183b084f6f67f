from django.apps import AppConfig


class MailboxConfig(AppConfig):
    name = "bounceback.mailbox"
    label = "mailbox"
    verbose_name = "Mailbox import"
