"""Keeping the person's data safe: backups, upgrades that cannot lose it, forgetting it all.

``permissions`` needs no Django (settings calls it before Django starts); the rest does.
"""
