"""Load on a hosted bounceback: 100 job seekers on gunicorn + PostgreSQL, with and without guessers.

Run:  uv run --extra hosted --group bench python bench/bench_load.py

What it does, all on this machine (loopback only):

1. builds a PostgreSQL database (``--db hosted_bench``, dropped and made again unless
   ``--reuse``) with ``--users`` job seekers, each with the demo's realistic search
   (about 40 applications, 20 rejections, reflections, check-ins), all signing in with
   a password, plus one account per guesser for the guessers to attack;
2. starts ``bounceback serve`` in hosted mode (gunicorn, ``--workers``) behind nginx set up
   as docs/hosting.md shows (sign-in attempts limited per address), when nginx is
   installed (``apt-get install nginx-light``; ``--no-proxy`` leaves it out). Each
   simulated computer sends its own address in X-Forwarded-For, which nginx passes on and
   keys its limit on, as it would key it on the real address;
3. runs locust headless twice for ``--duration`` seconds: the seekers alone, then the
   seekers with ``--guessers`` clients trying passwords as fast as they can, each at one
   account from its own address;
4. prints, for the seekers' requests only: requests per second, p50/p95/p99 in ms and
   errors; for the guessers: guesses per second, how many the proxy stopped and how many
   the lock refused; the CPU each party used (web workers, PostgreSQL, the two load
   generators);
   and the machine's load average before and after (other work shares the two cores).

A seeker signs in, then loops: dashboard, Today, one of their applications, insights,
with 3-10 s of think time between pages (``--think``: a person reading a page), so
100 seekers ask for about 15 pages a second. Sign-ins are spread over the first
``users / spawn-rate`` seconds, as a morning at a centre would spread them.
"""

from __future__ import annotations

import argparse
import contextlib
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
    _finished: list[float] = []  # when each seeker's request ended (seconds since the epoch)
    _by_page: dict[str, list[float]] = {}
    _errors: list[str] = []
    _guesses = {"total": 0, "refused": 0, "stopped": 0}

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
        _finished.append(time.time())
        _by_page.setdefault(name, []).append(response_time)
        if exception is not None:
            _errors.append(f"{request_type} {name}: {exception}")

    @events.quitting.add_listener
    def _write(environment: Any, **kwargs: Any) -> None:
        out = os.environ.get(RESULTS_ENV)
        if out:
            Path(out).write_text(
                json.dumps(
                    {"times": _times, "finished": _finished}
                    | {"errors": _errors[:50], "n_errors": len(_errors)}
                    | {"by_page": _by_page}
                    | {"guesses": _guesses["total"], "refused": _guesses["refused"]}
                    | {"stopped": _guesses["stopped"]}
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
                if response.status_code == 429 and b"Too many tries" in response.content:
                    _guesses["refused"] += 1  # by the lock, in bounceback
                elif response.status_code == 429:
                    _guesses["stopped"] += 1  # by the proxy's limit, before bounceback
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


# The sign-in limit of docs/hosting.md's nginx example, keyed on the address each simulated
# computer sends (in production: $binary_remote_addr, the real one).
NGINX = """
worker_processes 1;
daemon off;
pid {home}/nginx.pid;
error_log {home}/nginx-error.log error;
events {{ worker_connections 2048; }}
http {{
    access_log off;
    client_body_temp_path {home}/nginx-body;
    proxy_temp_path {home}/nginx-proxy;
    fastcgi_temp_path {home}/nginx-fastcgi;
    uwsgi_temp_path {home}/nginx-uwsgi;
    scgi_temp_path {home}/nginx-scgi;
    limit_req_zone $http_x_forwarded_for zone=signin:10m rate=30r/m;
    limit_req_status 429;
    upstream bounceback {{ server 127.0.0.1:{backend}; keepalive 32; }}
    server {{
        listen 127.0.0.1:{port};
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $http_x_forwarded_for;
        location = /sign-in/ {{
            limit_req zone=signin burst=10 nodelay;
            proxy_pass http://bounceback;
        }}
        location / {{ proxy_pass http://bounceback; }}
    }}
}}
"""


def _start_proxy(args: argparse.Namespace, home: str, backend: int) -> subprocess.Popen[bytes]:
    config = Path(home) / "nginx.conf"
    config.write_text(NGINX.format(home=home, port=args.port, backend=backend))
    return subprocess.Popen(
        [args.nginx, "-c", str(config), "-p", home],
        stdout=subprocess.DEVNULL,
        stderr=(Path(home) / "nginx.log").open("w"),
        start_new_session=True,
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


def _cpu_by_process() -> dict[int, tuple[int, str, float]]:
    """Every process's parent, name and CPU seconds so far, its finished children's included."""
    ticks = os.sysconf("SC_CLK_TCK")
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            head, tail = stat.read_text().rsplit(")", 1)
            fields = tail.split()
            # utime, stime, and cutime, cstime: a finished child's time moves to its parent.
            cpu = sum(int(field) for field in fields[11:15]) / ticks
        except (OSError, IndexError, ValueError):
            continue
        found[int(stat.parent.name)] = (int(fields[1]), head.split("(", 1)[-1], cpu)
    return found


def _cpu_seconds(roots: dict[str, int]) -> dict[str, float]:
    """CPU used so far by each party: a process and its children, and PostgreSQL.

    Everything shares the machine's cores here, so the load generators' own CPU is reported
    beside the server's: on a real network the guessers' CPU would be on their own machines.
    """
    table = _cpu_by_process()
    postmasters = [
        pid
        for pid, (ppid, name, _) in table.items()
        if name.startswith("postgres") and not table.get(ppid, (0, "", 0))[1].startswith("postgres")
    ]
    totals = dict.fromkeys([*roots, "PostgreSQL"], 0.0)
    for party, root in (roots | {f"PostgreSQL {pid}": pid for pid in postmasters}).items():
        spent = sum(cpu for pid, (ppid, _, cpu) in table.items() if root in (pid, ppid))
        totals["PostgreSQL" if party.startswith("PostgreSQL") else party] += spent
    return totals


def _locust(
    args: argparse.Namespace, env: dict[str, str], people: str, users: int, rate: float
) -> tuple[subprocess.Popen[bytes], Path]:
    """One locust process for one kind of person, so that a flood of guesses cannot hold up
    the event loop that times the seekers' pages."""
    results = Path(tempfile.mkdtemp()) / "results.json"
    locust = shutil.which("locust", path=str(Path(sys.executable).parent)) or "locust"
    command = [
        locust,
        "-f",
        __file__,
        "--headless",
        "--host",
        f"http://127.0.0.1:{args.port}",
        "--users",
        str(users),
        "--spawn-rate",
        str(rate),
        "--run-time",
        f"{args.duration}s",
        "--stop-timeout",
        "10",
        "--only-summary",
        "--loglevel",
        "ERROR",
        people,
    ]
    # How many of each, and their numbers (one account and one address each), go to the
    # locust process through its environment.
    run_env = env | {RESULTS_ENV: str(results), "BENCH_THINK": args.think}
    run_env["BENCH_SEEKERS" if people == "Seeker" else "BENCH_GUESSERS"] = str(users)
    output = None if args.verbose else subprocess.DEVNULL
    if people == "Seeker":
        return subprocess.Popen(command, env=run_env, stdout=output, stderr=output), results
    # The guessers' own CPU would be on their own computers. Here it shares two cores with
    # the server, and a generator that never pauses would take a whole core from it (31 of
    # 120 CPU-seconds when tried): so it runs at the lowest priority, in its own scheduling
    # group (Linux shares CPU between sessions first), and only uses what the others leave.
    process = subprocess.Popen(
        command,
        env=run_env,
        stdout=output,
        stderr=output,
        start_new_session=True,
        preexec_fn=lambda: os.nice(19),
    )
    with contextlib.suppress(OSError):  # no autogroups on this kernel: nice alone does it
        Path(f"/proc/{process.pid}/autogroup").write_text("19")
    return process, results


def _run_locust(
    args: argparse.Namespace, env: dict[str, str], guessers: int, servers: dict[str, int]
) -> dict[str, Any]:
    runs = {"seekers' load generator": _locust(args, env, "Seeker", args.users, args.spawn_rate)}
    if guessers:
        runs["guessers' load generator"] = _locust(args, env, "Guesser", guessers, guessers)
    roots = servers | {party: run[0].pid for party, run in runs.items()}
    started, cpu_before = time.monotonic(), _cpu_seconds(roots)
    cpu_after = cpu_before
    for process, _ in runs.values():
        while process.poll() is None:  # a process's CPU is read while it is still there
            now = _cpu_seconds(roots)
            cpu_after = {party: max(now[party], cpu_after[party]) for party in now}
            time.sleep(0.5)
    data: dict[str, Any] = {"times": [], "errors": [], "n_errors": 0, "by_page": {}}
    for _, results in runs.values():
        found = json.loads(results.read_text()) if results.exists() else {}
        data["times"] += found.get("times", [])
        data["finished"] = data.get("finished", []) + found.get("finished", [])
        data["errors"] += found.get("errors", [])
        data["n_errors"] += found.get("n_errors", 0)
        data["by_page"] |= found.get("by_page", {})
        data["guesses"] = data.get("guesses", 0) + found.get("guesses", 0)
        data["refused"] = data.get("refused", 0) + found.get("refused", 0)
        data["stopped"] = data.get("stopped", 0) + found.get("stopped", 0)
    data["elapsed"] = time.monotonic() - started
    data["cpu"] = {party: cpu_after[party] - cpu_before[party] for party in cpu_before}
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
    finished = data.get("finished", [])
    if finished:  # whether the slow pages were a start-up rush or all along
        start, windows = min(finished), {}
        for ended, took in zip(finished, times, strict=True):
            windows.setdefault(int((ended - start) // 10), []).append(took)
        print(
            "  p95 by 10 s: "
            + " · ".join(f"{_percentile(windows[w], 0.95):.0f}" for w in sorted(windows))
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
    cpu = data.get("cpu", {})
    if requests and cpu:
        spent = ", ".join(f"{party} {seconds:.0f}" for party, seconds in cpu.items())
        print(f"  CPU-seconds used (of {(os.cpu_count() or 1) * duration} available): {spent}")
        print(
            f"  web workers: {1000 * cpu['web workers'] / requests:.0f} ms of CPU per request,"
            f" PostgreSQL {1000 * cpu['PostgreSQL'] / requests:.0f} ms"
        )
    if guessers:
        guesses = data.get("guesses", 0)
        print(
            f"  guessers: {guesses} guesses ({guesses / duration:.1f}/s), "
            f"{data.get('stopped', 0)} stopped by the proxy, "
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
    parser.add_argument(
        "--no-proxy", action="store_true", help="without nginx in front: gunicorn alone"
    )
    args = parser.parse_args()
    args.nginx = None if args.no_proxy else shutil.which("nginx", path="/usr/sbin:/usr/bin")
    if not args.no_proxy and args.nginx is None:
        print("nginx isn't installed (apt-get install nginx-light): measuring gunicorn alone.")

    home = tempfile.mkdtemp(prefix="bounceback-bench-")
    env = _env(args, home)
    _prepare(args, env)
    backend = args.port + 1 if args.nginx else args.port
    serve = [str(Path(sys.executable).parent / "bounceback"), "serve", "--port", str(backend)]
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
    proxy = _start_proxy(args, home, backend) if args.nginx else None
    try:
        _wait_for(backend)
        _wait_for(args.port)
        load_before = os.getloadavg()
        print(f"\nMachine: {os.cpu_count()} cores, load average {load_before[0]:.1f} at the start")
        print(
            "In front: " + ("nginx, as in docs/hosting.md" if proxy else "nothing (gunicorn alone)")
        )
        servers = {"web workers": server.pid} | ({"nginx": proxy.pid} if proxy else {})
        quiet = _run_locust(args, env, guessers=0, servers=servers)
        _report(f"{args.users} seekers, no guessers", quiet, args.duration, 0)
        _reset_lockouts(env)
        noisy = _run_locust(args, env, guessers=args.guessers, servers=servers)
        _report(f"{args.users} seekers with {args.guessers} guessers", noisy, args.duration, 1)
        load_after = os.getloadavg()
        print(
            f"\nLoad average at the end: {load_after[0]:.1f} (1 min), {load_after[1]:.1f} (5 min)"
        )
    finally:
        if proxy is not None:
            os.killpg(proxy.pid, signal.SIGTERM)
            proxy.wait(timeout=30)
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
