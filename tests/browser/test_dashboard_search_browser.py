"""The dashboard's "did I already apply there?" box on a phone: its hint is read in full."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The placeholder's width in the input's own font, against the room inside the box.
FITS = """() => {
  const box = document.getElementById("dash-q");
  const style = getComputedStyle(box);
  const ctx = document.createElement("canvas").getContext("2d");
  ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return [ctx.measureText(box.placeholder).width, room];
}"""


def test_the_search_hint_is_not_cut_off_on_a_phone(signed_in_page: Any) -> None:
    page = signed_in_page
    page.set_viewport_size({"width": 390, "height": 844})
    text_width, room = page.evaluate(FITS)
    assert text_width <= room, f"the placeholder needs {text_width:.0f}px, the box has {room:.0f}px"
    screenshot(page, "dashboard-search-phone")
