"""Bringing in the spreadsheet a person kept before bounceback (``bounceback import-csv``).

The parts, in the order an import runs:

- ``reading``: bytes to a table of text (encoding, delimiter, blank lines, formulas), and
  every way a file can be wrong, refused in one plain sentence.
- ``dates`` and ``statuses``: a cell to a day, or to how far the application got and how
  it ended; words for both live in ``data/statuses.toml``.
- ``columns``: which column holds what, from a tracker's preset, the person's own
  ``--map``, or a fuzzy guess from the headers.
- ``plan``: what an import would make, row by row: to create, duplicate (of which
  application) or skipped (and why). Nothing is saved here: it is the preview.
- ``importing``: the plan carried out through the applications and recovery services,
  all in one transaction.

The web pages (``views``) and the CLI (``cli/spreadsheet.py``) are thin doors onto these.
"""
