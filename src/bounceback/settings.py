"""Django settings for bounceback. Everything that varies comes from the environment via ``conf``."""

from __future__ import annotations

import os
from pathlib import Path

import django_stubs_ext

from bounceback import conf

# Lets the admin and model forms name their model (ModelAdmin[Profile]) at run time, as
# mypy --strict asks them to; Django's own classes do not support subscripting.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent
ENV = os.environ

HOME = conf.data_dir(ENV)
HOME.mkdir(parents=True, exist_ok=True)

SECRET_KEY = conf.secret_key(HOME, ENV)
DEBUG = conf.env_bool(ENV, "BOUNCEBACK_DEBUG")

# Loopback names only: a page on another site that rebinds its DNS to 127.0.0.1
# still sends its own Host header, which Django then refuses.
ALLOWED_HOSTS = conf.env_list(ENV, "BOUNCEBACK_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = conf.env_list(ENV, "BOUNCEBACK_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "bounceback.accounts",
    "bounceback.applications",
    "bounceback.recovery",
    "bounceback.mailbox",
    "bounceback.insights",
    "bounceback.wellbeing",
    "bounceback.goals",
    "bounceback.contacts",
    "bounceback.practice",
    "bounceback.reapply",
    "bounceback.weekly",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "bounceback.http.DropNulCharacters",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "bounceback.urls"
WSGI_APPLICATION = "bounceback.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "bounceback.accounts.context_processors.profile",
            ],
        },
    },
]

DATABASES = {"default": conf.database_config(ENV, HOME)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "dashboard"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = ENV.get("TZ", "UTC") or "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Plain storage: the app serves its own files from the package via whitenoise's
    # finders, so a fresh install works without a collectstatic step.
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 30
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Journal and e-mail text must never reach a log: keep Django's default handlers
# (which log request paths, not bodies) and add nothing that records POST data.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_secrets": {"()": "bounceback.redact.RedactSecrets"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_secrets"]},
    },
    "loggers": {"django": {"handlers": ["console"], "level": "WARNING"}},
}
