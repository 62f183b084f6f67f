"""Every page can be used with a screen reader and a keyboard: names for every control.

Walks every page a person can open (on a full demo search) and checks what a screen
reader needs most: the page's language, one main heading, a name for every form
control, alternative text for images, and ARIA references that lead somewhere.
tests/browser/test_axe_browser.py runs axe-core on the same pages in Chromium.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest

from bounceback.demo import build_demo
from tests.test_bad_input_web import ROUTES, _fill

pytestmark = pytest.mark.django_db

CONTROLS = {"input", "select", "textarea"}
# Attributes that point at other elements by id: a missing one reads as nothing at all.
ID_REFERENCES = ("aria-describedby", "aria-labelledby", "aria-controls")
UNNAMED_OK = {"hidden", "submit", "button", "reset", "image"}


class _Page(HTMLParser):
    """Collects what the checks need in one pass over the HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.h1 = 0
        self.label_for: set[str] = set()
        self.label_depth = 0
        self.controls: list[dict[str, str]] = []
        self.images_without_alt: list[str] = []
        self.buttons_open: list[dict[str, Any]] = []
        self.unnamed_buttons: list[str] = []
        self.ids: set[str] = set()
        self.references: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if a.get("id"):
            self.ids.add(a["id"])
        self.references += [
            (name, ref) for name in ID_REFERENCES for ref in a.get(name, "").split()
        ]
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag == "h1":
            self.h1 += 1
        elif tag == "label":
            self.label_depth += 1
            if a.get("for"):
                self.label_for.add(a["for"])
        elif tag in CONTROLS:
            a["_tag"] = tag
            a["_wrapped"] = "yes" if self.label_depth else ""
            self.controls.append(a)
        elif tag == "img" and "alt" not in a:
            self.images_without_alt.append(a.get("src", "?"))
        elif tag == "button":
            self.buttons_open.append({"attrs": a, "text": ""})

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.label_depth = max(0, self.label_depth - 1)
        elif tag == "button" and self.buttons_open:
            button = self.buttons_open.pop()
            named = button["text"].strip() or button["attrs"].get("aria-label")
            if not named:
                self.unnamed_buttons.append(str(button["attrs"]))

    def handle_data(self, data: str) -> None:
        for button in self.buttons_open:
            button["text"] += data

    def unnamed_controls(self) -> list[str]:
        unnamed = []
        for c in self.controls:
            if c["_tag"] == "input" and c.get("type", "text") in UNNAMED_OK:
                continue
            named = (
                c["_wrapped"]
                or c.get("id", "") in self.label_for
                or c.get("aria-label")
                or c.get("aria-labelledby")
                or c.get("title")
            )
            if not named:
                unnamed.append(f"<{c['_tag']} name={c.get('name')!r} id={c.get('id')!r}>")
        return unnamed

    def broken_references(self) -> list[str]:
        return [f'{name}="{ref}"' for name, ref in self.references if ref not in self.ids]


def _pages() -> list[str]:
    """Pages a person opens (GET), with real ids from the demo; feeds and files aside."""
    paths = []
    for route in ROUTES:
        if route.endswith(".ics") or "sign-in/<" in route or "/delete/" in route:
            continue
        paths.append(_fill(route, 1))
    return paths


def test_every_page_names_its_controls_and_has_one_main_heading(
    alice: Any, alice_client: Any
) -> None:
    build_demo(alice)
    problems: list[str] = []
    checked = 0
    for path in _pages():
        response = alice_client.get(path)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        checked += 1
        page = _Page()
        page.feed(response.content.decode())
        if not page.lang:
            problems.append(f"{path}: <html> has no lang")
        if page.h1 != 1:
            problems.append(f"{path}: {page.h1} <h1> headings (one main heading reads best)")
        problems += [f"{path}: control without a label {c}" for c in page.unnamed_controls()]
        problems += [f"{path}: image without alt {src}" for src in page.images_without_alt]
        problems += [f"{path}: button without a name {b}" for b in page.unnamed_buttons]
        problems += [f"{path}: {r} names no element" for r in page.broken_references()]
    assert checked >= 25, checked
    assert not problems, "\n".join(problems)


def test_an_htmx_fragment_is_not_a_whole_page(alice: Any, alice_client: Any) -> None:
    body = alice_client.get(
        "/applications/?q=acme", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="application-results"
    ).content.decode()
    assert not re.search(r"<html|<h1", body)


def test_the_check_itself_catches_an_unnamed_control_and_a_missing_alt() -> None:
    page = _Page()
    page.feed(
        '<html><h1>x</h1><label for="a">A</label><input id="a"><input name="b">'
        '<label>C <select name="c"></select></label><img src="i.png"><button> </button></html>'
    )
    assert page.unnamed_controls() == ["<input name='b' id=None>"]
    assert page.images_without_alt == ["i.png"] and len(page.unnamed_buttons) == 1


def test_the_check_itself_catches_a_hint_that_is_not_on_the_page() -> None:
    page = _Page()
    page.feed(
        '<p id="hint">Comma-separated</p><input aria-describedby="hint">'
        '<input aria-describedby="hint id_x_helptext">'
    )
    assert page.broken_references() == ['aria-describedby="id_x_helptext"']
