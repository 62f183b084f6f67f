"""The employer a job e-mail is about (regular expressions, scored).

Candidates are gathered from several places with a weight for how trustworthy the
place is (the employer's own words in the body, then the subject, then the sender),
candidates that agree add up, and the best is kept. None rather than a guess when
nothing looks right: an empty field costs the person one click, a wrong company files
the mail under the wrong application.
"""

from __future__ import annotations

import re
import unicodedata

from bounceback.lib.companies import company_key
from bounceback.lib.mail.extract import (
    domain_of,
    is_ats_domain,
    is_no_reply,
    looks_like_person,
    parse_address,
    registrable,
    split_display_name,
)
from bounceback.lib.mail.patterns import words
from bounceback.lib.mail.senders import (
    ATS_NAMES,
    FREEMAIL_DOMAINS,
    JOB_BOARD_DOMAINS,
    SHARED_EMPLOYER_DOMAINS,
)
from bounceback.lib.mail.vocabulary import AGENCY_DOMAIN_RE, AGENCY_NAME_RE
from bounceback.lib.mail.vocabulary import ROLE_NOUNS_RE as _ROLE_NOUNS

# A company name as written in running text: capitalised words (or a digit,
# or "monday.com"), joined by a few lower-case connectors.
_CO_WORD = r"[A-Z0-9](?:[\w&'’+!-]|\.(?=\w))*"
_CO = (
    r"(?P<c>(?:"
    + _CO_WORD
    + r"|[a-z]+[A-Z]\w*)(?:[ ](?:"
    + _CO_WORD
    + r"|of|and|de|du|la|&|für|for)){0,6})"
)
_NOT_COMPANY = words(
    """
    we our you your us i the a an this that it thank thanks unfortunately dear hi hello hey
    hallo bonjour hola hej regards best please kind sincerely team talent recruiting hr careers
    hiring people monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december today tomorrow linkedin
    indeed glassdoor greenhouse lever workday ashby position role job interview application
    applicant candidate recruiter hiring manager unfortunately again all everyone
    congratulations next update regarding re fwd fw candidature bewerbung candidatura solicitud
    sollicitatie ansökan entretien entrevista interview invitation assessment offer status
    action required important reminder your application thank thanks welcome opportunity
    opportunities invitation exciting new jobs actively urgently now final round onsite
    conditional provisional formal written verbal
    first second third phone video technical panel unser unsere ihr ihre dein deine votre
    notre nos vos nuestro nuestra su tu uw ons onze je jouw sehr estimado estimada beste
    geachte madame monsieur
    """
)
_BODY_COMPANY: tuple[tuple[float, re.Pattern[str]], ...] = tuple(
    (w, re.compile(p))
    for w, p in (
        (
            3.0,
            r"(?i:thank(?:s| you)(?: (?:so|very) much)? for (?:your (?:interest in|application to|time with)|applying (?:to|at|with)|considering|interviewing (?:with|at)|taking the time to (?:apply|interview|speak|meet) (?:to|with|at)|your interest in (?:joining|working (?:at|with|for))))\s+(?:(?:the )?team at |joining |working (?:at|with|for) |a career (?:at|with) |us here at |the (?=(?:University|College|City|County|Royal|National|State|Department|Ministry|Office|Institute|Museum|Council|Bank) ))?"
            + _CO,
        ),
        (
            2.5,
            r"\b(?i:(?:position|role|opening|opportunity|opportunities|vacancy|job|career|internship|jobs|roles|positions|interview|interviews|process|application|candidacy|team|here|everyone|us) (?:at|with|to|within)) "
            + _CO,
        ),
        (2.0, r"(?i:interest in (?:joining |working (?:at|for|with) )?)" + _CO),
        # A signature: "Recruitment Team" on one line, the employer on the next.
        (
            2.5,
            r"(?m:^)(?i:(?:the |le |la |l'|el |de |die |der |dein |ihr |afdeling )?(?:recruitment|recruiting|talent acquisition|hr|human resources|people|careers|hiring|early careers|graduate recruitment|"
            r"personalabteilung|personal|recruiting-team|people-team|ausbildungsteam|service (?:des )?ressources humaines|ressources humaines|direction des ressources humaines|[ée]quipe recrutement|service recrutement|"
            r"recursos humanos|rrhh|equipo de (?:selecci[óo]n|talento|personas)|departamento de personas|p&o|personeelszaken|werving (?:&|en) selectie|recruitmentteam|hr-team)(?: team| department| office| unit|-team)?)[ \t]*\n"
            + _CO
            + r"[ \t]*(?m:$)",
        ),
        (2.0, r"(?i:(?:applying|applied|apply) (?:to|at|with)) " + _CO),
        (
            2.0,
            r"(?i:(?:the|our) (?:entire |whole |wider |)?)"
            + _CO
            + r"(?i: (?:team|family|recruiting team|talent team|talent acquisition team|hiring team|recruitment team|people team|careers team|hr team))\b",
        ),
        (
            2.0,
            r"\b(?i:(?:recruiter|recruiting|talent partner|sourcer|hiring manager|talent acquisition(?: partner| specialist| lead| manager)?|people partner|hr (?:manager|business partner|generalist)|recruitment (?:partner|consultant|coordinator)|coordinator)\s*(?:at|@|\||,|-|–)\s*)"
            + _CO,
        ),
        (
            2.0,
            r"(?m:^)"
            + _CO
            + r"(?i: (?:talent acquisition|recruiting|recruitment|careers|talent team|hiring team|hr|people team))\s*(?m:$)",
        ),
        (
            1.5,
            r"\b(?i:(?:join|joining|welcome to|on behalf of|decision at|here at|from all of us at|from everyone at)) "
            + _CO,
        ),
        (1.0, r"\b(?i:at) " + _CO + r"(?=[.,!;:]|\s+(?:is|are|we|and|as|for|in)\b)"),
        # Other languages name the employer after "bei", "chez", "bij", "en": "Ihre Bewerbung bei X".
        (
            2.0,
            r"(?i:\b(?:bewerbung|interesse|stelle|position) (?:als [^.\n]{2,60}? )?(?:bei|an)(?: der| dem| den)?|\bchez|\bau sein (?:de la|du|des|de l'|d'|de)|\bl'int[ée]r[êe]t que vous portez (?:[àa] la|au|aux|[àa] l'|[àa])|"
            r"\bformar parte de|\binter[ée]s en|\b(?:sollicitatie|vacature|functie|reactie)[^.\n]{0,60}? bij|\bwerken bij) "
            + _CO,
        ),
        # A recruitment agency writes about its client: the client is the employer.
        (
            4.0,
            r"(?i:\b(?:my|our) client,?|\bon behalf of (?:my|our) client,?|\b(?:notre|mon) client,?|\bunser(?:em|en)? (?:kunden|mandanten),?|\bnuestro cliente,?|\bonze klant,?) (?:(?i:the|la|le|die|der|das|el|de) )?"
            + _CO,
        ),
        (3.0, r"(?m:^)" + _CO + r"(?i: (?:has|have) invited you to)"),
        # A job board's or a vendor's form: "Employer: Eastfield NHS Trust".
        (
            4.0,
            r"(?m:^)(?i:employer|company|organi[sz]ation|hiring organi[sz]ation)\s*:\s*"
            + _CO
            + r"\s*(?m:$)",
        ),
        # Background checks and assessment platforms write on the employer's behalf.
        (
            3.0,
            r"(?m:^)"
            + _CO
            + r"(?i: (?:has requested|has asked|uses|has invited you|would like you to|requires you to))\b",
        ),
        (3.0, r"(?i:\binvited by) " + _CO),
        # An agency passes on the employer's wish: "Fenwick Insurance would like to meet you".
        (
            3.0,
            r"(?:^|(?<=[-–:!.] ))"
            + _CO
            + r"(?i: (?:would like|would love|want|wants|are keen|is keen) to (?:meet|interview|invite|see|speak (?:to|with)|offer) you)\b",
        ),
        (
            3.0,
            r"(?m:^)" + _CO + r"(?i: has (?:ordered|initiated|started|requested) (?:a|an|your)) ",
        ),
        # An agency relays the employer's decision: "I've just heard back from Carrow Foods".
        (
            3.0,
            r"(?i:\b(?:heard back from|feedback from|an update from|spoken (?:to|with)|spoke (?:to|with))) "
            + _CO,
        ),
        (2.0, r"(?i:\b(?:assessment|challenge|test) for) " + _CO + r"(?= \(|[.,;]|\s*$)"),
        (4.0, r"(?m:^)(?i:department)\s*:\s*" + _CO + r"\s*(?m:$)"),
        (3.0, r"\b(?i:your application was sent to) " + _CO),
    )
)
_SUBJECT_COMPANY: tuple[tuple[float, re.Pattern[str]], ...] = tuple(
    (w, re.compile(p))
    for w, p in (
        (
            3.0,
            r"(?i:application (?:to|at|with)|applying (?:to|at)|interview (?:with|at)|update from|news from|message from|invitation from|offer from|welcome to|(?:thank you|thanks) from|your candidacy (?:at|with)|next steps (?:at|with)|opportunity (?:at|with)|role at|position at|careers at|jobs at|hiring at) (?:the )?"
            + _CO,
        ),
        (2.0, r"(?i:\bat|@) " + _CO + r"\s*(?:$|[-–|:(])"),
        (2.0, r"^(?i:(?:re|fwd?|aw|wg|tr):\s*)*" + _CO + r"\s*(?:[-–|:])\s"),
        (
            1.5,
            r"^(?i:(?:re|fwd?):\s*)*(?i:your )"
            + _CO
            + r"(?i: (?:application|interview|candidacy|job application|assessment|offer))",
        ),
    )
)


def _clean_company(raw: str, *, spelled_domain: bool = False) -> str | None:
    raw = re.split(r"!\s", raw)[0]  # "Welcome to Cobalt Freight! Please ..." ("Yahoo!" stays)
    name = raw.strip(" .,;:!'’\"-–|")
    name = re.sub(r"['’]s$", "", name)
    words = name.split()
    while words and words[-1].lower() in {
        "of",
        "and",
        "de",
        "du",
        "la",
        "&",
        "for",
        "für",
        "team",
        "talent",
        "recruiting",
        "careers",
        "hr",
        "hiring",
        "people",
        "recruitment",
        "early",
        "acquisition",
    }:
        words.pop()
    while words and words[0].lower() in {"the", "team", "dear", "hi", "hello"}:
        words.pop(0)
    name = " ".join(words)
    if not name or len(name) < 2 or len(words) > 5 or not re.search(r"[^\W\d_]", name):
        return None  # "14" from "within 14 days" is no company
    if (
        name.lower() in _NOT_COMPANY
        or words[0].lower() in _NOT_COMPANY
        or name.lower() in ATS_NAMES
    ):
        return None
    if _ROLE_NOUNS.search(name) and len(words) > 1 and not spelled_domain:
        # "Senior Engineer" is a title; "Holloway Architects" spelling out the
        # sender's domain is a company.
        return None
    return name


_CAREERS_AFFIX = re.compile(
    r"[-_](?:jobs|careers?|karriere|carrieres|recrutement|recruitment|recruiting|empleo|"
    r"vacatures|werving|hr|rh|rrhh|talent)$|^(?:werkenbij|careers|jobs|karriere)(?:[-_]|(?=[a-z]{4}))"
)
# "example" is reserved for documentation (RFC 2606); "nhsjobs-notify", "talent-notify"
# and the like are notification services, not employers.
_NOT_AN_EMPLOYER_LABEL = re.compile(r"^example$|notif|mailer|alerts?$|^mail$|^email$|^post$")


def _domain_company(addr: str) -> str | None:
    """'jane@careers.acme-robotics.com' -> 'Acme Robotics'; None for ATS and webmail."""
    domain = domain_of(addr)
    reg = registrable(domain) if domain else ""
    if not domain or domain in FREEMAIL_DOMAINS or reg in FREEMAIL_DOMAINS:
        return None
    if reg in SHARED_EMPLOYER_DOMAINS or _NOT_AN_EMPLOYER_LABEL.search(reg.split(".")[0]):
        return None
    local = addr.partition("@")[0]
    if (
        registrable(domain) in {"myworkday.com", "icims.com", "teamtailor-mail.com"}
        and local
        and not is_no_reply(addr)
    ):
        # Workday and friends send from "<tenant>@myworkday.com": the tenant is the employer.
        label = re.sub(r"[-_.]?(?:careers?|jobs|recruiting|talent|hr|notifications?)$", "", local)
    elif is_ats_domain(domain):
        return None
    else:
        label = registrable(domain).split(".")[0]
        # "hansanord-jobs", "troisrives-recrutement", "werkenbij-transdev": the employer's part
        label = _CAREERS_AFFIX.sub("", label) or label
    label = label.replace("-", " ").replace("_", " ").strip()
    if len(label) < 2:
        return None
    return label.title() if label.islower() else label


def _absorb_short_names(scores: dict[str, float]) -> None:
    """'Westerdam' found alone and 'Gemeente Westerdam' found too: one employer, the full name."""
    for short in sorted(scores, key=len):
        longer = [
            key
            for key in scores
            if key != short
            and len(key.split()) <= 5
            and (key.endswith(" " + short) or key.startswith(short + " "))
        ]
        if longer:
            target = max(longer, key=lambda k: scores[k])
            scores[target] += scores.pop(short)


_CAPS_PHRASE = re.compile(r"\b[A-Z][\w'’-]*(?: (?:&|and|[A-Z][\w'’-]*)){0,3}")


# "pollenapp.io", "getpollen.com", "pollen-hq.com": the name is "Pollen".
_DOMAIN_AFFIXES = re.compile(
    r"^(?:get|try|use|join|go|hey|hello|meet|with|team|careers?|jobs)(?=[a-z]{4})|"
    r"(?<=[a-z]{4})(?:app|apps|hq|inc|io|labs?|group|co|corp|tech|global|online|software|"
    r"careers?|jobs|team|uk|us|eu|ltd|llc|gmbh|ag|bv|sa|ai)$"
)


_PARTICLES = frozenset(
    [
        "and",
        "und",
        "et",
        "y",
        "e",
        "the",
        "of",
        "de",
        "du",
        "des",
        "der",
        "die",
        "das",
        "den",
        "van",
        "von",
        "la",
        "le",
        "las",
        "los",
        "di",
        "da",
        "del",
    ]
)
_TRANSLITERATE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _fold(text: str) -> str:
    """Lower case, accents off, German umlauts spelled out ("Söhne" -> "soehne")."""
    lowered = text.lower().translate(_TRANSLITERATE)
    return unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode()


def _spells_domain(phrase: str, squashed: str) -> bool:
    """Whether a capitalised phrase in the mail is the sender's domain written out:
    "Holloway Architects" for hollowayarchitects, "Kestrel Hotels Group" for
    kestrelhotels, "Pollen" for pollenapp, "Trillium Credit Union" for trilliumcu."""
    words = [w for w in re.split(r"[^a-z0-9]+", _fold(phrase).replace("&", " and ")) if w]
    if not words:
        return False
    joined = "".join(words)
    bare_words = [w for w in words if w not in _PARTICLES]
    if squashed in (joined, "".join(bare_words)):
        return True
    stem = squashed.rstrip("s")  # "saltbushhotels" for "Saltbush Hotel Group"
    if (
        len(stem) >= 6
        and len(words) <= 4
        and (joined.startswith(stem) or "".join(bare_words).startswith(stem))
    ):
        return True
    bare = _DOMAIN_AFFIXES.sub("", squashed)
    if bare != squashed and len(bare) >= 4 and joined == bare:
        return True
    if len(words) >= 2 and len(squashed) >= 3:
        initials = "".join(w[0] for w in words)
        if len(words) >= 3 and squashed == initials[:-1] + words[-1]:
            return True  # "ghlevante" for "Grupo Hotelero Levante"
        if 3 <= len(bare_words) <= 4 and squashed == bare_words[0] + bare_words[-1]:
            return True  # "clinicasonrie" for "Clínica Dental Sonríe"
        return squashed in (initials, words[0] + initials[1:]) and len(initials) >= 3 - (
            squashed != initials
        )
    return False


_ORG_SUFFIX = re.compile(
    r"\b(?:council|trust|university|college|nhs|ltd|limited|inc|llc|llp|plc|gmbh|group|"
    r"foundation|authority|ministry|department|agency|corporation|company)$"
)
_ORG_PREFIX = re.compile(
    r"(?:university|college|city|county|bank|museum|institute|school|department|ministry|"
    r"office|government|state|royal|national) of "
)
_SQUASH_WORD = re.compile(r"[a-z]{3,}")
_TRADE_TAIL = re.compile(
    r"(?:dental|health|healthcare|medical|clinic|care|pharma|bank|capital|partners|consulting|"
    r"logistics|foods|studio|studios|systems|solutions|energy|insurance|legal|homes|hotels|"
    r"motors|media|digital|design|construction|engineering|finance|group|labs|robotics|"
    r"analytics|ventures|retail|furniture|bakery|coffee|brewing|brewery|farms|fitness|"
    r"academy|school|water|power|transport|freight|travel|marketing|software|security)$"
)


def _split_squashed(squashed: str, text: str) -> str | None:
    """'tidewatermuseum' -> 'Tidewater Museum' when the mail uses both words; else None."""
    if len(squashed) < 7 or not squashed.isalpha():
        return None
    used = set(_SQUASH_WORD.findall(text.lower()))
    stems = {w[:5] for w in used if len(w) >= 6}
    best: list[str] | None = None
    for i in range(3, len(squashed) - 2):
        left, right = squashed[:i], squashed[i:]
        if left not in used:
            continue
        if right in used or (len(right) >= 6 and right[:5] in stems):
            parts = [left, right]
        else:
            parts = []
            for j in range(3, len(right) - 2):
                if right[:j] in used and right[j:] in used:
                    parts = [left, right[:j], right[j:]]
                    break
        if parts and (best is None or len(parts) < len(best)):
            best = parts
    if not best:
        # "oakridgedental", "fernhillhealth": a distinctive head and a common trade word,
        # even when the mail never spells the head out.
        tail = _TRADE_TAIL.search(squashed)
        if tail and tail.start() >= 4:
            return f"{squashed[: tail.start()].capitalize()} {tail.group(0).capitalize()}"
        return None
    # "brookfieldtrust" and "Brookfield Academy Trust" in the signature: the full name.
    full = re.search(
        r"\b(?i:"
        + re.escape(best[0])
        + r")(?: [A-Z][\w'’-]*| &| and| of){0,3} (?i:"
        + re.escape(best[-1])
        + r")\b",
        text,
    )
    if full and full.group(0)[0].isupper():
        return full.group(0)
    return " ".join(p.capitalize() for p in best)


# Every word capitalised, or a connector: "Ashcombe and Tarrow NHS Foundation Trust".
_TITLE_CASE = re.compile(
    r"^(?:[A-ZÀ-Þ0-9][\w'’&.-]*|of|and|de|du|des|la|le|am|an|der|die|das|für|for|van|y|et|und|the|&)"
    r"(?: (?:[A-ZÀ-Þ0-9][\w'’&.-]*|of|and|de|du|des|la|le|am|an|der|die|das|für|for|van|y|et|und|the|&))*$"
)
_SIGN_OFF_LINE = re.compile(
    r"^(?:mit freundlichen|freundliche|viele|beste|liebe|yours|kind|best|warm|many|with|thanks|"
    r"thank|cordialement|bien|un saludo|saludos|atentamente|met vriendelijke|groeten|hartelijke|"
    r"good luck|all the best|cheers|regards|sincerely)\b",
    re.I,
)
_SIGNATURE_SPLIT = re.compile(r"\s*(?:,|\||·| at | @ )\s*")
_SIGNATURE_COMPANY = re.compile(r"^[A-ZÀ-Þ][^\d()\[\]:;/]{1,60}$")
_HR_WORDS = re.compile(
    r"\b(?:hr|human resources|recruit\w*|talent\w*|people|personal\w*|ressources humaines|rrhh|"
    r"recursos humanos|selecci[óo]n|werving|p&o|admissions?)\b",
    re.I,
)


_DEPARTMENT_WORDS = re.compile(
    r"\b(?:the|team|department|dept|office|services?|unit|and|&|of|de|des|du|la|le)\b|[-,.]", re.I
)


def _department_only(line: str) -> bool:
    """'Human Resources', 'The Recruitment Team': a department signs, not the employer."""
    rest = _DEPARTMENT_WORDS.sub(" ", _HR_WORDS.sub(" ", line))
    return bool(_HR_WORDS.search(line)) and not rest.strip()


def _signature_companies(body: str) -> list[str]:
    """'Head of Data, Datenfluss GmbH' and 'Talent Partner | Globex' in a signature."""
    lines = [line.strip() for line in body[-600:].split("\n") if line.strip()][-6:]
    found = []
    for above, line in zip(["", *lines], lines, strict=False):
        # "Head of Mathematics" over "Harrowfield Academy"; a lone "Westmere ... NHS Trust"
        if (
            _SIGNATURE_COMPANY.match(line)
            and _TITLE_CASE.match(line)
            and 2 <= len(line.split()) <= 7
            and not _SIGN_OFF_LINE.match(line)
            and not looks_like_person(line)
            and not _ROLE_NOUNS.search(line)
            and not _department_only(line)
            and (
                (above and (_ROLE_NOUNS.search(above) or _HR_WORDS.search(above)))
                or _ORG_SUFFIX.search(company_key(line))
            )
        ):
            found.append(line)
        if len(line) > 90 or line.endswith((".", "?", "!", ":")):
            continue
        parts = _SIGNATURE_SPLIT.split(line, maxsplit=1)
        if (
            len(parts) == 2
            and (_ROLE_NOUNS.search(parts[0]) or _HR_WORDS.search(parts[0]))
            and _SIGNATURE_COMPANY.match(parts[1])
        ):
            found.append(parts[1])
    return found


def _personal_address(addr: str) -> bool:
    """Webmail (or no address at all): the sender may be the candidate."""
    reg = registrable(domain_of(addr)) if addr else ""
    return not addr or reg in FREEMAIL_DOMAINS or reg.split(".")[0] == "example"


def _to_company(to: str) -> str | None:
    """The employer a candidate writes to: the recipient's organisation or domain."""
    name, addr = parse_address(to.split(",")[0]) if to else ("", "")
    if not addr:
        return None
    _, display = split_display_name(name)
    return display or _domain_company(addr)


def extract_company(
    subject: str, body: str, from_name: str, from_addr: str, to: str = ""
) -> str | None:
    """The employer: from the body, the subject, the sender's name, then the sender's domain.

    ``to`` is used for mail the candidate wrote from webmail: the employer is the recipient.
    """
    scores: dict[str, float] = {}
    surface: dict[str, str] = {}

    def add(raw: str | None, weight: float, *, spelled_domain: bool = False) -> None:
        name = _clean_company(raw, spelled_domain=spelled_domain) if raw else None
        if not name:
            return
        key = company_key(name)
        if not key:
            return
        scores[key] = scores.get(key, 0.0) + weight
        if key not in surface or len(name) < len(surface[key]):
            surface[key] = name

    head = body[:2500]  # employers name themselves early or in the signature
    if len(body) > 2500:
        head += "\n" + body[-600:]
    for weight, pattern in _BODY_COMPANY:
        for match in pattern.finditer(head):
            add(match.group("c"), weight)
    for weight, pattern in _SUBJECT_COMPANY:
        found = pattern.search(subject)
        if found:
            add(found.group("c"), weight)
    for name in _signature_companies(body):
        add(name, 2.5)
    if _personal_address(from_addr):
        recipient = _to_company(to)
        if recipient:
            add(recipient, 2.0)
    domain = domain_of(from_addr)
    _, display_company = split_display_name(from_name)
    if (
        display_company
        and display_company.split()[0].lower() not in ATS_NAMES
        and from_name.strip().lower() not in ATS_NAMES
    ):
        add(display_company, 1.5)  # "StepStone Jobagent" is the board, not an employer
    domain_company = _domain_company(from_addr)
    if domain_company and scores and AGENCY_DOMAIN_RE.search(registrable(domain)):
        domain_company = None
    if domain_company and registrable(domain) not in JOB_BOARD_DOMAINS:
        add(domain_company, 1.0)
        # A name that agrees with the sender's domain is far more likely right.
        dkey = company_key(domain_company).replace(" ", "")
        for key in scores:
            if (
                key.replace(" ", "") == dkey
                or (len(dkey) > 3 and key.replace(" ", "").startswith(dkey))
                or (len(dkey) > 3 and dkey in key.split()[1:] and len(key.split()) <= 4)
            ):
                # "University of Carrick" for carrick.ac.uk agrees too
                scores[key] += 1.5
    if (
        domain_company
        and registrable(domain) not in JOB_BOARD_DOMAINS
        and " " not in domain_company
    ):
        # "luminahealth.com": look for the spelled-out name ("Lumina Health") in the mail.
        squashed = domain_company.lower()
        spellings = [
            m.group(0)
            for m in _CAPS_PHRASE.finditer(head + "\n" + from_name)
            if _spells_domain(m.group(0), squashed)
        ]
        # An exact spelling first, then an organisation's full name ("Ashworth Borough
        # Council" over "Ashworth Central Library", where the interview is held).
        spellings.sort(
            key=lambda p: (
                company_key(p).replace(" ", "") != squashed,
                not _ORG_SUFFIX.search(company_key(p)),
            )
        )
        spelled = spellings[0] if spellings else None
        if spelled is None:
            # No capitalised spelling: split "tidewatermuseum" into words the mail itself
            # uses ("Tidewater", "museum"), never into guessed dictionary words.
            spelled = _split_squashed(squashed, f"{head}\n{from_name}\n{subject}")
        if spelled:
            add(spelled, 2.5, spelled_domain=True)
            # the squashed form and its spelling are one name: keep the spelling
            skey, dkey_full = company_key(spelled), company_key(domain_company)
            if skey.replace(" ", "") == dkey_full and skey in scores and skey != dkey_full:
                scores[skey] += scores.pop(dkey_full)
                surface.pop(dkey_full, None)
    if not scores:
        return None
    for key in scores:
        if _ORG_SUFFIX.search(key):
            scores[key] += 0.6
        elif _ORG_PREFIX.match(key) and len(key.split()) > 2:
            scores[key] += (
                1.0  # "University of Carrick" over the bare "Carrick"  # "Ashworth Borough Council" over "Ashworth Central Library"
            )
    lowered = head.lower() + " " + subject.lower()
    for key, name in surface.items():
        # Being named more than once is evidence; cap it so a list of jobs doesn't dominate.
        scores[key] += min(lowered.count(name.lower()), 4) * 0.3
    _absorb_short_names(scores)
    best = max(scores, key=lambda k: scores[k])
    if AGENCY_NAME_RE.search(best):
        # "Bridgeport Recruitment" signs; the employer it writes about is the company.
        others = [
            k for k in scores if k != best and scores[k] >= 2.0 and not AGENCY_NAME_RE.search(k)
        ]
        if others:
            best = max(others, key=lambda k: scores[k])
    return surface[best] if scores[best] >= 1.3 else None
