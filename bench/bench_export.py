"""Export and restore benchmark: time and size for the demo's search and a long one.

    uv run python bench/bench_export.py
    uv run python bench/bench_export.py --json
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mine uv run python bench/bench_export.py

Builds, in a throw-away data folder (or a throw-away PostgreSQL database beside the one in
DATABASE_URL, as bench_insights.py does), the demo's search (39 applications) and a long
one (5,000 applications over two years, 50,000 timeline events, rejections, feedback,
reflections, theme tags, actions and wins). For each: the time to build the export's JSON,
to zip it with its spreadsheets, the zip's size, and the time to restore it over the same
person (everything removed and added back in one transaction). Figures, never pass/fail.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from bench_insights import build_user, setup


def timed(work: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def measure(user: Any) -> dict[str, float | int]:
    from bounceback.portability.export import export_data, zip_document
    from bounceback.portability.restore import replace_with

    data, build_s = timed(lambda: export_data(user))
    content, zip_s = timed(lambda: zip_document(data, "bench.zip"))
    report, restore_s = timed(lambda: replace_with(user, data))
    return {
        "records": sum(len(h["rows"]) for h in data["kinds"].values()),
        "json_bytes": len(json.dumps(data, ensure_ascii=False, indent=1).encode()),
        "zip_bytes": len(content),
        "export_json_s": round(build_s, 3),
        "zip_s": round(zip_s, 3),
        "restore_s": round(restore_s, 3),
        "restored": sum(report.restored.values()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
    parser.add_argument("--applications", type=int, default=5000, help="Size of the long search.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bounceback-bench-") as folder:
        teardown = setup(Path(folder))
        try:
            from django.contrib.auth.models import User

            from bounceback.demo import build_demo

            today = date.today()
            demo = User.objects.create_user("demo")
            build_demo(demo, today=today)
            heavy = build_user("long", args.applications, 10, today)
            results = {"demo": measure(demo), f"{args.applications} applications": measure(heavy)}
            from django.db import connection

            vendor = connection.vendor
        finally:
            teardown()
    if args.json:
        print(json.dumps({"database": vendor, "results": results}, indent=2))
        return
    print(f"Export and restore on {vendor}")
    for name, r in results.items():
        print(
            f"  {name:>18}: {r['records']:>7,} records, JSON {r['json_bytes'] / 1e6:.2f} MB, "
            f"zip {r['zip_bytes'] / 1e6:.2f} MB; build {r['export_json_s']:.2f} s, "
            f"zip {r['zip_s']:.2f} s, restore {r['restore_s']:.2f} s"
        )


if __name__ == "__main__":
    main()
