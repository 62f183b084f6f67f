"""What a rejection says beyond "no": how far the candidate got, feedback, a door left open.

Rules only: phrase-level facts that a few dozen patterns capture well. The definitions
are the glossary's (``corpus/guides/mail.md``):

* **feedback** is something specific about how *this* candidate was judged; "many strong
  applicants" and "another candidate's experience more closely matched" are formulas;
* a **reapply invitation** asks them, specifically, to apply again (perhaps after a
  named wait) or keeps them in mind for a named kind of role; "we keep CVs on file" and
  "see our careers page" are not invitations;
* the **reapply wait** is any wait the mail names before applying again, invitation or
  rule ("candidates may apply again after 12 months");
* **outside control**: the role was cancelled, frozen or lost its budget, rather than
  someone else being chosen (an internal candidate is still a choice between people).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bounceback.lib.mail.message import RejectionStage

_I = re.I
# The reason lay with the company: the role on hold for good, cancelled, frozen, a budget.
ON_HOLD_RE = re.compile(
    r"\bon hold\b|\bhiring freeze\b|\b(?:paus|freez)(?:e|ed|ing) (?:our |all |the )?(?:hiring|recruit|search|process)|"
    r"\b(?:role|position|requisition|vacancy|opening|post) (?:was|has been|is|have been) (?:paused|frozen|cancel+ed|eliminated|withdrawn|removed)|"
    r"\bbudget (?:cuts?|constraints|changes|review|was)|\b(?:cut|cuts|change|changes|loss) (?:to|in|of) (?:our )?(?:\w+ )?funding|\bfunding (?:cut|was cut|has been cut|ended|was withdrawn)|"
    r"\b(?:decision|decided) to (?:close|pause|cancel|freeze|withdraw) (?:this|the) (?:role|position|requisition|vacancy|search|post)|"
    r"\bdecided not to (?:fill|recruit|hire|proceed with (?:the|this) (?:role|post|position|vacancy))|\brestructur|\breorgani[sz]|\bno longer (?:hiring|recruiting) for|"
    r"\b(?:changes?|cuts?) (?:in|to) (?:our |the )?budget|\bwill not (?:be filled|go ahead)\b|"
    r"\bstelle entf[äa]llt|\bwird nicht (?:nach)?besetzt|\bumstrukturierung|\bposte (?:a [ée]t[ée] )?supprim|\bgel des recrutements|"
    r"\bcongelaci[óo]n|\breestructuraci|\bvacature (?:is )?ingetrokken|\breorganisatie|\bbezuiniging",
    _I,
)
# Checked from the furthest stage down: a final-round rejection also mentions interviews.
_FINAL = re.compile(
    r"\bfinal (?:round|stage|interview|interviews|panel|step|decision round|conversation)s?\b|"
    r"\b(?:last|final) (?:two|2|three|3) candidates\b|\bfinalists?\b|\breference(?:s| check)\b|"
    r"\bon-?site\b|\bsuper ?day\b|\bvery close (?:decision|call)\b|\bcame down to\b|"
    r"\b(?:last|final) stages? of (?:the|our) (?:process|interview)|\bpanel interview|"
    r"\bmet (?:with )?(?:the whole|the entire|several members of|most of) (?:the )?team|"
    r"\bfinal (?:candidate|two|three)s?\b|\bletzte[nr]? runde|\bdernier entretien|\bentrevista final|"
    r"\bfinal (?:hr|technical|managerial|partner|director|leadership) (?:round|stage|interview)|"
    r"\bnot (?:been )?recommended for appointment|\bselection (?:panel|board|committee) (?:has|have) (?:now )?(?:completed|met|made)|"
    r"\binterview board\b|\bplaced on (?:a|the) panel\b|\b(?:took|taken|take) up (?:your )?references",
    _I,
)
_INTERVIEW = re.compile(
    r"\b(?:your|the|our|recent|second|technical|video|in-person|team) interviews?\b|"
    r"\binterview(?:ed|ing)? (?:with|for|at)\b|\b(?:after|following) (?:the |your |our )?(?:interview|meeting)|"
    r"\btime (?:you spent )?(?:interviewing|meeting)|\bmeet(?:ing)? (?:with )?(?:us|the team|our team|the hiring)|"
    r"\bmet (?:with )?(?:us|the team|our team|the hiring manager|me)\b|"
    r"\bspeaking with (?:the team|our team|the hiring manager|several)|"
    r"\b(?:technical|case|system design) (?:interview|discussion)|\b(?:case|system design) round|\bsecond round\b|"
    r"\btrial (?:shift|day|session)|\bprobearbeit|\bpasarte por|\bcoming (?:in )?to (?:see|meet) us|"
    r"\b\w+day's interview|\binterviews? (?:on|last) \w+day\b|\b(?:die|den|beiden|unsere[nm]?) (?:beiden )?gespr[äa]che?\b|\bgespr[äa]ch (?:vom|am|letzte)|"
    r"\bmeeting (?:me|us|with)\b|\bpair(?:ing|ed)? (?:with us|session|interview|programming)|\bcoming (?:in|by|into|to (?:the|our))\b|\bshortlist(?:ed)?\b|"
    r"\b(?:spent|spending|time) with (?:us|our team|the team)\b|\bgetting to know you\b|"
    r"\bvorstellungsgespr[äa]ch|\bentretien\b|\bentrevista\b|"
    r"\battend(?:ed|ing)? (?:the |your |an |our )?interview|"
    r"\b(?:two|both|three|several|all|multiple|2|3) (?:of )?(?:the |your |our )?interviews\b|\binterviews? you (?:had|attended|did|gave)\b|"
    r"\b(?:het|ons|je|jouw|uw) (?:prettige |fijne |leuke )?(?:gesprek|sollicitatiegesprek|gesprekken)\b|\b(?:das|unser|ihr) (?:nette |angenehme )?gespr[äa]ch\b",
    _I,
)
_SCREEN = re.compile(
    r"\b(?:phone|initial|intro(?:ductory)?|first|screening|recruiter|short|quick) (?:screen|call|chat|conversation|interview)s?\b|"
    r"\bscreening\b|\b(?:speaking|talking|chatting|spoke|talked|chatted) (?:with|to) (?:me|us|our recruiter|our team)\b|"
    r"\b(?:our|the|my|your) (?:recent |brief |short |quick |phone |intro |introductory |first |video |initial )?(?:call|phone call|chat|conversation)\b|\b(?:take-?home|assessments?|coding (?:challenge|test|exercise)|"
    r"technical (?:test|exercise|task)|case study|online test|video (?:assessment|interview recording)|hirevue|"
    r"codility|hackerrank|codesignal|aptitude test|online assessment)\b|\btaking the time to (?:speak|talk|chat)|"
    r"\b(?:coding|online technical|technical|online) (?:round|test)\b|"
    r"\b(?:taking|take|took|jumping on|hopping on) (?:my|the|our|a|that) (?:call|phone call)|\b(?:échange|entretien) t[ée]l[ée]phonique|\btelefon(?:at|isch|interview)|\bllamada\b",
    _I,
)
_APPLICATION = re.compile(
    r"\b(?:your|the) (?:application|cv|resume|résumé|profile|candidacy)\b|\bappl(?:ying|ied)\b|"
    r"\breview(?:ed|ing)? (?:of )?your\b|\bbewerbung\b|\bcandidature\b|\bcandidatura\b|\bans[öo]kan\b|\bsollicitatie\b|"
    r"\bshortlisting\b|\bapplications\b|\bapplicants?\b|\bthank(?:s| you) for (?:your interest|applying|your application)\b|"
    r"\binterest in (?:the|our|this) [\w ,&/-]{2,60}? (?:position|role|vacancy|post|opening)\b|"
    r"\b(?:my|the) (?:resume|cv|application) (?:is )?(?:attached|enclosed)|\bi(?:'m| am) (?:writing|applying) (?:about|for|to)\b",
    _I,
)

# Formulas are not feedback: "other candidates were a closer match" says nothing about you.
_FEEDBACK = re.compile(
    r"\b(?:the (?:panel|team|interviewers?|reviewers?|hiring manager|hiring team)|they|we|he|she) (?:felt|thought|found|noted|observed|mentioned|commented|were looking for|would have liked|wanted to see)\b|"
    r"\b(?:would have liked|wanted) to see (?:more|stronger|deeper|a)|\b(?:lacked|lacking|lack of|missing|gaps? in|less experience|limited experience|not enough experience|not quite (?:at|the)|wasn't quite|was not quite)\b|"
    r"\b(?:more|stronger|deeper|additional) (?:hands-on |direct |practical )?(?:experience|exposure|background|depth|knowledge) (?:in|with|of|around|running|building|managing|leading|using)\b|"
    r"\b(?:needs?|requires?|required) at least\b|\byour (?:background|experience) is (?:mostly|mainly|largely|more)\b|"
    r"\b(?:feedback|reasons?|areas?) (?:from (?:the|our) (?:panel|team|interviewers?)|(?:is|was|were) that|for (?:improvement|development|growth)|to (?:work on|improve|develop))\b|"
    r"\b(?:here is|here's|to share|some|specific|detailed|the) feedback\b(?!.{0,40}\b(?:not able|unable|cannot|can't)\b)|"
    r"\bspecifically\b|\b(?:strengths?|strong (?:points?|showing))\b.{0,80}\b(?:however|but)\b|"
    r"\b(?:struggled|did not (?:quite )?(?:demonstrate|show|cover)|didn't (?:quite )?(?:demonstrate|show|cover)|were not able to demonstrate|could have (?:been|gone))\b|"
    r"\b(?:your|the) (?:solution|answers?|responses?|presentation|take-?home|code|portfolio|case study|system design|design|examples?|approach)\b[^.]{0,60}\b(?:but|however|did not|didn't|lacked|wasn't|was not|could have|stayed|remained)\b|"
    r"\bhere(?: is|'s) what (?:the |our )?(?:panel|team|interviewers?|hiring manager|they|we) (?:said|thought|felt|noted)|\b(?:the panel|the interviewers|the hiring manager)(?:'s)? (?:said|feedback was)\b|"
    r"\bwe (?:were hoping|had hoped|needed|expected) to (?:see|hear) (?:more|you|a)\b|"
    r"\b(?:felt|thought) (?:that )?your [\w -]{2,40} (?:was|were) (?:lighter|weaker|thinner|narrower|less|not)\b|"
    r"\b(?:kandidaat|kandidatin|kandidat|candidat) (?:met|mit|avec) (?:meer|mehr|plus d')|"
    # A reason about the chosen person that names the skill: "another candidate whose
    # experience with provider billing is a closer match" (the formula names none).
    r"\b(?:candidate|applicant|person)(?:'s| whose) (?:experience|background|track record) (?:with|in|of) [\w ,-]{3,60}? (?:(?:is|was|were) )?(?:a )?(?:closer|better|more closely|stronger)\b|"
    r"\b(?:someone|somebody|a candidate|another candidate|an applicant|candidate),? (?:who has|who had|with) (?:more|deeper|stronger|broader) [\w -]{2,40}?(?:experience|background|exposure)\b|"
    # A requirement this candidate did not meet, or a strength named: specific to them.
    r"\b(?:someone|somebody|a person|people|aides|candidates) who (?:has|had|have|already has|can|could|is able to) (?:planned|negotiated|led|run|spent|worked|done|built|managed|cover|do|shipped|taught|more|direct|hands-on|several|at least)\b|"
    r"\b(?:below|under) the (?:benchmark|cut-?off|threshold|pass mark|required (?:score|level|standard))|\bpassed \d+ (?:of|out of) \d+|\bthe cut-?off\b|"
    r"\b(?:does|did) not (?:demonstrate|show|meet|include|hold|have) (?:the )?(?:required|essential|minimum|necessary)|\b(?:visa )?sponsorship\b|\bright to work\b|\bregistration is (?:still )?pending|"
    r"\b(?:the )?(?:concern|deciding factor|main reason|reason) (?:was|is)\b|\bwas the deciding factor|\b(?:that )?schedule (?:didn't|did not|doesn't|does not) fit|"
    r"\b(?:loved|liked|enjoyed|were impressed by|was impressed by) your (?!time|application|interest|patience|company)[\w -]{3,40}\b|"
    r"\byour [\w -]{3,30} (?:is|was|were) (?:genuinely |really |very |honestly )?(?:lovely|excellent|solid|impressive|one of the (?:best|strongest))|"
    r"\bausschlaggebend war|\br[üu]ckmeldung geben|\bhaben uns [üu]berzeugt|\bfehlte (?:uns|ihnen|dir|noch)|\b(?:mehr|praktische|eigenst[äa]ndige) erfahrung|\bbislang nur\b|"
    r"\bnous recherchions (?:quelqu'un|un profil)|\ben parlaient peu|\bmanque d'exp[ée]rience|\bil vous manque|\bvotre (?:travail|profil|portfolio|dossier) [\w ]{0,20}(?:est|[ée]tait) (?:tr[èe]s )?(?:soign[ée]|solide|int[ée]ressant)|\bcorrespond plus pr[ée]cis[ée]ment|"
    r"\bnos gust[óo] (?:mucho )?(?:tu|su)\b|\bnos falt[óo]|\bfalta(?:ba)? (?:de )?experiencia|\bno cumple (?:el|los|con)|\bya conoc[íi]a|"
    r"\b(?:zoeken|zochten) we iemand die|\bervaring (?:zien we|heb je|hebt u) (?:nog )?(?:niet|weinig)|\b(?:weinig|onvoldoende|geen) ervaring (?:mee|met|in)|\bvonden je [\w ]{3,40} (?:sterk|goed)|\bde doorslag gaf|\bdie ervaring heb je nog niet|\bmeer (?:leidinggevende |praktische )?ervaring|"
    r"\b(?:need|needs|needed|looking for|wanted?) (?:someone|somebody|a person|a candidate) (?:a bit |much |slightly )?(?:more senior|more experienced|with more)\b|"
    r"\bto be (?:transparent|honest|candid) about (?:why|the reasons?)|"
    r"\bbut (?:they |we |the (?:panel|team|client|hiring manager) )?(?:felt|thought|found) (?:that )?(?:you|your)\b|"
    r"\b(?:the|your) (?:submission|solution|code|assignment|exercise|take-?home)\b[^.]{0,40}\b(?:had no|did not include|didn't include|was missing|lacked)\b",
    _I,
)
# "You may request feedback from the panel" offers feedback; it gives none.
_FEEDBACK_OFFERED = re.compile(
    r"\b(?:request|ask for|obtain|receive|like some|like|wish to receive|happy to (?:give|share|provide|arrange)|"
    r"can (?:give|provide|share|arrange)|if you'd like|if you would like|should you wish|welcome to ask for)\b[^.\n]{0,40}$",
    _I,
)
_NO_FEEDBACK = re.compile(
    r"\b(?:unable|not able|cannot|can't|do not|don't|are not in a position to) (?:to )?(?:provide|give|offer|share) (?:individual|specific|personal|detailed|any)? ?feedback",
    _I,
)
# An invitation to apply again: asked for, specifically. "Keep an eye on our careers page"
# and "we will keep your CV on file" are not invitations (the glossary).
_REAPPLY = re.compile(
    r"\b(?:welcome|encourage|invite|urge|love|like|want)d? (?:you )?to (?:re-?apply|apply again|try again|apply (?:for|to) (?:this|the same|a similar) (?:role|position|programme|program|scheme)|apply (?:for|to) (?:the|our) (?:next|20\d\d|upcoming) (?:intake|drive|cohort|cycle|round|programme|program)|(?:re)?apply (?:to|for) (?:our|the) (?:casual|relief|bank|talent) (?:pool|register|list))|"
    r"\b(?:feel free|you(?:'re| are) (?:very )?welcome|you (?:may|can|could)|please do|do) (?:to )?(?:re-?apply|apply again|try again)\b|"
    r"\b(?:welcome|love|like|be glad|be happy)[^.\n]{0,20}\b(?:an(?:other)? application from you|you to apply again|to see (?:you|your application) again|to hear from you again)|"
    r"\b(?:don't|do not) hesitate to (?:re-?apply|apply again)|\bapply again (?:in|after|next|when|for)\b|\btry again in (?:our|the) next\b|"
    r"\bn'h[ée]sitez pas [àa] (?:postuler|candidater) (?:de nouveau|[àa] nouveau)|\b(?:re-?postuler|vous (?:encourageons|invitons) [àa] (?:re)?postuler)|"
    r"\b(?:bewerben sie sich|bewirb dich) (?:gerne |sehr gerne )?(?:erneut|wieder|noch einmal)|\b(?:erneute|weitere) bewerbung (?:von ihnen|von dir)?\s*(?:freuen|w[üu]rden)|\bfreuen uns[^.\n]{0,40}erneute bewerbung|"
    r"\b(?:volver a (?:postular|presentarte|aplicar|inscribirte)|te animamos a (?:volver|postular))|"
    r"\b(?:opnieuw|nogmaals) (?:te )?solliciteren|\bsolliciteer (?:gerust )?(?:opnieuw|nog eens)|"
    # this role, if it comes back: they will be asked first
    r"\b(?:if|when|once|should) (?:the|this|that) (?:role|position|post|vacancy|requisition) (?:is )?(?:re-?opens?|re-?opened|opens? (?:up )?again|(?:is )?reinstated|comes? back)[^.\n]{0,80}\b(?:contact you|reach out|call you|be in touch|get in touch|let you know|first person)|"
    r"\bwhen hiring (?:resumes|restarts|reopens)[^.\n]{0,60}\b(?:reach out|contact you|be in touch|get in touch)|"
    r"\bthe first (?:person|candidate|one) (?:we|i)(?:'ll| will| would)? (?:call|contact|reach out to|approach)|"
    r"\b(?:if|when|should|once) (?:a|an) (?:comparable|similar|equivalent) (?:role|position|post|vacancy|opening)\b[^.\n]{0,60}\b(?:contact you|reach out|be in touch|get in touch|let you know|call you)",
    _I,
)
# Kept in mind for a named kind of role: "for platform engineering roles", not "for future roles".
_KEEP_IN_MIND = re.compile(
    r"\b(?:keep|bear|have|hold) you in mind for|\bconsider you for|\breach out (?:to you )?(?:about|for|with)|"
    r"\bte tendremos en cuenta para|\bles? tendremos en cuenta para|\bgarderons? (?:votre|ton) (?:profil|cv|candidature) (?:pour|en vue)|\bpenserons [àa] vous pour|"
    r"\bf[üu]r (?:zuk[üu]nftige|k[üu]nftige) (?:stellen|positionen|vakanzen) (?:im bereich|als|in der)|\bhouden (?:je|u) in gedachten voor|\bdenken (?:graag )?aan (?:je|jou|u) (?:bij|voor)",
    _I,
)
_KIND_OF_ROLE = re.compile(
    r"[^.\n;]{0,80}?\b(?:roles?|positions?|openings?|vacanc(?:y|ies)|opportunit(?:y|ies)|jobs?|procesos|puestos|postes|stellen|vacatures|functies)\b",
    _I,
)
_GENERIC_KIND = frozenset(
    [
        "a",
        "an",
        "any",
        "the",
        "other",
        "others",
        "future",
        "suitable",
        "relevant",
        "similar",
        "new",
        "upcoming",
        "appropriate",
        "potential",
        "possible",
        "further",
        "more",
        "open",
        "our",
        "your",
        "their",
        "this",
        "these",
        "that",
        "those",
        "matching",
        "fitting",
        "available",
        "later",
        "coming",
        "next",
        "de",
        "des",
        "du",
        "futurs",
        "futures",
        "futuros",
        "futuras",
        "nuevos",
        "procesos",
        "zukünftige",
        "künftige",
        "toekomstige",
        "andere",
        "roles",
        "role",
        "positions",
        "position",
        "openings",
        "opening",
        "vacancies",
        "vacancy",
        "opportunities",
        "opportunity",
        "jobs",
        "job",
        "puestos",
        "postes",
        "stellen",
        "vacatures",
        "functies",
        "for",
        "para",
        "pour",
        "für",
        "voor",
        "that",
        "which",
        "may",
        "might",
        "arise",
        "come",
        "up",
        "at",
        "with",
        "in",
        "on",
        "of",
        "and",
        "or",
        "other's",
    ]
)
_NO_REAPPLY = re.compile(
    r"\b(?:not|cannot|can't|unable to|won't be able to|ineligible to|not eligible to) (?:re-?apply|apply again|apply to any)\b|\bonly after\b",
    _I,
)
# A named wait before applying again: "after 12 months", "in six months' time", "a year".
_NUMBER = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "eighteen": 18,
    "twenty-four": 24,
    "a": 1,
    "an": 1,
    "un": 1,
    "une": 1,
    "ein": 1,
    "einem": 1,
    "einen": 1,
    "een": 1,
    "uno": 1,
    "zwei": 2,
    "drei": 3,
    "sechs": 6,
    "zw\u00f6lf": 12,
    "deux": 2,
    "trois": 3,
    "douze": 12,
    "dos": 2,
    "tres": 3,
    "seis": 6,
    "doce": 12,
    "twee": 2,
    "drie": 3,
    "zes": 6,
    "twaalf": 12,
}
_WAIT = re.compile(
    r"\b(?:after|in|within|for|of|wait(?:ing)?|before|dans|apr[èe]s|d'|nach|in|von|despu[ée]s de|dentro de|en|na|over|binnen)\s+"
    r"(?:(?:about|around|at least|a further|another|un d[ée]lai de|mindestens|al menos|minimaal|ten minste)\s+)?"
    r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four|an?|une?|ein(?:em|en)?|een|uno|zwei|drei|sechs|zw\u00f6lf|deux|trois|douze|dos|tres|seis|doce|twee|drie|zes|twaalf)"
    r"[\s-]+(?P<unit>months?|years?|mois|an(?:s|n[ée]e)?|monat(?:e|en)?|jahr(?:e|en)?|mes(?:es)?|a[ñn]os?|maanden|maand|jaar)\b",
    _I,
)
_APPLY_WORD = re.compile(
    r"\b(?:re-?apply|apply|applying|application|considered again|be considered|try again|drive|intake|"
    r"postul|candidat|bewerb|solicit|sollicit|aplicar|presentarte)",
    _I,
)
_SENTENCES = re.compile(r"[^.!?\n]+")


def reapply_wait_months(text: str) -> int | None:
    """The wait a mail names before applying again, in months; None when it names none."""
    for sentence in _SENTENCES.findall(text):
        if not _APPLY_WORD.search(sentence):
            continue
        match = _WAIT.search(sentence)
        if not match:
            continue
        raw = match.group("n").lower()
        number = int(raw) if raw.isdigit() else _NUMBER.get(raw)
        if not number:
            continue
        unit = match.group("unit").lower()
        yearly = unit.startswith(("year", "an", "jahr", "a\u00f1", "jaar"))
        return number * 12 if yearly else number
    return None


def _invites_reapply(text: str) -> str | None:
    """The phrase that invites them to apply again, if any (see the glossary)."""
    for match in _REAPPLY.finditer(text):
        if not _NO_REAPPLY.search(text, max(0, match.start() - 40), match.end() + 10):
            return match.group(0).strip()
    for match in _KEEP_IN_MIND.finditer(text):
        kind = _KIND_OF_ROLE.match(text, match.end())
        if not kind:
            continue
        named = [
            w
            for w in re.findall(r"[\w\u00c0-\u00ff-]+", kind.group(0).lower())
            if w not in _GENERIC_KIND
        ]
        if named:
            return (match.group(0) + kind.group(0)).strip()
    return None


# "The panel found the decision difficult" and "we were impressed" are formulas, not feedback.
_FEEDBACK_FORMULA_AFTER = re.compile(
    r"\s*(?:that )?(?:it |the |this |that )?(?:(?:final )?(?:decision|choice|selection) )?(?:very |extremely |incredibly |really |particularly )?(?:difficult|hard|tough|challenging)\b|"
    r"\s*(?:it |that it |this |that )?(?:was|were) (?:very |really |genuinely )?(?:strong|excellent|great|impressive|good|close|a pleasure)\b",
    _I,
)


@dataclass(frozen=True, slots=True)
class RejectionDetails:
    stage: RejectionStage
    has_feedback: bool
    reapply_invite: bool
    outside_control: bool
    evidence: tuple[str, ...]
    reapply_after_months: int | None = None


_NEGATED = re.compile(
    r"\b(?:not|n't|unable|no longer|without|instead of|rather than)\b[^.!?\n]*$", _I
)


def _hit(pattern: re.Pattern[str], text: str, *, affirmed: bool = False) -> str | None:
    """The first match; with ``affirmed``, skip ones negated earlier in the sentence
    ("we won't be inviting you to interview" is not an interview)."""
    for match in pattern.finditer(text):
        if affirmed and _NEGATED.search(text, max(0, match.start() - 60), match.start()):
            continue
        return match.group(0).strip()
    return None


# Furthest stage first: the first stage whose words appear (not negated) wins.
_STAGES: tuple[tuple[RejectionStage, re.Pattern[str]], ...] = (
    ("final", _FINAL),
    ("interview", _INTERVIEW),
    ("screen", _SCREEN),
    ("application", _APPLICATION),
)


def rejection_details(subject: str, body: str, *, job_board: bool = False) -> RejectionDetails:
    """Stage reached, feedback given, door left open, and whether it was out of the candidate's hands.

    ``job_board`` is accepted for older callers: a board's "see similar jobs" is no
    invitation under the glossary's definition anyway.
    """
    text = subject + "\n" + body[:3000]
    evidence: list[str] = []
    stage: RejectionStage = "unknown"
    for candidate, pattern in _STAGES:
        hit = _hit(pattern, text, affirmed=True)
        if hit:
            stage = candidate
            evidence.append(f"stage: {hit}")
            break
    feedback_hit = next(
        (
            m.group(0).strip()
            for m in _FEEDBACK.finditer(text)
            if not _FEEDBACK_FORMULA_AFTER.match(text, m.end(), m.end() + 60)
            and not _FEEDBACK_OFFERED.search(text, max(0, m.start() - 50), m.start() + 1)
        ),
        None,
    )
    has_feedback = bool(feedback_hit) and not _NO_FEEDBACK.search(text)
    if has_feedback and feedback_hit:
        evidence.append(f"feedback: {feedback_hit}")
    reapply_hit = _invites_reapply(text)
    if reapply_hit:
        evidence.append(f"invited to apply again: {reapply_hit}")
    months = reapply_wait_months(text)
    hold_hit = _hit(ON_HOLD_RE, text)
    if hold_hit:
        evidence.append(f"outside your control: {hold_hit}")
    return RejectionDetails(
        stage, has_feedback, bool(reapply_hit), bool(hold_hit), tuple(evidence), months
    )
