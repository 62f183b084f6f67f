from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "bounceback.contacts"
    label = "contacts"
    verbose_name = "Keeping in touch"
