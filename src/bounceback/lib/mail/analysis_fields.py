"""Company, role and contact person of a job e-mail (regular expressions, scored).

Each extractor gathers candidates from several places with a weight for how
trustworthy the place is, adds up candidates that agree, and keeps the best.
"""

from __future__ import annotations

import re

from bounceback.lib.companies import company_key
from bounceback.lib.mail.analysis_regex import words
from bounceback.lib.mail.extract import (
    domain_of,
    is_ats_domain,
    is_no_reply,
    looks_like_person,
    registrable,
    split_display_name,
)
from bounceback.lib.mail.rules import AGENCY_NAME_RE
from bounceback.lib.mail.senders import ATS_NAMES, FREEMAIL_DOMAINS, JOB_BOARD_DOMAINS

# A company name as written in running text: capitalised words (or a digit,
# or "monday.com"), joined by a few lower-case connectors.
_CO_WORD = r"[A-Z0-9](?:[\w&'’+!-]|\.(?=\w))*"
_CO = (
    r"(?P<c>(?:"
    + _CO_WORD
    + r"|[a-z]+[A-Z]\w*)(?:[ ](?:"
    + _CO_WORD
    + r"|of|and|de|du|la|&|für|for)){0,4})"
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
    opportunities invitation exciting new jobs actively urgently now
    """
)
_ROLE_NOUNS = re.compile(
    r"\b(?:engineer|developer|programmer|manager|analyst|designer|scientist|specialist|coordinator|"
    r"associate|director|lead|head|consultant|intern|internship|assistant|officer|administrator|"
    r"architect|representative|executive|advisor|adviser|accountant|writer|editor|researcher|"
    r"technician|nurse|teacher|owner|strategist|marketer|recruiter|partner|generalist|"
    r"controller|auditor|agent|operator|sre|devops|vp|president|chief|cto|ceo|cfo|coo|"
    r"principal|staff|member|trainee|apprentice|fellow|tutor|lecturer|professor|postdoc|"
    r"support|success|operations|product|sales|marketing|counsel|lawyer|paralegal|clerk|"
    r"planner|buyer|producer|artist|animator|copywriter|journalist|therapist|pharmacist|"
    r"physician|doctor|mechanic|electrician|driver|chef|cook|cashier|barista|receptionist|"
    r"secretary|bookkeeper|economist|statistician|biologist|chemist|physicist|ux|ui|qa|"
    r"tester|werkstudent|entwickler|ingenieur|praktikum|stagiaire|ingénieur|desarrollador|"
    r"illustrator|supervisor|handler|adjuster|underwriter|caseworker|negotiator|seller|bookseller|worker|attendant|guard|cleaner|waiter|"
    r"bartender|sachbearbeiter|mitarbeiter|referent|d[ée]veloppeur|chef de projet|charg[ée]|"
    r"responsable|gerente|analista|vendedor|dise[ñn]ador|programador|crew|graduate|gardener|"
    r"caretaker|porter|housekeeper|carer|care worker|nanny|pilot|coach|trainer|instructor|"
    r"librarian|curator|dentist|hygienist|midwife|paramedic|surveyor|estimator|foreman|"
    r"labourer|welder|plumber|carpenter|joiner|electrician|handyman|leider|teamleider|"
    r"medewerker|verpleegkundige|adviseur|beheerder|verkoper|docent|leraar|fachkraft|"
    r"leiter|leitung|berater|pfleger|erzieher|auxiliaire|conseiller|commercial|comptable|"
    r"infirmi[eè]re?|enseignant)s?\b",
    re.I,
)
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
            r"(?i:(?:position|role|opening|opportunity|opportunities|vacancy|job|career|internship|jobs|roles|positions|interview|interviews|process|application|candidacy|team|here|everyone|us) (?:at|with|to|within)) "
            + _CO,
        ),
        (2.0, r"(?i:interest in (?:joining |working (?:at|for|with) )?)" + _CO),
        # A signature: "Recruitment Team" on one line, the employer on the next.
        (
            2.5,
            r"(?m:^)(?i:(?:the )?(?:recruitment|recruiting|talent acquisition|hr|human resources|people|careers|hiring|early careers|graduate recruitment)(?: team| department| office)?)[ \t]*\n"
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
            r"(?i:(?:recruiter|recruiting|talent partner|sourcer|hiring manager|talent acquisition(?: partner| specialist| lead| manager)?|people partner|hr (?:manager|business partner|generalist)|recruitment (?:partner|consultant|coordinator)|coordinator)\s*(?:at|@|\||,|-|–)\s*)"
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
            r"(?i:(?:join|joining|welcome to|on behalf of|decision at|here at|from all of us at|from everyone at)) "
            + _CO,
        ),
        (1.0, r"\b(?i:at) " + _CO + r"(?=[.,!;:]|\s+(?:is|are|we|and|as|for|in)\b)"),
        # A recruitment agency writes about its client: the client is the employer.
        (
            4.0,
            r"(?i:\b(?:my|our) client,?|\bon behalf of (?:my|our) client,?) (?:(?i:the) )?" + _CO,
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
        (3.0, r"(?i:your application was sent to) " + _CO),
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


def _domain_company(addr: str) -> str | None:
    """'jane@careers.acme-robotics.com' -> 'Acme Robotics'; None for ATS and webmail."""
    domain = domain_of(addr)
    if not domain or domain in FREEMAIL_DOMAINS or registrable(domain) in FREEMAIL_DOMAINS:
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
    label = label.replace("-", " ").replace("_", " ").strip()
    if len(label) < 2:
        return None
    return label.title() if label.islower() else label


_CAPS_PHRASE = re.compile(r"\b[A-Z][\w'’-]*(?: (?:&|and|[A-Z][\w'’-]*)){0,3}")


# A recruitment agency's own domain is not the employer of the job it writes about.
_AGENCY_DOMAIN = re.compile(r"recruit|staffing|resourcing|personnel|headhunt|(?<!re)search|talent")
# "pollenapp.io", "getpollen.com", "pollen-hq.com": the name is "Pollen".
_DOMAIN_AFFIXES = re.compile(
    r"^(?:get|try|use|join|go|hey|hello|meet|with|team|careers?|jobs)(?=[a-z]{4})|"
    r"(?<=[a-z]{4})(?:app|apps|hq|inc|io|labs?|group|co|corp|tech|global|online|software|"
    r"careers?|jobs|team|uk|us|eu|ltd|llc|gmbh|ag|bv|sa|ai)$"
)


def _spells_domain(phrase: str, squashed: str) -> bool:
    """Whether a capitalised phrase in the mail is the sender's domain written out:
    "Holloway Architects" for hollowayarchitects, "Kestrel Hotels Group" for
    kestrelhotels, "Pollen" for pollenapp, "Trillium Credit Union" for trilliumcu."""
    words = [w for w in re.split(r"[^a-z0-9]+", phrase.lower().replace("&", "and")) if w]
    if not words:
        return False
    joined = "".join(words)
    if squashed in (joined, "".join(w for w in words if w != "and")):
        return True
    if len(squashed) >= 6 and joined.startswith(squashed) and len(words) <= 4:
        return True
    bare = _DOMAIN_AFFIXES.sub("", squashed)
    if bare != squashed and len(bare) >= 4 and joined == bare:
        return True
    if len(words) >= 2 and len(squashed) >= 3:
        initials = "".join(w[0] for w in words)
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


def extract_company(subject: str, body: str, from_name: str, from_addr: str) -> str | None:
    """The employer: from the body, the subject, the sender's name, then the sender's domain."""
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
    domain = domain_of(from_addr)
    _, display_company = split_display_name(from_name)
    if display_company and display_company.split()[0].lower() not in ATS_NAMES:
        add(display_company, 1.5)  # "StepStone Jobagent" is the board, not an employer
    domain_company = _domain_company(from_addr)
    if domain_company and scores and _AGENCY_DOMAIN.search(registrable(domain)):
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
    best = max(scores, key=lambda k: scores[k])
    if AGENCY_NAME_RE.search(best):
        # "Bridgeport Recruitment" signs; the employer it writes about is the company.
        others = [
            k for k in scores if k != best and scores[k] >= 2.0 and not AGENCY_NAME_RE.search(k)
        ]
        if others:
            best = max(others, key=lambda k: scores[k])
    return surface[best] if scores[best] >= 1.3 else None


# --- role --------------------------------------------------------------------

_ROLE_TEXT = (
    r"(?P<r>[A-Za-z0-9](?:[^.,;:!?\n\"“”]|, (?=[A-Z][a-z]+ (?:position|role|opening)\b)){1,70}?)"
)
_ROLE_CAPS = r"(?P<r>[A-Z0-9][\w+#/&.'’()-]*(?:[ ](?:[A-Z0-9(.][\w+#/&.'’()-]*|of|and|for|in|de|&|/|-|–)){0,8})"
_BODY_ROLE: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        # French and Dutch titles are lower-case after the first word ("Chef de projet digital").
        r"(?i:\b(?:op|voor) de (?:functie|vacature)(?: van| als)?|\bfunctie van|\bposte d[e'] ?|\bpuesto de )"
        + _ROLE_TEXT
        + r"(?=\s*[.,;!\n]|\s+(?i:et|en|und|and|chez|bij|bei|at|au sein)\b)",
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


_ROLE_SPLIT = re.compile(r"\s(?:the|an?|about|for|with|to|on|our|your|this|into|as)\s", re.I)


def _clean_role(raw: str, company: str | None) -> str | None:
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
    if not _ROLE_NOUNS.search(role):
        return None
    return role


def extract_role(subject: str, body: str, company: str | None) -> str | None:
    """The job title: 'for the Senior Data Analyst position', 'Acme - Data Analyst', ...

    Titles are written with capitals; an all-lower-case find ("a staff role", "the
    senior position") is kept only when nothing capitalised turns up.
    """
    head = body[:3000]
    fallback: str | None = None
    for pattern in _BODY_ROLE:
        for match in pattern.finditer(head):
            role = _clean_role(match.group("r"), company)
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
