"""Test settings: the real ones, with a throw-away data folder (never the person's own)."""

from __future__ import annotations

import os
import tempfile

os.environ["BOUNCEBACK_HOME"] = tempfile.mkdtemp(prefix="bounceback-test-")
os.environ.setdefault("BOUNCEBACK_SECRET_KEY", "tests-only-not-secret")
# One person by default, even on PostgreSQL (DATABASE_URL): hosted tests switch it on.
os.environ.setdefault("BOUNCEBACK_HOSTED", "0")

from bounceback.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
