# The commands a contributor runs, and the same ones .ci/run runs, so the two never drift.
# `make help` lists them.

PG_URL ?= postgres://postgres@127.0.0.1:5432/test
PYTEST ?= uv run pytest

# Awkward moments for the clock: New Year either side of midnight, a leap day, and the
# nights the clocks change in London and New York. Each is "zone|moment|machine clock":
# the suite's frozen clock goes to the moment (--today) while libfaketime moves the
# machine's own clock somewhere else, so a test that still read the real clock would fail.
AWKWARD := \
  "UTC|2026-12-31T23:59:30+00:00|2027-01-01 00:00:30" \
  "UTC|2027-01-01T00:00:30+00:00|2028-02-29 12:00:00" \
  "UTC|2028-02-29T12:00:00+00:00|2026-12-31 23:59:30" \
  "Europe/London|2027-03-28T01:00:30+00:00|2027-11-07 01:30:00" \
  "America/New_York|2027-11-07T06:30:00+00:00|2027-03-28 02:00:30"

.PHONY: help setup demo test test-pg test-fast test-awkward lint format types bench bench-crash bench-load eval check

help:  ## this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

setup:  ## install the project and its development tools (uv sync)
	uv sync --locked

demo:  ## run bounceback on sample data, in its own folder
	uv run bounceback demo

test:  ## the whole suite on SQLite, browser tests included
	$(PYTEST)

test-pg:  ## the whole suite on PostgreSQL (PG_URL=...)
	DATABASE_URL=$(PG_URL) $(PYTEST)

test-fast:  ## everything but the browser tests
	$(PYTEST) -m "not browser"

test-awkward:  ## the non-browser suite (slow process tests aside) at each awkward moment, machine clock moved too
	@command -v faketime >/dev/null || { echo "faketime is missing: apt-get install faketime"; exit 1; }
	@for spec in $(AWKWARD); do \
	  zone=$${spec%%|*}; rest=$${spec#*|}; moment=$${rest%%|*}; machine=$${rest#*|}; \
	  echo "==> $$moment in $$zone (machine clock: $$machine)"; \
	  TZ=$$zone faketime "$$machine" .venv/bin/pytest -m "not browser and not slow" -p no:randomly \
	    --today "$$moment" -x || exit 1; \
	done

lint:  ## ruff: lint and formatting
	uv run ruff check .
	uv run ruff format --check .

format:  ## ruff: fix what can be fixed and format
	uv run ruff check --fix .
	uv run ruff format .

types:  ## mypy --strict over src/bounceback
	uv run mypy

bench:  ## the benchmarks, at a size that runs in a few minutes
	uv run python bench/bench_analysis.py
	uv run python bench/bench_insights.py --large 2000
	uv run python bench/bench_mail.py --messages 5000
	uv run python bench/bench_momentum.py --scale 10
	uv run python bench/bench_themes.py
	uv run python bench/bench_distress.py
	uv run python bench/bench_backup.py

bench-crash:  ## kill -9 a mailbox import 60 times: integrity, no duplicates, same counts
	uv run python bench/bench_crash.py

bench-load:  ## 100 seekers (and 20 guessers) on gunicorn + PostgreSQL, with locust
	uv run --extra hosted --group bench python bench/bench_load.py

eval:  ## the recognisers on text nobody tuned them on
	uv run python scripts/evaluate_mail.py
	uv run python scripts/evaluate_mail_dates.py --frozen
	uv run python scripts/evaluate_distress.py
	uv run --group train python scripts/evaluate_themes.py

check: lint types test  ## what to run before a commit
