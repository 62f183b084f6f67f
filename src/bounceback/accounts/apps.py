from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "bounceback.accounts"
    label = "accounts"
    verbose_name = "People and sign-in"
