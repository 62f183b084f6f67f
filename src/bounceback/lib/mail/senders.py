"""Who sends job-search e-mail: applicant tracking systems, job boards, mail providers.

Data, like ``rules``: lists a non-programmer can extend. The analyser and the field
extractors read a sender's domain against these.
"""

from __future__ import annotations

import re
from typing import Final

from bounceback.lib.mail.analysis_regex import words

# Applicant tracking systems, job boards and assessment vendors. Mail from these
# is job mail, the company is the employer named inside it (never the vendor),
# and the sending address is never a person to write back to.
ATS_DOMAINS: Final = words(
    """
    greenhouse.io greenhouse-mail.io lever.co myworkday.com workday.com myworkdayjobs.com
    ashbyhq.com smartrecruiters.com smartrecruiters-mail.com icims.com teamtailor.com
    teamtailor-mail.com workable.com workablemail.com jobvite.com bamboohr.com recruitee.com
    personio.de personio.com jazzhr.com applytojob.com breezy.hr breezyhr.com successfactors.com
    successfactors.eu sapsf.com sapsf.eu taleo.net brassring.com avature.net phenompeople.com
    pinpointhq.com comeet.co homerun.co join.com gem.com beamery.com paradox.ai jobscore.com
    hiringthing.com dover.com wellfound.com angel.co linkedin.com indeed.com indeedemail.com
    glassdoor.com ziprecruiter.com monster.com stepstone.de stepstone.com xing.com hired.com
    otta.com welcometothejungle.com hackerrank.com hackerrankforwork.com codility.com
    codesignal.com testgorilla.com hirevue.com goodtime.io modernhire.com harver.com
    pymetrics.com oraclecloud.com taleo.com ultipro.com ukg.com adp.com paylocity.com rippling-
    mail.com freshteam.com zohorecruit.com manatal.com recruiterbox.com trakstar.com
    hireology.com workstream.us jobylon.com reachmee.com varbi.com softgarden.io softgarden.de
    dvinci.de onlyfy.io concludis.de talentsoft.com cornerstoneondemand.com csod.com
    eightfold.ai seek.com.au reed.co.uk totaljobs.com dice.com simplyhired.com builtin.com
    jobteaser.com handshake.com joinhandshake.com careerbuilder.com naukri.com
    weworkremotely.com hackerearth.com sparkhire.com checkr.com hireright.com sterlingcheck.com
    goodhire.com vervoe.com mettl.com imocha.io willo.video shine.com foundit.in instahyre.com
    iimjobs.com hirist.tech timesjobs.com cv-library.co.uk jobstreet.com jora.com adzuna.com
    """
)
# Display names of those vendors: never a company, never a contact.
ATS_NAMES: Final = frozenset(
    {
        "greenhouse",
        "lever",
        "workday",
        "ashby",
        "smartrecruiters",
        "icims",
        "teamtailor",
        "workable",
        "jobvite",
        "bamboohr",
        "recruitee",
        "personio",
        "jazzhr",
        "breezy",
        "breezy hr",
        "successfactors",
        "sap successfactors",
        "taleo",
        "linkedin",
        "indeed",
        "glassdoor",
        "ziprecruiter",
        "monster",
        "stepstone",
        "xing",
        "hackerrank",
        "codility",
        "codesignal",
        "testgorilla",
        "hirevue",
        "wellfound",
        "otta",
        "hired",
        "gem",
        "dover",
        "linkedin jobs",
        "linkedin job alerts",
        "indeed apply",
        "jobs",
        "careers",
        "no-reply",
        "noreply",
        "do not reply",
        "donotreply",
        "notifications",
        "hackerearth",
        "spark hire",
        "sparkhire",
        "checkr",
        "hireright",
        "sterling",
        "goodhire",
        "naukri",
        "naukri.com",
        "shine",
        "foundit",
        "instahyre",
        "reed",
        "totaljobs",
        "cv-library",
        "jobstreet",
        "seek",
        "adzuna",
    }
)
JOB_BOARD_DOMAINS: Final = words(
    """
    linkedin.com indeed.com indeedemail.com glassdoor.com ziprecruiter.com monster.com
    stepstone.de stepstone.com xing.com wellfound.com otta.com welcometothejungle.com
    seek.com.au reed.co.uk totaljobs.com dice.com simplyhired.com builtin.com careerbuilder.com
    naukri.com jobteaser.com weworkremotely.com hired.com shine.com foundit.in instahyre.com
    iimjobs.com hirist.tech timesjobs.com cv-library.co.uk jobstreet.com jora.com adzuna.com
    """
)
# Personal mail providers: the domain says nothing about the employer.
FREEMAIL_DOMAINS: Final = words(
    """
    gmail.com googlemail.com outlook.com hotmail.com live.com msn.com yahoo.com ymail.com
    icloud.com me.com mac.com aol.com proton.me protonmail.com pm.me gmx.de gmx.net gmx.com
    web.de mail.com yandex.ru yandex.com fastmail.com hey.com zoho.com t-online.de orange.fr
    free.fr laposte.net libero.it hotmail.co.uk yahoo.co.uk outlook.de hotmail.fr yahoo.fr
    btinternet.com comcast.net qq.com 163.com example.com
    """
)
# Senders that (almost) only ever send receipts, notifications and marketing.
# Only used by the header prefilter, and only when nothing else looks job-related.
NON_JOB_DOMAINS: Final = words(
    """
    amazon.com amazon.de amazon.co.uk amazon.fr paypal.com paypal.de ebay.com ebay.de etsy.com
    apple.com id.apple.com spotify.com netflix.com youtube.com facebookmail.com instagram.com
    twitter.com x.com tiktok.com pinterest.com reddit.com redditmail.com quora.com medium.com
    substack.com github.com gitlab.com uber.com lyft.com airbnb.com booking.com expedia.com
    doordash.com deliveroo.co.uk ups.com fedex.com dhl.com dhl.de usps.com royalmail.com
    dropbox.com slack.com zoom.us steampowered.com discord.com duolingo.com strava.com
    nytimes.com washingtonpost.com theguardian.com patreon.com kickstarter.com aliexpress.com
    temu.com shein.com walmart.com target.com bestbuy.com ikea.com zalando.de otto.de klarna.com
    revolut.com wise.com n26.com venmo.com coinbase.com meetup.com eventbrite.com mailchimp.com
    mailchimpapp.com mcsv.net sendgrid.net nextdoor.com tripadvisor.com ryanair.com easyjet.com
    lufthansa.com deutschebahn.com bahn.de trainline.com google.com accounts.google.com
    microsoft.com notion.so figma.com canva.com
    """
)
NO_REPLY_RE: Final = re.compile(
    r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|notifications?|mailer[-_.]daemon|"
    r"bounce[s]?|alerts?|news(?:letter)?|info|hello|updates?|support|team|marketing|lists?|digest|"
    r"mailer|bulk|promo(?:tions)?|offers|deals|notify|notice)\b",
    re.I,
)
