"""Passwords are stored with Argon2id at OWASP's cost; one stored the old way still works."""

from __future__ import annotations

from django.contrib.auth.hashers import check_password, identify_hasher, make_password
from django.test import override_settings

from bounceback.accounts.hashers import Argon2idOwasp
from bounceback.settings import PASSWORD_HASHERS

REAL = override_settings(PASSWORD_HASHERS=PASSWORD_HASHERS)  # the suite uses a fast one


@REAL
def test_a_new_password_is_stored_with_argon2id_at_owasps_cost() -> None:
    stored = make_password("green-kettle-morning-42")
    assert stored.startswith("argon2$argon2id$")
    assert "m=19456,t=2,p=1" in stored
    assert isinstance(identify_hasher(stored), Argon2idOwasp)


@REAL
def test_a_password_stored_with_djangos_default_still_signs_in() -> None:
    old = make_password("green-kettle-morning-42", hasher="pbkdf2_sha256")
    assert check_password("green-kettle-morning-42", old)
