"""Commands for this area are added by the feature that needs them."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this area's commands to the `bounceback` app."""
