"""docs/export-format.md describes every kind and field the export writes, as the code has them."""

from __future__ import annotations

from pathlib import Path

from bounceback.portability.describe import with_kinds
from bounceback.portability.export import FORMAT_VERSION
from bounceback.portability.kinds import kinds

DOC = Path(__file__).resolve().parent.parent / "docs" / "export-format.md"


def test_the_documented_kinds_and_fields_are_the_exported_ones() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert text == with_kinds(text), (
        "The export's kinds or fields changed: run `uv run python scripts/export_format_doc.py`, "
        "and raise FORMAT_VERSION in portability/export.py if a field was renamed or removed."
    )


def test_the_document_names_the_current_version_and_every_kind() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert f'"version": {FORMAT_VERSION},' in text
    for kind in kinds():
        assert f"### `{kind.label}`" in text
