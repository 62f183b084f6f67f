"""A spreadsheet saved as CSV, read into rows of clean text (no Django in here).

Every way a file can be wrong ends here as one ``UserError`` saying what to do: not a
CSV, an encoding we can't read, empty, headings only, a row too long, NUL bytes.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from bounceback.errors import UserError

# Bigger than any tracker's export of one person's search, small enough to read at once.
MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
MAX_COLUMNS = 200
# One cell longer than this is not a note about a job: a broken quote or a pasted file.
MAX_CELL = 20_000

# The starts of files that are something else, saved under a .csv name by mistake.
_NOT_CSV = {
    b"PK\x03\x04": "an Excel workbook (.xlsx) or another zip file",
    b"\xd0\xcf\x11\xe0": "an old Excel workbook (.xls)",
    b"%PDF": "a PDF",
    b"\x89PNG": "a picture",
    b"\xff\xd8\xff": "a picture",
}
_SAVE_AS_CSV = (
    "In your spreadsheet, use File → Save as (or Download) → CSV, and bring in that file."
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HYPERLINK = re.compile(
    r'^=\s*HYPERLINK\(\s*"([^"]*)"\s*(?:[,;]\s*"([^"]*)"\s*)?\)\s*$', re.IGNORECASE
)
_QUOTED = re.compile(r'^=\s*"(.*)"\s*$')


@dataclass(frozen=True)
class Cell:
    """One cell's text, and for a HYPERLINK formula the address behind the words."""

    text: str
    link: str = ""
    formula: bool = False  # a formula we can't work out: its value is unknown


@dataclass(frozen=True)
class Row:
    number: int  # the line of the spreadsheet, counting the headings as 1
    cells: tuple[Cell, ...]

    def get(self, index: int) -> Cell:
        return self.cells[index] if index < len(self.cells) else Cell("")


@dataclass
class Sheet:
    headers: list[str]
    rows: list[Row]
    encoding: str = "utf-8"
    blank_lines: int = 0
    notes: list[str] = field(default_factory=list)


def clean_text(value: str) -> str:
    """Stray spaces and invisible control characters off; inner line breaks kept."""
    return _CONTROL.sub("", value.replace("\u00a0", " ")).strip()


def read_cell(raw: str) -> Cell:
    """A cell as typed, with the formulas people keep in trackers worked out where we can."""
    text = clean_text(raw)
    if not text.startswith("="):
        return Cell(text)
    link = _HYPERLINK.match(text)
    if link:
        address, words = link.group(1).strip(), (link.group(2) or "").strip()
        return Cell(words or address, link=address)
    quoted = _QUOTED.match(text)
    if quoted:  # ="00123": Excel's way of keeping text as it is
        return Cell(quoted.group(1).strip())
    return Cell("", formula=True)


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """The file's text, the encoding that read it, and a note when it wasn't UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode text": UTF-16, where every other byte is a NUL.
        try:
            return data.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise UserError(
            "This file has NUL bytes in it, so it isn't a plain CSV file. " + _SAVE_AS_CSV
        )
    try:
        return data.decode("utf-8-sig"), "utf-8", []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise UserError(
            "bounceback couldn't read the letters in this file (it is neither UTF-8 nor "
            "Windows text). Save it again as “CSV UTF-8” and bring in that file."
        ) from None
    return (
        text,
        "cp1252",
        [
            "The file isn't UTF-8, so it was read as Windows text (cp1252). "
            "Check that accented names look right below."
        ],
    )


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    sample = text[:20_000]
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        return csv.excel


def read_sheet(data: bytes) -> Sheet:
    """Read a CSV file's bytes into headings and rows, or refuse it in one plain sentence."""
    if len(data) > MAX_BYTES:
        raise UserError(
            f"This file is larger than {MAX_BYTES // (1024 * 1024)} MB, far more than a job "
            "search. Check it is the right file, or split it and bring in each part."
        )
    if not data.strip():
        raise UserError("This file is empty. Bring in the CSV file your spreadsheet saved.")
    for start, what in _NOT_CSV.items():
        if data.startswith(start):
            raise UserError(f"This file is {what}, not a CSV file. {_SAVE_AS_CSV}")
    text, encoding, notes = decode(data)
    if _CONTROL.sub("", text) != text and len(_CONTROL.findall(text)) > len(text) // 20:
        raise UserError(
            f"This file doesn't look like text, so it can't be a CSV file. {_SAVE_AS_CSV}"
        )
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text))
    headers: list[str] | None = None
    rows: list[Row] = []
    blank = 0
    previous = csv.field_size_limit(MAX_CELL)
    try:
        for cells in reader:
            line = reader.line_num
            if len(cells) > MAX_COLUMNS:
                raise UserError(
                    f"Line {line} has {len(cells)} columns; a tracker has a few dozen at most. "
                    "Check the file was saved as CSV with commas between the columns."
                )
            if not any(c.strip() for c in cells):
                blank += headers is not None
                continue
            if headers is None:
                headers = [clean_text(c) for c in cells]
                continue
            rows.append(Row(line, tuple(read_cell(c) for c in cells)))
            if len(rows) > MAX_ROWS:
                raise UserError(
                    f"This file has more than {MAX_ROWS:,} rows. Split it and bring in each part."
                )
    except csv.Error as error:
        if "field larger" in str(error):
            raise UserError(
                f"A cell near line {reader.line_num} is longer than {MAX_CELL:,} characters, "
                "too long for a job in a tracker. Often a quote mark is missing: check that "
                "line, then try again."
            ) from None
        raise UserError(
            f"Line {reader.line_num} can't be read as CSV ({error}). Check that line, then try again."
        ) from None
    finally:
        csv.field_size_limit(previous)
    if headers is None:
        raise UserError("This file is empty. Bring in the CSV file your spreadsheet saved.")
    if not rows:
        raise UserError(
            "This file has its headings but no rows under them. Check you saved the sheet "
            "with your applications in it."
        )
    return Sheet(_unique(headers), rows, encoding, blank, notes)


def _unique(headers: list[str]) -> list[str]:
    """Headings as shown and chosen by name: blank ones named, repeated ones numbered."""
    seen: dict[str, int] = {}
    named = []
    for index, header in enumerate(headers, start=1):
        name = header or f"Column {index}"
        seen[name.lower()] = seen.get(name.lower(), 0) + 1
        named.append(name if seen[name.lower()] == 1 else f"{name} ({seen[name.lower()]})")
    return named
