"""The pure parts of a spreadsheet import: days, statuses and cells, as people write them."""

from __future__ import annotations

from datetime import date

import pytest

from bounceback.spreadsheets.dates import AmbiguousOrder, MixedOrder, infer_order, parse_date
from bounceback.spreadsheets.reading import read_cell
from bounceback.spreadsheets.statuses import read_status


@pytest.mark.parametrize(
    ("text", "order", "day"),
    [
        ("2026-11-03", None, date(2026, 11, 3)),
        ("2026-11-03T09:30:00Z", None, date(2026, 11, 3)),
        ("2026/11/03", None, date(2026, 11, 3)),
        ("3/11/2026", "dmy", date(2026, 11, 3)),
        ("3/11/2026", "mdy", date(2026, 3, 11)),
        ("13/11/2026", None, date(2026, 11, 13)),
        ("03.11.26", "dmy", date(2026, 11, 3)),
        ("Nov 3, 2026", None, date(2026, 11, 3)),
        ("November 3 2026", None, date(2026, 11, 3)),
        ("3 November 2026", None, date(2026, 11, 3)),
        ("03-Nov-26", None, date(2026, 11, 3)),
        ("Tuesday 3rd Nov 2026", None, date(2026, 11, 3)),
        ("46329", None, date(2026, 11, 3)),
        ("3/11/2026", None, None),  # the file decides, never one row
        ("31/02/2026", "dmy", None),
        ("sometime in spring", None, None),
        ("12345", None, None),
        ("", None, None),
    ],
)
def test_dates_in_the_common_formats(text: str, order: str | None, day: date | None) -> None:
    assert parse_date(text, order) == day


def test_the_order_of_numeric_dates_comes_from_the_whole_file() -> None:
    assert infer_order(["3/11/2026", "13/11/2026"]) == "dmy"
    assert infer_order(["3/11/2026", "11/13/2026"]) == "mdy"
    assert infer_order(["2026-11-03", "3/3/2026"]) is None
    with pytest.raises(AmbiguousOrder):
        infer_order(["3/11/2026", "4/10/2026"])
    with pytest.raises(MixedOrder):
        infer_order(["13/11/2026", "11/13/2026"])


@pytest.mark.parametrize(
    ("status", "stage", "ending"),
    [
        ("", "applied", ""),
        ("Applied", "applied", ""),
        ("Phone screen", "screen", ""),
        ("Interviewing", "interview", ""),
        ("Final round", "final", ""),
        ("Offer", "offer", ""),
        ("Negotiating", "offer", ""),
        ("Offer accepted", "offer", "accepted"),
        ("Not Selected", "applied", "rejected"),
        ("Rejected after 2nd interview", "interview", "rejected"),
        ("No Response 🔕", "applied", "ghosted"),
        ("I Withdrew", "applied", "withdrawn"),
        ("Declined offer", "offer", "withdrawn"),
    ],
)
def test_statuses_in_different_words(status: str, stage: str, ending: str) -> None:
    outcome = read_status(status)
    assert (outcome.stage, outcome.ending, outcome.understood, outcome.applied) == (
        stage,
        ending,
        True,
        True,
    )


def test_wishlist_rows_are_not_applications_and_strange_words_are_flagged() -> None:
    assert read_status("Wishlist").applied is False
    assert read_status("Bookmarked").applied is False
    assert read_status("Pending HR sign-off").understood is True  # "pending": applied
    assert read_status("Purple").understood is False


def test_formulas_are_read_where_they_can_be() -> None:
    assert read_cell('=HYPERLINK("https://a.example/1","the ad")').link == "https://a.example/1"
    assert read_cell('="00123"').text == "00123"
    assert read_cell("=A2+B2").formula
    assert read_cell("  Acme\u00a0Ltd \x07").text == "Acme Ltd"
