"""Django settings for bounceback. Everything that varies comes from the environment via ``conf``."""

from __future__ import annotations

import os
from pathlib import Path

import django_stubs_ext

from bounceback import conf
from bounceback.safekeeping.permissions import private_data_folder

# Lets the admin and model forms name their model (ModelAdmin[Profile]) at run time, as
# mypy --strict asks them to; Django's own classes do not support subscripting.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent
ENV = os.environ

HOME = conf.data_dir(ENV)
# 700, and its files 600: journal notes and mail are nobody else's on a shared computer.
private_data_folder(HOME)

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
    "bounceback.coaching",
    "bounceback.portability",
    "bounceback.safekeeping",
    "bounceback.spreadsheets",
    # Hosted mode: sign-in throttling, a second factor, and a task queue in the database.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "bounceback.http.DropNulCharacters",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "bounceback.accounts.middleware.ProfilesPerRequest",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "bounceback.accounts.middleware.RequireSecondFactor",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
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
TIME_ZONE = conf.time_zone(ENV)
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

# Content-Security-Policy on every response: the templates have no inline script, style or
# event handler, so only our own files run. Should any e-mail text ever slip through the
# sanitiser, it still could not run script, load a tracker, post a form elsewhere or frame us.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
    }
}

# Journal and e-mail text must never reach a log: keep Django's default handlers
# (which log request paths, not bodies) and add nothing that records POST data.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "redact_secrets": {"()": "bounceback.redact.RedactSecrets"},
        "without_traceback": {"()": "bounceback.redact.WithoutTraceback"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_secrets"]},
        "one_line": {
            "class": "logging.StreamHandler",
            "filters": ["redact_secrets", "without_traceback"],
        },
    },
    "loggers": {
        "django": {"handlers": ["console"], "level": "WARNING"},
        # A request with a wrong Host header is one line, not a traceback per request.
        "django.security.DisallowedHost": {
            "handlers": ["one_line"],
            "level": "WARNING",
            "propagate": False,
        },
        # Each failed sign-in would be a line with the name tried; lockouts are in the admin.
        "axes": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}


# --- Hosted mode (a career centre), HTTPS and accounts -----------------------------------
# Everything here is off or unchanged for one person on their own computer.

BOUNCEBACK_HOSTED = conf.hosted(ENV)

# BOUNCEBACK_HTTPS=1 behind a TLS proxy: secure cookies, HSTS, the proxy's header, and
# trusted origins made from ALLOWED_HOSTS (an explicit list above still adds to them).
_https = conf.https_settings(ENV, ALLOWED_HOSTS)
_https["CSRF_TRUSTED_ORIGINS"] = CSRF_TRUSTED_ORIGINS + _https.get("CSRF_TRUSTED_ORIGINS", [])
globals().update(_https)
# Behind a proxy the client's address is the last one the proxy added to X-Forwarded-For;
# sign-in throttling per address needs it (else everyone shares the proxy's address).
BOUNCEBACK_BEHIND_PROXY = conf.env_bool(ENV, "BOUNCEBACK_BEHIND_PROXY", default=bool(_https))

_idle = conf.session_idle_seconds(ENV, hosted=BOUNCEBACK_HOSTED)
if _idle is not None:
    # The cookie's age restarts with every request, so a session ends after this much idle.
    SESSION_COOKIE_AGE = _idle
    SESSION_SAVE_EVERY_REQUEST = True

globals().update(conf.email_settings(ENV))

# People connect their own mailbox from the web only when the centre has set a key to lock
# their app passwords with (docs/hosting.md); the first key locks, every key opens.
BOUNCEBACK_MAIL_KEYS = conf.mail_keys(ENV)
# A certificate (PEM) to trust beside the system's, for a centre's own mail server.
BOUNCEBACK_IMAP_CAFILE = ENV.get("BOUNCEBACK_IMAP_CAFILE", "").strip()
# Mail servers on private or loopback addresses are refused unless the centre allows them:
# otherwise anyone signed in could make the server probe the centre's own network.
BOUNCEBACK_IMAP_PRIVATE_HOSTS = conf.env_bool(ENV, "BOUNCEBACK_IMAP_PRIVATE_HOSTS")

AUTHENTICATION_BACKENDS = [
    # First, as django-axes requires: refuses any password while the account or address is
    # locked out, even the right one.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Argon2id at OWASP's recommended cost (see accounts/hashers.py); older hashes still verify.
PASSWORD_HASHERS = [
    "bounceback.accounts.hashers.Argon2idOwasp",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Throttling: per account and per address, a delay that grows with every failure (see
# accounts/throttle.py for the numbers). Attempts expire one by one, so one person's
# quiet sign-in never clears another's lockout.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = "bounceback.accounts.throttle.failure_limit"
AXES_COOLOFF_TIME = "bounceback.accounts.throttle.cool_off"
AXES_USE_ATTEMPT_EXPIRATION = True
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "bounceback.accounts.throttle.client_address"
AXES_USERNAME_CALLABLE = "bounceback.accounts.throttle.username_tried"
AXES_LOCKOUT_CALLABLE = "bounceback.accounts.views_password.locked_out"
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_DISABLE_ACCESS_LOG = True  # who signed in when is not ours to keep

# A second factor (TOTP) for staff and coaches; the issuer names the app in authenticator apps.
OTP_TOTP_ISSUER = "bounceback"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # the admin never shows an authenticator's secret
PASSWORD_RESET_TIMEOUT = 3 * 24 * 60 * 60  # invitations and reset links last three days

# Long work (mail sync for many people, reminder e-mails) runs in `bounceback worker`
# processes that read their queue from the shared database; on one computer it runs at once.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if BOUNCEBACK_HOSTED
            else "django_tasks.backends.immediate.ImmediateBackend"
        ),
    }
}
