from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "bounceback.accounts"
    label = "accounts"
    verbose_name = "People and sign-in"

    def ready(self) -> None:
        # django-otp's admin shows each authenticator's secret and its QR code: whoever
        # saw it could make a coach's codes. Staff reset an authenticator from Accounts.
        from django.contrib import admin
        from django_otp.plugins.otp_totp.models import TOTPDevice

        if admin.site.is_registered(TOTPDevice):
            admin.site.unregister(TOTPDevice)
