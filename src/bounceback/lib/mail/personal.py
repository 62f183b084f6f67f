"""Learning from the person: their confirmations and corrections in Mail review, used on
their own machine to read the next e-mail from the same sender the way they read the last.

The shipped model (``classifier``) was trained on other people's mail. A person's
employers have house styles it never saw: one firm's receipts say "if you are not
shortlisted you will not hear from us", another's rejections say nothing but "the
position has now been filled". When the person answers an e-mail in Mail review, its
features are kept as an ``Example`` (the label they gave, and the one bounceback had
proposed). For the next message, ``PersonalModel.adjust`` looks for the person's examples
that are *similar* to it (the same words and word pairs, the same phrase cues) and moves
the shipped model's probabilities towards the labels the person gave them.

Only mail that reads alike votes: the sender alone carries no vote. Many employers send
receipts, rejections and invitations on one letterhead, so a sender's examples compared
whole would pull every next mail towards its most frequent label (a vote by sender, not by
content). The features a sender put on mails the person labelled differently are its
letterhead, and its mail is compared without them (``PersonalModel.letterhead``).

Then the sender's habitual misreadings (``PersonalModel.through_misreadings``): a mail
the vote has nothing to say about can still be from a sender whose mail bounceback keeps
misreading the same way. Each example keeps the label bounceback proposed and the one the
person gave, so a sender's answers count how often a reading of "rejection" turned out a
receipt, and the probabilities pass through that table (``MISTAKE_PRIOR`` imagined
confirmations of every reading smooth it). A reading corrected ``DOUBT_AFTER`` times or
more for this sender is less sure (a sure one is asked about, not flipped); it takes
repeated, consistent corrections to change the label ("you told me 3 times that mail from
this sender I read as a rejection was a receipt"), and a label changed that way is always
asked about. On the blind sender sets this table did more than the vote: most of a
sender's next mails read like none of its earlier ones, but its misreadings repeat
(``corpus/blind/README.md``, third round).

A nearest-neighbour vote, not a fitted model: a person has a handful of examples, and a
vote over the most similar ones needs no training step (a new answer counts at once) and
explains itself ("because you marked 3 similar mails from this sender as receipts").

Bounded, so one slip of the mouse cannot take over:

* each label's shift is at most ``MAX_SHIFT`` in log-odds per agreeing similar example
  from the sender (one example moves the odds at most ~150-fold), and never more than
  ``MAX_SHIFT_ALL`` (a template the person labelled three times can overrule a sure
  reading; a single answer cannot);
* a corrected example counts ``CORRECTION_WEIGHT`` times a confirmed one (a correction
  is news; a confirmation only says the model was right), and similar mail from another
  sender counts ``OTHER_SENDER_WEIGHT`` of the same sender's;
* the personal layer alone never lets a message be filed without asking unless at least
  ``FILE_AFTER`` of the person's similar examples from this sender agree with the label
  and none of them says otherwise; short of
  that the confidence stays just below ``policy.AUTO_FILE_AT`` and the e-mail is asked about;
* a label the sender's past misreadings alone chose is never filed without asking;
* it only moves probabilities: the policy overrides and the importer's guards (never take
  an offer away, never change an application that has ended) apply after it as before.

Privacy: an example keeps no text, only the hashed features (numbers, not words: someone
could still test guessed words against them, so they are private like the mail itself)
and the two labels; it lives in the person's own rows, and "Forget" deletes it.
"""

from __future__ import annotations

import math
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Final

import numpy as np

from bounceback.lib.mail import policy
from bounceback.lib.mail.extract import domain_of, is_ats_domain, registrable
from bounceback.lib.mail.features import Features, Prepared, extract, prepare
from bounceback.lib.mail.message import LABELS, Label, MailMessage
from bounceback.lib.mail.senders import FREEMAIL_DOMAINS

# --- every setting of the personal layer, in one place ----------------------------------

# Features are hashed into this many buckets: collisions are rare at a few hundred
# features a message, and no example row holds a word.
BUCKETS: Final = 1 << 24
# How alike two messages must be (cosine of their feature sets) to count as similar.
# Two mails from one template score 0.5-0.9, one sender's mails worded differently
# 0.25-0.45, two unrelated receipts from different employers about 0.1-0.25.
MIN_SIMILARITY: Final = 0.3
# The same sender's mail counts from a lower similarity, measured without the sender's
# letterhead (``Letterhead``): a sender's way of wording a receipt shows in its next
# receipt even worded differently, but the lines it puts on every mail say nothing.
MIN_SIMILARITY_SAME_SENDER: Final = 0.15
NEIGHBOURS: Final = 7  # the most similar examples that vote
CORRECTION_WEIGHT: Final = 2.0
CONFIRMATION_WEIGHT: Final = 1.0
OTHER_SENDER_WEIGHT: Final = 0.25
# log-odds added per unit of support (similarity x weight), and at most.
STRENGTH: Final = 2.5
MAX_SHIFT: Final = 5.0  # per agreeing similar example from the sender (at least one)
MAX_SHIFT_ALL: Final = 15.0
# The sender's misreadings table starts from this many imagined confirmations of every
# reading: one correction in a sender's first answers leaves its reading at 2/3.
MISTAKE_PRIOR: Final = 2.0
# Corrections of one reading of a sender before that reading's confidence is lowered by
# the table (and a sure one asked about): one correction may be a slip.
DOUBT_AFTER: Final = 2
# Examples from this sender agreeing with the label before the personal layer may let a
# message be filed without asking.
FILE_AFTER: Final = 3
# Below AUTO_FILE_AT: the confidence of a label the personal layer decided on too little.
UNSURE: Final = round(policy.AUTO_FILE_AT - 0.03, 2)

LABEL_PLURALS: Final[dict[Label, str]] = {
    "rejection": "rejections",
    "interview_invite": "interview invitations",
    "offer": "offers",
    "application_received": "receipts",
    "assessment_invite": "assessment invitations",
    "other_job": "other job-search mail",
    "not_job": "not about your job search",
}
LABEL_SINGULARS: Final[dict[Label, str]] = {
    "rejection": "a rejection",
    "interview_invite": "an interview invitation",
    "offer": "an offer",
    "application_received": "a receipt",
    "assessment_invite": "an assessment invitation",
    "other_job": "other job-search mail",
    "not_job": "not about your job search",
}


def sender_of(from_addr: str, from_name: str) -> str:
    """Who a message is from, as the personal layer groups it: an employer's domain; a
    tracking system's address with the employer's display name (one address sends for
    many employers); a webmail address (one person)."""
    addr = from_addr.strip().lower()
    if not addr:
        return ""
    domain = domain_of(addr)
    if is_ats_domain(domain):
        return f"{addr}|{from_name.strip().lower()}"
    if registrable(domain) in FREEMAIL_DOMAINS:
        return addr
    return registrable(domain)


def feature_hashes(features: Features) -> tuple[int, ...]:
    """The message's words, word pairs and phrase cues, hashed; sorted and unique."""
    names = [*features.tokens, *(f"cue:{name}" for name in features.cues.found)]
    return tuple(sorted({zlib.crc32(n.encode("utf-8")) % BUCKETS for n in names}))


def learn_from(msg: MailMessage) -> tuple[str, tuple[int, ...]]:
    """What an answered e-mail leaves behind: its sender, and its features hashed."""
    prep = prepare(msg)
    return sender_of(prep.from_addr, prep.from_name), feature_hashes(extract(prep))


@dataclass(frozen=True, slots=True)
class Example:
    """One e-mail the person answered in Mail review."""

    id: int
    sender: str
    label: Label  # what the person said
    proposed: Label  # what bounceback had read
    hashes: frozenset[int]

    @property
    def corrected(self) -> bool:
        return self.label != self.proposed

    @property
    def weight(self) -> float:
        return CORRECTION_WEIGHT if self.corrected else CONFIRMATION_WEIGHT


def similarity(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


@dataclass(frozen=True, slots=True)
class Neighbour:
    example: Example
    similarity: float
    same_sender: bool

    @property
    def support(self) -> float:
        # Only content votes: the similarity, never the sender alone.
        if self.same_sender:
            return self.similarity * self.example.weight
        return self.similarity * self.example.weight * OTHER_SENDER_WEIGHT


@dataclass(frozen=True, slots=True)
class Misreadings:
    """How the person answered a sender's mails that bounceback read as one label."""

    read_as: Label
    answers: dict[Label, int]  # the label the person gave: how many times

    @property
    def total(self) -> int:
        return sum(self.answers.values())

    def corrected_to(self, label: Label) -> int:
        return self.answers.get(label, 0) if label != self.read_as else 0

    @property
    def corrections(self) -> int:
        return self.total - self.answers.get(self.read_as, 0)


@dataclass(frozen=True, slots=True)
class Adjustment:
    """What the person's examples did to one message's probabilities, and why."""

    probs: dict[Label, float]
    neighbours: tuple[Neighbour, ...]
    label: Label | None  # the label the similar examples support most, if any voted
    may_file: bool  # enough of this sender's examples agree to file without asking
    # The label read before the sender's misreadings were weighed, its probability then,
    # and how the person answered the sender's mail read that way (None: never corrected).
    read_as: Label | None = None
    voted: dict[Label, float] | None = None
    misreadings: Misreadings | None = None

    def because(self, label: Label) -> str | None:
        """ "because you marked 3 similar mails from this sender as receipts"."""
        agreeing = [n for n in self.neighbours if n.example.label == label]
        if not agreeing:
            return None
        same = sum(n.same_sender for n in agreeing)
        count = same or len(agreeing)
        mails = "mail" if count == 1 else "mails"
        where = "from this sender" if same else "from other senders"
        return f"because you marked {count} similar {mails} {where} as {LABEL_PLURALS[label]}"

    def because_misread(self, label: Label) -> str | None:
        """ "because you told me 3 times that mail from this sender I read as a rejection
        was a receipt"; None when the person never said so."""
        m = self.misreadings
        count = m.corrected_to(label) if m is not None else 0
        if m is None or not count:
            return None
        times = {1: "once", 2: "twice"}.get(count, f"{count} times")
        return (
            f"because you told me {times} that mail from this sender I read as "
            f"{LABEL_SINGULARS[m.read_as]} was {LABEL_SINGULARS[label]}"
        )

    def because_doubted(self) -> str | None:
        """ "because you corrected 1 of the 3 mails from this sender I read as rejections"."""
        m = self.misreadings
        if m is None or not m.corrections:
            return None
        if m.total == 1:
            return (
                f"because you corrected the one mail from this sender I read as "
                f"{LABEL_SINGULARS[m.read_as]}"
            )
        return (
            f"because you corrected {m.corrections} of the {m.total} mails from this sender "
            f"I read as {LABEL_PLURALS[m.read_as]}"
        )


def _softmax(logits: dict[Label, float]) -> dict[Label, float]:
    top = max(logits.values())
    exp = {label: math.exp(v - top) for label, v in logits.items()}
    total = sum(exp.values())
    return {label: exp[label] / total for label in LABELS}


class PersonalModel:
    """The person's examples, ready to vote on new messages."""

    def __init__(self, examples: Iterable[Example]) -> None:
        self.examples: tuple[Example, ...] = tuple(examples)
        self.senders = frozenset(e.sender for e in self.examples)
        # Which examples hold each feature: a message meets only the examples it shares
        # something with, counted in one pass (np.bincount) rather than one by one.
        holding: dict[int, list[int]] = defaultdict(list)
        for i, example in enumerate(self.examples):
            for h in example.hashes:
                holding[h].append(i)
        self._holding = {h: np.asarray(ids, dtype=np.int32) for h, ids in holding.items()}
        self._sizes = np.asarray([len(e.hashes) for e in self.examples], dtype=np.float64)
        self._senders = np.asarray([e.sender for e in self.examples], dtype=object)
        self._weights = np.asarray([e.weight for e in self.examples], dtype=np.float64)
        self._letterheads: dict[str, frozenset[int]] = {}
        # sender -> the label bounceback read -> the labels the person gave, counted.
        self._answers: dict[str, dict[Label, dict[Label, int]]] = defaultdict(
            lambda: defaultdict(lambda: defaultdict(int))
        )
        for example in self.examples:
            self._answers[example.sender][example.proposed][example.label] += 1

    def __len__(self) -> int:
        return len(self.examples)

    def knows_sender(self, prep: Prepared) -> bool:
        return sender_of(prep.from_addr, prep.from_name) in self.senders

    def letterhead(self, sender: str) -> frozenset[int]:
        """The sender's boilerplate: features found in its examples of two or more labels.

        Many senders use one letterhead for receipts, rejections and invitations; the lines
        on all of them say nothing about which one a mail is, so they are left out when its
        mail is compared (an IDF within the sender, at its simplest). Until the person has
        answered two kinds of mail from a sender there is nothing to tell apart.
        """
        if sender not in self._letterheads:
            labels_of: dict[int, set[str]] = defaultdict(set)
            for example in self.examples:
                if example.sender == sender:
                    for h in example.hashes:
                        labels_of[h].add(example.label)
            self._letterheads[sender] = frozenset(h for h, ls in labels_of.items() if len(ls) > 1)
        return self._letterheads[sender]

    def misreadings(self, sender: str, read_as: Label) -> Misreadings | None:
        """How the person answered this sender's mail bounceback read as ``read_as``;
        None unless they corrected at least one."""
        answers = self._answers.get(sender, {}).get(read_as)
        if not answers or set(answers) == {read_as}:
            return None
        return Misreadings(read_as, dict(answers))

    def through_misreadings(self, sender: str, probs: dict[Label, float]) -> dict[Label, float]:
        """The probabilities passed through the sender's table of readings and answers.

        p(label) = sum over readings r of p(r) x p(the person says label | I read r), where
        p(label | r) = (answers r -> label + MISTAKE_PRIOR if label is r) / (answers to r +
        MISTAKE_PRIOR): readings never corrected keep their probability; a reading corrected
        once in its first answers keeps two thirds of it, the rest going to the label the
        person gave.
        """
        table = self._answers.get(sender)
        if not table:
            return probs
        moved: dict[Label, float] = defaultdict(float)
        for read, p in probs.items():
            answers = table.get(read)
            if not answers:
                moved[read] += p
                continue
            total = sum(answers.values()) + MISTAKE_PRIOR
            moved[read] += p * MISTAKE_PRIOR / total
            for label, count in answers.items():
                moved[label] += p * count / total
        return {label: moved[label] for label in LABELS}

    def neighbours(self, sender: str, hashes: frozenset[int]) -> tuple[Neighbour, ...]:
        held = [self._holding[h] for h in hashes if h in self._holding]
        if not held:
            return ()
        shared = np.bincount(np.concatenate(held), minlength=len(self.examples))
        sims = shared / np.sqrt(self._sizes * len(hashes))
        same = self._senders == sender
        # The same sender's examples are compared without its letterhead.
        letterhead = self.letterhead(sender) if same.any() else frozenset()
        if letterhead:
            own = hashes - letterhead
            for i in np.flatnonzero(same):
                theirs = self.examples[i].hashes - letterhead
                sims[i] = (
                    len(own & theirs) / math.sqrt(len(own) * len(theirs)) if own and theirs else 0.0
                )
        near = sims >= np.where(same, MIN_SIMILARITY_SAME_SENDER, MIN_SIMILARITY)
        # The same formula as Neighbour.support, for every example at once.
        support = np.where(same, sims, sims * OTHER_SENDER_WEIGHT)
        support = np.where(near, support * self._weights, -1.0)
        chosen = [i for i in np.argsort(-support, kind="stable")[:NEIGHBOURS] if support[i] > 0]
        found = [Neighbour(self.examples[i], float(sims[i]), bool(same[i])) for i in chosen]
        found.sort(key=lambda n: (n.support, n.example.id), reverse=True)
        return tuple(found[:NEIGHBOURS])

    def adjust(self, prep: Prepared, features: Features, probs: dict[Label, float]) -> Adjustment:
        """The shipped model's probabilities moved towards the labels of similar examples,
        then through the sender's misreadings."""
        sender = sender_of(prep.from_addr, prep.from_name)
        near = self.neighbours(sender, frozenset(feature_hashes(features)))
        voted = self._vote(near, probs) if near else Adjustment(probs, (), None, False)
        read_as = max(LABELS, key=voted.probs.__getitem__)
        misreadings = self.misreadings(sender, read_as)
        return replace(
            voted,
            probs=self.through_misreadings(sender, voted.probs),
            read_as=read_as,
            voted=voted.probs,
            misreadings=misreadings,
        )

    @staticmethod
    def _vote(near: tuple[Neighbour, ...], probs: dict[Label, float]) -> Adjustment:
        support: dict[Label, float] = defaultdict(float)
        agreeing_with: dict[Label, int] = defaultdict(int)
        for n in near:
            support[n.example.label] += n.support
            agreeing_with[n.example.label] += n.same_sender
        logits = {
            label: math.log(max(probs[label], 1e-9))
            + min(
                MAX_SHIFT * max(1, agreeing_with[label]), MAX_SHIFT_ALL, STRENGTH * support[label]
            )
            for label in LABELS
        }
        best = max(support, key=support.__getitem__)
        own = [n for n in near if n.same_sender]
        agreeing = sum(1 for n in own if n.example.label == best)
        # Filing without asking needs the sender's similar mail to agree, all of it: one
        # similar mail from this sender the person labelled otherwise means ask.
        return Adjustment(
            _softmax(logits), near, best, agreeing >= FILE_AFTER and agreeing == len(own)
        )


@dataclass(frozen=True, slots=True)
class Learned:
    """The label the person's examples support, a ceiling on its confidence, and why."""

    label: Label
    ceiling: float | None
    because: str
    # The person labelled similar mail from this sender otherwise: ask rather than file.
    doubted: bool = False


def combine(
    shipped: dict[Label, float], adjustment: Adjustment
) -> tuple[dict[Label, float], Learned | None]:
    """The probabilities the policy sees, and what the examples said (None: nothing).

    The ceiling keeps a label the person's examples raised, but did not settle, just
    below the importer's threshold: the e-mail is asked about, with the label proposed.
    Learning lowers confidence more readily than it raises it: when a similar mail from
    this sender was labelled otherwise, or the person corrected this sender's mail read
    this way before, a sure reading is asked about too.
    """
    probs = adjustment.probs
    if adjustment.label is None and adjustment.misreadings is None:
        return shipped, None
    label = max(LABELS, key=probs.__getitem__)
    if adjustment.misreadings is not None:
        if label != adjustment.read_as:
            # The sender's past misreadings alone chose this label: always asked about.
            because = adjustment.because(label) or adjustment.because_misread(label)
            if because is None:
                # Moved by misreadings of other labels: too roundabout to act on or explain.
                return shipped, None
            return probs, Learned(label, UNSURE, because)
        elif adjustment.misreadings.corrections < DOUBT_AFTER and adjustment.voted is not None:
            probs = adjustment.voted
        elif (
            # on the importer's scale: raw, a point far below AUTO_FILE_AT hid the doubt
            policy.calibrated(label, probs[label])
            < policy.AUTO_FILE_AT
            <= policy.calibrated(label, (adjustment.voted or probs)[label])
        ):
            doubt = adjustment.because_doubted()
            assert doubt is not None  # misreadings hold a correction
            return probs, Learned(label, UNSURE, doubt, doubted=True)
    if adjustment.label is None:
        return probs, None
    because = adjustment.because(label)
    against: dict[Label, float] = defaultdict(float)
    for n in adjustment.neighbours:
        if n.same_sender and n.example.label != label:
            against[n.example.label] += n.support
    sure = policy.calibrated(label, probs[label]) >= policy.AUTO_FILE_AT
    if against and sure:
        other = adjustment.because(max(against, key=against.__getitem__))
        assert other is not None  # a neighbour with that label voted
        return probs, Learned(label, UNSURE, other, doubted=True)
    if because is None:
        return probs, None
    before = max(LABELS, key=shipped.__getitem__)
    raised = label != before or probs[label] > shipped[label]
    ceiling = None
    if raised and not adjustment.may_file and sure:
        ceiling = (
            max(policy.calibrated(label, shipped[label]), UNSURE) if label == before else UNSURE
        )
    return probs, Learned(label, ceiling, because)


def examples_from(rows: Sequence[tuple[int, str, str, str, Sequence[int]]]) -> PersonalModel:
    """A model from stored rows: (id, sender, label, proposed, hashes)."""
    return PersonalModel(
        Example(i, sender, label, proposed, frozenset(hashes))
        for i, sender, label, proposed, hashes in rows
        if label in LABELS and proposed in LABELS
    )
