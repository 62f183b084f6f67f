"""Screenshots of the demo, for the README and for looking at the app as a user does.

Builds a fresh demo in a temporary folder, serves it, and photographs the main pages on a
desktop and a phone viewport with Debian's Chromium. Nothing touches your own data.

    uv run python scripts/take_screenshots.py --out screenshots/demo
    uv run python scripts/take_screenshots.py --readme   # also refresh docs/dashboard.png
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAGES = {
    "dashboard": "/",
    "applications": "/applications/",
    "today": "/rejections/today/",
    "capture": "/rejections/new/",
    "insights": "/insights/",
    "themes": "/insights/themes/",
    "forecast": "/insights/forecast/",
    "wins": "/insights/wins/",
    "review": "/mail/review/",
    "wellbeing": "/wellbeing/",
    "exercises": "/wellbeing/exercises/",
    "help": "/wellbeing/help/",
    "learned": "/mail/learned/",
    "spreadsheet": "/applications/import/",
    "settings": "/settings/",
    "delete-everything": "/settings/delete-everything/",
}
VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}


def serve_demo(home: Path, port: int) -> tuple[subprocess.Popen[str], str]:
    """Start `bounceback demo` and return it with the sign-in link it prints."""
    env = {**os.environ, "BOUNCEBACK_DEMO_HOME": str(home), "BOUNCEBACK_PORT": str(port)}
    server = subprocess.Popen(
        ["uv", "run", "bounceback", "demo", "--no-browser"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert server.stdout is not None
    deadline = time.monotonic() + 180
    for line in server.stdout:
        found = re.search(r"http://127\.0\.0\.1:\d+/\S+", line)
        if found:
            return server, found.group(0)
        if time.monotonic() > deadline:
            break
    server.kill()
    sys.exit("The demo server did not print a sign-in link.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots" / "demo")
    parser.add_argument("--port", type=int, default=8791)
    parser.add_argument("--readme", action="store_true", help="also refresh docs/dashboard.png")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="bounceback-shots-"))
    server, link = serve_demo(home, args.port)
    base = link.split("/", 3)[:3]
    origin = "/".join(base)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(link)  # the link works once: one page, resized for each viewport
            for name, (width, height) in VIEWPORTS.items():
                page.set_viewport_size({"width": width, "height": height})
                for page_name, path in PAGES.items():
                    page.goto(origin + path)
                    page.wait_for_load_state("networkidle")
                    shot = args.out / f"{page_name}-{name}.png"
                    page.screenshot(path=str(shot), full_page=True)
                    print(shot)
                if name == "desktop" and args.readme:
                    page.goto(origin + "/")
                    page.screenshot(path=str(ROOT / "docs" / "dashboard.png"))
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
