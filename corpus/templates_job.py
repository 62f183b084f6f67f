"""Sentence pools for job-search e-mail. Composed by generate.py; held-out mail is written separately."""

from __future__ import annotations

import random
from typing import Any

# --- rejections: an opener that fixes the stage, a decision, optional extras ---

REJ_OPEN: dict[str, list[str]] = {
    "application": [
        "Thank you for applying for the {role} position at {company}.",
        "Thanks for your interest in {company} and for submitting your application for the {role} role.",
        "We appreciate you taking the time to apply to {company}.",
        "Thank you for your application for the role of {role}.",
        "Thanks for applying to be our next {role}.",
        "We have now reviewed your application for the {role} opening at {company}.",
        "Many thanks for your recent application to {company}.",
        "Thank you for considering {company} as your next employer and for applying to the {role} vacancy.",
        "Greetings from {company}! We thank you for showing interest in the position of {role} with us.",
        "Thank you for your interest in career opportunities with {company}.",
        "Thank you for your application for the post of {role} (ref {n}).",
        "Thank you for your interest in the {role} position (R-{n}) at {company}.",
    ],
    "screen": [
        "Thank you for taking the time to speak with me last week about the {role} role.",
        "It was great chatting with you on our initial call about the {role} position at {company}.",
        "Thanks again for the phone screen for the {role} opening.",
        "Thank you for completing the take-home assessment for the {role} position.",
        "Thank you for the time you spent on the coding challenge for {company}.",
        "I enjoyed our recruiter call about the {role} role.",
        "Thanks for completing our online test as part of your application for {role}.",
    ],
    "interview": [
        "Thank you for interviewing with us for the {role} position.",
        "Thanks for meeting the team at {company} to discuss the {role} role.",
        "We really appreciated the time you spent interviewing with {company} last week.",
        "Thank you for coming in for the technical interview for the {role} role.",
        "Thanks for your patience after your interviews with our team for the {role} position.",
        "It was a pleasure to meet you during the second round of interviews for {role}.",
        "Thank you for attending interview for the post of {role} on Tuesday.",
        "Thank you for attending the technical interview round for the {role} position with {company}.",
        "Thanks for coming in on Thursday for the working interview.",
    ],
    "final": [
        "Thank you for making it all the way to the final round for the {role} position at {company}.",
        "Thank you for the time you invested in our final interviews for the {role} role.",
        "You were one of our final two candidates for the {role} opening, and the decision was very close.",
        "Thanks for joining us for the onsite and for meeting so many of the team.",
        "Thank you for your patience while we completed reference checks for the {role} position.",
    ],
    "unknown": [
        "I'm writing with an update on the {role} role.",
        "We wanted to follow up regarding the {role} position.",
        "Thank you for your interest in {company}.",
        "I hope you're well.",
    ],
}
REJ_DECISION = [
    "Honestly I think we're going to go a different direction for now - we need someone more senior on this side.",
    "We really liked you, but we've offered the job to someone with a bit more hands-on experience.",
    "We regret to inform you that your profile has not been shortlisted for the further rounds of the selection process.",
    "Unfortunately on this occasion you have not been shortlisted for interview.",
    "We've reviewed your CV and we won't be progressing your application on this occasion.",
    "The position has now been filled.",
    "Position filled, sorry.",
    "We've decided to go with someone else for this one.",
    "Sadly the team is going with another candidate.",
    "I am sorry to inform you that on this occasion you have been unsuccessful.",
    "We have selected candidates whose experience more closely matches our current needs.",
    "After careful evaluation, we regret to inform you that you have not been selected to move forward.",
    "Unfortunately, we have decided to move forward with other candidates.",
    "After careful consideration, we've decided not to proceed with your application at this time.",
    "Regrettably, we will not be moving forward with your candidacy.",
    "We regret to inform you that you have not been selected for the next stage.",
    "On this occasion we have decided to pursue other candidates whose profiles more closely match our current needs.",
    "I'm sorry to let you know that we won't be progressing your application any further.",
    "After much deliberation, the team has chosen another candidate for the role.",
    "Unfortunately your application was not successful this time.",
    "We have decided to go in a different direction for this position.",
    "I'm afraid we won't be taking your application forward.",
    "We have now filled the position and are therefore closing your application.",
    "Your application is no longer under consideration for this role.",
    "We are not able to offer you the position.",
    "We have decided to continue with applicants whose experience is a closer fit.",
    "Sadly, it's a no from us this time.",
    "This time we have chosen to move ahead with someone else.",
]
REJ_ON_HOLD = [
    "Unfortunately, the {role} position has been put on hold due to changes in our budget.",
    "We have had to pause hiring for this role while the team is reorganised.",
    "Due to a company-wide hiring freeze, we are closing the {role} requisition for now.",
    "The role has been cancelled following a restructuring of the department, so we cannot continue the process.",
    "We've decided to fill the position internally, which means we are closing the search.",
]
REJ_FORMULA = [
    "We received a large number of applications from highly qualified candidates.",
    "This was an extremely competitive process.",
    "The decision was not an easy one.",
    "We know this isn't the news you were hoping for.",
    "",
    "",
]
REJ_FEEDBACK = [
    "The panel felt that your system design answers lacked depth around scaling and data consistency.",
    "We were looking for someone with more hands-on experience with Kubernetes in production.",
    "The main feedback from the interviewers was that your examples of stakeholder management were not quite at the senior level we need.",
    "Your take-home was well structured, but the test coverage was limited and some edge cases were missed.",
    "Specifically, we would have liked to see stronger SQL skills and more experience with experimentation.",
    "The team noted strong communication, however they wanted to see deeper knowledge of financial modelling.",
    "Your portfolio showed great visual craft, but we found fewer examples of end-to-end research.",
]
REJ_NO_FEEDBACK = [
    "Due to the volume of applications we are unable to provide individual feedback.",
    "We're not able to give specific feedback at this stage.",
]
REJ_REAPPLY = [
    "We'd encourage you to apply again for future openings that match your skills.",
    "We will keep your CV on file and get in touch if a suitable role comes up.",
    "Please don't hesitate to apply for other roles on our careers page.",
    "With your permission we'll keep your details in our talent pool for future opportunities.",
    "Keep an eye on our careers site - we'd be glad to see your name again.",
    "You are welcome to reapply in six months.",
]
REJ_WISH = [
    "We wish you the very best in your future endeavours.",
    "Best of luck out there.",
    "We wish you the very best in your job search.",
    "Best of luck with your search and your future career.",
    "Thank you again for your interest in {company}.",
    "We wish you every success in the future.",
    "Thanks again for your time and effort.",
    "",
]
REJ_SUBJECTS = [
    "Your application to {company}",
    "Update on your application",
    "{company} - {role}",
    "Your application for {role}",
    "{role} at {company}",
    "Thank you for your interest in {company}",
    "Re: {role} position",
    "Regarding your application",
    "Your {company} application",
    "Update from {company}",
    "{company} | {role} - application status",
    "Following up",
    "Thank you from {company}",
    "Your candidacy for {role}",
    "Application status update",
]
DE_REJECTION = [
    "leider müssen wir Ihnen mitteilen, dass wir uns für einen anderen Kandidaten entschieden haben.",
    "Leider können wir Ihre Bewerbung nicht weiter berücksichtigen.",
]
FR_REJECTION = [
    "Malheureusement, nous ne pouvons pas donner suite à votre candidature.",
    "Votre profil n'a malheureusement pas été retenu.",
]
ES_REJECTION = [
    "Lamentablemente, hemos decidido no continuar con tu candidatura.",
    "Desafortunadamente no has sido seleccionado para el puesto.",
]


def rejection(rng: random.Random, f: dict[str, Any]) -> tuple[str, list[str], dict[str, Any]]:
    on_hold = rng.random() < 0.12
    stage = rng.choice(
        ["application", "application", "screen", "interview", "interview", "final", "unknown"]
    )
    parts = [rng.choice(REJ_OPEN[stage])]
    if on_hold:
        parts.append(rng.choice(REJ_ON_HOLD))
    else:
        parts.append(rng.choice(REJ_DECISION))
    lang = rng.random()
    if lang < 0.05:
        parts[1] = rng.choice(DE_REJECTION + FR_REJECTION + ES_REJECTION)
    parts.append(rng.choice(REJ_FORMULA))
    feedback = rng.random() < 0.2 and stage in ("interview", "final", "screen")
    if feedback:
        parts.append(rng.choice(REJ_FEEDBACK))
    elif rng.random() < 0.2:
        parts.append(rng.choice(REJ_NO_FEEDBACK))
    reapply = rng.random() < 0.4
    if reapply:
        parts.append(rng.choice(REJ_REAPPLY))
    parts.append(rng.choice(REJ_WISH))
    if rng.random() < 0.5:
        rng.shuffle(parts[2:])
    subject = rng.choice(REJ_SUBJECTS)
    fields = {
        "stage": stage,
        "has_feedback": feedback,
        "reapply_invite": reapply,
        "outside_control": on_hold,
    }
    return subject, parts, fields


# --- other labels ------------------------------------------------------------

INTERVIEW_LINES = [
    "I am pleased to inform you that you have been shortlisted for interview for the post of {role}. Interviews will be held on Tuesday 19 November.",
    "Greetings from {company}! Your profile has been shortlisted for the position of {role}. We would like to schedule a virtual interview with you on 14th Nov at 11:00 AM IST.",
    "You have been invited to the following event.\n\n{company} - {role} - Interview\nTuesday 3pm - 4pm (GMT)\nJoin with Google Meet: https://meet.google.com/abc-defg-hij\nOrganizer: {person}\nGoing? Yes - Maybe - No",
    "We are pleased to invite you to a panel interview for the {role} position.\n\nMicrosoft Teams meeting\nJoin on your computer, mobile app or room device\nClick here to join the meeting",
    "Thanks for applying to the {role} role! I'd love to set up a 20-minute call to learn a bit more about you.",
    "Thanks for applying for the {role} role at {company}. We were impressed by your background and would like to invite you to a first interview.",
    "Good news: the hiring team would love to move you forward to the next stage for the {role} position.",
    "We'd like to schedule a 30-minute call with our hiring manager to talk about the {role} opening.",
    "I'm happy to say we'd like to invite you for an onsite interview with the team.",
    "Your profile stood out and I'd like to set up a quick phone screen to learn more about you.",
    "Following your conversation with our recruiter, we'd like you to meet the engineering team in a technical interview.",
    "We are pleased to invite you to the final round of interviews for {role} at {company}.",
    "Great chatting yesterday! The team would like you to come back for a second round next week - could you do Tuesday 2pm?",
    "Thanks again for today. We'd like you to come in and meet the founders - are you free Thursday morning?",
]
INTERVIEW_ASK = [
    "Please pick a time that works for you using this link: https://calendly.com/{slug}-recruiting/30min",
    "Could you share your availability for next week?",
    "Let me know which of these slots suits you: Tuesday 10:00, Wednesday 14:00 or Thursday 16:00.",
    "Please book a slot via the scheduling link below.",
    "When would you be available for a video call this week?",
    "Reply with a few times that work and I will send a calendar invite.",
]
INTERVIEW_SUBJECTS = [
    "Invitation: {company} - {role} Interview @ Tue 3pm - 4pm (GMT)",
    "Interview Schedule || {role} || {company}",
    "Shortlisted for interview - {role}",
    "Panel interview - {role}",
    "Interview invitation - {role}",
    "Next steps for the {role} role",
    "{company}: let's schedule your interview",
    "Invitation to interview at {company}",
    "Re: Your application for {role}",
    "{role} at {company} - interview",
    "Quick call?",
    "Scheduling your interview with {company}",
]

OFFER_LINES = [
    "Really enjoyed our chat. We'd love to have you join as our first {role}! Ballpark is $115k base plus equity.",
    "I am pleased to confirm that the panel has agreed to offer you the post of {role}, subject to satisfactory references and checks.",
    "Further to your interview, we are pleased to offer you the position of {role} with a CTC of INR 12,00,000 per annum. Kindly sign and send a scanned copy.",
    "Congratulations! We are delighted to extend you an offer for the {role} position. Please log in to your candidate home to review and accept it.",
    "I'm delighted to offer you the position of {role} at {company}!",
    "We are thrilled to extend an offer for the {role} role.",
    "Congratulations! On behalf of the whole team, I'm pleased to make you a formal offer to join {company} as {role}.",
    "Following your final interview, we are happy to offer you the {role} position.",
    "Just following up on our call - as discussed, we'd love to have you join us as our {role}. I'll send the contract through DocuSign this afternoon.",
    "Good news - the team loved you and we'd like you to start as our {role} on the 6th. I'll send the paperwork over today.",
]
OFFER_DETAILS = [
    "Your offer letter is attached, including the base salary, benefits and your proposed start date.",
    "Please review and sign the offer letter through the link below within five working days.",
    "The compensation package includes a base salary of EUR 72,000, equity and a signing bonus.",
    "Let me know if you have any questions before you accept the offer.",
]
OFFER_SUBJECTS = [
    "Offer of employment - {role}",
    "Your offer from {company}",
    "Congratulations from {company}!",
    "{company} offer letter",
    "Welcome to {company}!",
    "Job offer: {role}",
]

RECEIVED_LINES = [
    "Thank you for submitting your application for the post of {role}. If you have not heard from us within four weeks of the closing date, please assume that on this occasion your application has been unsuccessful.",
    "Thank you for applying to {company}. We have received your application for the post of {role}. Our recruitment team will go through your profile and get back to you if you are shortlisted.",
    "Thank you for applying to the {role} role (JR-{n}). We're reviewing your application and will contact you if your qualifications match the needs of the role.",
    "Thank you for applying for the {role} position at {company}. We have received your application.",
    "This is to confirm that we've received your application for {role}.",
    "Thanks for your interest in {company}! Your application for the {role} role has been submitted successfully.",
    "We're excited that you applied to {company}. Our recruiting team will now review your application.",
    "Your application has been received and is being reviewed by our hiring team.",
    "Your application was sent to {company}\n\n{role}\n{company} · London, England, United Kingdom\nApplied today",
    "Thank you for your application as {role}. We have received your documents and will get back to you as soon as possible.",
    "vielen Dank für Ihre Bewerbung als {role}. Wir haben Ihre Unterlagen erhalten und melden uns so schnell wie möglich bei Ihnen.",
]
RECEIVED_NEXT = [
    "If your skills and experience match our requirements, someone from our team will be in touch.",
    "We will review your profile and get back to you within two weeks.",
    "Due to the high volume of applications, we can only contact shortlisted candidates.",
    "You can check the status of your application at any time in your candidate portal.",
    "In the meantime, feel free to learn more about life at {company} on our blog.",
]
RECEIVED_SUBJECTS = [
    "Thank you for applying to {company}",
    "We received your application",
    "Application received: {role}",
    "Your application to {company}",
    "{company} - application confirmation",
    "Thanks for applying!",
    "Application submitted: {role} at {company}",
]

ASSESS_LINES = [
    "You have progressed to the next stage of our process: our online situational judgement test and numerical reasoning test.",
    "{company} has invited you to complete a one-way video interview for the {role} position. You'll be asked 5 questions.",
    "You have been invited by {company} to take the online coding assessment for the {role} position. Test duration: 90 minutes.",
    "As the next step for the {role} position, we'd like you to complete an online assessment.",
    "We invite you to take our coding challenge on HackerRank. It takes about 90 minutes.",
    "The next stage of our process is a short take-home exercise, which you will find attached.",
    "Please complete the following skills test via Codility before we schedule interviews.",
    "We'd like you to record a one-way video interview through HireVue.",
    "Please complete the personality questionnaire and the numerical reasoning test from TestGorilla.",
]
ASSESS_NEXT = [
    "The link expires in 5 days, so please complete it by Friday.",
    "Please submit your solution within 7 days.",
    "Once we have reviewed your results, we'll be in touch about next steps.",
    "If you need any adjustments or extra time, just let us know.",
]
ASSESS_SUBJECTS = [
    "Next step: online assessment for {role}",
    "Your {company} coding challenge",
    "Assessment invitation - {role}",
    "{company}: take-home exercise",
    "Action required: complete your assessment",
    "Invitation to complete a skills test",
]

ANOTHER_ROLE_LINES = [
    "While we won't be moving forward with your application for {role}, the team thinks you could be a great fit for another role we are opening soon, and I'd love to talk to you about it.",
    "You were not selected for the {role} position, but we'd like to consider you for a different opening in our {team} team. Would you be interested in discussing it?",
    "We've filled the {role} role, however the hiring manager of another team would like to speak with you about a separate position that may suit you better.",
]
# The candidate writing: thank-you notes, follow-ups, withdrawals and acceptances, as career
# sites publish them and as they sit in a Sent folder. Job mail with no employer decision.
CANDIDATE_LINES = [
    "Thank you for taking the time to speak with me yesterday about the {role} position. I enjoyed learning more about the team, and our conversation confirmed my enthusiasm for the role. I look forward to hearing from you about the next steps.",
    "I applied for the {role} position on 3 November and wanted to follow up on the status of my application. I remain very interested in the role.",
    "I am writing to withdraw my application for the {role} position. I have accepted another offer, and I thank you for your time and consideration.",
    "I am delighted to accept your offer for the {role} position at {company}. I look forward to starting and will return the signed contract this week.",
    "I hope you are well. I am writing to follow up on my interview for the {role} role last Tuesday. Please let me know if you need any further information from me.",
    "Thank you for the interview today. I am confident my experience would help the team, and I remain very interested in joining {company}.",
]
CANDIDATE_SUBJECTS = [
    "Thank you - {role} interview",
    "Following up on my application - {role}",
    "Withdrawal of application - {role}",
    "Offer acceptance - {role}",
    "Re: {role} interview",
    "Thank you",
]
# Talent communities, referrals and onboarding: job mail that is not a decision.
COMMUNITY_LINES = [
    "Thanks for joining the {company} Talent Community. Here are new openings that match your profile: {role} (Remote); {role2} (London).",
    "Yes, we're hiring a {role} on my team right now. Send me your CV and I'll put in a referral.",
    "Welcome to {company}! Before your first day, please log in to complete your new hire packet: tax forms, bank details and the handbook.",
]
OUTREACH_LINES = [
    "I came across your profile on LinkedIn and think you'd be a great fit for a {role} role I'm working on.",
    "I'm a recruiter at {company} and I'm reaching out about an exciting opportunity in our {team} team.",
    "I'm working on behalf of a client, a fast-growing fintech, who is hiring a {role}. Would you be open to a quick chat?",
    "Your background caught my eye and I wanted to see if you'd be open to exploring a {role} position.",
]
ALERT_LINES = [
    "{n} new jobs match your preferences: {role} at {company} - Berlin; {role2} at {company2} - Remote; {role} at {company3} - London.",
    "Jobs you may be interested in\n{role}\n{company}\nLondon, United Kingdom\nApply now\n\n{role2}\n{company2}\nRemote\nEasy Apply",
    "Based on your profile, here are {n} recommended jobs: {role}, {company}; {role2}, {company2}.",
    "{company} is hiring a {role}. See more jobs like this and set up a job alert.",
    "Ihr Jobagent hat {n} neue passende Stellenangebote gefunden:\n{role} (m/w/d) - {company}, Hamburg\n{role2} (m/w/d) - {company2}, Berlin\nAlle Jobs ansehen",
    "{n} nouvelles offres d'emploi pour vous : {role} chez {company} (Paris) ; {role2} chez {company2} (Lyon).",
    "{n} nieuwe vacatures voor jou: {role} bij {company} in Utrecht, {role2} bij {company2} in Amsterdam.",
]
# Late-process and incidental job mail: background checks, references, portal updates, auto-replies.
CHECK_LINES = [
    "{company} uses Checkr to conduct background checks. To continue, please complete your information and provide your consent.",
    "{company} has asked HireRight to perform a pre-employment background screening on its behalf. Please log in to the Applicant Center.",
    "As part of your onboarding with {company}, please complete the background verification form and upload your documents.",
]
REFERENCE_LINES = [
    "Before we can move things forward for the {role} role, we'd like to take up references. Could you send the contact details of two referees?",
    "We're at the reference check stage. Please share the names and emails of two professional referees, ideally including your current manager.",
]
STATUS_LINES = [
    "There has been an update to the status of your application for {role} at {company}. To view it, please sign in to your candidate account.",
    "Your application status has changed. Log in to the careers portal to see the latest update on your application for {role}.",
]
AUTO_REPLY_LINES = [
    "Thank you for your email. I am out of the office until Monday with limited access to email. For urgent recruitment queries please contact the careers team.",
    "I'm currently on annual leave and will reply to your message about the {role} position when I'm back on the 9th.",
]
OTHER_SUBJECTS = {
    "another": [
        "Re: your application for {role}",
        "Another opportunity at {company}",
        "{role} - update and another idea",
    ],
    "outreach": [
        "{role} opportunity",
        "Exciting role at {company}",
        "Quick question",
        "Open to new opportunities?",
        "Confidential {role} search",
    ],
    "check": [
        "{company} has requested a background check",
        "Action required: complete your screening for {company}",
        "Background verification - {company}",
    ],
    "refs": ["Next step: references", "Reference check - {role}", "Referee details"],
    "status": [
        "An update on your application for {role}",
        "Your application status has changed",
        "Application status update - {company}",
    ],
    "ooo": [
        "Automatic reply: Application - {role}",
        "Out of Office: Re: {role} application",
        "Auto-reply: your application",
    ],
    "candidate": CANDIDATE_SUBJECTS,
    "community": [
        "New roles at {company} that match your profile",
        "Re: {role} opening?",
        "Welcome to {company}! Please complete your onboarding",
    ],
    "alert": [
        "{n} new jobs for {role}",
        "Your job alert for {role}",
        "{role} jobs in London",
        "New jobs matching your profile",
        "{company} is hiring: {role}",
    ],
}
