"""WSGI entry point, used by ``bounceback serve``."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bounceback.settings")
application = get_wsgi_application()
