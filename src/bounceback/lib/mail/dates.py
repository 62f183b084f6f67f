"""Dated events read from a job e-mail: an interview's time, a test's deadline, the day to
answer an offer by, a first working day. Pure: no Django, text in and events out.

How it reads (each step a small function below; the word lists are data, per language):

1. The newest message only: quoted replies and forwarded history are cut, links dropped.
2. Every date written in the text ("Thursday 10 December at 2pm", "12-Mar-2026",
   "jeudi 15 octobre 2026", "bis spätestens Sonntag, 2. November 2025, 23:59 Uhr", "by
   Friday", "within three days") becomes a ``Mention``, resolved against the e-mail's own
   Date: (a weekday or a date without a year is the next one after it; "within three days"
   counts from it). Days before the e-mail are history ("thanks for Tuesday") and skipped.
3. A time next to it (or on the "Time:" line below a "Date:" line) is attached, with the
   time zone when the e-mail names one ("14:00 CET", "11:00 AM Eastern Time", "(GMT+8)",
   "heure de Paris"); a zone named by place follows that place's summer time.
4. What it is comes from the words around it (start date, accept by, complete by,
   interview...), limited by what kind of e-mail it is: an offer has a reply-by day and a
   start day, never an interview; a test invitation has a deadline. Several days offered
   to choose from ("Wed 3 Sep at 10am or Thu 4 Sep at 2pm?") are no event until one is
   confirmed.

Only the first event of each kind is kept; a later e-mail that moves it is the app's
business (it updates the event it proposed rather than adding another).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

KINDS = ("interview", "assessment_due", "reply_by", "start")
# What each kind of e-mail may hold; other e-mail (a rejection, a receipt) holds none.
KINDS_FOR_LABEL: dict[str, tuple[str, ...]] = {
    "interview_invite": ("interview", "reply_by"),
    "assessment_invite": ("assessment_due",),
    "offer": ("reply_by", "start"),
    "other_job": ("start",),
}

# --- words, per language (en, fr, de, es, nl) --------------------------------------

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "january jan janvier janv januar jänner enero ene januari",
        "february feb février fevrier févr fevr februar febrero februari",
        "march mar mars märz maerz marzo maart mrt",
        "april apr avril avr abril abr",
        "may mai mayo mei",
        "june jun juin juni junio",
        "july jul juillet juil juli julio",
        "august aug août aout agosto ago augustus",
        "september sep sept septembre septiembre setiembre",
        "october oct octobre oktober octubre okt",
        "november nov novembre noviembre",
        "december dec décembre decembre déc dezember dez diciembre dic",
    ],
    start=1,
):
    MONTHS.update(dict.fromkeys(_names.split(), _number))

WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "monday mon lundi montag lunes maandag",
        "tuesday tue tues mardi dienstag martes",
        "wednesday wed mercredi mittwoch miércoles miercoles woensdag",
        "thursday thu thur thurs jeudi donnerstag jueves donderdag",
        "friday fri vendredi freitag viernes vrijdag",
        "saturday sat samedi samstag sábado sabado zaterdag",
        "sunday sun dimanche sonntag domingo zondag",
    ]
):
    WEEKDAYS.update(dict.fromkeys(_names.split(), _number))
# Short forms that are also ordinary words ("sat", "sun", "mar", "wed") count only with a
# day number beside them, never alone.
_WEEKDAY_ALONE = {name for name in WEEKDAYS if len(name) > 4} | {"thurs", "tues"}

NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "ten": 10, "fourteen": 14, "a": 1, "un": 1, "une": 1, "deux": 2, "trois": 3,
    "cinq": 5, "sept": 7, "einem": 1, "zwei": 2, "drei": 3, "fünf": 5, "sieben": 7,
    "uno": 1, "dos": 2, "tres": 3, "cinco": 5, "siete": 7, "een": 1, "twee": 2,
    "drie": 3, "vijf": 5, "zeven": 7,
}  # fmt: skip

# Zones written as letters (matched in capitals only: "est" is French, "ist" German).
ZONE_LETTERS: dict[str, tzinfo] = {
    **{k: timezone(timedelta(hours=h)) for k, h in [
        ("UTC", 0), ("GMT", 0), ("WET", 0), ("BST", 1), ("IST", 5.5), ("CET", 1),
        ("MEZ", 1), ("WEST", 1), ("CEST", 2), ("MESZ", 2), ("EET", 2), ("EEST", 3),
        ("SGT", 8), ("HKT", 8), ("AWST", 8), ("JST", 9), ("ACST", 9.5), ("AEST", 10),
        ("AEDT", 11), ("NZST", 12), ("NZDT", 13), ("EST", -5), ("EDT", -4), ("CST", -6),
        ("CDT", -5), ("MST", -7), ("MDT", -6), ("PST", -8), ("PDT", -7)]},
    "ET": ZoneInfo("America/New_York"), "CT": ZoneInfo("America/Chicago"),
    "MT": ZoneInfo("America/Denver"), "PT": ZoneInfo("America/Los_Angeles"),
}  # fmt: skip
# Zones written as words, which follow the place's summer time.
ZONE_WORDS: list[tuple[str, str]] = [
    (r"eastern(?: standard| daylight)? time|eastern", "America/New_York"),
    (r"central(?: standard| daylight)? time", "America/Chicago"),
    (r"mountain(?: standard| daylight)? time", "America/Denver"),
    (r"pacific(?: standard| daylight)? time|pacific", "America/Los_Angeles"),
    (r"(?:uk|london|british) time|heure de londres", "Europe/London"),
    (r"(?:irish|dublin) time", "Europe/Dublin"),
    (r"lisbon time|hora de lisboa", "Europe/Lisbon"),
    (r"paris time|heure de paris|heure française|heure de france", "Europe/Paris"),
    (r"hora peninsular|hora de madrid|hora española|madrid time", "Europe/Madrid"),
    (r"berlin time|deutscher zeit|deutsche zeit", "Europe/Berlin"),
    (r"amsterdam time|nederlandse tijd", "Europe/Amsterdam"),
    (r"brussels time|heure de bruxelles", "Europe/Brussels"),
    (r"singapore time", "Asia/Singapore"),
    (r"india(?:n)? (?:standard )?time", "Asia/Kolkata"),
    (r"sydney time|melbourne time", "Australia/Sydney"),
]

# Cues for what a date is, by kind (all languages in one list each).
CUES = {
    "start": r"start(?:ing)?(?: date)?\b|first (?:working )?day|join(?:ing)? (?:us|date)|"
    r"date of joining|day of joining|internship period|commence|onboarding day|"
    r"eintritt|arbeitsbeginn|beginn\b|starttermin|date d'entrée|prise de poste|"
    r"date de début|incorporaci[oó]n|fecha de inicio|startdatum|eerste werkdag|in dienst",
    "reply": r"accept|let (?:me|us) know|reply|respond|get back to|confirm (?:your )?"
    r"(?:acceptance|whether)|sign(?:ed|ing)? and return|return(?:ing)? (?:it|the signed)|"
    r"offer (?:expires|is valid)|this offer|bescheid|rückmeldung|annehmen|zusage|"
    r"retourner|répon|votre accord|responder|respuesta|aceptar|laten weten|akkoord|"
    r"reageren",
    "deadline": r"\bby\b|before|until|no later than|on or before|within|deadline|\bdue\b|"
    r"expire|close|window|complete|submit|finish|record|send|bis\b|spätestens|frist|"
    r"avant|au plus tard|date limite|d'ici|plazo|entrega|antes de|a más tardar|"
    r"uiterlijk|vóór|inleveren|afronden",
    "interview": r"interview|meet|chat|call\b|call in|video|conversation|on-?site|panel|"
    r"selection (?:day|process)|confirmed for|move it to|reschedul|gespräch|termin|"
    r"entretien|rendez-vous|entrevista|reunión|gesprek|kennismak",
}
_CUE = {kind: re.compile(pattern, re.I) for kind, pattern in CUES.items()}
# Several days offered to choose from, or a question about which suits: not an event yet.
_CHOICE = re.compile(r"\bor\b|\bou\b|\boder\b|\bof\b|which (?:of these|suits)|pick|choose", re.I)

# --- patterns ------------------------------------------------------------------

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|e|\.|º)?"
_YEAR = r"(?P<year>20\d\d)"
_DATES = [
    # "Thursday 10 December 2026", "1. Oktober 2025", "16 de junio de 2025", "the 3rd of March"
    re.compile(
        rf"(?:\b(?P<wd>{_WEEKDAY})\.?,?\s+(?:the\s+|\(\s*)?)?\b{_DAY}\s*(?:of\s+|de\s+)?"
        rf"(?P<month>{_MONTH})\b\.?\)?(?:,?\s+(?:de\s+)?{_YEAR})?",
        re.I,
    ),
    # "September 23, 2025", "Wed 3 Sept" handled above; "May 19" here
    re.compile(
        rf"(?:\b(?P<wd>{_WEEKDAY})\.?,?\s+)?\b(?P<month>{_MONTH})\.?\s+{_DAY}\b(?:,?\s+{_YEAR})?",
        re.I,
    ),
    # "12-Mar-2026", "05 Dec 2025"
    re.compile(rf"\b(?P<day>[0-3]?\d)[-/ ](?P<month>{_MONTH})[-/ ]{_YEAR}", re.I),
    # "2026-12-10"
    re.compile(r"\b(?P<year>20\d\d)-(?P<mnum>[01]?\d)-(?P<day>[0-3]?\d)\b"),
    # "10.12.2026", "10/12/2026" (day first, unless that can't be)
    re.compile(r"\b(?P<day>[0-3]?\d)[./](?P<mnum>[01]?\d)[./](?P<year>20\d\d)\b"),
]
_WEEKDAY_ONLY = re.compile(
    rf"\b(?P<this>this|next|coming|ce|diesen|kommenden|este|próximo|deze|volgende)?\s*"
    rf"(?P<wd>{_WEEKDAY})\b(?P<week>\s+of this week)?",
    re.I,
)
_RELATIVE = re.compile(
    r"(?:within|in|expires in|sous|dans|innerhalb von|binnen|en un plazo de|dentro de)"
    r"\s+(?:the next\s+|les\s+|un délai de\s+)?(?P<n>\d{1,2}|[a-zäöüé]+)\s+"
    r"(?:business |working |calendar )?(?P<unit>days?|jours?|tage?n?|días|dagen|hours|heures"
    r"|stunden|horas|uur|weeks?|semaines?|wochen?|semanas?|weken)",
    re.I,
)
_TODAY = re.compile(r"\b(?P<word>today|tomorrow|demain|morgen|heute|vandaag)\b", re.I)

_TIMES = [
    re.compile(r"\b(?P<h>[01]?\d)(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?", re.I),
    re.compile(r"(?<![\d.,:])(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?![\d%])(?:\s*(?:h|uhr|uur)\b)?", re.I),
    re.compile(r"(?<![\d.,])\b(?P<h>[01]?\d|2[0-3])\s?h\s?(?P<m>[0-5]\d)?\b", re.I),
    re.compile(r"\b(?P<h>[01]?\d|2[0-3])\s*(?:uhr|uur)\b", re.I),
    re.compile(r"\b(?P<noon>noon|midday|mittag|midi|mediodía)\b", re.I),
    re.compile(r"\b(?P<midnight>midnight|minuit|mitternacht|medianoche|middernacht)\b", re.I),
    # "at 3", "um 10": a bare hour after "at"; small hours are afternoon ones.
    re.compile(r"\b(?:at|um|à|a las|om)\s+(?P<bare>[1-9]|1[0-2])\b(?![:.,\d]|\s*(?:%|days?|min|hours?|weeks?))", re.I),
]  # fmt: skip
_ZONE_LETTERS = re.compile(
    r"\b(?P<z>" + "|".join(sorted(ZONE_LETTERS, key=len, reverse=True)) + r")\b"
    r"(?:\s*(?P<sign>[+-])\s*(?P<oh>\d{1,2})(?::?(?P<om>\d\d))?)?"
)
_ZONE_WORDS = [(re.compile(rf"\b(?:{p})\b", re.I), name) for p, name in ZONE_WORDS]
_TIME_FIELD = re.compile(
    r"^\s*(?:reporting |start )?(?:time|heure|hora|uhrzeit|zeit|tijd|tijdstip)\s*:", re.I
)
_FOLLOW_TIME = re.compile(r"start at|will start|begins? at|report|arrive|commence|beginnt", re.I)
_QUOTE_START = re.compile(
    r"^\s*(?:>|on .{4,120} wrote:|le .{4,120} a écrit|am .{4,120} schrieb|"
    r"el .{4,120} escribió|op .{4,120} schreef|-{2,}\s*(?:original message|forwarded)|"
    r"from:\s.+$)",
    re.I | re.M,
)
_URL = re.compile(r"https?://\S+|www\.\S+")


@dataclass(frozen=True)
class MailEvent:
    """One dated thing the e-mail asks of the person or offers them."""

    kind: str  # interview | assessment_due | reply_by | start
    day: date
    at: time | None = None  # the wall-clock time as written, if any
    zone: tzinfo | None = None  # only when the e-mail names one
    evidence: str = ""  # the words it was read from
    zone_words: str = ""  # the zone as the e-mail wrote it ("CET", "Lisbon time")

    @property
    def when(self) -> date | datetime:
        """A date, a local time (no zone given), or an aware moment."""
        if self.at is None:
            return self.day
        moment = datetime.combine(self.day, self.at)
        return moment.replace(tzinfo=self.zone) if self.zone is not None else moment

    def iso(self) -> str:
        return self.when.isoformat()


@dataclass(frozen=True)
class _Mention:
    day: date
    start: int
    end: int
    relative: bool = False  # "within three days", "by Friday": a deadline's way of speaking


# --- reading -------------------------------------------------------------------


def newest_part(text: str) -> str:
    """The message itself: quoted replies and forwarded history cut, links dropped."""
    found = _QUOTE_START.search(text)
    return _URL.sub(" ", text[: found.start()] if found else text)


def _segments(text: str) -> list[str]:
    """Lines, and sentences within a line: the units a date and its cue share."""
    parts: list[str] = []
    for line in text.splitlines():
        parts += [p for p in re.split(r"(?<=[^\d\s][.!?])\s+(?=[A-ZÀ-Ý])", line.strip()) if p]
    return parts


def _year_for(month: int, day: int, reference: date) -> date | None:
    """The first such day from a week before the e-mail on (a date without its year)."""
    for year in (reference.year, reference.year + 1):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if found >= reference - timedelta(days=7):
            return found
    return None


def _next_weekday(weekday: int, reference: date, this_week: bool = False) -> date:
    if this_week:
        return reference + timedelta(days=weekday - reference.weekday())
    ahead = (weekday - reference.weekday()) % 7 or 7
    return reference + timedelta(days=ahead)


def mentions(segment: str, reference: date) -> list[_Mention]:
    """Every date written in one segment, in order, resolved against the e-mail's day."""
    found: list[_Mention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for pattern in _DATES:
        for m in pattern.finditer(segment):
            if not free(m.start(), m.end()):
                continue
            groups = m.groupdict()
            month = MONTHS.get((groups.get("month") or "").lower().rstrip(".")) or int(
                groups.get("mnum") or 0
            )
            day = int(groups["day"])
            if groups.get("mnum") and pattern is _DATES[4] and month > 12 >= day:
                day, month = month, day  # "12/31/2026": month first after all
            try:
                if groups.get("year"):
                    resolved: date | None = date(int(groups["year"]), month, day)
                else:
                    resolved = _year_for(month, day, reference)
            except ValueError:
                resolved = None
            taken.append((m.start(), m.end()))
            if resolved is not None:
                found.append(_Mention(resolved, m.start(), m.end()))
    for m in _WEEKDAY_ONLY.finditer(segment):
        if m["wd"].lower() not in _WEEKDAY_ALONE or not free(m.start("wd"), m.end("wd")):
            continue
        upcoming = _next_weekday(WEEKDAYS[m["wd"].lower()], reference, bool(m["week"]))
        taken.append((m.start(), m.end()))
        found.append(_Mention(upcoming, m.start(), m.end(), relative=True))
    for m in _RELATIVE.finditer(segment):
        n = int(m["n"]) if m["n"].isdigit() else NUMBERS.get(m["n"].lower())
        if not n or not free(m.start(), m.end()):
            continue
        unit = m["unit"].lower()
        days = n * 7 if unit[0] in "wsv" else (n + 23) // 24 if unit[0] in "hsu" else n
        found.append(_Mention(reference + timedelta(days=days), m.start(), m.end(), True))
    for m in _TODAY.finditer(segment):
        later = m["word"].lower() in ("tomorrow", "demain", "morgen")
        found.append(_Mention(reference + timedelta(days=int(later)), m.start(), m.end(), True))
    return sorted(found, key=lambda x: x.start)


def _times(segment: str) -> list[tuple[int, time]]:
    found: list[tuple[int, time]] = []
    for pattern in _TIMES:
        for m in pattern.finditer(segment):
            if any(abs(at - m.start()) < 3 for at, _ in found):
                continue
            groups = m.groupdict()
            if groups.get("noon"):
                found.append((m.start(), time(12, 0)))
            elif groups.get("midnight"):
                found.append((m.start(), time(23, 59)))
            elif groups.get("bare"):
                hour = int(groups["bare"])
                found.append((m.start(), time(hour + 12 if hour < 8 else hour, 0)))
            else:
                hour, minute = int(groups["h"]), int(groups.get("m") or 0)
                if groups.get("ap"):
                    if hour > 12:
                        continue
                    hour = hour % 12 + (12 if groups["ap"].lower() == "p" else 0)
                found.append((m.start(), time(hour, minute)))
    return sorted(found, key=lambda t: t[0])


def _zone(text: str) -> tuple[tzinfo, str] | None:
    """The time zone the text names, if any, and the words it names it with."""
    letters = _ZONE_LETTERS.search(text)
    if letters:
        if letters["sign"] and letters["z"] in ("GMT", "UTC"):
            minutes = int(letters["oh"]) * 60 + int(letters["om"] or 0)
            offset = timedelta(minutes=minutes if letters["sign"] == "+" else -minutes)
            return timezone(offset), letters[0]
        return ZONE_LETTERS[letters["z"]], letters["z"]
    for pattern, name in _ZONE_WORDS:
        found = pattern.search(text)
        if found:
            return ZoneInfo(name), found[0]
    return None


def _time_near(
    segment: str, mention: _Mention, following: Iterable[str]
) -> tuple[time, str] | None:
    """The time that goes with a date: after it, else before it, else on a line just below."""
    times = _times(segment)
    after = [t for t in times if t[0] >= mention.end]
    before = [t for t in times if t[0] < mention.start]
    if after:
        return after[0][1], segment[after[0][0] :]
    if before:
        return before[-1][1], segment[before[-1][0] :]
    for line in following:
        line_times = _times(line)
        if line_times and (_TIME_FIELD.match(line) or _FOLLOW_TIME.search(line)):
            return line_times[0][1], line[line_times[0][0] :]
    return None


def _kind(segment: str, context: str, allowed: tuple[str, ...], label: str) -> str | None:
    """What a date in this segment is, by the words around it and the kind of e-mail."""
    if "start" in allowed and _CUE["start"].search(segment):
        return "start"
    if (
        "reply_by" in allowed
        and _CUE["reply"].search(segment)
        and (_CUE["deadline"].search(segment) or label == "offer")
    ):
        return "reply_by"
    if "assessment_due" in allowed and _CUE["deadline"].search(segment):
        return "assessment_due"
    if "interview" in allowed and (
        _CUE["interview"].search(segment) or _CUE["interview"].search(context)
    ):
        return "interview"
    return None


def find_events(text: str, sent_at: datetime | date | None, label: str) -> list[MailEvent]:
    """The dated events in a job e-mail of this kind (``label`` as the analyser reads it).

    ``sent_at`` is the e-mail's Date: (relative days count from it); without one (a paste
    with no headers) nothing relative can be placed, so only written dates are read (a
    date without its year being the next one from today).
    """
    allowed = KINDS_FOR_LABEL.get(label, ())
    if not allowed or not text.strip():
        return []
    reference = (sent_at.date() if isinstance(sent_at, datetime) else sent_at) or None
    segments = _segments(newest_part(text))
    events: dict[str, MailEvent] = {}
    fallback: list[MailEvent] = []
    for index, segment in enumerate(segments):
        found = mentions(segment, reference or date.today())
        if reference is None:
            found = [m for m in found if not m.relative]
        found = [m for m in found if reference is None or m.day >= reference]
        if not found:
            continue
        if len({m.day for m in found}) > 1 and _CHOICE.search(segment) and "interview" in allowed:
            continue  # days to choose from
        context = " ".join(segments[max(0, index - 3) : index])
        kind = _kind(segment, context, allowed, label)
        # A window or a range of days: a deadline is its end, anything else its start.
        mention = found[-1] if kind in ("assessment_due", "reply_by") else found[0]
        following = segments[index + 1 : index + 3]
        near = _time_near(segment, mention, following)
        zone = _zone(near[1]) if near else None
        event = MailEvent(
            kind=kind or "",
            day=mention.day,
            at=near[0] if near else None,
            zone=zone[0] if zone else None,
            evidence=segment[:300],
            zone_words=zone[1] if zone else "",
        )
        if kind == "interview" and event.at is None:
            continue  # an interview is a conversation at a set time (the label guide says so)
        if kind is None:
            fallback.append(event)
        elif kind not in events:
            events[kind] = event
    _fill_from_fallback(events, fallback, allowed, label)
    return [events[k] for k in KINDS if k in events]


def _fill_from_fallback(
    events: dict[str, MailEvent], fallback: list[MailEvent], allowed: tuple[str, ...], label: str
) -> None:
    """A date with no cue beside it, when the kind of e-mail leaves only one reading."""
    if label == "interview_invite" and "interview" not in events:
        timed = [e for e in fallback if e.at is not None]
        if timed:
            events["interview"] = _as(timed[0], "interview")
    if label == "assessment_invite" and "assessment_due" not in events and len(fallback) == 1:
        events["assessment_due"] = _as(fallback[0], "assessment_due")


def _as(event: MailEvent, kind: str) -> MailEvent:
    return MailEvent(kind, event.day, event.at, event.zone, event.evidence, event.zone_words)
