"""Getting the facts out of a job e-mail: who, which company, which role.

Pure functions over already-decoded text. Each extractor tries its sources in
order of how much they can be trusted (the employer's own words in the body,
then the subject, then the sender) and returns None rather than a guess when
nothing looks right: an empty field costs the user one click, a wrong company
silently files the rejection under the wrong application.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from bounceback.lib.mail.patterns import words
from bounceback.lib.mail.senders import ATS_DOMAINS, ATS_NAMES, NO_REPLY_RE

# --- text clean-up -----------------------------------------------------------

# "<jane@acme.com>" in a quoted header is an address, not a tag: keep it.
_TAG = re.compile(
    r"<(?:style|script)\b.*?</(?:style|script)>|<!--.*?-->|<(?!\s*[\w.+-]+@[\w.-]+\s*>)[/!a-zA-Z][^>\n]{0,400}>",
    re.S | re.I,
)
_BLOCK_TAG = re.compile(r"<\s*(?:br|/p|/div|/tr|/li|/h\d|p|div|tr|li|h\d)\b[^>]*>", re.I)
_SPACES = re.compile(r"[ \t\u00a0\u200b\u200c\u200d\ufeff]+")
_BLANKS = re.compile(r"\n\s*\n\s*(?:\n\s*)+")
_QUOTED_REPLY = re.compile(
    r"^\s*On .{5,200}wrote:\s*$|^-{2,}\s*Original Message\s*-{2,}|^_{10,}\s*$|"
    r"^\s*(?:Am|Le|El|Op) .{5,200}(?:schrieb|a écrit|escribió|geschreven)[^\n]{0,80}:\s*$|"
    r"^(?:From|Von|De|Van): [^\n]+\n(?:Sent|Gesendet|Envoyé|Enviado|Verzonden|Date|Datum): ",
    re.M | re.I,
)


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00ad": None})


def clean_text(text: str) -> str:
    """Plain text with leftover markup, entities and odd whitespace tidied away."""
    if "<" in text and ">" in text:
        text = _BLOCK_TAG.sub("\n", text)
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Typographic quotes would defeat every "won't" and "we've" in the rules.
    text = text.translate(_QUOTES)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANKS.sub("\n\n", text).strip()


# Template placeholders, as HR sample sites, ATS vendors' default templates and anonymised
# forum posts write them: "[Company Name]", "{{job_title}}", "{candidate_first_name}",
# "[[Recruiter]]", "<<Company>>", "%FIRST_NAME%", "<Hiring Manager Name>", and the stock
# sample employers "XYZ Corp" / "ABC Company". None of them is a company, a role or a
# person: they are blanked before anything is extracted (the importer must never create
# a company called "[Company Name]").
_PLACEHOLDER_WORDS = (
    r"name|company|employer|organi[sz]ation|business|firm|title|position|role|job|vacancy|"
    r"date|time|day|deadline|address|location|city|link|url|website|salary|amount|number|"
    r"candidate|applicant|recruiter|manager|interviewer|contact|sender|signature|insert|"
    r"your|first|last|department|team|phone|e-?mail|platform|duration|details?|x|xx|skills?|"
    r"field|industry|hiring|start|benefits?|person|month|year|reason|redacted|removed|"
    r"anonymi[sz]ed|censored|omitted|withheld"
)
PLACEHOLDER_RE = re.compile(
    r"\{\{[^{}\n]{1,60}\}\}|\{%[^{}\n]{1,60}%\}|\$?\{[A-Za-z_][\w .'-]{0,40}\}|\[\[[^\[\]\n]{1,60}\]\]|"
    r"<<[^<>\n]{1,60}>>|%[A-Z][A-Z_]{1,40}%|%%[\w .-]{1,40}%%|\*\|[\w:]{1,40}\|\*|"
    r"\{![\w.]{1,60}\}|\$[A-Z][A-Z_]{1,40}\$|_{4,}|\*{3,}|"
    r"\[(?=[^\]\n]{0,50}\b(?i:" + _PLACEHOLDER_WORDS + r")\b)[A-Za-z][^\[\]\n:/@]{0,50}\]|"
    r"<(?=[^>\n]{0,50}\b(?i:" + _PLACEHOLDER_WORDS + r")\b)[A-Z][A-Za-z' _-]{1,50}>|"
    r"\b(?:XYZ|ABC)(?:[ ](?:Corp(?:oration)?|Company|Co|Ltd|Limited|Inc|Industries|Solutions|"
    r"Technologies|Group|Enterprises|LLC|Organi[sz]ation|Pvt))*\b\.?|\bCompany [XYZ]\b"
)
_GENERIC_VALUE = re.compile(
    r"^(?i:(?:the |your |our )?(?:company|organi[sz]ation|employer|business|firm|job|position|role|candidate|"
    r"applicant|hiring manager|recruiter|interviewer)(?: name| title)?|job title|position title|"
    r"first name|last name|full name|your name|name)$"
)


def scrub_placeholders(text: str) -> str:
    """Blank template placeholders ("[Company Name]", "{{job_title}}", "XYZ Corp")."""
    if not any(c in text for c in "[{<%_XA*$"):
        return text
    return PLACEHOLDER_RE.sub("", text)


def is_placeholder(value: str | None) -> bool:
    """True for an extracted value that is a template blank, not a real name."""
    if not value:
        return False
    return bool(
        PLACEHOLDER_RE.search(value)
        or _GENERIC_VALUE.match(value.strip())
        or any(c in value for c in "[]{}<>%")
    )


def strip_quoted(text: str) -> str:
    """The new part of a reply: drop '>' lines and everything after 'On ... wrote:'."""
    match = _QUOTED_REPLY.search(text)
    if match and match.start() > 40:
        text = text[: match.start()]
    if ">" in text:
        text = "\n".join(line for line in text.split("\n") if not line.startswith(">"))
    return text


# --- headers: pasted e-mails and forwarded ones --------------------------------

_HEADER_LINE = re.compile(
    r"^(from|von|de|van|från|fra|to|an|à|a|para|cc|sent|gesendet|envoyé|enviado|date|datum|"
    r"subject|betreff|objet|asunto|onderwerp|ämne|emne|reply-to)\s*:\s*(.*)$",
    re.I,
)
_HEADER_KEYS = {
    "from": "from",
    "von": "from",
    "de": "from",
    "van": "from",
    "från": "from",
    "fra": "from",
    "subject": "subject",
    "betreff": "subject",
    "objet": "subject",
    "asunto": "subject",
    "onderwerp": "subject",
    "ämne": "subject",
    "emne": "subject",
    "date": "date",
    "datum": "date",
    "sent": "date",
    "gesendet": "date",
    "envoyé": "date",
    "enviado": "date",
    "to": "to",
    "an": "to",
    "à": "to",
    "a": "to",
    "para": "to",
    "cc": "cc",
    "reply-to": "reply-to",
}
_FORWARD_MARK = re.compile(
    r"^[ \t>]*(?:-{3,}\s*(?:forwarded message|weitergeleitete nachricht|message transf[ée]r[ée]|"
    r"mensaje reenviado|doorgestuurd bericht|(?P<orig>original message|ursprüngliche nachricht|"
    r"message d'origine|mensaje original|oorspronkelijk bericht))"
    r"\s*-{3,}|begin forwarded message:|forwarded message:?|(?P<line>_{10,}))\s*$",
    re.I | re.M,
)
# Outlook writes the same "Original Message" line (or a rule of underscores, or just a
# From:/Sent: block) above a quoted reply and a forward alike: the subject tells them apart.
_FORWARD_SUBJECT = re.compile(
    r"^\s*(?:(?:re|aw|sv|antw)\s*:\s*)*(?:fwd?|fw|wg|tr|rv|doorst|enc)\s*:", re.I
)
_OUTLOOK_BLOCK = re.compile(
    r"^(?:From|Von|De|Van): [^\n]+\n(?:Sent|Gesendet|Envoyé|Enviado|Verzonden|Date|Datum): ",
    re.M | re.I,
)
_ADDRESS = re.compile(
    r"^\s*\"?([^\"<]*?)\"?\s*<\s*([^>\s]+@[^>\s]+)\s*>|^\s*([^\s<>]+@[^\s<>]+)\s*(?:\((.*)\))?"
)
_MAILTO = re.compile(r"\[mailto:[^\]]*\]|mailto:\S+")


@dataclass(frozen=True, slots=True)
class Headers:
    """Header lines found at the top of a block of text, and the body after them."""

    fields: dict[str, str]
    body: str


def parse_header_block(text: str) -> Headers:
    """Read 'From:/Subject:/Date:/To:' lines at the top of ``text`` (pasted or forwarded)."""
    lines = text.lstrip("\n").split("\n")
    fields: dict[str, str] = {}
    index = 0
    last = ""
    while index < len(lines) and index < 30:
        line = lines[index]
        match = _HEADER_LINE.match(line.strip())
        if match:
            last = _HEADER_KEYS[match.group(1).lower()]
            fields.setdefault(last, _MAILTO.sub("", match.group(2)).strip())
        elif line.strip() == "" and fields:
            index += 1
            break
        elif last and line[:1] in (" ", "\t") and fields:
            fields[last] += " " + line.strip()  # a folded header continues
        elif fields or line.strip():
            break
        index += 1
    if not fields:
        return Headers({}, text)
    return Headers(fields, "\n".join(lines[index:]))


def parse_address(value: str) -> tuple[str, str]:
    """'Jane Doe <jane@acme.com>' -> ('Jane Doe', 'jane@acme.com'); tolerant of odd forms."""
    value = _MAILTO.sub("", value).strip()
    match = _ADDRESS.match(value)
    if not match:
        return value.strip().strip('"'), ""
    if match.group(2):
        return match.group(1).strip().strip("'\""), match.group(2).lower()
    return (match.group(4) or "").strip(), match.group(3).lower()


def unwrap_forwarded(text: str, subject: str = "") -> Headers | None:
    """The original message inside a forward ('---- Forwarded message ----'), if any.

    A mark Outlook also puts above quoted replies ("-----Original Message-----", a
    line of underscores, a bare From:/Sent: block) counts only when the subject is
    a forward's ("FW: ...") or unknown (pasted text).
    """
    forward_subject = not subject or bool(_FORWARD_SUBJECT.match(subject))
    match = _FORWARD_MARK.search(text)
    while match and (match.group("orig") or match.group("line")) and not forward_subject:
        match = _FORWARD_MARK.search(text, match.end())
    start = match.end() if match else None
    if start is None and forward_subject and subject:
        block_start = _OUTLOOK_BLOCK.search(text)
        start = block_start.start() if block_start else None
    if start is None:
        return None
    block = parse_header_block(text[start:].lstrip("\n"))
    if "from" not in block.fields and "subject" not in block.fields:
        return None
    return block


# --- sender ------------------------------------------------------------------


def domain_of(addr: str) -> str:
    return addr.rpartition("@")[2].lower().strip(">. ")


def registrable(domain: str) -> str:
    """'us.greenhouse-mail.io' -> 'greenhouse-mail.io'; keeps 'acme.co.uk' whole."""
    parts = domain.split(".")
    if (
        len(parts) >= 3
        and parts[-2] in {"co", "com", "org", "ac", "gov", "net", "ne"}
        and len(parts[-1]) == 2
    ):
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def is_ats_domain(domain: str) -> bool:
    return registrable(domain) in ATS_DOMAINS or domain in ATS_DOMAINS


def is_no_reply(addr: str) -> bool:
    return bool(NO_REPLY_RE.match(addr.partition("@")[0]))


# --- names -------------------------------------------------------------------

# Words that make a name an organisation or a mailbox, never a person.
_ORG_WORDS = words(
    """
    team talent recruiting recruitment recruiter recruiters hr people careers career hiring
    acquisition department group inc ltd llc gmbh corp company jobs job notifications
    notification no-reply noreply reply support info admin office services service the via human
    resources staff staffing customer alerts alert digest newsletter partners partner ag plc
    limited personalabteilung équipe equipo recrutement bewerbermanagement candidate candidates
    applications application portal system mailer daemon updates network systems solutions labs
    studio studios technologies software health bank consulting capital games media foods energy
    clinics clinic university college school hotels insurance pharma logistics robotics
    analytics retail recruitment consultancy agency council district county city borough
    trust association academy foundation hospital gemeente mairie ayuntamiento stadt
    stadtwerke universiteit université universidad universität hogeschool école escuela
    schule klinik klinikum clinique clínica kliniek hôpital ziekenhuis krankenhaus café cafe
    restaurant hotel hôtel grupo groupe gruppe groep banque banco recursos humanos
    ressources humaines personal werken bij empleo carrières carrieres karriere recrutement
    selección seleccion werving selectie stiftung fondation fundación tuincentrum
    kinderopvang bureau cabinet kanzlei apotheke pharmacie farmacia taller atelier editorial
    logistik logística transports boulangerie bakery
    """
)
_NAME_WORD = re.compile(
    r"^(?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+)?|[A-Z]\.?|Mc[A-Z][a-z]+|O'[A-Z][a-z]+)$"
)
_NAME_PARTICLES = words(
    """
    van von de da del der den di la le bin al dos du ter
    """
)


def looks_like_person(name: str, *, single_ok: bool = False) -> bool:
    """True for 'Jane Doe', 'María José García', 'Jan van der Berg'; False for 'Acme Talent Team'."""
    words = name.replace(",", " ").split()
    if not words or len(words) > 5 or (len(words) == 1 and not single_ok):
        return False
    if any(part in _ORG_WORDS for w in words for part in w.lower().strip(".").split("-")):
        return False
    if name.lower() in ATS_NAMES:
        return False
    capitalised = 0
    for word in words:
        if word.lower() in _NAME_PARTICLES:
            continue
        if not _NAME_WORD.match(word):
            return False
        capitalised += 1
    return capitalised >= 1 and len(words[0]) > 1


_VIA = re.compile(r"^(.+?)\s+(?:at|from|@|with|via|\||-|–|—|,)\s+(.+)$", re.I)
_PAREN = re.compile(r"^(.+?)\s*\((.+)\)$")


def split_display_name(display: str) -> tuple[str | None, str | None]:
    """'Jane at Acme' -> ('Jane', 'Acme'); 'Acme Recruiting' -> (None, 'Acme'); 'Jane Doe' -> ('Jane Doe', None)."""
    display = display.strip().strip("'\"")
    if not display or "@" in display:
        return None, None
    for pattern in (_PAREN, _VIA):
        match = pattern.match(display)
        if match:
            left, right = match.group(1).strip(), match.group(2).strip()
            if right.lower() in ATS_NAMES:  # "Acme via Greenhouse"
                return split_display_name(left)
            if looks_like_person(left, single_ok=True) and not looks_like_person(right):
                return left, company_from_org_name(right)
            if looks_like_person(right, single_ok=True) and not looks_like_person(left):
                return right, company_from_org_name(left)
    if looks_like_person(display):
        return display, None
    return None, company_from_org_name(display)


_ORG_TAIL = re.compile(
    r"[\s,|:-]*\b(?:talent acquisition|talent team|talent|recruiting team|recruiting|recruitment team|"
    r"recruitment unit|recruitment|recruiter|careers?|jobs|hiring team|hiring|hr team|hr|people team|"
    r"people ops|people|team|notifications?|notify|no-?reply|candidate experience|personalabteilung|"
    r"personal|karriere|recrutement|carri[èe]res?|empleo|empleos|selecci[óo]n|rrhh|recursos humanos|"
    r"vacatures|werken bij|human resources|talent acquisition team|ressources humaines|recrutamento)\b\.?$",
    re.I,
)
_ORG_HEAD = re.compile(
    r"^(?:the|team|careers at|jobs at|hiring at|recruiting at|werken bij|karriere bei|jobs bei|"
    r"carri[èe]res chez|empleo en|trabaja en|recrutement|recruitment|recruiting|careers|talent|"
    r"rh|rrhh|hr|personal|empleo|karriere)\s+",
    re.I,
)


def company_from_org_name(name: str) -> str | None:
    """'Acme Recruiting' -> 'Acme'; 'The Globex Talent Team' -> 'Globex'; 'Greenhouse' -> None."""
    name = name.strip().strip("'\"")
    for _ in range(3):
        stripped = _ORG_HEAD.sub("", _ORG_TAIL.sub("", name)).strip(" ,.-|")
        if stripped == name:
            break
        name = stripped
    if not name or name.lower() in ATS_NAMES or len(name) > 60 or "@" in name:
        return None
    return name
