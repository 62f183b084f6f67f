"""Every page passes axe-core's WCAG 2.1 A and AA checks, on a laptop and on a phone.

tests/test_accessibility.py reads the HTML; axe reads the page Chromium drew, so it also
judges colour contrast, landmarks, and names worked out from ARIA and from what shows.
The walk starts from every URL pattern Django knows and follows the pages' own links to
real ids, slugs and query strings, so a new page is checked the day it is added.
axe-core comes from npm (tests/browser/package.json); .ci/run installs it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

from tests.browser.test_mail_review_browser import CORPUS, MAILS
from tests.test_bad_input_web import ROUTES, _fill
from tests.test_mail_reader import mbox

# Sequences reset, so a route no page links to gets id 1 (as in test_accessibility.py): a
# demo object, not whatever id an earlier test's rows left behind.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, reset_sequences=True)]

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
INSTALL = "npm ci --prefix tests/browser --no-audit --no-fund"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = {"desktop": {"width": 1200, "height": 900}, "phone": {"width": 390, "height": 844}}
NO_SUCH_PAGE = "/no-such-page/"  # the 404 page

SPREADSHEET = (
    b"Company,Position,Date Applied,Status,Link\n"
    b"Acme,Data Analyst,2026-11-02,Rejected after interview,https://acme.example/1\n"
    b"Northwind Analytics,Data Analyst,2026-11-03,Applied,\n"
    b"Wishful Co,Designer,,Wishlist,\n"
)

# Closed <details> (an e-mail's text, a check-in's note and tags, "Show the numbers") are
# opened first: axe passes over what is hidden, and a person opens them.
RUN_AXE = """async (tags) => {
  document.querySelectorAll("details").forEach((d) => { d.open = true; });
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
  });
  return result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
}"""


@dataclass(frozen=True)
class Violation:
    rule: str
    impact: str
    help: str
    page: str
    who: str  # signed in or out
    width: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        shown = ", ".join(self.targets[:4]) + (", …" if len(self.targets) > 4 else "")
        return (
            f"{self.rule} [{self.impact}] on {self.page} ({self.who}, {self.width}): {self.help};"
            f" {len(self.targets)} element(s): {shown}"
        )


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core from npm; skipped where absent, but never under CI (like Chromium)."""
    if not AXE.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"axe-core is missing at {AXE}; CI must install it ({INSTALL}).")
        pytest.skip(f"axe-core is not installed ({INSTALL}) - the axe check is skipped.")
    return AXE


def _route(path: str) -> str | None:
    try:
        return resolve(path).route
    except Resolver404:
        return None


def _kind(href: str) -> tuple[str | None, frozenset[str]]:
    """What makes a page a different page: its route and the names in its query string."""
    parts = urlsplit(href)
    return _route(parts.path), frozenset(name for name, _ in parse_qsl(parts.query))


def _is_page(client: Client, path: str, error_pages: set[int]) -> bool:
    """A whole HTML page: not a redirect, a POST-only route, a file or an htmx fragment.

    Asked in-process, which is quicker than the browser; an error page counts once.
    """
    answer = client.get(path)
    if 300 <= answer.status_code < 400 or answer.status_code in error_pages:
        return False
    if not answer.get("Content-Type", "").startswith("text/html"):
        return False
    if not answer.content.lstrip()[:15].lower().startswith(b"<!doctype html"):
        return False
    if answer.status_code != 200:
        error_pages.add(answer.status_code)
    return True


def _walk(page: Any, client: Client, origin: str) -> Iterator[str]:
    """Opens every kind of page once, in the browser, and yields its path.

    First the routes without parameters, then what their links lead to, then id 1 for a
    route no link reached.
    """
    queue = ["/" + route for route in ROUTES if "<" not in route] + [NO_SUCH_PAGE]
    seen = {_kind(path) for path in queue}
    reached = {route for route, _ in seen}
    error_pages: set[int] = set()
    while queue or not reached.issuperset(ROUTES):
        if not queue:
            route = next(r for r in ROUTES if r not in reached)
            reached.add(route)
            queue.append(_fill(route, 1))
        path = queue.pop(0)
        if not _is_page(client, path, error_pages):
            continue
        page.goto(origin + path)
        yield path
        for href in page.eval_on_selector_all("a[href]", "links => links.map((a) => a.href)"):
            parts, kind = urlsplit(href), _kind(href)
            if parts.netloc == urlsplit(origin).netloc and kind[0] and kind not in seen:
                seen.add(kind)
                reached.add(kind[0])
                queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))


def _axe(page: Any, path: str, who: str) -> list[Violation]:
    violations = []
    for width, viewport in WIDTHS.items():
        page.set_viewport_size(viewport)
        for v in page.evaluate(RUN_AXE, WCAG_21_AA):
            violations.append(
                Violation(v["rule"], v["impact"], v["help"], path, who, width, tuple(v["targets"]))
            )
    page.set_viewport_size(WIDTHS["desktop"])
    return violations


def _something_on_every_page(tmp_path: Path) -> Any:
    """The demo search, plus what it lacks: e-mails waiting for review and a theme of one's own."""
    from bounceback.accounts.services import local_user
    from bounceback.demo import build_demo
    from bounceback.insights.own_themes import add_theme
    from bounceback.mailbox.importer import import_mailbox
    from bounceback.spreadsheets.services import keep_upload

    me = local_user()
    build_demo(me)
    box = tmp_path / "job-search.mbox"
    box.write_bytes(mbox(*((CORPUS / name).read_bytes() for name in MAILS)))
    with pytest.MonkeyPatch.context() as patch:
        # The recogniser is sure of these corpus e-mails now; here they all wait in Mail
        # review, so its pages (and "What I've learned from you") have something to show.
        patch.setattr("bounceback.mailbox.importer.AUTO_FILE_AT", 1.01)
        import_mailbox(me, box)
    # An answer in Mail review, so "What I've learned from you" lists an example.
    from bounceback.mailbox.models import ReviewItem
    from bounceback.mailbox.services import dismiss

    answered = ReviewItem.objects.filter(owner=me).order_by("pk").last()
    assert answered is not None
    dismiss(answered)
    add_theme(me, name="Portfolio", triggers=["portfolio", "case study"])
    # A spreadsheet waiting for a yes, so its preview page (upload 1) has something to show.
    keep_upload(me, "my-search.csv", SPREADSHEET)
    return me


def test_every_page_passes_axe_at_desktop_and_phone_widths(
    axe_script: Path, browser: Any, signed_in_page: Any, live_server: Any, tmp_path: Path
) -> None:
    me = _something_on_every_page(tmp_path)
    signed_in = Client()
    signed_in.force_login(me)
    signed_out = browser.new_context(viewport=WIDTHS["desktop"])
    checked: list[str] = []
    violations: list[Violation] = []
    try:
        for who, page, client in (
            ("signed in", signed_in_page, signed_in),
            ("signed out", signed_out.new_page(), Client()),
        ):
            # Once for the context rather than a script tag per page: Chromium runs it on
            # every load, and 550 kB no longer travel through the DevTools protocol each time.
            page.context.add_init_script(path=axe_script)
            for path in _walk(page, client, live_server.url):
                checked.append(f"{path} ({who})")
                violations += _axe(page, path, who)
    finally:
        signed_out.close()

    assert len(checked) >= 40, checked  # the walk really reached the app's pages
    assert "/applications/import/1/ (signed in)" in checked  # a spreadsheet's preview, filled
    if violations:
        pytest.fail(
            f"{len(violations)} axe violation(s) of WCAG 2.1 A/AA on {len(checked)} pages:\n"
            + "\n".join(map(str, violations))
        )
