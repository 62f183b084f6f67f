"""Hand-written knowledge about job-search e-mail: phrases and words (senders: ``senders``).

Everything here is data (lists of domains and regular expressions) so that a
non-programmer can extend it; ``analysis`` and ``extract`` decide what to do
with a match. Phrases are written to match how real employers and applicant
tracking systems (ATS) word things, in English plus a few common German,
French, Spanish, Dutch and Scandinavian rejection phrases.
"""

from __future__ import annotations

import re
from typing import Final

from bounceback.lib.mail.analysis_regex import GatedPatterns, phrases, trie_regex

# --- the header prefilter ----------------------------------------------------


# Word starts that make a sender or subject possibly job-related (so never skipped).
# Deliberately broad - "thank", "update", "call", "team" - because a rejection's
# subject is often just "Thank you" or "Update from Acme". Lower-case; matched
# at the start of a word in the lower-cased header.
JOB_HEADER_STEMS: Final = phrases(
    """
    appl position role interview candida offer opportunit recruit job career hiring hire talent
    vacanc cv resume résumé hr people staffing headhunt assessment test challenge step profile
    update status decision feedback thank follow regarding opening employ onboard contract
    stelle bewerb absage kandidat vorstellung einladung candidature poste entretien emploi
    recrutement candidatura puesto entrevista empleo vacante solicitud sollicit vacature ansökan
    ansokan tjänst tjanst intervju søknad soknad stilling ansøgning work team unfortunately
    leider malheureusement lamentablemente helaas tyvärr welcome congrat call chat question
    connect introduc catch_up coffee meet schedul invit next_step outcome re: fw: fwd: aw: wg:
    tr: sv: vs: engineer developer programmer manager analyst designer scientist specialist
    coordinator associate director lead head consultant intern assistant officer administrator
    architect representative executive advis accountant writer editor researcher technician
    nurse teacher strateg marketer generalist controller auditor agent operator devops sre vp
    chief cto ceo cfo principal staff trainee apprentice fellow lecturer professor postdoc
    counsel lawyer paralegal clerk planner buyer producer artist animator copywriter supervisor
    illustrator werkstudent entwickler ingenieur praktik stagiaire ingénieur développeur
    desarrollador background_check background_screening background_verification screening
    referee reference_check pre-employment
    """
)
JOB_HEADER_RE: Final = re.compile(r"\b" + trie_regex(JOB_HEADER_STEMS))
# Subject phrases that are certainly not job mail (receipts, deliveries, security, social).
NON_JOB_SUBJECT_PHRASES: Final = (
    """
order|shipped|delivered|dispatched|out for delivery|tracking number|shipping|parcel|package
receipt|invoice|payment|statement|subscription|renewal|booking|reservation|your trip|your ride
password|verify|verification|security alert|security code|sign-in|sign in|login|log in|one-time
sale|% off|deal|deals|discount|coupon|newsletter|digest|weekly|podcast|episode|webinar
liked your|commented on|mentioned you|tagged you|new follower|friend request|shared a memory
happy birthday|dinner|lunch|brunch|party|weekend|holiday photos|pull request|merge request
""".replace("\n", "|")
    .strip("|")
    .split("|")
)
NON_JOB_SUBJECT_RE: Final = re.compile(
    r"\b" + trie_regex([p for p in NON_JOB_SUBJECT_PHRASES if p])
)
LIST_HEADERS: Final = ("list-id", "list-post")

# --- body signals ------------------------------------------------------------

# A message whose body matches none of these is not job mail (fast path).
JOB_BODY_STEMS: Final = phrases(
    """
    apply applied applying applica position role interview candida recruit job career hiring
    hire talent vacanc cv resume résumé opportunit offer assessment onboard employ stelle bewerb
    kandidat candidature poste emploi candidatura puesto empleo sollicit vacature ansökan
    ansokan tjänst tjanst søknad soknad stilling unfortunately regret decided decision shortlist
    entretien unterlagen interest_in your_time your_background your_experience your_profile
    leading_a_search running_a_search executive_search head_of join_as_our start_date referees chosen_another
    chose_another another_person someone_else somebody_else
    background_check second_round next_round final_round first_round different_direction
    another_direction join_us join_the_team come_in_for our_chat our_call our_conversation
    the_paperwork docusign referral refer_you you_to_join written_contract
    """
)
# Matched against lower-cased text, at word starts; findall gives the stems present.
JOB_BODY_RE: Final = re.compile(r"\b" + trie_regex(JOB_BODY_STEMS))
# A single one of these in a message with no job phrase is marketing or a club, not a job.
WEAK_JOB_STEMS: Final = frozenset(
    phrases(
        """
    offer opportunit career talent employ job hire hiring role interest_in your_time
    your_profile your_experience
    """
    )
)

# The candidate writing: a thank-you note, a follow-up, sent mail. Job mail, no employer decision,
# and the person who signed it is the user, not a contact.
CANDIDATE_VOICE_PATTERN: Final = r"\b(?:i|i've) (?:recently )?(?:applied|submitted my application) (?:for|to) (?:the|your)\b|\bi(?: am|'m) writing to (?:formally )?(?:accept|withdraw|decline|follow up)\b|\bwithdraw my (?:application|candidacy)\b|\bi(?: am|'m) (?:delighted|pleased|happy|thrilled|excited) to (?:formally )?accept\b|\bfollow(?:ing)? up on (?:the status of )?my (?:application|candidacy|interview)|\bthe status of my (?:application|candidacy)|\bi (?:remain|am still) (?:very |extremely |highly )?(?:interested|enthusiastic|excited)|\bmy (?:enthusiasm|interest|excitement) (?:for|in) the (?:role|position|job|opportunity)|\bi am confident (?:that )?my (?:experience|skills|background)|\b(?:any )?(?:further|additional) information from me\b|\bi look forward to hearing (?:from you|back) (?:about|regarding|on) (?:the )?next steps|\bthank you for (?:taking the time to )?(?:interview|speak|meet|talk)(?:ing)? (?:with )?me\b[^.\n]{0,80}\.[^.\n]{0,30}\bi (?:enjoyed|appreciated|was)"
CANDIDATE_VOICE_RE: Final = re.compile(CANDIDATE_VOICE_PATTERN, re.I)

# (label, weight, pattern). Weights are log-odds-like: ~3 is "nearly decisive",
# ~1 is "points that way". The linear model sees the summed weights as features
# and learns how far to trust them (see analysis_model).
_F = re.I
PHRASES: Final[tuple[tuple[str, float, re.Pattern[str]], ...]] = tuple(
    (label, weight, re.compile(pattern, _F))
    for label, weight, pattern in (
        # -- rejection
        ("rejection", 2.0, r"\bunfortunately\b"),
        ("rejection", 2.0, r"\bregret to (?:inform|let you know|say|tell)"),
        ("rejection", 1.0, r"\b(?:we are|we're|i am|i'm) (?:so )?sorry to (?:inform|say|tell|let)"),
        ("rejection", 3.0, r"\bnot (?:to )?(?:be )?(?:mov(?:e|ing)|go(?:ing)?) (?:forward|ahead)"),
        (
            "rejection",
            3.0,
            r"\b(?:won't|will not|wont|cannot|can't|are unable to|are not able to) (?:be )?(?:mov(?:e|ing)|progress(?:ing)?|proceed(?:ing)?|go(?:ing)?|tak(?:e|ing)) (?:forward|ahead|further|you(?:r application)? (?:forward|further)|with your)",
        ),
        (
            "rejection",
            3.0,
            r"\b(?:decided|chosen|elected|opted) (?:to )?(?:move|moving|go|proceed|progress|continue|pursue) (?:forward |ahead )?with (?:an?other|other|different|a different|the other|a more|candidates|applicants)",
        ),
        (
            "rejection",
            3.0,
            r"\b(?:decided|decision) not to (?:move|proceed|progress|continue|pursue|invite|offer|take|extend|make (?:you )?an offer|hire|go ahead)",
        ),
        (
            "rejection",
            2.0,
            r"\b(?:did not|didn't|do not|does not|don't) (?:meet|reach|achieve) (?:the|our) (?:threshold|required|minimum|pass|benchmark|score)|\bnot (?:eligible|able) to progress\b|\bthe (?:successful|chosen|selected|appointed) (?:candidate|applicant|person)\b|\bthe (?:candidate|person) we (?:chose|selected|appointed|hired|went with)\b",
        ),
        (
            "rejection",
            2.0,
            r"\b(?:pursue|pursuing|consider(?:ing)?) other (?:candidates|applicants|profiles)",
        ),
        (
            "rejection",
            1.5,
            r"\bcandidates? (?:whose|who(?:se)?) (?:experience|skills|background|profile|qualifications)[\w\s,]{0,40}(?:more closely|better|more)",
        ),
        ("rejection", 1.5, r"\bmore closely (?:match|matches|align|aligns|fit|fits|suited)"),
        (
            "rejection",
            2.5,
            r"\b(?:position|role|vacancy|job|opening) (?:has|have) (?:now )?been (?:filled|closed|cancel+ed|withdrawn)",
        ),
        (
            "rejection",
            2.5,
            r"\b(?:we have|we've) (?:now )?(?:filled|closed) the (?:position|role|vacancy|opening)",
        ),
        (
            "rejection",
            3.0,
            r"\bno longer (?:be )?(?:under consideration|being considered|considered|in consideration|moving forward|in the running)",
        ),
        (
            "rejection",
            3.0,
            r"\b(?:have|has|were|was) not (?:been )?(?:selected|successful|shortlisted|chosen)",
        ),
        ("rejection", 2.5, r"\b(?:unsuccessful|not successful|not been successful)\b"),
        (
            "rejection",
            2.0,
            r"\bnot (?:quite )?(?:the )?(?:right|best|strongest) (?:fit|match)\b|\bnot a (?:fit|match) (?:for|at)|\b(?:don't|do not) think [^.\n]{0,80}\b(?:is|would be) (?:the |a )?(?:right|good|great) (?:fit|match)|\bisn't (?:the |a )?(?:right|good) (?:fit|match)",
        ),
        (
            "rejection",
            2.5,
            r"\b(?:go|going|move|moving|gone) (?:in )?(?:another|a different|other) (?:way|direction)\b|\b(?:offer(?:ed)?|give|given|gone|went) (?:the (?:role|position|job|post) )?to (?:(?:another|a different|an internal) (?:candidate|applicant|person)|someone|somebody)\b",
        ),
        (
            "rejection",
            3.0,
            r"\b(?:put|placed|been put|been placed|is|are) on hold\b|\b(?:paus|freez)(?:e|ed|ing) (?:our |all )?(?:hiring|recruit)|\bhiring freeze\b|\b(?:role|position|requisition) (?:was|has been|is) (?:paused|frozen|cancel+ed|closed|withdrawn|eliminated)",
        ),
        (
            "rejection",
            2.0,
            r"\b(?:unable|not able|not in a position) to (?:offer you|extend an offer|make (?:you )?an offer|move|proceed|progress|take your)",
        ),
        ("rejection", 1.5, r"\b(?:will not|won't|cannot) be (?:offering|inviting|extending)"),
        (
            "rejection",
            1.0,
            r"\b(?:wish|wishing) you (?:the (?:very )?best|all the best|every success|success|good luck|luck|well)",
        ),
        ("rejection", 1.0, r"\b(?:difficult|tough|hard) (?:decision|choice)"),
        (
            "rejection",
            0.8,
            r"\b(?:keep|retain|hold) your (?:cv|resume|résumé|details|profile|information|application) on file",
        ),
        (
            "rejection",
            2.0,
            r"\bnot (?:been )?(?:progress(?:ed|ing)|invited|proceed(?:ed|ing)) (?:further|to the next|with)",
        ),
        (
            "rejection",
            2.0,
            r"\b(?:highly|extremely|very) competitive\b|\b(?:large|high|overwhelming) (?:number|volume) of (?:strong |qualified |talented )?(?:applica|candida)",
        ),
        ("rejection", 1.5, r"\bnot (?:selected|chosen) (?:for|to)\b|\bother applicants?\b"),
        (
            "rejection",
            3.0,
            r"\bleider\b|\babsage\b|\bnicht (?:weiter )?ber[üu]cksichtig|\bf[üu]r (?:eine[nr]? )?andere[nr]? (?:kandidat|bewerber)",
        ),
        (
            "rejection",
            3.0,
            r"\bmalheureusement\b|\bne (?:pas )?(?:pouvons|pourrons) (?:pas )?donner (?:une )?suite|\bau regret de vous (?:informer|annoncer)|\bpas (?:[ée]t[ée] )?retenue?\b|\bregrettons\b",
        ),
        (
            "rejection",
            3.0,
            r"\bpurtroppo\b|\binfelizmente\b|\b(?:proseguire|procedere) con altri candidati|\bseguir com outros candidatos|\blamentablemente\b|\bdesafortunadamente\b|\bno (?:ha sido|has sido|fue) seleccionad|\bno (?:continuar|seguir) con tu candidatura",
        ),
        (
            "rejection",
            3.0,
            r"\bhelaas\b|\btyv[äa]rr\b|\bdesv[æa]rre\b|\bvalitettavasti\b|\bdessverre\b",
        ),
        # Plain UK and conversational phrasings of "no".
        (
            "rejection",
            3.0,
            r"\b(?:won't|will not|wont|are not|aren't|not) (?:be )?progressing (?:with )?your (?:application|candidacy|cv|profile)",
        ),
        ("rejection", 1.0, r"\bon this occasion\b"),
        (
            "rejection",
            3.0,
            r"\b(?:chosen|chose|selected|picked|hired|offered it to) (?:another|a different|someone else|somebody else)\b",
        ),
        (
            "rejection",
            2.5,
            r"\b(?:has|have|had|did) not (?:met|meet|reached|reach|achieved) the (?:required|minimum|necessary|expected) (?:standard|score|level|threshold|criteria)|\bwill not be progressed\b|\bnot be taken (?:any )?further\b",
        ),
        ("rejection", 1.5, r"\bsadly\b"),
        (
            "rejection",
            2.5,
            r"\b(?:position|role|job|vacancy|post|spot|opening)(?: has| is|'s| was)?(?: now| already)? (?:been )?filled\b",
        ),
        (
            "rejection",
            2.5,
            r"\b(?:go|going|went|gone) (?:ahead )?with (?:someone|somebody|another (?:candidate|applicant|person)|a different (?:candidate|applicant|person)|an? (?:internal|external|other) (?:candidate|applicant)|the other (?:candidate|applicant))",
        ),
        # -- interview invitation
        (
            "interview_invite",
            3.0,
            r"\b(?:invite|inviting) you (?:to|for) (?:an? |the |our |your )?(?:(?:first|second|next|final|technical|virtual|video|phone|onsite|on-site|in-person|panel|initial)[ -]?(?:round )?)*(?:interview|call|chat|conversation|meeting|screen|conversation)",
        ),
        (
            "interview_invite",
            2.5,
            r"\b(?:like|love|happy|pleased|excited|delighted|keen) to (?:invite|schedule|set up|arrange|book|move you|move forward with you|progress you|have you(?! on board| join| as part| aboard)|speak with you|talk with you|chat with you|meet you|learn more about you|get to know you)",
        ),
        (
            "interview_invite",
            2.5,
            r"\b(?:schedule|book|arrange|set up) (?:a|an|your|the|some) (?:time|call|interview|chat|meeting|slot|conversation|video call|phone screen|phone call)",
        ),
        (
            "interview_invite",
            2.0,
            r"\b(?:select|choose|pick|book|let us know) (?:a |the |your )?(?:time|slot|date)s? (?:that|which|from|for|using|below|works)|\bcalendly\.com|\bgoodtime\.io|\bchilipiper\b|\bavailability (?:for|next|this|over)|\bwhat(?:'s| is) your availability|\bwhen (?:are|would) you (?:be )?(?:available|free)",
        ),
        (
            "interview_invite",
            2.0,
            r"\b(?:move|moving|progress|advance) (?:you )?(?:forward )?to the next (?:round|stage|step)|\bnext (?:round|stage) of (?:the |our )?(?:interview|process)",
        ),
        (
            "interview_invite",
            1.5,
            r"\binterview (?:invitation|invite|request|confirmation|scheduled|details)|\b(?:your|the) interview (?:is|will be) (?:on|at|scheduled)",
        ),
        (
            "interview_invite",
            2.5,
            r"\b(?:move|reschedule|rearrange|push back|bring forward) (?:your|the|our) (?:interview|call|meeting)\b|\bminute (?:interview|phone screen|screening call)|\binterview (?:has been|is) (?:scheduled|booked|confirmed|moved)|\bevent type: [^\n]{0,40}\binterview",
        ),
        (
            "interview_invite",
            2.5,
            r"\b(?:einladung|einladen|vorstellungsgespr[äa]ch|entretien|entrevista|souhaiterions vous rencontrer|kennenlernen)\b",
        ),
        (
            "interview_invite",
            2.0,
            r"\b(?:could|can|would) you come (?:in|by|over|to)|\bare you (?:free|available) (?:on |for |this |next |to )?|\bcome in for (?:a|an) (?:chat|interview|conversation|coffee)|\b(?:seriez|serais)[- ]vous disponible|\bshare your availability\b",
        ),
        # Calendar invitations (Google, Outlook, Teams) for an interview.
        (
            "interview_invite",
            3.0,
            r"\b(?:invitation|updated invitation|new event|meeting request|invitación|einladung): [^\n]{0,120}\binterview",
        ),
        (
            "interview_invite",
            1.0,
            r"\b(?:microsoft teams meeting|join zoom meeting|join with google meet|invited to the following event)\b",
        ),
        (
            "interview_invite",
            3.0,
            r"\b(?:have|has|you've) been (?:short-?listed|selected) (?:for|to attend) (?:an? |the )?(?:(?:virtual|video|telephone|phone|online|face-to-face|first|second|third|final|panel|next|technical|hr) )?(?:interview|next round|assessment centre|assessment day|round of (?:the )?interviews?|stage of (?:the )?interviews?)",
        ),
        (
            "interview_invite",
            2.5,
            r"\b(?:move|reschedule|rearrange|postpone|push back|bring forward) (?:your |the |our )?(?:\w+'s |\w+day's )?(?:interview|call|meeting)\b|\bthis (?:e-?mail )?confirms your (?:interview|call|meeting)",
        ),
        # -- offer
        (
            "offer",
            3.0,
            r"\b(?:pleased|happy|delighted|excited|thrilled|glad) to (?:formally )?(?:extend|offer|make) (?:you )?(?:an? |the |this |our )?(?:formal |verbal |written )?(?:offer|position)",
        ),
        (
            "offer",
            3.0,
            r"\b(?:offer letter|offer of employment|employment offer|job offer|contract of employment|your offer (?:letter|details|package)|sign(?:ed)? (?:the|your) offer|accept(?:ing)? (?:the|our|this) offer)",
        ),
        (
            "offer",
            2.0,
            r"\b(?:welcome (?:aboard|to the team)|start date|starting salary|base salary|compensation package|signing bonus|equity grant)",
        ),
        ("offer", 1.0, r"\bcongratulations\b"),
        (
            "offer",
            3.0,
            r"\b(?:my|our|a) pleasure to (?:formally )?(?:offer you|extend (?:you )?(?:an|this|the) offer)",
        ),
        (
            "offer",
            3.0,
            r"\b(?:like|love|want|pleased|happy|delighted|excited|thrilled|able)(?<!not able) to (?:extend|make|offer) (?:you )?(?:an? |the |our )?(?:formal |verbal |written |job |official )?offer\b|\b(?:like|love|want|pleased|happy|delighted|excited|thrilled) to offer you (?:the|a|this|our) (?:position|role|job|post)\b",
        ),
        (
            "offer",
            2.5,
            r"\b(?:written|formal|verbal|official) (?:version of (?:the|your) |copy of (?:the|your) )?offer\b|\bhave you (?:on board|aboard|join (?:us|the team|as (?:our|a|an|the)))|\b(?:review|accept|sign) (?:and (?:accept|sign|return) )?your (?:offer|contract)",
        ),
        # -- application received
        (
            "application_received",
            2.5,
            r"\b(?:we(?: have|'ve)? (?:successfully )?received|this is to confirm (?:that )?we(?: have|'ve)? received|confirm(?:ing)? (?:the )?receipt of) your (?:application|cv|resume|résumé|submission|candidacy)",
        ),
        (
            "application_received",
            2.5,
            r"\b(?:your )?application (?:has been|was|is) (?:successfully )?(?:received|submitted|sent|complete)|\b(?:we )?(?:confirm|acknowledge) (?:that )?(?:it|your application|your cv) (?:has been|was|is) (?:safely |successfully )?received\b|\bwith our (?:recruitment|recruiting|hiring|talent) team\b",
        ),
        (
            "application_received",
            2.0,
            r"\b(?:we|our (?:team|recruiters|hiring team|talent team)|the (?:hiring|recruiting|talent) team) (?:will|'ll) (?:now |be |carefully )*(?:review|reviewing|assess|look at|consider)",
        ),
        (
            "application_received",
            2.0,
            r"\bif (?:your|you(?:r)?) (?:skills|experience|qualifications|profile|background)[\w\s,]{0,30}(?:match|matches|meet|align|fit)|\b(?:we|someone) will (?:be in touch|contact you|get back to you|reach out)(?: (?:if|shortly|soon|within|in the))?",
        ),
        (
            "application_received",
            1.0,
            r"\bthank(?:s| you) for (?:applying|your application|submitting|your interest)",
        ),
        (
            "application_received",
            3.0,
            r"\byour application was sent to\b|\b(?:we(?: have|'ve)) (?:received|got) it\b|\bwe(?:'ve| have) got your (?:application|cv|resume|details)\b|\band (?:we )?will (?:review|look at|consider|assess) (?:it|your application|your cv|your profile)\b|\b(?:we(?: have|'ve)? (?:successfully )?received|we have got) your (?:documents|details|papers|submission|cover letter)|\bget back to you (?:as soon as|shortly|soon|within|in the coming)|\b(?:ihre|deine) (?:unterlagen|bewerbung) (?:erhalten|ist (?:bei uns )?eingegangen)|\bmelden (?:uns|wir uns) (?:so schnell wie m[öo]glich|zeitnah|in k[üu]rze|bei (?:ihnen|dir))|\bnous avons (?:bien )?re[çc]u (?:votre|ta) candidature|\bwe hebben je sollicitatie (?:in goede orde )?ontvangen",
        ),
        (
            "application_received",
            2.0,
            r"\b(?:application (?:confirmation|received)|bewerbungseingang|eingangsbest[äa]tigung|(?:best[äa]tigen|best[äa]tige) (?:wir |ich )?den eingang|accus[ée] de r[ée]ception|hemos recibido (?:tu|su) (?:candidatura|solicitud)|(?:arrived|came through) safely|(?:i|we)(?:'ll| will) get back to (?:you|everyone|all)|collecting applications)",
        ),
        (
            "application_received",
            2.5,
            r"\bif you (?:have not|haven't|do not|don't|did not|didn't) (?:hear|heard|receive|received) (?:from us|back|a response|anything)",
        ),
        # -- assessment
        (
            "assessment_invite",
            3.0,
            r"\b(?:complete|take|finish|start|begin|attempt) (?:the |a |an |our |your |this |following |short |online |brief |skills? |quick )*(?:assessment|coding (?:challenge|test|exercise)|take[- ]home|technical (?:test|exercise|challenge|task)|online test|skills? test|questionnaire|case study|exercise|challenge|test)\b",
        ),
        (
            "assessment_invite",
            2.5,
            r"\b(?:hackerrank|codility|codesignal|testgorilla|hirevue|pymetrics|coderbyte|criteria corp|shl\b|talogy|cut-e|harver|devskiller|qualified\.io)",
        ),
        (
            "assessment_invite",
            2.0,
            r"\b(?:assessment|challenge|test|exercise|task) (?:link|invitation|invite|expires|deadline)|\b(?:within|in the next) (?:\d+|three|five|seven|two) (?:days|hours|business days)\b",
        ),
        (
            "assessment_invite",
            2.5,
            r"\b(?:take[- ]home (?:assignment|task|exercise|project|challenge)|coding (?:challenge|assignment)|online assessment|video assessment|one-way video|recorded video interview|(?:design|coding|technical|writing|home|case|written) (?:exercise|task|assignment|challenge|test)|work on a (?:short |small )?(?:\w+ )?(?:exercise|task|assignment|challenge|case study)|questionnaire|programming test)",
        ),
        (
            "assessment_invite",
            3.0,
            r"\b(?:answer|record|respond to) (?:\w+ )?(?:short )?(?:questions on video|video questions|your (?:video )?answers)|\b(?:situational judg(?:e)?ment|numerical reasoning|verbal reasoning|logical reasoning|inductive reasoning|psychometric|aptitude|cognitive ability|game-based|personality) (?:tests?|assessments?|questionnaires?|exercises?)\b|\b(?:hackerearth|spark ?hire|vervoe|mettl|amcat|imocha|coderpad|willo)\b",
        ),
        # -- other job (alerts, outreach, another role)
        (
            "other_job",
            3.0,
            r"\b\d+\+? (?:new )?(?:jobs?|roles|positions|openings)\b|\bjob alerts?\b|\bjobs? (?:you might|you may|for you|that match|matching)|\brecommended (?:jobs|roles|for you)|\bnew jobs\b|\bnew job (?:for you|matching|alert|posted|at)\b|\bsimilar jobs\b|\b(?:is|are) hiring\b|\beasy apply\b|\bapply now\b|\b\d+ (?:neue|nouvelles|nuevas|nieuwe) (?:jobs|stellen|offres|ofertas|vacatures)|\bneue (?:passende )?(?:stellenangebote|jobs)\b|\bpassende stellenangebote|\bjobagent|\bnouvelles offres d'emploi|\bofertas de empleo para ti|\bnieuwe vacatures",
        ),
        (
            "other_job",
            3.0,
            r"\b(?:came|come) across your (?:profile|cv|resume|background|linkedin|github)|\bi(?:'m| am) (?:a |an )?(?:recruiter|talent partner|headhunter|sourcer)|\bon behalf of (?:my|our|a) client|\b(?:would|are) you (?:be )?open to (?:a |an |new |exploring|hearing|chat)|\bi(?:'m| am) reaching out (?:about|regarding|because|to)",
        ),
        (
            "other_job",
            2.5,
            r"\b(?:roles?|positions?|opportunit(?:y|ies)|openings?|vacanc(?:y|ies)) (?:with|at|for) (?:a |one of )?(?:my |our )?clients?\b|\bare you still (?:looking|on the market|open to)|\b(?:i(?:'m| am)|we(?:'re| are)) (?:partnering|working|exclusively working) with (?:a|an)\b|\bcold (?:e-?mail|message|outreach)|\b(?:strong|great|good|perfect) (?:match|fit) for (?:a|an)\b|\bhear more\?|\b(?:jobs?|careers?|recruitment|hiring|graduate) (?:fair|expo|event)s?\b|\bemployers (?:hiring|recruiting)|\bcompanies you follow",
        ),
        (
            "other_job",
            1.5,
            r"\bexciting (?:opportunity|role|position)|\bthink you(?:'d| would) be a (?:great|strong|good) (?:fit|match)|\bconfidential (?:search|opportunity|role)",
        ),
        # Late-process paperwork: background checks, references, a portal status change.
        (
            "other_job",
            3.0,
            r"\bbackground (?:checks?|screening|verification|investigation)\b|\bpre-employment (?:screening|checks?|background)|\b(?:checkr|hireright|sterling ?check|first advantage|goodhire)\b|\bdrug (?:test|screen)",
        ),
        (
            "other_job",
            2.5,
            r"\b(?:two|2|three|3|your) (?:professional )?referees\b|\breference (?:checks?|requests?)\b|\btake up (?:your )?references\b",
        ),
        (
            "other_job",
            3.0,
            r"\b(?:an? )?update (?:to|on|regarding|about) the status of your application|\b(?:the )?status of your application has (?:been )?(?:updated|changed)|\byour application status has (?:been )?(?:updated|changed)|\bthere (?:has been|is) an update (?:to|on|regarding) your application",
        ),
        (
            "other_job",
            3.0,
            r"\b(?:automatic reply|auto-?reply|autoreply|out of (?:the )?office)\b[^\n]{0,40}\b(?:application|applying|job|position|role|interview|candida|cv|resume|recruit|vacanc)",
        ),
        (
            "other_job",
            3.0,
            r"\b(?:you have|you've) withdrawn your (?:application|candidacy)|\b(?:application|candidacy) (?:has been |was )?withdrawn\b",
        ),
        # The candidate writing (sent mail, and the thank-you / follow-up templates that
        # career sites publish): job mail, but no decision from an employer.
        ("other_job", 3.0, CANDIDATE_VOICE_PATTERN),
        (
            "other_job",
            2.5,
            r"\btalent (?:community|network)\b[^.\n]{0,60}\b(?:openings|roles|jobs|positions)|\bnew (?:roles|openings|jobs|positions)(?: at [\w&' -]{2,30}?)? (?:that|which) match your (?:profile|skills|interests)|\bhere are (?:the )?(?:new |latest )?(?:openings|roles|jobs) (?:that|which) match|\b(?:put in|make) a referral\b|\brefer you\b|\bnew hire (?:packet|paperwork|forms)|\bcomplete your onboarding|\bonboarding (?:documents|paperwork|tasks|portal|forms)",
        ),
        (
            "interview_invite",
            2.5,
            r"\b(?:come (?:in|back)|back) for (?:a|the) (?:second|next|final|follow-up|third) (?:round|interview|chat|meeting|conversation)\b|\bcould you do (?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:like|love|want) you to (?:come in|meet)\b",
        ),
        (
            "offer",
            2.0,
            r"\b(?:send|sending|sent) (?:you )?(?:the|your) (?:contract|paperwork|offer)\b",
        ),
        (
            "rejection",
            2.5,
            r"\bdecided not to fill\b|\b(?:position|role|vacancy|post|requisition)\b[^.\n]{0,60}\b(?:has|have) (?:now )?been (?:withdrawn|cancel+ed|closed|eliminated)\b|\bwill not be (?:hiring|recruiting) for (?:it|this|the)\b|\bclosed (?:the|this|our) (?:recruitment|hiring|search|selection) process|\bfill(?:ed|ing)? (?:the|this) (?:position|role|vacancy|post) internally\b",
        ),
        # An offer taken back (restructuring, budget): the application ended.
        (
            "rejection",
            3.5,
            r"(?<!right to )(?<!may )(?<!might )(?<!will )(?<!could )(?<!can )(?<!entitled to )\b(?:withdraw|withdrawn|withdrawing|rescind|rescinded|rescinding|retract|retracted|revoke|revoked) (?:the|our|your|this|my) (?:job |conditional |verbal |written |employment )?offer\b|\boffer\b[^.\n]{0,50}?\b(?:has been|have been|had to be|must be|is being|was|were) (?:withdrawn|rescinded|retracted|revoked)\b",
        ),
        # A verbal offer in a colleague's words: "we'd like you to join Acme as Supervisor at £42,000".
        (
            "offer",
            3.0,
            r"\b(?:like|love|want|delighted|pleased|happy|thrilled)(?<!not like) (?:for )?you to join (?![^.\n]{0,50}\b(?:interview|call|chat|meeting|session|webinar|event|panel|assessment|meetup|trial)\b)(?:us|the team|[\w&' -]{2,40}?) as (?:our |a |an |the )?[\w /&-]{2,50}?\b[^.\n]{0,60}?(?:£|\$|€|\bsalary|\bper (?:year|annum|hour)|\bstart(?:ing)?\b)",
        ),
        (
            "interview_invite",
            2.5,
            r"\b(?:like|love|want|invite) (?:you )?to join us for (?:an?|the|your) (?:[\w-]+ ){0,2}(?:interview|assessment (?:day|centre)|trial shift|trial day)\b",
        ),
        # Career fairs and info sessions: job mail, no application decided.
        (
            "other_job",
            2.5,
            r"\b(?:virtual |online |campus )?(?:info(?:rmation)? session|careers? (?:fair|event|evening)|recruit(?:ing|ment) event|hiring event|open (?:evening|day) for (?:students|graduates|applicants))\b",
        ),
        # -- look-alikes: applications and rejections that are not about a job
        (
            "not_job",
            3.0,
            r"\b(?:landlord|tenancy|letting agent|lettings|the flat|the apartment|the property|viewing)\b|\b(?:loan|mortgage|credit card|overdraft|insurance claim|visa|rental) (?:application|request)|\b(?:admissions? (?:committee|office)|place (?:in|on|at) (?:the |our )?(?:[\w-]+ ){0,3}(?:programme|program|course|degree|university|school)|offer you a place|application to study|degree programme|scholarship|talk proposal|call for (?:papers|speakers|proposals)|your (?:talk|paper|abstract|submission) (?:proposal )?(?:for|to))|\b(?:manuscript|peer review|reviewers' comments|for publication|editorial (?:board|office|decision)|(?:accept|select|include) your (?:talk|paper|proposal|abstract|submission|session|workshop)|program(?:me)? committee|speaker (?:selection|proposals?)|(?:parking|residents'?|building|planning|fishing|work(?:ing)? holiday) permit|council tax|to rent\b|tenan(?:t|cy|ts)|mortgage|credit (?:card|limit|reference agency)|loan)\b",
        ),
        (
            "not_job",
            3.0,
            r"\b(?:volunteer(?:ing)? (?:application|role|shift|opportunit\w*|coordinator|programme|program|position)s?|(?:apply|applying|applied|application) to volunteer|as a volunteer)\b|\b(?:grants? (?:round|programme|program|scheme|application|panel|committee)|(?:project|research|arts|community|small) grants? (?:round|application|scheme|programme|program|fund|panel)|funding (?:round|application|call|bid))\b|\b(?:membership (?:committee|application|secretary|fee|card)|approve your (?:application|membership|account|profile))\b",
        ),
        # A podcast, a newspaper or a friend: "interview" and "new job" in other senses.
        (
            "not_job",
            3.0,
            r"\bpodcast\b|\bon (?:the|our|my) (?:show|podcast|channel)\b|\b(?:journalist|reporter)\b|\bfor (?:our|the|an?|my) (?:article|story|feature|magazine|newspaper|documentary|blog post)\b|\bcongrat(?:s|ulations) on (?:the|your) new (?:job|role|position|gig)\b",
        ),
        # A child's club or nursery place, a research fund's panel: applications, places and
        # shortlists with no job in them.
        (
            "not_job",
            3.0,
            r"\b(?:holiday|after-?school|breakfast|summer|half-term|kids'?|children's) (?:club|camp|playscheme)s?\b|\b(?:nursery|childcare|creche|crèche|reception|school) places?\b|\b(?:research|innovation|arts|heritage|community|travel) (?:fund|funding|fellowship|bursary)\b|\byour (?:proposal|bid|project|research proposal) (?:has been|was|is) shortlisted\b|\bpresent (?:it|your (?:proposal|project|bid|research)) to (?:our|the) (?:panel|committee|trustees)\b",
        ),
        ("not_job", 1.5, r"\bwait ?list\b"),
        (
            "not_job",
            2.0,
            r"\byou(?:'re| are) receiving this (?:e-?mail |message |newsletter )?because you (?:subscribed|signed up|opted in)\b",
        ),
    )
)
# Words only a job e-mail uses. A message with a look-alike phrase (a flat, a
# manuscript, a talk proposal) and none of these is not about a job at all.
JOB_SPECIFIC_RE: Final = re.compile(
    r"\b(?:positions?|roles?|jobs?|vacanc|interview|candida(?:te|tes|cy|ture)|cv|resume|résumé|"
    r"recruit|hiring|hire[ds]?\b|career|employ|salary|onboarding|stelle|bewerbung|poste\b|puesto|"
    r"vacature|functie|sollicitatie|opportunit|team|skills|qualifications|experience)",
    re.I,
)
# The narrower set: words a volunteer rota, a grants panel or a club never needs ("team",
# "experience" and "opportunity" are everywhere). Used when a look-alike topic is named.
JOB_STRONG_RE: Final = re.compile(
    r"\b(?:positions?\b|roles?\b|jobs?\b|vacanc|interview|candida(?:te|tes|cy|ture)|cv\b|resume|résumé|"
    r"recruiter|recruitment|recruiting|hiring|hired\b|(?<!early )career|employment|employer|salary|onboarding|"
    r"stelle|bewerbung|poste\b|puesto|vacature|sollicitatie)",
    re.I,
)
# "applying to Northgate Mortgage": applying to a named organisation is a job application,
# whatever the organisation's name says.
APPLIED_TO_NAME_RE: Final = re.compile(
    r"\b(?i:appl(?:y|ied|ying)|application) (?i:to|at|with) (?:[A-Z]|us\b)"
)
# A rejection that points to a different opening the company wants to discuss.
# Deliberately narrow: "we'll keep you in mind for other opportunities" is a
# polite close of a rejection, "we'd like to talk to you about another role" is not.
ANOTHER_ROLE_RE: Final = re.compile(
    r"\b(?:another|a different|a separate|an alternative|a new|an? (?:other|additional)) (?:role|position|opening|opportunity|vacancy|team|job)\b[^.\n]{0,100}"
    r"(?:better (?:fit|suited|match)|suit(?:s|ed)? you|fit for you|(?:like|love|want|keen) to (?:talk|discuss|chat|speak|explore|consider you|introduce|tell you)|interested in (?:discussing|exploring|talking|hearing))"
    r"|\bconsider(?:ed|ing)? you for (?:another|a different|a separate|an alternative) (?:role|position|opening|opportunit)"
    r"|\b(?:talk|discuss|chat|speak|tell you)[^.\n]{0,40}\b(?:another|a different|a separate) (?:role|position|opening|opportunity|vacancy)"
    r"|\b(?:we have|there is|there's|we've got|we also have|we're also hiring for|(?:team|department|group|office) (?:has|have|is hiring)) an? (?:new |open |upcoming )?[\w /&-]{2,50}? (?:role|position|opening|vacancy)\b[^.\n]{0,100}\b(?:could|would|might|may) (?:be (?:an? )?(?:excellent|great|good|better|strong|perfect|closer) (?:fit|match)|suit you)",
    re.I,
)
# "If you have not heard from us within four weeks, please assume your application has been
# unsuccessful": an acknowledgement's small print, not a rejection. Removed before the phrase
# rules run, and read as an acknowledgement.
CONDITIONAL_OUTCOME_RE: Final = re.compile(
    r"\bif you (?:have not|haven't|do not|don't|did not|didn't) (?:hear|heard|receive|received)"
    r"[^.\n]{0,160}?(?:unsuccessful|not (?:been )?successful|not been shortlisted|not (?:been )?selected)",
    re.I,
)
# Job alerts and digests: the companies and titles in them are not the user's applications.
ALERT_RE: Final = re.compile(
    r"\b(?:your|this|a|the) job alert\b|\bjob alerts? (?:for|emails?)\b|\bjob recommendations\b|\band \d+ more (?:new )?jobs\b|"
    r"\bjobs? (?:you may|you might|that match|matching|for you|recommended)|"
    r"\brecommended (?:jobs|roles|for you)|\b\d+\+? new (?:jobs|roles|positions|openings)\b|"
    r"\bsee (?:all|more) jobs\b|\brecruiters (?:are looking|viewed)",
    re.I,
)
# A recruitment agency's domain or name: when it writes about an opening, the employer is its client.
AGENCY_RE: Final = re.compile(
    r"recruit|staffing|resourcing|personnel|headhunt|(?<!re)search|talent"
)
AGENCY_NAME_RE: Final = re.compile(
    r"\b(?:recruitment|recruiting|recruiters|staffing|resourcing|personnel|search|headhunters|"
    r"talent(?: partners| solutions)?|executive search|consult(?:ing|ants|ancy))$",
    re.I,
)
# On hold / cancelled: not about the candidate at all.
ON_HOLD_RE: Final = re.compile(
    r"\bon hold\b|\bhiring freeze\b|\b(?:paus|freez)(?:e|ed|ing) (?:our |all |the )?(?:hiring|recruit|search|process)|"
    r"\b(?:role|position|requisition|vacancy|opening) (?:was|has been|is|have been) (?:paused|frozen|cancel+ed|eliminated|withdrawn)|"
    r"\bbudget (?:cuts?|constraints|changes)|\b(?:cut|cuts|change|changes) (?:to|in) (?:our )?(?:\w+ )?funding|\bfunding (?:cut|was cut|has been cut)|"
    r"\b(?:decision|decided) to (?:close|pause|cancel|freeze) (?:this|the) (?:role|position|requisition|vacancy|search)|"
    r"\bdecided not to (?:fill|recruit|hire|proceed with (?:the|this) (?:role|post|position|vacancy))|\brestructur|\bno longer (?:hiring|recruiting) for|\bfilled internally|\binternal candidate|\bfill(?:ed|ing)? (?:the|this) (?:position|role|vacancy|post) internally|\b(?:changes?|cuts?) (?:in|to) (?:our |the )?budget",
    re.I,
)


PHRASE_GATE: Final = GatedPatterns([pattern for _, _, pattern in PHRASES])
