"""Load on a hosted bounceback: 100 job seekers on gunicorn + PostgreSQL, with and without guessers.

Run:  uv run --extra hosted --group bench python bench/bench_load.py

What it does, all on this machine (loopback only):

1. builds a PostgreSQL database (``--db hosted_bench``, dropped and made again unless
   ``--reuse``) with ``--users`` job seekers, each with the demo's realistic search
   (about 40 applications, 20 rejections, reflections, check-ins), all signing in with
   a password, plus one account per guesser for the guessers to attack;
2. starts ``bounceback serve`` in hosted mode (gunicorn, ``--workers``) behind nothing
   but trusting X-Forwarded-For as the documented proxy would set it, so that each
   simulated computer has its own address;
3. runs locust headless twice for ``--duration`` seconds: the seekers alone, then the
   seekers with ``--guessers`` clients trying passwords as fast as they can, each at one
   account from its own address;
4. prints, for the seekers' requests only: requests per second, p50/p95/p99 in ms and
   errors; for the guessers: guesses per second and how many were refused by the lock;
   and the machine's load average before and after (other work shares the two cores).

A seeker signs in, then loops: dashboard, Today, one of their applications, insights,
with 3-10 s of think time between pages (``--think``: a person reading a page), so
100 seekers ask for about 15 pages a second. Sign-ins are spread over the first
``users / spawn-rate`` seconds, as a morning at a centre would spread them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "bench-pass-phrase-123"
SEEKER = "seeker-{n}@bench.example"
VICTIM = "victim-{n}@bench.example"
RESULTS_ENV = "BOUNCEBACK_BENCH_RESULTS"

if __name__ != "__main__":  # imported by locust: the simulated people
    from locust import HttpUser, between, constant, events, task

    _times: list[float] = []
    _by_page: dict[str, list[float]] = {}
    _errors: list[str] = []
    _guesses = {"total": 0, "refused": 0}

    @events.request.add_listener
    def _record(
        request_type: str,
        name: str,
        response_time: float,
        response_length: int,
        exception: Any = None,
        **kwargs: Any,
    ) -> None:
        if name.startswith("guess"):
            return
        _times.append(response_time)
        _by_page.setdefault(name, []).append(response_time)
        if exception is not None:
            _errors.append(f"{request_type} {name}: {exception}")

    @events.quitting.add_listener
    def _write(environment: Any, **kwargs: Any) -> None:
        out = os.environ.get(RESULTS_ENV)
        if out:
            Path(out).write_text(
                json.dumps(
                    {"times": _times, "errors": _errors[:50], "n_errors": len(_errors)}
                    | {"by_page": _by_page}
                    | {"guesses": _guesses["total"], "refused": _guesses["refused"]}
                )
            )

    def _csrf(page: str) -> str:
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        return found.group(1) if found else ""

    class Seeker(HttpUser):
        """A job seeker at home: signs in once, then reads a few pages with pauses."""

        wait_time = between(*(float(x) for x in os.environ.get("BENCH_THINK", "3,10").split(",")))
        numbers: list[int] = []

        def on_start(self) -> None:
            n = Seeker.numbers.pop() if Seeker.numbers else random.randrange(10_000)
            self.client.headers["X-Forwarded-For"] = f"127.1.{n // 250}.{n % 250 + 1}"
            form = self.client.get("/sign-in/", name="sign-in page")
            with self.client.post(
                "/sign-in/",
                {
                    "username": SEEKER.format(n=n),
                    "password": PASSWORD,
                    "csrfmiddlewaretoken": _csrf(form.text),
                },
                name="sign in",
                allow_redirects=False,
                catch_response=True,
            ) as response:
                if response.status_code != 302:
                    response.failure(f"sign-in refused: {response.status_code}")
            page = self.client.get("/applications/", name="applications").text
            self.applications = re.findall(r'href="/applications/(\d+)/"', page) or ["0"]

        @task(3)
        def dashboard(self) -> None:
            self.client.get("/", name="dashboard")

        @task(2)
        def today(self) -> None:
            self.client.get("/rejections/today/", name="today")

        @task(2)
        def application(self) -> None:
            pk = random.choice(self.applications)
            self.client.get(f"/applications/{pk}/", name="an application")

        @task(1)
        def insights(self) -> None:
            self.client.get("/insights/", name="insights")

    class Guesser(HttpUser):
        """Someone trying passwords on one account, from one address, without a pause."""

        wait_time = constant(0)
        numbers: list[int] = []

        def on_start(self) -> None:
            self.n = Guesser.numbers.pop() if Guesser.numbers else random.randrange(10_000)
            self.client.headers["X-Forwarded-For"] = f"127.2.0.{self.n + 1}"
            self.token = _csrf(self.client.get("/sign-in/", name="guess page").text)
            self.tries = 0

        @task
        def guess(self) -> None:
            self.tries += 1
            with self.client.post(
                "/sign-in/",
                {
                    "username": VICTIM.format(n=self.n),
                    "password": f"password{self.tries}",
                    "csrfmiddlewaretoken": self.token,
                },
                name="guess",
                allow_redirects=False,
                catch_response=True,
            ) as response:
                _guesses["total"] += 1
                if response.status_code == 429:
                    _guesses["refused"] += 1
                response.success()  # a refusal is the point, not an error


# --- The orchestration (python bench/bench_load.py) ----------------------------------------


def _env(args: argparse.Namespace, home: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOUNCEBACK_")}
    env |= {
        "DATABASE_URL": f"{args.pg}/{args.db}",
        "BOUNCEBACK_HOSTED": "1",
        "BOUNCEBACK_HOME": home,
        "BOUNCEBACK_SECRET_KEY": "bench-only-" + "x" * 50,
        "BOUNCEBACK_BEHIND_PROXY": "1",  # X-Forwarded-For stands in for the proxy
        "BOUNCEBACK_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SETTINGS_MODULE": "bounceback.settings",
    }
    return env


SEED = """
import django, sys
django.setup()
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from bounceback.accounts.models import Profile
from bounceback.demo import build_demo
users, victims = int(sys.argv[1]), int(sys.argv[2])
password = make_password({password!r})  # one hash for all: seeding stays quick
for n in range(users):
    user = User.objects.create(username={seeker!r}.format(n=n), email={seeker!r}.format(n=n), password=password)
    Profile.objects.create(user=user)
    build_demo(user)
    if n % 10 == 9:
        print(f"  {{n + 1}} seekers ready", flush=True)
for n in range(victims):
    user = User.objects.create(username={victim!r}.format(n=n), password=password)
    Profile.objects.create(user=user)
"""


def _prepare(args: argparse.Namespace, env: dict[str, str]) -> None:
    if args.reuse:
        # The same password, stored the way the current settings store it.
        code = (
            "import django; django.setup(); from django.contrib.auth.hashers import make_password;"
            "from django.contrib.auth.models import User;"
            f"User.objects.update(password=make_password({PASSWORD!r}))"
        )
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        return
    admin = f"{args.pg}/postgres"
    for sql in (f"DROP DATABASE IF EXISTS {args.db}", f"CREATE DATABASE {args.db}"):
        subprocess.run(["psql", admin, "-qc", sql], check=True, env=env)
    subprocess.run(
        [sys.executable, "-m", "django", "migrate", "--verbosity", "0"], check=True, env=env
    )
    print(f"Seeding {args.users} job seekers with a realistic search each…", flush=True)
    code = SEED.format(password=PASSWORD, seeker=SEEKER, victim=VICTIM)
    subprocess.run(
        [sys.executable, "-c", code, str(args.users), str(args.guessers)], check=True, env=env
    )


def _wait_for(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.5)
    raise SystemExit(f"The server did not start on port {port}.")


def _reset_lockouts(env: dict[str, str]) -> None:
    code = "import django; django.setup(); from axes.models import AccessAttempt; AccessAttempt.objects.all().delete()"
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


def _cpu_seconds(root: int) -> float:
    """CPU time used so far by a process and its children (the server's workers)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        pid, ppid = int(stat.parent.name), int(fields[1])
        if pid == root or ppid == root:
            total += (int(fields[11]) + int(fields[12])) / ticks  # utime + stime
    return total


def _run_locust(
    args: argparse.Namespace, env: dict[str, str], guessers: int, server: int
) -> dict[str, Any]:
    results = Path(tempfile.mkdtemp()) / "results.json"
    locust = shutil.which("locust", path=str(Path(sys.executable).parent)) or "locust"
    classes = ["Seeker"] + (["Guesser"] if guessers else [])
    run_env = env | {RESULTS_ENV: str(results)}
    command = [
        locust,
        "-f",
        __file__,
        "--headless",
        "--host",
        f"http://127.0.0.1:{args.port}",
        "--users",
        str(args.users + guessers),
        "--spawn-rate",
        str(args.spawn_rate),
        "--run-time",
        f"{args.duration}s",
        "--stop-timeout",
        "10",
        "--only-summary",
        "--loglevel",
        "ERROR",
        *classes,
    ]
    # How many of each, and their numbers (one account and one address each), go to the
    # locust process through its environment.
    run_env["BENCH_SEEKERS"] = str(args.users)
    run_env["BENCH_THINK"] = args.think
    run_env["BENCH_GUESSERS"] = str(guessers)
    started, cpu_before = time.monotonic(), _cpu_seconds(server)
    subprocess.run(command, env=run_env, check=False, capture_output=not args.verbose)
    elapsed = time.monotonic() - started
    data: dict[str, Any] = json.loads(results.read_text()) if results.exists() else {}
    data["elapsed"] = elapsed
    data["server_cpu"] = _cpu_seconds(server) - cpu_before
    return data


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))
    return ordered[index]


def _report(title: str, data: dict[str, Any], duration: int, guessers: int) -> None:
    times = data.get("times", [])
    print(f"\n{title}")
    # The run ends with a stop timeout: requests are counted over the whole run.
    print(f"  seekers' requests: {len(times)} in {duration} s = {len(times) / duration:.1f}/s")
    print(
        f"  p50 {_percentile(times, 0.50):.0f} ms · p95 {_percentile(times, 0.95):.0f} ms · "
        f"p99 {_percentile(times, 0.99):.0f} ms · errors {data.get('n_errors', '?')}"
    )
    for error in data.get("errors", [])[:5]:
        print(f"    {error}")
    pages = data.get("by_page", {})
    for name in sorted(pages, key=lambda n: -len(pages[n])):
        values = pages[name]
        print(
            f"    {name:<16} {len(values):>5} × p50 {_percentile(values, 0.5):>6.0f} ms"
            f" · p95 {_percentile(values, 0.95):>6.0f} ms"
        )
    requests = len(times) + data.get("guesses", 0)
    if requests:
        cpu = data.get("server_cpu", 0.0)
        print(
            f"  web workers used {cpu:.0f} CPU-seconds for {requests} requests "
            f"({1000 * cpu / requests:.0f} ms each, PostgreSQL not counted)"
        )
    if guessers:
        guesses = data.get("guesses", 0)
        print(
            f"  guessers: {guesses} guesses ({guesses / duration:.1f}/s), "
            f"{data.get('refused', 0)} refused by the lock"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=100, help="job seekers (default 100)")
    parser.add_argument("--guessers", type=int, default=20, help="guessing clients (default 20)")
    parser.add_argument("--duration", type=int, default=60, help="seconds per run (default 60)")
    parser.add_argument("--spawn-rate", type=float, default=5, help="sign-ins per second")
    parser.add_argument("--think", default="3,10", help="seconds between pages, min,max")
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers (default 2n+1)")
    parser.add_argument("--port", type=int, default=8899)
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--db", default="hosted_bench")
    parser.add_argument("--reuse", action="store_true", help="keep the seeded database")
    parser.add_argument("--verbose", action="store_true", help="show locust's own output")
    args = parser.parse_args()

    home = tempfile.mkdtemp(prefix="bounceback-bench-")
    env = _env(args, home)
    _prepare(args, env)
    serve = [str(Path(sys.executable).parent / "bounceback"), "serve", "--port", str(args.port)]
    if args.workers:
        serve += ["--workers", str(args.workers)]
    server_log = Path(home) / "server.log"
    server = subprocess.Popen(
        serve,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=server_log.open("w"),
        start_new_session=True,
    )
    try:
        _wait_for(args.port)
        load_before = os.getloadavg()
        print(f"\nMachine: {os.cpu_count()} cores, load average {load_before[0]:.1f} at the start")
        quiet = _run_locust(args, env, guessers=0, server=server.pid)
        _report(f"{args.users} seekers, no guessers", quiet, args.duration, 0)
        _reset_lockouts(env)
        noisy = _run_locust(args, env, guessers=args.guessers, server=server.pid)
        _report(f"{args.users} seekers with {args.guessers} guessers", noisy, args.duration, 1)
        load_after = os.getloadavg()
        print(
            f"\nLoad average at the end: {load_after[0]:.1f} (1 min), {load_after[1]:.1f} (5 min)"
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
else:
    Seeker.numbers = list(range(int(os.environ.get("BENCH_SEEKERS", "0"))))
    Guesser.numbers = list(range(int(os.environ.get("BENCH_GUESSERS", "0"))))
    Seeker.fixed_count = len(Seeker.numbers)
    Guesser.fixed_count = len(Guesser.numbers)
