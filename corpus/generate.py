"""Write a labelled synthetic corpus of job-search (and not job-search) e-mail.

    uv run python corpus/generate.py --n 6000 --out corpus/generated.jsonl

Each line: from_name, from_addr, subject, text, and the truth (label, company,
role, contact_name, stage, has_feedback, reapply_invite, outside_control).
Deterministic for a given --seed. The training script imports ``generate``
directly; the JSONL is for looking at what the model learns from.

The held-out test set (corpus/handwritten) is written by hand with different
wording and is never generated from these templates.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fillers as fl  # noqa: E402
import templates_job as tj  # noqa: E402
from templates_other import NOT_JOB  # noqa: E402

LABEL_WEIGHTS = {
    "rejection": 30,
    "not_job": 26,
    "other_job": 12,
    "interview_invite": 9,
    "application_received": 10,
    "assessment_invite": 6,
    "offer": 7,
}
TEAMS = ["data", "platform", "design", "growth", "finance", "operations", "mobile", "research"]


def _fmt(text: str, slots: dict[str, Any]) -> str:
    return text.format(**slots)


def _htmlise(rng: random.Random, text: str) -> str:
    """What a careless HTML-to-text conversion leaves behind."""
    paragraphs = text.split("\n\n")
    styled = "".join(
        f'<p style="margin:0 0 12px">{p.replace(chr(10), "<br>")}</p>' for p in paragraphs
    )
    styled = styled.replace("'", "&#39;").replace(" & ", " &amp; ")
    if rng.random() < 0.5:
        styled = f'<table width="100%"><tr><td>{styled}</td></tr></table>'
    return (
        styled
        if rng.random() < 0.5
        else styled.replace("<p", "\n<p").replace("</td>", "</td>\n   ")
    )


def _forward(rng: random.Random, rec: dict[str, Any], cand: str) -> None:
    note = rng.choice(
        ["FYI - bad news :(", "", "Can you believe this?", "Adding to the tracker.", "see below"]
    )
    header = rng.choice(
        [
            "---------- Forwarded message ---------",
            "Begin forwarded message:",
            "-----Original Message-----",
        ]
    )
    sender = f"{rec['from_name']} <{rec['from_addr']}>" if rec["from_name"] else rec["from_addr"]
    block = f"{note}\n\n{header}\nFrom: {sender}\nDate: Mon, 3 Jun 2024 at 10:12\nSubject: {rec['subject']}\nTo: <{cand.lower()}@gmail.com>\n\n"
    rec["text"] = block + rec["text"]
    rec["subject"] = rng.choice(["Fwd: ", "Fw: ", "WG: ", "FW: "]) + rec["subject"]
    rec["from_name"], rec["from_addr"] = cand + " Smith", f"{cand.lower()}.smith@gmail.com"


def _job_message(
    rng: random.Random, label: str, slots: dict[str, Any]
) -> tuple[str, list[str], dict[str, Any], bool]:
    """Subject, paragraphs, truth fields, and whether a person may sign it."""
    truth: dict[str, Any] = {"company": slots["company"], "role": slots["role"]}
    if label == "rejection":
        subject, parts, extra = tj.rejection(rng, slots)
        truth.update(extra)
        if "{role}" not in " ".join(parts) + subject:
            truth["role"] = None
        return subject, parts, truth, True
    pools = {
        "interview_invite": (tj.INTERVIEW_SUBJECTS, tj.INTERVIEW_LINES, tj.INTERVIEW_ASK),
        "offer": (tj.OFFER_SUBJECTS, tj.OFFER_LINES, tj.OFFER_DETAILS),
        "application_received": (tj.RECEIVED_SUBJECTS, tj.RECEIVED_LINES, tj.RECEIVED_NEXT),
        "assessment_invite": (tj.ASSESS_SUBJECTS, tj.ASSESS_LINES, tj.ASSESS_NEXT),
    }
    if label in pools:
        subjects, lines, nexts = pools[label]
        parts = [rng.choice(lines), *rng.sample(nexts, k=rng.randint(1, 2))]
        subject = rng.choice(subjects)
        if "{role}" not in " ".join(parts) + subject:
            truth["role"] = None
        return subject, parts, truth, label != "application_received" or rng.random() < 0.3
    kind = rng.choice(
        [
            "another",
            "outreach",
            "outreach",
            "alert",
            "alert",
            "alert",
            "check",
            "refs",
            "status",
            "ooo",
            "candidate",
            "community",
        ]
    )
    subject = rng.choice(tj.OTHER_SUBJECTS[kind])
    late = {
        "check": tj.CHECK_LINES,
        "refs": tj.REFERENCE_LINES,
        "status": tj.STATUS_LINES,
        "ooo": tj.AUTO_REPLY_LINES,
    }
    if kind in late:
        line = rng.choice(late[kind])
        if "{role}" not in line + subject:
            truth["role"] = None
        return subject, [line], truth, kind in ("refs", "ooo")
    if kind == "candidate":
        line = rng.choice(tj.CANDIDATE_LINES)
        if "{company}" not in line + subject:
            truth["company"] = None
        if "{role}" not in line + subject:
            truth["role"] = None
        return subject, [line], truth, False
    if kind == "community":
        line = rng.choice(tj.COMMUNITY_LINES)
        if "Community" in line:
            truth["role"] = None
        return subject, [line], truth, "referral" in line
    if kind == "another":
        return (
            subject,
            [rng.choice(tj.ANOTHER_ROLE_LINES), "Let me know a good time for a call."],
            truth,
            True,
        )
    if kind == "outreach":
        line = rng.choice(tj.OUTREACH_LINES)
        if "{company}" not in line:
            truth["company"] = None
        return subject, [line, "Happy to share more details if you're interested."], truth, True
    truth["company"] = truth["role"] = None
    return (
        subject,
        [rng.choice(tj.ALERT_LINES), "Manage your job alerts | Unsubscribe"],
        truth,
        False,
    )


_PLACEHOLDERS = {
    "company": ["[Company Name]", "{{company_name}}", "[Company]", "XYZ Corp", "<Company Name>"],
    "role": ["[Job Title]", "{{job_title}}", "[Position]", "[Position Title]", "{job_title}"],
    "person": ["[Your Name]", "{{recruiter_name}}", "[Hiring Manager Name]", "[Recruiter Name]"],
    "cand": ["[Candidate Name]", "{{candidate_first_name}}", "[First Name]", "[Applicant Name]"],
}


def _as_template(rng: random.Random, rec: dict[str, Any], slots: dict[str, Any]) -> None:
    """A sample from an HR template site or a vendor's help centre: placeholders instead of
    names, often pasted without headers. Blanks are never a company, role or contact."""
    for key in ("company", "role", "person", "cand"):
        value = str(slots[key]) if key != "person" else str(slots["person"])
        blank = rng.choice(_PLACEHOLDERS[key])
        for field in ("text", "subject", "from_name"):
            rec[field] = rec[field].replace(value, blank)
            if key == "person":
                rec[field] = rec[field].replace(str(slots["pfirst"]), blank)
    rec.update(company=None, role=None, contact_name=None)
    if rng.random() < 0.7:
        rec["from_name"], rec["from_addr"] = "", ""


def generate(n: int = 6000, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    labels = list(LABEL_WEIGHTS)
    weights = list(LABEL_WEIGHTS.values())
    out: list[dict[str, Any]] = []
    for _ in range(n):
        label = rng.choices(labels, weights)[0]
        company, company2, company3 = rng.sample(fl.COMPANIES, 3)
        role, role2 = rng.sample(fl.ROLES, 2)
        person = f"{rng.choice(fl.FIRST)} {rng.choice(fl.LAST)}"
        cand = rng.choice(fl.CANDIDATES)
        slots = {
            "company": company,
            "company2": company2,
            "company3": company3,
            "role": role,
            "role2": role2,
            "person": person,
            "pfirst": person.split()[0],
            "plast": person.split()[-1].lower(),
            "cand": cand,
            "n": rng.randint(2, 40),
            "slug": fl.slug(company),
            "team": rng.choice(TEAMS),
        }
        if label == "not_job":
            name, addr, subject, body = (_fmt(x, slots) for x in rng.choice(NOT_JOB))
            rec: dict[str, Any] = {
                "from_name": name,
                "from_addr": addr.lower(),
                "subject": subject,
                "text": body,
                "label": label,
            }
            rec.update(company=None, role=None, contact_name=None)
        else:
            subject, parts, truth, person_ok = _job_message(rng, label, slots)
            sender = fl.make_sender(
                rng, company, person, "linkedin" if "alert" in subject.lower() else None
            )
            if label == "other_job" and truth["company"] is None and rng.random() < 0.6:
                sender = fl.Sender(
                    rng.choice(["LinkedIn Job Alerts", "Indeed", "Glassdoor Jobs"]),
                    rng.choice(
                        [
                            "jobalerts-noreply@linkedin.com",
                            "alert@indeed.com",
                            "noreply@glassdoor.com",
                        ]
                    ),
                    "",
                    None,
                    "board",
                )
            greeting = _fmt(rng.choice(fl.GREETINGS), slots)
            sig, signer = fl.signature(
                rng, company, person, allow_person=person_ok and sender.person in (None, person)
            )
            legal = _fmt(rng.choice(fl.LEGAL), slots)
            body_parts = [greeting] if greeting else []
            body_parts += [_fmt(p, slots) for p in parts if p]
            body_parts += [sig, legal, sender.footer]
            text = "\n\n".join(p for p in body_parts if p)
            if rng.random() < 0.25:  # one paragraph, as many ATS templates send it
                text = text.replace("\n\n", "\n", 2)
            rec = {
                "from_name": sender.from_name,
                "from_addr": sender.from_addr,
                "subject": _fmt(subject, slots),
                "text": text,
                "label": label,
            }
            rec.update(truth, contact_name=signer or sender.person)
            if label == "other_job" and truth["company"] is None:
                rec["contact_name"] = signer
        if label != "not_job" and rng.random() < 0.08:
            _as_template(rng, rec, slots)
        roll = rng.random()
        if roll < 0.08 and label != "not_job":
            _forward(rng, rec, cand)
        elif roll < 0.2:
            rec["text"] = _htmlise(rng, rec["text"])
        out.append(rec)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=6000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("generated.jsonl"))
    args = parser.parse_args()
    records = generate(args.n, args.seed)
    with args.out.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} messages to {args.out}")


if __name__ == "__main__":
    main()
