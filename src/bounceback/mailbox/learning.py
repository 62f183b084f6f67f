"""Learning from the person: each e-mail they confirm or correct in Mail review is kept
as an example, and the personal layer (``lib/mail/personal``) reads the next mail from
the same sender in its light.

Examples stay on this machine, in the person's own rows: hashed features (numbers, not
words), who sent it, and two labels. "What I've learned from you" lists them and forgets
any, or all; an account deleted takes them with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User

from bounceback.lib.mail.message import MailMessage
from bounceback.lib.mail.personal import PersonalModel, examples_from, learn_from
from bounceback.mailbox.models import Label, LearnedExample, ReviewItem


def remember_example(item: ReviewItem, label: str) -> LearnedExample:
    """Keep the person's answer to ``item`` (the label they gave) as an example."""
    message = MailMessage(
        message_id=None,
        date=item.sent_at,
        from_name=item.from_name,
        from_addr=item.from_addr,
        subject=item.subject,
        text=item.text,
    )
    sender, hashes = learn_from(message)
    example, _ = LearnedExample.objects.update_or_create(
        owner=item.owner,
        message_id=item.message_id,
        defaults={
            "sender": sender[:400],
            "sender_name": (item.from_name or item.from_addr)[:300],
            "proposed": item.label,
            "label": label,
            "features": list(hashes),
        },
    )
    return example


def personal_model(owner: User) -> PersonalModel:
    """Everything this person taught bounceback, ready to read their next mail."""
    rows = LearnedExample.objects.filter(owner=owner).values_list(
        "id", "sender", "label", "proposed", "features"
    )
    return examples_from(list(rows))


@dataclass(frozen=True)
class Group:
    """The examples from one sender with one label, as "What I've learned" lists them."""

    sender: str
    sender_name: str
    label: str
    examples: list[LearnedExample]

    @property
    def label_display(self) -> str:
        return str(Label(self.label).label)

    @property
    def corrections(self) -> int:
        return sum(e.corrected for e in self.examples)

    @property
    def misread_notes(self) -> list[str]:
        """What the corrections in this group teach about the sender's mail read another
        way (``personal.PersonalModel.misreadings``), one sentence per reading."""
        read_as: dict[str, int] = {}
        for e in self.examples:
            if e.corrected:
                read_as[e.proposed] = read_as.get(e.proposed, 0) + 1
        notes = []
        for proposed, count in sorted(read_as.items(), key=lambda kv: -kv[1]):
            was = Label(proposed).label
            times = {1: "once", 2: "twice"}.get(count, f"{count} times")
            notes.append(
                f"I read “{self.label_display}” mail from this sender as “{was}” {times}. "
                f"When I read their next one as “{was}”, I weigh that: if your answers tip "
                f"it, I propose “{self.label_display}” and ask you first."
            )
        return notes


def learned_examples(owner: User) -> list[Group]:
    """The person's examples, grouped by sender and label, senders in alphabetical order."""
    groups: dict[tuple[str, str], Group] = {}
    for example in LearnedExample.objects.filter(owner=owner).select_related("message"):
        key = (example.sender, example.label)
        if key not in groups:
            groups[key] = Group(example.sender, example.sender_name, example.label, [])
        groups[key].examples.append(example)
    return list(groups.values())


def forget_example(owner: User, pk: int) -> bool:
    """Forget one example; False when there was none of theirs with that number."""
    deleted, _ = LearnedExample.objects.filter(owner=owner, pk=pk).delete()
    return bool(deleted)


def forget_everything(owner: User) -> int:
    """Forget every example; how many there were. Sender rules stay (they are listed apart)."""
    deleted, _ = LearnedExample.objects.filter(owner=owner).delete()
    return deleted
