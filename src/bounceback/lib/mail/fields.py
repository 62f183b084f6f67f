"""The job title and the contact person of a job e-mail (regular expressions).

Like ``company``, each extractor returns None rather than a guess when nothing looks right.
"""

from __future__ import annotations

import re

from bounceback.lib.companies import company_key
from bounceback.lib.mail.extract import (
    is_no_reply,
    looks_like_person,
    split_display_name,
)
from bounceback.lib.mail.patterns import words
from bounceback.lib.mail.senders import ATS_NAMES
from bounceback.lib.mail.vocabulary import ROLE_NOUNS_RE as _ROLE_NOUNS

_ROLE_BAD_WORDS = words(
    """
    this that these those your our my we you it its same other another right open current any
    every such which whose candidate candidates application applications process interview
    interviews team company opportunity opportunities time decision future all many most
    following above said new additional further
    """
)
_ROLE_NOT_IN = words(
    """
    this that these those your our my we you it its same other another any every such which
    whose candidate candidates all many most following above said
    """
)
_JOB_ID = re.compile(
    r"\s*(?:[(\[]\s*(?:job|req|requisition|ref|id|r)?[\s#:.-]*[A-Z]{0,4}[-_ ]?\d[\w-]*\s*[)\]]|"
    r"[-–|,]?\s*(?:job\s*id|req(?:uisition)?(?:\s*id)?|ref(?:erence)?|id)\s*[:#.]?\s*[\w-]*\d[\w-]*|#\s*\d+)\s*",
    re.I,
)

# --- role --------------------------------------------------------------------

_ROLE_TEXT = (
    r"(?P<r>[A-Za-z0-9](?:[^.,;:!?\n\"“”]|, (?=[A-Z][a-z]+ (?:position|role|opening)\b)){1,70}?)"
)
_ROLE_CAPS = r"(?P<r>[A-Z0-9][\w+#/&.'’()-]*(?:[ ](?:[A-Z0-9(.][\w+#/&.'’()-]*|of|and|for|in|de|&|/|-|–)){0,8})"
_BODY_ROLE: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        # French and Dutch titles are lower-case after the first word ("Chef de projet digital").
        r"(?i:\b(?:op|voor) de (?:functie|vacature)(?: van| als)?|\b(?:functie|vacature) (?:van |als |voor )?|\bposte d[e'] ?|"
        r"\b(?:puesto|posici[óo]n|vacante|plaza|cargo) de |\b(?:sollicitatie|sollicitatiegesprek|bewerbung|stelle) als |\bcandidature (?:au poste d[e'] ?|pour le poste d[e'] ?))"
        + _ROLE_TEXT
        + r"(?=\s*[.,;!\n]|\s+(?i:et|en|und|and|chez|bij|bei|at|au sein|dans|in|im|para|a partir|à|op|voor|is|ist|est|ha|heeft)\b)",
        r"(?i:\b(?:the|an?)) "
        + _ROLE_TEXT
        + r" (?i:position|role|opening|vacancy|job|opportunity|internship|post|programme|program|scheme|req(?:uisition)?)\b",
        r"(?i:\b(?:bewerbung|candidature|candidatura|application) (?:als|en tant que|como|as)|\b(?:poste|puesto|stelle) (?:de|als)) (?:(?i:an?|the|une?|el|la|le) )?"
        + _ROLE_CAPS,
        r"(?i:\b(?:hiring|recruiting|looking for|seeking|searching for|search for)) (?:(?i:an?|our|the) )?(?:(?i:new|first) )?"
        + _ROLE_CAPS
        + r"(?= (?i:to|who|for|at|with|in)\b|[.,;!]|$)",
        r"(?i:\b(?:position|role|post|job|vacancy|opening|opportunity) (?:of|as)) (?:(?i:an?|the|our) )?"
        + _ROLE_CAPS,
        r"(?i:\b(?:application|applying|applied|candidacy|interview(?:ing)?|interest)(?: \w+)? (?:for|to|in)) (?:(?i:the|our|a|an|this) )?"
        + _ROLE_CAPS
        + r"(?= (?i:at|with|here|role|position|opening|has|have|was|is)\b|[.,;!]|$)",
        r"(?i:\b(?:your|our) )" + _ROLE_TEXT + r" (?i:application|interview|candidacy)\b",
        r"(?i:\bas (?:an?|our)) " + _ROLE_CAPS + r"(?= (?i:at|with|here|in our)\b|[.,;!]|$)",
        r"(?i:\bto be (?:our|the) (?:new |next )?)" + _ROLE_CAPS + r"(?=[.,;!]|\s|$)",
        r"(?i:\bjoin (?:us |the team )?as (?:our|an?|the) (?:(?:first|new|next|founding) )?)"
        + _ROLE_CAPS
        + r"(?=[.,;!]|\s|$)",
        # Forms: "Vacancy: Policy Adviser (HEO)", "Job title: Staff Nurse".
        r"(?m:^)(?i:job title|vacancy|position|role|post)\s*:\s*" + _ROLE_CAPS,
        # LinkedIn: "Your application was sent to Acme", then the title on a line of its own.
        r"(?i:your application was sent to)[^\n]*\n+(?P<r>[^\n]{2,70})\n",
    )
)
_SUBJECT_ROLE: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"(?i:(?:application|applying|interview|candidacy|invitation|offer|assessment|update|role|position|bewerbung|candidature|candidatura|solicitud)(?: \w+)? (?:for|as|to|als|en tant que|pour|como|para|:|-|–))\s*(?:(?i:the|a|an) )?"
        + _ROLE_TEXT
        + r"(?=\s+(?i:at|with|@)\s|\s*[|(\[]|\s+[-–]\s|$)",
        r"^(?i:(?:re|fwd?|aw|wg):\s*)*" + _ROLE_TEXT + r"\s+(?i:at|@)\s+[A-Z0-9]",
        r"(?:[-–|:])\s*" + _ROLE_TEXT + r"\s*(?=$|[-–|(\[])",
        r"^(?i:(?:re|fwd?|aw|wg):\s*)*" + _ROLE_TEXT + r"\s*[-–|:]\s",
        r"^(?i:(?:re|fwd?|aw|wg):\s*)*"
        + _ROLE_TEXT
        + r"\s+(?i:application|interview|position|role|vacancy|opening|job)\b",
        # A calendar invitation: "Invitation: acme - senior backend engineer interview (Ravi) @ Thu ..."
        r"^(?i:(?:updated )?invitation|new event|meeting request):\s*(?:[^\n@]{0,60}?\s[-–|:]\s)?"
        + _ROLE_TEXT
        + r"\s+(?i:interview|call|screen|chat)\b",
        r"(?i:\b(?:sollicitatie|bewerbung|candidature|candidatura)(?: (?:op de functie|voor de functie|als|voor|pour le poste de|au poste de|al puesto de|para el puesto de))?)\s+"
        + _ROLE_TEXT
        + r"\s*$",
    )
)


_STRUCTURAL = frozenset({0, 2})  # the patterns that name a title in other languages
_ROLE_SPLIT = re.compile(r"\s(?:the|an?|about|for|with|to|on|our|your|this|into|as)\s", re.I)


# "Konstrukteur (m/w/d)", "Contrôleur de gestion H/F": the tag says it is a job title.
_GENDER_TAG = r"\((?:m/w/d|w/m/d|m/f/d|f/m/d|m/w/x|m/f/x|f/m/x|h/f|f/h|m/v|v/m|m/v/x|all genders|d/m/w)\)|\bH/F\b"
_TAGGED_ROLE = re.compile(
    r"(?P<r>(?<![\w-])[A-ZÄÖÜÀ-Þ][\w./&'-]*(?: (?:[\w./&'-]+|für|de|du|des|en)){0,5}? ?(?:"
    + _GENDER_TAG
    + r")(?: [A-ZÄÖÜ][\w-]+)?)"
)
# German compounds end in the job word: "Rechtsanwaltsfachangestellte", "Industriemechaniker".
_COMPOUND_ROLE = re.compile(
    r"(?:angestellte|fachkraft|kraft|leiter|leitung|ingenieur|techniker|mechaniker|elektroniker|berater|"
    r"entwickler|kaufmann|kauffrau|assistent|referent|bearbeiter|pfleger|erzieher|disponent|"
    r"konstrukteur|praktikant|medewerker|behandelaar|voorbereider|leider|chauffeur|monteur|"
    r"verkoper|coördinator|coordinator|manager|specialist|adviseur|docent)(?:in|innen|en|s|e)?\b",
    re.I,
)


def _clean_role(raw: str, company: str | None, *, strict: bool = True) -> str | None:
    # A lazy match can start at an earlier "the": keep what follows the last article.
    raw = _ROLE_SPLIT.split(" " + raw + " ")[-1]
    # "Credit Analyst. Kind regards" ends at the full stop; "Sr. Engineer" does not.
    raw = re.split(r"(?<!\bSr)(?<!\bJr)(?<!\bSt)(?<!\bDr)\.\s+(?=[A-Z][a-z])", raw)[0]
    role = _JOB_ID.sub(" ", raw).strip(" -–|:,.\"'“”")
    role = re.sub(r"^(?i:(?:the )?(?:role|position|post|job|vacancy) of\s+)", "", role)
    if company and role.lower().startswith(company.lower() + " "):
        role = role[len(company) + 1 :]  # "Kestrel & Moore 2025 Audit Graduate"
    role = re.sub(
        r"^(?i:(?:the|a|an|our|this|your|open|new|vacant|advertised|posted)\s+)+", "", role
    )
    role = re.sub(r"^(?:19|20)\d\d(?:/\d\d)?\s+", "", role)
    role = re.sub(
        r"\s+(?i:position|role|opening|vacancy|job|opportunity|test|assessment|challenge|quiz)$",
        "",
        role,
    ).strip()
    role = re.sub(r"\s*\([^)]*$", "", role)  # "Coordinator (Req #55127)" cut at the number
    role = re.sub(
        r"(?:\s+(?:de|of|and|for|in|&|-|–|(?i:recruitment|process|application|applications|hiring)))+$",
        "",
        role,
    )
    role = re.sub(r"\s+", " ", role)
    words = role.split()
    if not words or len(words) > 9 or len(role) < 2:
        return None
    if (
        # "IT" in "Werkstudent IT" is a department, not the pronoun
        any(w.lower().strip("()") in _ROLE_NOT_IN and not w.isupper() for w in words)
        or (words[-1].lower() in _ROLE_BAD_WORDS and not words[-1].isupper())
    ):
        return None
    if company and company_key(role) == company_key(company):
        return None
    if strict and not (_ROLE_NOUNS.search(role) or _COMPOUND_ROLE.search(role)):
        return None
    if not strict and (len(words) > 6 or role.lower() in _ROLE_BAD_WORDS):
        return None
    return role


def extract_role(subject: str, body: str, company: str | None) -> str | None:
    """The job title: 'for the Senior Data Analyst position', 'Acme - Data Analyst', ...

    Titles are written with capitals; an all-lower-case find ("a staff role", "the
    senior position") is kept only when nothing capitalised turns up.
    """
    head = body[:3000]
    fallback: str | None = None
    for text in (subject, head):
        tagged = _TAGGED_ROLE.search(text)
        if tagged:
            role = _clean_role(tagged.group("r"), company, strict=False)
            if role:
                return role
    for index, pattern in enumerate(_BODY_ROLE):
        for match in pattern.finditer(head):
            # "le poste de Réceptionniste de nuit": the words around say it is a title
            role = _clean_role(match.group("r"), company, strict=index not in _STRUCTURAL)
            if role and role != role.lower():
                return role
            fallback = fallback or role
    for pattern in _SUBJECT_ROLE:
        for found in pattern.finditer(subject):
            text = found.group("r")
            if company:  # "Acme - Data Analyst": don't take the company for the role
                text = re.sub(re.escape(company) + r"\s*[-–|:]?\s*", "", text, flags=re.I)
            role = _clean_role(text, company)
            if role and role != role.lower():
                return role
            fallback = fallback or role
    return fallback


# --- contact -----------------------------------------------------------------

_SIGN_OFF = re.compile(
    r"^[ \t]*(?:(?:with )?(?:(?:best|kind|warm|warmest|many|all the|sincere|very best) )?(?:regards|wishes|best)|"
    r"thanks(?: again)?(?: (?:&|and) (?:best |kind |warm )?regards)?|thank you(?: again)?|many thanks|sincerely|yours(?: sincerely| truly)?|"
    r"cheers|cordially|respectfully|take care|all the best|all my best|my best|talk soon|warmly|"
    r"mit freundlichen gr[üu](?:ß|ss)en|(?:viele|beste|liebe) gr[üu](?:ß|ss)e|gr[üu](?:ß|ss)e|"
    r"cordialement|bien (?:à vous|cordialement)|(?:un )?saludo(?:s)?(?: cordiales)?|atentamente|"
    r"(?:med )?v[äa]nliga h[äa]lsningar|h[äa]lsningar|mvh|venlig hilsen|met vriendelijke groet|groeten)"
    r"[ \t]*[,!.]?[ \t]*(?P<inline>[^\n]{0,40})$",
    re.I | re.M,
)
_INTRO_NAME = re.compile(
    r"\b(?:my name is|i am|i'm|this is)\s+(?P<n>[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+){0,2})(?=[,.!]|\s+(?:and|from|at|with|a|an|the|i|from)\b)"
)
_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b", re.I
)
_TITLE_PREFIX = re.compile(r"^(?:mr|mrs|ms|miss|dr|prof)\.?\s+", re.I)


def extract_contact(body: str, from_name: str, from_addr: str, company: str | None) -> str | None:
    """The person who signed or sent the e-mail; never a team, a mailbox or an ATS."""
    ckey = company_key(company) if company else ""

    def ok(name: str, *, single: bool) -> str | None:
        name = _TITLE_PREFIX.sub("", name.strip(" ,.-–|\"'"))
        name = re.split(r"\s+[|–—-]\s+|,\s", name)[0].strip()
        nkey = company_key(name)
        if not name or (ckey and (nkey == ckey or nkey.startswith(ckey + " "))):
            return None  # "Brightwave Communications" when the company is "Brightwave"
        if name.lower() in ATS_NAMES or name.split()[0].lower() in ATS_NAMES:
            return None
        return name if looks_like_person(name, single_ok=single) else None

    tail = body[-1500:] if len(body) > 1500 else body
    matches = list(_SIGN_OFF.finditer(tail))
    for match in reversed(matches):
        inline = match.group("inline").strip()
        if inline:
            found = ok(inline, single=True)
            if found:
                return found
            continue
        rest = tail[match.end() :].lstrip("\n").split("\n")
        if rest and rest[0].strip():
            found = ok(rest[0], single=True)
            if found:
                return found
    # A signature block with no sign-off line: "Chloe Nguyen" over "Recruiting Coordinator, Acme".
    last = [line.strip() for line in tail.split("\n") if line.strip()][-4:]
    for line, below in zip(last, last[1:], strict=False):
        if (
            len(line.split()) >= 2
            and len(below) <= 80
            and not line.endswith((",", ":", "!", "?"))
            and not _GREETING.match(line)
            and not _ROLE_NOUNS.search(line)
            and _ROLE_NOUNS.search(below)
            and looks_like_person(line)
        ):
            found = ok(line, single=False)
            if found:
                return found
    intro = _INTRO_NAME.search(body[:1500])
    if intro:
        found = ok(intro.group("n"), single=True)
        if found:
            return found
    person, _ = split_display_name(from_name)
    if person:
        # A display name is only a person when something else agrees: the mailbox
        # ("jane.doe@", "jdoe@") or the body naming them. "Stellar Health Systems"
        # looks like a name to a regex; it never owns stellarhealth@ nor signs as one.
        local = from_addr.partition("@")[0].lower()
        words = [w.lower() for w in person.split() if len(w) > 1]
        corroborated = (not is_no_reply(from_addr) and any(w in local for w in words)) or (
            bool(words) and words[0] in body.lower() and person.split()[0] in body
        )
        found = ok(person, single=True) if corroborated else None
        if found:
            return found
    return None
