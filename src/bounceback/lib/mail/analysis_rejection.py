"""What a rejection says beyond "no": how far the candidate got, real feedback, a door left open.

Rules only: these are phrase-level facts that a few dozen patterns capture
better than a model trained on synthetic mail could.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bounceback.lib.mail.message import RejectionStage
from bounceback.lib.mail.rules import ON_HOLD_RE

_I = re.I
# Checked from the furthest stage down: a final-round rejection also mentions interviews.
_FINAL = re.compile(
    r"\bfinal (?:round|stage|interview|interviews|panel|step|decision round|conversation)s?\b|"
    r"\b(?:last|final) (?:two|2|three|3) candidates\b|\bfinalists?\b|\breference(?:s| check)\b|"
    r"\bon-?site\b|\bsuper ?day\b|\bvery close (?:decision|call)\b|\bcame down to\b|"
    r"\b(?:last|final) stages? of (?:the|our) (?:process|interview)|\bpanel interview|"
    r"\bmet (?:with )?(?:the whole|the entire|several members of|most of) (?:the )?team|"
    r"\bfinal (?:candidate|two|three)s?\b|\bletzte[nr]? runde|\bdernier entretien|\bentrevista final",
    _I,
)
_INTERVIEW = re.compile(
    r"\b(?:your|the|our|recent|second|technical|video|in-person|team) interviews?\b|"
    r"\binterview(?:ed|ing)? (?:with|for|at)\b|\b(?:after|following) (?:the |your |our )?(?:interview|meeting)|"
    r"\btime (?:you spent )?(?:interviewing|meeting)|\bmeet(?:ing)? (?:with )?(?:us|the team|our team|the hiring)|"
    r"\bmet (?:with )?(?:us|the team|our team|the hiring manager|me)\b|"
    r"\bspeaking with (?:the team|our team|the hiring manager|several)|\bthe hiring manager\b|"
    r"\b(?:technical|case|system design|coding) (?:round|interview|discussion)|\bsecond round\b|"
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
    r"codility|hackerrank|codesignal)\b|\btaking the time to (?:speak|talk|chat)|"
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
    r"\b(?:someone|somebody|a candidate|another candidate|an applicant) (?:who has|who had|with) (?:more|deeper|stronger|broader) [\w -]{2,40}?(?:experience|background|exposure)\b|"
    r"\b(?:need|needs|needed|looking for|wanted?) (?:someone|somebody|a person|a candidate) (?:a bit |much |slightly )?(?:more senior|more experienced|with more)\b|"
    r"\bto be (?:transparent|honest|candid) about (?:why|the reasons?)|"
    r"\bbut (?:they |we |the (?:panel|team|client|hiring manager) )?(?:felt|thought|found) (?:that )?(?:you|your)\b|"
    r"\b(?:the|your) (?:submission|solution|code|assignment|exercise|take-?home)\b[^.]{0,40}\b(?:had no|did not include|didn't include|was missing|lacked)\b",
    _I,
)
_NO_FEEDBACK = re.compile(
    r"\b(?:unable|not able|cannot|can't|do not|don't|are not in a position to) (?:to )?(?:provide|give|offer|share) (?:individual|specific|personal|detailed|any)? ?feedback",
    _I,
)
_REAPPLY = re.compile(
    r"\b(?:encourage|invite|welcome) you to (?:re-?apply|apply (?:again|for|to)|keep (?:an eye|checking|applying)|check|stay|look|consider|continue|visit)|"
    r"\bre-?apply\b|\bapply again\b|\b(?:keep|retain|hold|store|save)(?:ing)? your (?:cv|resume|résumé|details|profile|information|application|data) (?:on file|in our|for future)|"
    r"\b(?:on file|in our (?:database|talent (?:pool|community|network)))\b|\btalent (?:pool|community|network)\b|"
    r"\bfuture (?:openings|opportunities|roles|positions|vacancies)\b|\b(?:other|future) (?:roles|positions|openings|opportunities|vacancies) (?:that|which) (?:match|fit|suit|align)|"
    r"\b(?:please )?(?:don't|do not) hesitate to apply|\bkeep an eye on (?:our|the) (?:careers?|jobs?)|"
    r"\b(?:reach out|contact you|be in touch|get in touch) (?:if|should|when) (?:a|another|any|something|an?) (?:suitable|relevant|new|similar|other|future|position|role|opening)|"
    r"\bstay in touch\b|\b(?:if|when|should|once) (?:the|this) (?:role|position|vacancy|requisition|hiring|search) (?:re-?opens|is re-?opened|resumes|opens up again|becomes available)|"
    r"\bwhen hiring resumes|\banother application from you|\b(?:view|check|browse) (?:our )?open (?:positions|roles|jobs)|\breach out to you (?:first|directly) (?:if|when)|"
    r"\b(?:if|when) (?:the|this) (?:role|position) (?:re-?opens|is re-?opened)|\bwould love to hear from you again|\bin (?:the )?future (?:if|when|should)|"
    r"\bzuk[üu]nftige|\bin evidenz|\bfutures? (?:offres|opportunit[ée]s)|\bfuturas? (?:ofertas|oportunidades|vacantes)|"
    r"\b(?:keep|kept|have) your (?:information|details|cv|resume|profile) (?:on hand|in mind|handy)|\bconsider us again\b|"
    r"\b(?:talk|speak|chat) again\b|\bfast-?track you\b|\bkeep you in mind\b|"
    r"\b(?:if|when|should|once) it (?:re-?opens|opens (?:up )?again|is re-?opened)\b|\bin case (?:anything|something|a (?:role|position|vacancy)) (?:else )?(?:opens|comes) up\b|\bhear from you if you (?:see|find|spot) (?:another|a|any) (?:role|position|vacancy|opening)|"
    r"\bcontinue to (?:visit|check|monitor|look at) our (?:careers?|jobs?)|\b(?:role|position) (?:opens|is opened|comes back) (?:up )?again\b|"
    r"\b(?:if|when|should|once) (?:a|an|another|any) (?:\w+ |\(?[\w-]+\)? ){0,3}(?:role|position|opening|vacancy|opportunity) (?:opens|comes up|becomes available|arises|is advertised)|"
    r"\b(?:should|if) (?:the|this) (?:role|position|vacancy) (?:re-?open|come back|be re-?advertised)|"
    r"\b(?:happy|okay|ok) for us to keep your (?:details|cv|data|information)|"
    r"\bconserv(?:ons|erons) (?:toutefois |néanmoins )?(?:vos coordonn[ée]es|votre (?:cv|candidature|profil))|\bvivier\b|\btalentpool|\bin (?:ons|onze) (?:bestand|database)|\bguardaremos (?:tu|su) (?:cv|candidatura|perfil)",
    _I,
)
# "The panel found the decision difficult" and "we were impressed" are formulas, not feedback.
_FEEDBACK_FORMULA_AFTER = re.compile(
    r"\s*(?:that )?(?:it |the |this |that )?(?:(?:final )?(?:decision|choice|selection) )?(?:very |extremely |incredibly |really |particularly )?(?:difficult|hard|tough|challenging)\b|"
    r"\s*(?:it |that it |this |that )?(?:was|were) (?:very |really |genuinely )?(?:strong|excellent|great|impressive|good|close|a pleasure)\b",
    _I,
)
# A job board's stock line under a rejection ("apply to other roles that match your skills",
# "see similar jobs") points at the board's listings, not at the employer's door.
_BOARD_REAPPLY = re.compile(
    r"\bother (?:roles|jobs|positions|opportunities)\b|\bsimilar jobs\b|\bjob search\b", _I
)
_NO_REAPPLY = re.compile(r"\b(?:not|don't|do not) (?:keep|retain|store)|\bwill be deleted\b", _I)


@dataclass(frozen=True, slots=True)
class RejectionDetails:
    stage: RejectionStage
    has_feedback: bool
    reapply_invite: bool
    outside_control: bool
    evidence: tuple[str, ...]


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


# Furthest stage first, as above: the first stage whose words appear (not negated) wins.
_STAGES: tuple[tuple[RejectionStage, re.Pattern[str]], ...] = (
    ("final", _FINAL),
    ("interview", _INTERVIEW),
    ("screen", _SCREEN),
    ("application", _APPLICATION),
)


def rejection_details(subject: str, body: str, *, job_board: bool = False) -> RejectionDetails:
    """Stage reached, feedback given, door left open, and whether it was out of the candidate's hands."""
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
        ),
        None,
    )
    has_feedback = bool(feedback_hit) and not _NO_FEEDBACK.search(text)
    if has_feedback and feedback_hit:
        evidence.append(f"feedback: {feedback_hit}")
    reapply_hit = next(
        (
            m.group(0).strip()
            for m in _REAPPLY.finditer(text)
            if not (job_board and _BOARD_REAPPLY.search(text, max(0, m.start() - 30), m.end() + 60))
        ),
        None,
    )
    reapply = bool(reapply_hit) and not _NO_REAPPLY.search(text)
    if reapply and reapply_hit:
        evidence.append(f"door open: {reapply_hit}")
    hold_hit = _hit(ON_HOLD_RE, text)
    if hold_hit:
        evidence.append(f"outside your control: {hold_hit}")
    return RejectionDetails(stage, has_feedback, reapply, bool(hold_hit), tuple(evidence))
