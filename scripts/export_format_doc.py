"""Rewrite the table of kinds in docs/export-format.md from the models.

    uv run python scripts/export_format_doc.py

Run it after adding or changing a model that a person owns (tests/test_export_format.py
says when); then decide whether the change needs a new FORMAT_VERSION (the document says
when it does).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "export-format.md"


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bounceback.settings")
    import django

    django.setup()
    from bounceback.portability.describe import with_kinds

    text = DOC.read_text(encoding="utf-8")
    updated = with_kinds(text)
    if updated == text:
        print(f"{DOC.name} is up to date.")
        return 0
    DOC.write_text(updated, encoding="utf-8")
    print(f"Rewrote the kinds in {DOC.name}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
