"""The Content-Security-Policy breaks nothing: the pages load and run without one violation.

A page that relied on an inline script, style or handler would work without the policy and
quietly break with it; Chromium reports each refusal as a ``securitypolicyviolation`` event.
"""

from __future__ import annotations

from typing import Any

import pytest

from bounceback.accounts.services import local_user
from bounceback.applications.services import add_application

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LISTEN = """() => {
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (e) =>
    window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
}"""
PAGES = [
    "/",
    "/applications/",
    "/applications/add/",
    "/insights/",
    "/wellbeing/",
    "/mail/review/",
    "/contacts/",
    "/practice/",
    "/week/",
    "/settings/",
]


def test_the_main_pages_run_under_the_policy_without_a_violation(
    signed_in_page: Any, live_server: Any
) -> None:
    page = signed_in_page
    page.context.add_init_script(f"({LISTEN})()")
    application = add_application(local_user(), company="Globex", role="Analyst")
    seen: dict[str, list[str]] = {}
    for path in [*PAGES, application.get_absolute_url()]:
        response = page.goto(live_server.url + path)
        assert response is not None and "script-src 'self'" in response.headers.get(
            "content-security-policy", ""
        ), path
        page.wait_for_load_state("networkidle")
        violations = page.evaluate("window.__violations")
        if violations:
            seen[path] = violations
    assert seen == {}
    # htmx still works: the search on the applications page swaps in its results.
    page.goto(live_server.url + "/applications/?q=Globex")
    assert page.get_by_text("Globex").first.is_visible()
    assert page.evaluate("window.__violations") == []
