"""Mailbox benchmark: messages/second and peak memory for the standard-library parse,
`triage` and `import`, over one generated mbox, in one run; "vs parse" is the time
beside the standard library's own parse of the same mailbox (the aim: at most 1x,
ideally 0.5x).

    uv run python bench/bench_mail.py                  # 100,000 messages
    uv run python bench/bench_mail.py --messages 5000 --json

The mbox is generated once (deterministic, seeded) and cached in --out. Each
measurement runs in its own subprocess so the peak resident memory of one
(ru_maxrss) does not hide in another's; "peak memory" is that peak minus the
process's resident size just before the work began (imports, model loaded).
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR_VERSION = 3

# --- the generated mailbox ---------------------------------------------------------

FIRST = ["Sam", "Alex", "Maria", "Jonas", "Priya", "Chen", "Fatima", "Lukas", "Emma", "Noah"]
LAST = ["Meyer", "Smith", "Garcia", "Okafor", "Novak", "Larsen", "Rossi", "Kim", "Dubois"]
COMPANIES = [
    "Acme",
    "Globex",
    "Initech",
    "Umbrella Health",
    "Northwind Traders",
    "Hooli",
    "Vandelay Industries",
    "Stark Logistics",
    "Wayne Analytics",
    "Tyrell Systems",
]
ROLES = ["Data Analyst", "Backend Engineer", "Product Designer", "Project Manager", "UX Researcher"]
ATS = [
    ("no-reply@greenhouse.io", "{company} Recruiting"),
    ("no-reply@hire.lever.co", "{company}"),
    ("{slug}@myworkday.com", "{company} Talent Acquisition"),
    ("no-reply@ashbyhq.com", "{company} Hiring Team"),
    ("mail@smartrecruiters.com", "{company} via SmartRecruiters"),
    ("jobs-noreply@linkedin.com", "LinkedIn"),
]
NEWSLETTERS = [
    ("news@substack.com", "The Weekly Brief", "list-id: <weekly.substack.com>"),
    ("newsletter@nytimes.com", "The Morning", "list-id: <morning.nytimes.com>"),
    ("digest@medium.com", "Medium Daily Digest", "list-id: <digest.medium.com>"),
    ("noreply@github.com", "GitHub", "list-id: <repo.owner.github.com>"),
    ("hello@spotify.com", "Spotify", "list-unsubscribe: <https://spotify.com/u>"),
]
SHOPS = [
    ("auto-confirm@amazon.com", "Amazon.com", "Your order #{n} has shipped"),
    ("service@paypal.com", "PayPal", "Receipt for your payment to {company}"),
    ("no-reply@uber.com", "Uber Receipts", "Your Tuesday evening trip"),
    ("info@deliveroo.co.uk", "Deliveroo", "Your order is on its way"),
    ("account-security-noreply@accountprotection.microsoft.com", "Microsoft", "Security alert"),
]
PERSONAL_SUBJECTS = [
    "Dinner on Saturday?",
    "Photos from the trip",
    "Re: the flat",
    "Happy birthday!",
    "Re: book club",
    "Quick question",
]
PERSONAL_LINES = [
    "Are you free this weekend? We could try the new place on the corner.",
    "Here are the photos I promised, sorry it took so long.",
    "Mum says hello and asks when you are visiting next.",
    "Can you send me the recipe? The one with the lentils.",
    "I finished the book, let's talk about it on Thursday.",
]
LOREM = (
    "This week we look at the markets, a new study on sleep, and the best films of the "
    "season. Read more on our website. You are receiving this because you subscribed. "
)
REJECTION_BODIES = [
    "Thank you for your interest in the {role} position at {company}. After careful "
    "consideration, we have decided not to move forward with your application at this time. "
    "We will keep your CV on file and encourage you to apply for future openings.",
    "Thank you for taking the time to interview with us for the {role} role. Unfortunately "
    "we have decided to proceed with other candidates whose experience more closely matches "
    "our needs. We wish you every success in your search.",
    "We appreciate you applying to {company}. The position of {role} has been put on hold, "
    "so we will not be progressing applications for now.",
]
OTHER_JOB = {
    "interview_invite": (
        "Invitation to interview: {role}",
        "We were impressed by your application for the {role} role at {company} and would "
        "like to invite you to an interview. Please choose a time slot using the link below.",
    ),
    "application_received": (
        "We received your application for {role}",
        "Thank you for applying to the {role} position at {company}. Our team will review "
        "your application and get back to you.",
    ),
    "assessment_invite": (
        "{company}: your coding assessment",
        "As the next step for the {role} role, please complete the online assessment within "
        "five days.",
    ),
    "offer": (
        "Offer of employment - {role}",
        "We are delighted to offer you the position of {role} at {company}. Please find the "
        "offer letter attached.",
    ),
}


def _person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return f"{first} {last}", f"{first.lower()}.{last.lower()}@gmail.com"


def _alternative(text: str, html: str, rng: random.Random, b64: bool = False) -> str:
    boundary = f"=_alt_{rng.getrandbits(48):x}"
    html_part = (
        "Content-Transfer-Encoding: base64\n\n" + base64.encodebytes(html.encode()).decode()
        if b64
        else "Content-Transfer-Encoding: quoted-printable\n\n" + html
    )
    return (
        f'Content-Type: multipart/alternative; boundary="{boundary}"\n\n'
        f"--{boundary}\nContent-Type: text/plain; charset=utf-8\n\n{text}\n"
        f"--{boundary}\nContent-Type: text/html; charset=utf-8\n{html_part}\n--{boundary}--\n"
    )


def _with_attachment(inner: str, rng: random.Random) -> str:
    boundary = f"=_mix_{rng.getrandbits(48):x}"
    size = rng.randint(20_000, 200_000)
    data = base64.encodebytes(rng.randbytes(size)).decode()
    head, _, body = inner.partition("\n\n")
    return (
        f'Content-Type: multipart/mixed; boundary="{boundary}"\n\n'
        f"--{boundary}\n{head}\n\n{body}\n"
        f"--{boundary}\nContent-Type: application/pdf; name=document.pdf\n"
        "Content-Disposition: attachment; filename=document.pdf\n"
        f"Content-Transfer-Encoding: base64\n\n{data}--{boundary}--\n"
    )


def make_message(i: int, rng: random.Random, when: datetime) -> bytes:
    """One realistic message: mostly not job mail, some job mail, some attachments and HTML."""
    roll = rng.random()
    company, role = rng.choice(COMPANIES), rng.choice(ROLES)
    extra = ""
    if roll < 0.50:
        addr, name, header = rng.choice(NEWSLETTERS)
        subject = rng.choice(["This week", "Your digest", "New for you", "Top stories"])
        text = LOREM * rng.randint(3, 12)
        body = _alternative(text, f"<html><body><p>{text}</p></body></html>", rng)
        extra = header + "\n"
    elif roll < 0.75:
        addr, name, subject = rng.choice(SHOPS)
        subject = subject.format(n=rng.randint(100000, 999999), company=company)
        text = f"Thanks for your order. Total: {rng.randint(5, 300)}.{rng.randint(10, 99)} EUR."
        body = _alternative(text, f"<table><tr><td>{text}</td></tr></table>", rng, b64=True)
    elif roll < 0.97:
        name, addr = _person(rng)
        subject = rng.choice(PERSONAL_SUBJECTS)
        text = "Hi,\n\n" + " ".join(rng.sample(PERSONAL_LINES, 2)) + f"\n\n{name.split()[0]}"
        body = f"Content-Type: text/plain; charset=utf-8\n\n{text}\n"
    else:
        slug = company.lower().split()[0]
        addr, name = rng.choice(ATS)
        addr, name = addr.format(slug=slug), name.format(company=company)
        if rng.random() < 0.5:
            subject = f"Your application to {company}"
            text = rng.choice(REJECTION_BODIES).format(role=role, company=company)
        else:
            subject, text = rng.choice(list(OTHER_JOB.values()))
            subject, text = subject.format(role=role, company=company), text
        text = f"Dear candidate,\n\n{text.format(role=role, company=company)}\n\nKind regards,\nThe {company} team"
        if rng.random() < 0.3:  # HTML-only ATS mail
            html = "<div>" + text.replace("\n\n", "</p><p>") + "</div>"
            body = "Content-Type: text/html; charset=utf-8\n\n" + f"<html><p>{html}</p></html>\n"
        else:
            body = f"Content-Type: text/plain; charset=utf-8\n\n{text}\n"
    if rng.random() < 0.02:
        body = _with_attachment(body, rng)
    headers = (
        f"Return-Path: <{addr}>\n"
        f"Received: from mx.example.net by mx.google.com; {format_datetime(when)}\n"
        f"X-GM-THRID: {rng.getrandbits(60)}\nX-Gmail-Labels: Inbox\n"
        f'From: "{name}" <{addr}>\nTo: you@example.org\nSubject: {subject}\n'
        f"Date: {format_datetime(when)}\nMessage-ID: <{i}.{rng.getrandbits(40):x}@bench.example>\n"
        f"MIME-Version: 1.0\n{extra}"
    )
    return (headers + body).encode()


def generate(path: Path, count: int) -> None:
    rng = random.Random(count)
    when = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)
    tmp = path.with_suffix(".partial")
    with tmp.open("wb") as out:
        for i in range(count):
            when += timedelta(minutes=rng.randint(1, 20))
            raw = make_message(i, rng, when)
            # mboxrd quoting, as Google Takeout and most writers do it
            raw = b"\n".join(
                b">" + line if line.lstrip(b">").startswith(b"From ") else line
                for line in raw.split(b"\n")
            )
            out.write(
                b"From 17%011d@xxx " % i + when.strftime("%a %b %d %H:%M:%S +0000 %Y").encode()
            )
            out.write(b"\n" + raw.rstrip(b"\n") + b"\n\n")
    tmp.replace(path)


# --- measurements (each in its own process) ----------------------------------------


def _rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _current_rss_kib() -> int:
    with Path("/proc/self/statm").open() as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def measure(kind: str, path: Path) -> dict[str, object]:
    sys.path.insert(0, str(ROOT / "src"))
    extra: dict[str, object] = {}
    if kind == "stdlib":
        import email
        import mailbox

        start_rss = _current_rss_kib()
        start = time.perf_counter()
        box = mailbox.mbox(str(path), create=False)
        count = sum(1 for key in box.iterkeys() if email.message_from_bytes(box.get_bytes(key)))
    elif kind == "triage":
        from bounceback.lib.mail.analysis import analyse_text
        from bounceback.lib.mail.triage import triage

        analyse_text("warm-up: loads the model before timing")
        start_rss = _current_rss_kib()
        start = time.perf_counter()
        count = sum(1 for _ in triage(path))
    elif kind == "import":
        home = tempfile.mkdtemp(prefix="bounceback-bench-")
        os.environ["BOUNCEBACK_HOME"] = home
        os.environ.pop("DATABASE_URL", None)
        from bounceback.cli.common import owner

        me = owner()  # starts Django and creates the schema in the throw-away folder
        from bounceback.lib.mail.analysis import analyse_text
        from bounceback.mailbox.importer import import_mailbox

        analyse_text("warm-up: loads the model before timing")
        start_rss = _current_rss_kib()
        start = time.perf_counter()
        report = import_mailbox(me, path)
        count = report.total
        extra = {k: v for k, v in report.as_dict().items() if k != "problems"}
    else:
        raise SystemExit(f"unknown measurement {kind}")
    seconds = time.perf_counter() - start
    return {
        "messages": count,
        "seconds": round(seconds, 2),
        "messages_per_second": round(count / seconds) if seconds else 0,
        "peak_memory_mib": round(max(0, _rss_kib() - start_rss) / 1024, 1),
        "peak_rss_mib": round(_rss_kib() / 1024, 1),
        **extra,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--messages", type=int, default=100_000, help="How many messages.")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(tempfile.gettempdir()) / "bounceback-bench",
        help="Where the generated mbox is cached.",
    )
    parser.add_argument("--only", choices=["stdlib", "triage", "import"], action="append")
    parser.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
    parser.add_argument("--measure", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure[0], Path(args.measure[1]))))
        return
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"bench-v{GENERATOR_VERSION}-{args.messages}.mbox"
    if not path.exists():
        print(f"Generating {args.messages:,} messages in {path} ...", file=sys.stderr)
        generate(path, args.messages)
    results: dict[str, object] = {
        "mbox": str(path),
        "mbox_mib": round(path.stat().st_size / 2**20, 1),
        "python": sys.version.split()[0],
    }
    for kind in args.only or ["stdlib", "triage", "import"]:
        print(f"Measuring {kind} ...", file=sys.stderr)
        done = subprocess.run(
            [sys.executable, __file__, "--measure", kind, str(path)],
            check=True,
            capture_output=True,
            text=True,
        )
        results[kind] = json.loads(done.stdout.strip().splitlines()[-1])
    parse = results.get("stdlib")
    for kind in ("triage", "import"):
        measured = results.get(kind)
        if isinstance(parse, dict) and isinstance(measured, dict) and parse["seconds"]:
            # The aim: triage at most as slow as the standard library's parse of the same
            # mailbox (issue 12 aims at half of it).
            measured["vs_parse"] = round(float(measured["seconds"]) / float(parse["seconds"]), 2)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"\n{results['mbox']} ({results['mbox_mib']} MiB), Python {results['python']}\n")
    print(
        f"{'':8} {'messages':>9} {'seconds':>8} {'vs parse':>9} {'msg/s':>8} {'peak MiB':>9} "
        f"{'RSS MiB':>8}"
    )
    for kind in args.only or ["stdlib", "triage", "import"]:
        r = results[kind]
        assert isinstance(r, dict)
        ratio = f"{r['vs_parse']:.2f}x" if "vs_parse" in r else "-"
        print(
            f"{kind:8} {r['messages']:>9,} {r['seconds']:>8} {ratio:>9} "
            f"{r['messages_per_second']:>8,} {r['peak_memory_mib']:>9} {r['peak_rss_mib']:>8}"
        )


if __name__ == "__main__":
    main()
