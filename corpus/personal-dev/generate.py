"""Write the personal-dev sender series: a few employers' house styles, one folder.

    uv run python corpus/personal-dev/generate.py

Each series is one sender writing to one person over a job search, in its own words:
the kind of mail the shipped recogniser was never trained on, where a person's few
corrections should teach bounceback the sender's style. Written by hand for developing
the personal layer (``lib/mail/personal.py``, ``scripts/evaluate_learning.py``); the
sentences vary from mail to mail so that "worded differently" is tested, and a series
mixes labels (one sender's receipts and rejections share a letterhead), so learning
that simply repeats a sender's last label is caught out.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).parent
PERSON = "Sam Okafor <sam.okafor@example.com>"
ROLES = [
    "Data Analyst",
    "Operations Coordinator",
    "Customer Success Manager",
    "Junior Accountant",
    "Project Officer",
    "Business Analyst",
    "Support Engineer",
    "Marketing Executive",
    "Procurement Assistant",
    "HR Administrator",
    "Logistics Planner",
    "Product Analyst",
]


def pick(rng: random.Random, *options: str) -> str:
    return rng.choice(options)


# --- 1. Fenwick Hale: receipts that dwell on not being shortlisted; rejections that
# sound like updates. ------------------------------------------------------------------


def fenwick(rng: random.Random, label: str, role: str) -> tuple[str, str]:
    sign = pick(
        rng,
        "Fenwick Hale Resourcing",
        "The Resourcing Team, Fenwick Hale",
        "Fenwick Hale People Team",
    )
    if label == "application_received":
        subject = pick(
            rng,
            f"{role} – your application",
            f"Your application: {role}",
            f"{role} (ref FH-{rng.randint(1000, 9999)})",
        )
        body = "\n\n".join(
            [
                pick(rng, "Dear Sam,", "Hello Sam,"),
                pick(
                    rng,
                    f"Your application for the {role} post has reached us.",
                    f"This is to let you know that your application for {role} has arrived safely.",
                    f"We have your application for the {role} vacancy.",
                ),
                pick(
                    rng,
                    "Due to the volume of applications, if you are not shortlisted you will not hear from us again, and we wish you well in your search.",
                    "Where an application is unsuccessful at this stage we are unable to give individual feedback, and we will not contact you further.",
                    "Should you not hear from us within three weeks, please assume that on this occasion you have not been successful.",
                ),
                pick(rng, "Kind regards,", "With best wishes,"),
                sign,
            ]
        )
    else:
        subject = pick(
            rng, f"{role} – update", f"Update on {role}", f"Your application: {role} – outcome"
        )
        body = "\n\n".join(
            [
                pick(rng, "Dear Sam,", "Hello Sam,"),
                pick(
                    rng,
                    f"Shortlisting for the {role} post has now closed and the panel has made its selection.",
                    f"We have now completed the selection for {role}.",
                    f"The panel has finished reviewing applications for {role}.",
                ),
                pick(
                    rng,
                    "On this occasion your application has not been taken forward.",
                    "We are sorry to say you have not been selected for interview.",
                    "Your application will not progress further this time.",
                ),
                pick(rng, "Kind regards,", "With best wishes,"),
                sign,
            ]
        )
    return subject, body


# --- 2. Larchmont Care Group: video "interviews" that are recorded assessments. -------


def larchmont(rng: random.Random, label: str, role: str) -> tuple[str, str]:
    if label == "assessment_invite":
        subject = pick(
            rng,
            f"Next step: your video interview for {role}",
            f"{role}: record your video interview",
            "Your Larchmont video interview link",
        )
        body = "\n\n".join(
            [
                "Hi Sam,",
                pick(
                    rng,
                    f"Thank you for applying for {role} with Larchmont Care Group. The next step is a short video interview.",
                    f"Great news: your application for {role} is moving to our video interview stage.",
                ),
                pick(
                    rng,
                    "You will see five questions on screen and record your answers in your own time, up to two minutes each.",
                    "Questions appear one at a time; you have thirty seconds to prepare and two minutes to record each answer.",
                    "There is no interviewer: you record your answers to a few set questions whenever suits you.",
                ),
                pick(
                    rng,
                    "Please complete it within 5 days using the link below.",
                    "The link stays open for 72 hours.",
                ),
                "https://larchmont-care.example/vi/" + str(rng.randint(10000, 99999)),
                "Warm wishes,\nLarchmont Care Group Recruitment",
            ]
        )
    elif label == "interview_invite":
        subject = pick(rng, f"Interview for {role} at Larchmont", f"{role}: meet the home manager")
        body = "\n\n".join(
            [
                "Hi Sam,",
                pick(
                    rng,
                    f"We would like to invite you to meet our home manager for the {role} role.",
                    f"Thank you for your video answers. We'd love you to come in for an interview for {role}.",
                ),
                pick(
                    rng,
                    "Would Tuesday at 10am suit you?",
                    "Please pick a time that suits you from the slots below.",
                ),
                "Warm wishes,\nLarchmont Care Group Recruitment",
            ]
        )
    else:
        subject = pick(rng, f"{role} at Larchmont", f"Your Larchmont application ({role})")
        body = "\n\n".join(
            [
                "Hi Sam,",
                pick(
                    rng,
                    f"Thank you for your interest in {role}. After careful thought we have decided to progress with other candidates.",
                    f"We're sorry to let you know that we won't be taking your application for {role} further.",
                ),
                "Warm wishes,\nLarchmont Care Group Recruitment",
            ]
        )
    return subject, body


# --- 3. Pemberton Talent (an agency): roles it thinks suit you; the person calls them
# other job mail, the recogniser reads invitations and offers in them. --------------


def pemberton(rng: random.Random, label: str, role: str) -> tuple[str, str]:
    if label == "other_job":
        subject = pick(
            rng,
            f"{role} – a great fit for you?",
            f"Exciting {role} opportunity",
            f"Would you be open to a {role} role?",
            f"New: {role}, hybrid",
        )
        body = "\n\n".join(
            [
                pick(rng, "Hi Sam,", "Hey Sam,", "Morning Sam,"),
                pick(
                    rng,
                    f"I've got a {role} role with a client in Leeds that I think is right up your street.",
                    f"One of my clients is hiring a {role} and your profile came straight to mind.",
                    f"A {role} position has just landed on my desk, paying up to £38k.",
                ),
                pick(
                    rng,
                    "If you're interested I can put you forward for an interview this week.",
                    "They're keen to interview quickly, so let me know if you'd like me to send your CV over.",
                    "Happy to set up a call to talk it through, and then get you an interview.",
                ),
                pick(rng, "Cheers,", "Speak soon,", "Best,"),
                "Jo Whitlock\nSenior Consultant, Pemberton Talent",
            ]
        )
    else:  # the agency arranging a real interview the person applied for
        subject = pick(rng, f"Interview confirmed: {role}", f"{role} – interview booked")
        body = "\n\n".join(
            [
                "Hi Sam,",
                pick(
                    rng,
                    f"Great news! The client would like to interview you for the {role} role you applied to through me.",
                    f"You're booked in for your {role} interview with the hiring manager.",
                ),
                pick(
                    rng,
                    "It's on Thursday at 2pm at their Leeds office.",
                    "It's a video call on Monday at 11am; the link will follow.",
                ),
                "Best,\nJo Whitlock\nSenior Consultant, Pemberton Talent",
            ]
        )
    return subject, body


# --- 4. Quayside Council: plain-text notices from a no-reply mailbox; its "unsuccessful
# at sift" notice and its receipts share one template. ------------------------------


def quayside(rng: random.Random, label: str, role: str) -> tuple[str, str]:
    ref = f"QC{rng.randint(10000, 99999)}"
    head = f"Quayside Council – Recruitment\nVacancy: {role}\nReference: {ref}"
    foot = "This mailbox is not monitored. Please do not reply to this e-mail."
    if label == "rejection":
        subject = f"Vacancy {ref}: sift result"
        body = "\n\n".join(
            [
                head,
                "Dear Applicant,",
                pick(
                    rng,
                    "The sift for this vacancy is complete. Your application did not meet the essential criteria to the level required and will not proceed.",
                    "Following the sift, your application has not been shortlisted for the next stage.",
                    "The sifting panel has assessed all applications. Yours was not among those shortlisted.",
                ),
                foot,
            ]
        )
    else:
        subject = f"Vacancy {ref}: application acknowledgement"
        body = "\n\n".join(
            [
                head,
                "Dear Applicant,",
                pick(
                    rng,
                    "Your application has been logged. The sift will take place after the closing date; shortlisted applicants will be contacted by e-mail.",
                    "Thank you for your application, which is now logged. Applicants not shortlisted after the sift will be notified.",
                    "This acknowledges your application. The panel will sift applications after the closing date and notify all applicants of the outcome.",
                ),
                foot,
            ]
        )
    return subject, body


# --- 5. Brightwater Hotels: kind rejections that keep the CV on file and point to other
# openings; invitations to a "trial shift" (an assessment). ------------------------------


def brightwater(rng: random.Random, label: str, role: str) -> tuple[str, str]:
    hotel = pick(rng, "Brightwater Harbour Hotel", "Brightwater Grand", "Brightwater Lakeside")
    sign = "Warmly,\nThe Brightwater People Team"
    if label == "rejection":
        subject = pick(
            rng, f"Your application – {role}", f"{role} at {hotel}", "Thank you from Brightwater"
        )
        body = "\n\n".join(
            [
                "Dear Sam,",
                pick(
                    rng,
                    f"Thank you so much for your interest in joining us as {role} at {hotel}.",
                    f"It was a pleasure to receive your application for {role}.",
                ),
                pick(
                    rng,
                    "We have had a wonderful response and this time we have chosen to offer the role to someone whose experience more closely fits.",
                    "On this occasion we won't be moving forward with your application.",
                    "The team has decided to continue with other applicants whose hospitality experience is closer to what we need.",
                ),
                pick(
                    rng,
                    "We'll keep your CV on file and would love you to look at our other openings across the group.",
                    "Please do keep an eye on our careers page: new roles open every week and we'd be glad to hear from you again.",
                    "We'd be delighted if you applied for another of our vacancies in future.",
                ),
                sign,
            ]
        )
    elif label == "assessment_invite":
        subject = pick(
            rng,
            f"Trial shift – {role}",
            f"Come and try a shift with us ({role})",
            f"{hotel}: your trial shift",
        )
        body = "\n\n".join(
            [
                "Dear Sam,",
                pick(
                    rng,
                    f"Thank you for your application for {role}. We'd love you to join us for a paid two-hour trial shift at {hotel}.",
                    f"The next step for the {role} role is a short working trial with the team, so you can see the job and we can see you at work.",
                ),
                pick(
                    rng,
                    "Please reply with the days you are free next week.",
                    "Bring comfortable black shoes; uniform is provided.",
                ),
                sign,
            ]
        )
    else:
        subject = pick(
            rng, f"We've got your application – {role}", f"Thanks for applying to {hotel}"
        )
        body = "\n\n".join(
            [
                "Dear Sam,",
                pick(
                    rng,
                    f"Thank you for applying for {role} at {hotel}. Your application is with our hiring team.",
                    f"Your application for {role} has reached the team at {hotel}.",
                ),
                pick(
                    rng,
                    "If your experience is a match, we'll be in touch about next steps; if not, we'll keep your CV on file for future openings.",
                    "We review every application and will keep your details for other roles across the group.",
                ),
                sign,
            ]
        )
    return subject, body


SERIES = {
    "fenwick-hale": (
        "Fenwick Hale Resourcing <recruitment@fenwickhale.example>",
        fenwick,
        ["application_received"] * 14 + ["rejection"] * 8,
    ),
    "larchmont-care": (
        "Larchmont Care Group <careers@larchmont-care.example>",
        larchmont,
        ["assessment_invite"] * 12 + ["interview_invite"] * 5 + ["rejection"] * 6,
    ),
    "pemberton-talent": (
        "Jo Whitlock <jo.whitlock@pembertontalent.example>",
        pemberton,
        ["other_job"] * 18 + ["interview_invite"] * 4,
    ),
    "quayside-council": (
        "Quayside Council Recruitment <no-reply@quayside-council.example>",
        quayside,
        ["application_received"] * 12 + ["rejection"] * 12,
    ),
    "brightwater-hotels": (
        "Brightwater People Team <people@brightwaterhotels.example>",
        brightwater,
        ["application_received"] * 8 + ["rejection"] * 10 + ["assessment_invite"] * 6,
    ),
}


def main() -> None:
    rng = random.Random(12)
    rows = []
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    for series, (sender, write, labels) in SERIES.items():
        order = labels[:]
        rng.shuffle(order)
        for i, label in enumerate(order, start=1):
            role = rng.choice(ROLES)
            subject, body = write(rng, label, role)
            msg = EmailMessage()
            msg["From"] = sender
            msg["To"] = PERSON
            msg["Subject"] = subject
            msg["Date"] = format_datetime(start + timedelta(days=3 * i, hours=rng.randint(0, 8)))
            msg["Message-ID"] = f"<{series}-{i}@personal-dev.example>"
            msg.set_content(body + "\n")
            name = f"{series}-{i:02d}.eml"
            (HERE / name).write_bytes(bytes(msg))
            rows.append({"file": name, "label": label, "series": series})
    (HERE / "labels.jsonl").write_text(
        "".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
