"""The feature space: what the model sees of a message.

* **words**: unigrams and bigrams of the subject (``s:``) and of the first part of the
  body as it is stated; words of hypothetical sentences ("if you are not selected ...")
  are kept apart (``h:``), so the model can learn that they mean something else;
* **cues**: one feature a phrase cue (``cue:<name>``, see ``cues`` and
  ``data/cues.toml``): rule hits are features, never verdicts;
* **sender**: a tracking system, a job board, webmail, a robot mailbox, an agency;
* **shape**: short, forwarded, a reply, how many job words.

The body's language is detected too, but not given to the model (a few dozen messages a
language made its weights noise); ``policy`` sends mail in languages the cues do not
cover to review.

``extract`` is the one place features are computed: the analyser and the training script
both call it, so training and use cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from bounceback.lib.mail import language
from bounceback.lib.mail.cues import CUE_NAMES, HEAD_CHARS, CueHits, find_cues, split_hypothetical
from bounceback.lib.mail.extract import (
    clean_text,
    domain_of,
    is_ats_domain,
    is_no_reply,
    parse_address,
    registrable,
    scrub_placeholders,
    strip_quoted,
    unwrap_forwarded,
)
from bounceback.lib.mail.message import MailMessage
from bounceback.lib.mail.senders import FREEMAIL_DOMAINS, JOB_BOARD_DOMAINS
from bounceback.lib.mail.vocabulary import AGENCY_DOMAIN_RE, JOB_BODY_RE, JOB_ONLY_RE

BODY_CHARS: Final = 3000
_TOKEN: Final = re.compile(r"[a-zà-öø-ÿß]+(?:'[a-z]+)?|\d+")
DENSE_FEATURES: Final[tuple[str, ...]] = (
    *(f"cue:{name}" for name in CUE_NAMES),
    "sender:ats",
    "sender:job_board",
    "sender:freemail",
    "sender:no_reply",
    "sender:agency",
    "sender:none",
    "text:short",
    "text:forwarded",
    "text:reply",
    "text:job_words",
    "text:job_only_word",
)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A message reduced to what is analysed: the original sender and content of a forward."""

    subject: str
    body: str
    from_name: str
    from_addr: str
    forwarded: bool
    history: str = ""  # the quoted earlier messages of a reply, for context only
    to: str = ""  # the recipient: the employer, when the candidate wrote it

    @property
    def head(self) -> str:
        """Subject and the first part of the body: what a person reads before deciding."""
        return self.subject + "\n" + self.body[:HEAD_CHARS]

    @property
    def domain(self) -> str:
        return domain_of(self.from_addr) if self.from_addr else ""


def prepare(msg: MailMessage) -> Prepared:
    """Clean the text and, for a forward, switch to the forwarded message and its sender."""
    body = scrub_placeholders(clean_text(msg.text or ""))
    subject, from_name, from_addr, forwarded = (
        scrub_placeholders(msg.subject or ""),
        msg.from_name,
        msg.from_addr,
        False,
    )
    history = ""
    inner = unwrap_forwarded(body, subject)
    if inner is not None:
        forwarded = True
        if "from" in inner.fields:
            from_name, from_addr = parse_address(inner.fields["from"])
        subject = inner.fields.get("subject", subject)
        body = inner.body
    else:
        new_part = strip_quoted(body)
        if len(new_part) < len(body) - 40:
            history = body[len(new_part) :] if body.startswith(new_part) else body
        body = new_part
    return Prepared(
        subject.strip(),
        body.strip(),
        from_name.strip(),
        from_addr.strip().lower(),
        forwarded,
        history[:3000],
        "" if forwarded else msg.to,
    )


def _words(text: str, prefix: str, bigrams: bool = True) -> list[str]:
    words = ["#" if w[0].isdigit() else w for w in _TOKEN.findall(text)]
    out = [prefix + w for w in words]
    if bigrams:
        out.extend(f"{prefix}{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return out


def tokens(subject: str, body: str) -> list[str]:
    """Subject and body words, unigrams and bigrams; numbers folded to '#'; the words of
    hypothetical sentences apart ("h:")."""
    stated, hypothetical = split_hypothetical(body[:BODY_CHARS].lower())
    return (
        _words(subject.lower(), "s:")
        + _words(stated, "")
        + _words(hypothetical, "h:", bigrams=False)
    )


@dataclass(frozen=True, slots=True)
class Features:
    tokens: list[str]
    dense: list[float]
    cues: CueHits
    language: str
    job_words: int  # distinct job words in the head of the message
    job_only_word: bool  # a word only job mail uses ("position", "interview", "CV")


def extract(prep: Prepared) -> Features:
    """Everything the label decision needs."""
    hits = find_cues(prep.subject, prep.body)
    domain = prep.domain
    reg = registrable(domain) if domain else ""
    head = prep.head.lower()
    job_words = len(set(JOB_BODY_RE.findall(f"{head}\n{prep.from_name.lower()}")))
    job_only_word = bool(JOB_ONLY_RE.search(head))
    lang = language.detect(prep.body or prep.subject)
    values = [float(name in hits) for name in CUE_NAMES]
    values += [
        float(bool(domain) and is_ats_domain(domain)),
        float(reg in JOB_BOARD_DOMAINS),
        float(reg in FREEMAIL_DOMAINS),
        float(bool(prep.from_addr) and is_no_reply(prep.from_addr)),
        float(bool(reg) and bool(AGENCY_DOMAIN_RE.search(reg.split(".")[0]))),
        float(not prep.from_addr),
        float(len(prep.body) < 400),
        float(prep.forwarded),
        float(bool(prep.history)),
        min(job_words, 6) / 6,
        float(job_only_word),
    ]
    assert len(values) == len(DENSE_FEATURES)
    return Features(tokens(prep.subject, prep.body), values, hits, lang, job_words, job_only_word)
