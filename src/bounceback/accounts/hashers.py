"""How passwords are stored on a hosted bounceback: Argon2id at OWASP's recommended cost.

OWASP's Password Storage Cheat Sheet recommends Argon2id with at least 19 MiB of memory,
2 iterations and 1 degree of parallelism. Memory-hard hashing costs a guesser with a GPU
far more than it costs us: one sign-in takes a few tens of milliseconds of one core,
where Django's default (PBKDF2, a million rounds) takes half a second of CPU and held up
every other page at a centre's busy hour. Passwords stored the old way still work and
are re-hashed this way at the next sign-in (Django does that for any listed hasher).
"""

from __future__ import annotations

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idOwasp(Argon2PasswordHasher):
    algorithm = "argon2"  # the same prefix: Django reads the cost from each stored hash
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
