"""Tagging feedback and reflections with themes, and letting the person decide on each tag.

Suggest, then confirm: the tagger only suggests (state "auto"), with the words that led
to it. A suggestion counts nowhere (rankings, the dashboard, steps) until the person
confirms it; one they add themselves is confirmed from the start. A tag the person
removed stays as "rejected" so tagging again never brings it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q, QuerySet

from bounceback.errors import NotFound, UserError
from bounceback.insights.models import Source, TagState, Theme, ThemeTag
from bounceback.lib.themes import Tagger, builtin_data, skipped_questions
from bounceback.lib.themes import Theme as ThemeData
from bounceback.recovery.models import Feedback, Reflection

# The states that count in the person's numbers: what they confirmed or added themselves.
COUNTED = (TagState.CONFIRMED,)


def all_themes(owner: User) -> list[ThemeData]:
    """Built-in themes first, then the person's own (a personal one may not hide a built-in)."""
    builtin = list(builtin_data()[0])
    taken = {t.slug for t in builtin}
    own = [t.as_data() for t in Theme.objects.filter(owner=owner) if t.slug not in taken]
    return builtin + own


def theme_names(owner: User) -> dict[str, str]:
    return {t.slug: t.name for t in all_themes(owner)}


def tagger_for(owner: User) -> Tagger:
    return Tagger(all_themes(owner))


def counted_tags(owner: User) -> QuerySet[ThemeTag]:
    """The tags that count: confirmed by the person or added by them."""
    return ThemeTag.objects.filter(owner=owner, state__in=COUNTED)


def waiting_tags(owner: User) -> QuerySet[ThemeTag]:
    """Suggestions nobody has confirmed or removed yet (left out of every count)."""
    return ThemeTag.objects.filter(owner=owner, state=TagState.AUTO)


def waiting_note(n: int) -> str:
    """Plain words for suggestions left out of a count: "2 suggested themes wait for a look"."""
    if not n:
        return ""
    if n == 1:
        return "1 suggested theme waits for a look and isn't counted until you confirm it."
    return f"{n} suggested themes wait for a look and aren't counted until you confirm them."


def _sync(
    owner: User,
    lookup: dict[str, Any],
    found: dict[str, tuple[str, ...]],
    defaults: dict[str, Any],
) -> None:
    """Make the automatic tags of one text match what the tagger found now."""
    existing = {t.theme: t for t in ThemeTag.objects.filter(owner=owner, **lookup)}
    for slug, tag in existing.items():
        if tag.state == TagState.AUTO and slug not in found:
            tag.delete()
        elif tag.state == TagState.AUTO and list(found[slug]) != tag.words:
            tag.words = list(found[slug])
            tag.save(update_fields=["words"])
    ThemeTag.objects.bulk_create(
        [
            ThemeTag(owner=owner, theme=slug, words=list(words), **lookup, **defaults)
            for slug, words in found.items()
            if slug not in existing
        ]
    )


def tag_feedback(feedback: Feedback, tagger: Tagger | None = None) -> None:
    tagger = tagger or tagger_for(feedback.owner)
    found = {f.slug: f.words for f in tagger.tag(feedback.text)}
    _sync(
        feedback.owner,
        {"feedback": feedback},
        found,
        {
            "source": Source.EMPLOYER,
            "application_id": feedback.application_id,
            "tagged_on": feedback.received_on,
        },
    )


def tag_reflection(reflection: Reflection, tagger: Tagger | None = None) -> None:
    tagger = tagger or tagger_for(reflection.owner)
    skip = reflection.question_key in skipped_questions()
    found = {} if skip else {f.slug: f.words for f in tagger.tag(reflection.answer)}
    rejection = reflection.rejection
    _sync(
        reflection.owner,
        {"reflection": reflection},
        found,
        {
            "source": Source.SELF,
            "application_id": rejection.application_id,
            "tagged_on": rejection.received_on,
        },
    )


@transaction.atomic
def retag_all(owner: User) -> int:
    """Tag every feedback text and reflection answer again; returns the number of tags now.

    Reads texts with values_list and writes with bulk_create, so a long history takes a
    handful of queries; the person's own corrections are kept as they are.
    """
    tagger = tagger_for(owner)
    # (theme, feedback id, reflection id): one of the two ids is always None. django-stubs
    # types a nullable foreign key's id in values_list as int, so the set says it here.
    decided: set[tuple[str, int | None, int | None]] = {
        (theme, feedback_id, reflection_id)
        for theme, feedback_id, reflection_id in ThemeTag.objects.filter(owner=owner)
        .exclude(state=TagState.AUTO)
        .values_list("theme", "feedback_id", "reflection_id")
    }
    ThemeTag.objects.filter(owner=owner, state=TagState.AUTO).delete()
    new: list[ThemeTag] = []
    feedback_rows = Feedback.objects.filter(owner=owner).values_list(
        "id", "application_id", "text", "received_on"
    )
    for pk, application_id, text, received_on in feedback_rows:
        for found in tagger.tag(text):
            if (found.slug, pk, None) not in decided:
                new.append(
                    ThemeTag(
                        owner=owner,
                        theme=found.slug,
                        source=Source.EMPLOYER,
                        feedback_id=pk,
                        application_id=application_id,
                        words=list(found.words),
                        tagged_on=received_on,
                    )
                )
    reflection_rows = Reflection.objects.filter(owner=owner).values_list(
        "id", "rejection__application_id", "answer", "rejection__received_on", "question_key"
    )
    skip = skipped_questions()
    for pk, application_id, text, received_on, key in reflection_rows:
        for found in [] if key in skip else tagger.tag(text):
            if (found.slug, None, pk) not in decided:
                new.append(
                    ThemeTag(
                        owner=owner,
                        theme=found.slug,
                        source=Source.SELF,
                        reflection_id=pk,
                        application_id=application_id,
                        words=list(found.words),
                        tagged_on=received_on,
                    )
                )
    ThemeTag.objects.bulk_create(new, batch_size=500)
    return ThemeTag.objects.filter(owner=owner).exclude(state=TagState.REJECTED).count()


def get_tag(owner: User, pk: int | str) -> ThemeTag:
    try:
        return ThemeTag.objects.get(owner=owner, pk=int(pk))
    except (ThemeTag.DoesNotExist, ValueError, TypeError):
        raise NotFound(f"There is no theme tag with id {pk}.") from None


def remove_tag(tag: ThemeTag) -> ThemeTag:
    """The person says this theme is wrong here; remember that so it stays removed."""
    tag.state = TagState.REJECTED
    tag.save(update_fields=["state"])
    return tag


def confirm_tag(tag: ThemeTag) -> ThemeTag:
    """The person says the suggestion is right: from now on it counts."""
    tag.state = TagState.CONFIRMED
    tag.save(update_fields=["state"])
    return tag


def add_tag(owner: User, *, kind: str, pk: int | str, theme: str) -> ThemeTag:
    """The person adds a theme to a feedback text or a reflection answer."""
    if theme not in theme_names(owner):
        raise UserError("Please choose one of the themes in the list.")
    item: Feedback | Reflection
    try:
        if kind == "feedback":
            item = Feedback.objects.get(owner=owner, pk=int(pk))
            lookup: dict[str, Any] = {"feedback": item}
            defaults: dict[str, Any] = {
                "source": Source.EMPLOYER,
                "application_id": item.application_id,
                "tagged_on": item.received_on,
            }
        elif kind == "reflection":
            item = Reflection.objects.select_related("rejection").get(owner=owner, pk=int(pk))
            lookup = {"reflection": item}
            defaults = {
                "source": Source.SELF,
                "application_id": item.rejection.application_id,
                "tagged_on": item.rejection.received_on,
            }
        else:
            raise NotFound("Themes can be added to feedback or to a reflection answer.")
    except (Feedback.DoesNotExist, Reflection.DoesNotExist, ValueError, TypeError):
        raise NotFound(f"There is no {kind} with id {pk}.") from None
    tag, _ = ThemeTag.objects.update_or_create(
        owner=owner, theme=theme, **lookup, defaults={**defaults, "state": TagState.CONFIRMED}
    )
    return tag


@dataclass(frozen=True)
class TagView:
    pk: int
    theme: str
    name: str
    source: str
    words: list[str]
    state: str


@dataclass
class TaggedItem:
    """One feedback text or reflection answer with its tags, for the "fix the tags" list."""

    kind: str  # "feedback" or "reflection"
    pk: int
    day: date
    company: str
    heading: str
    text: str
    tags: list[TagView] = field(default_factory=list)
    addable: list[tuple[str, str]] = field(default_factory=list)

    @property
    def pk_str(self) -> str:
        return str(self.pk)

    @property
    def suggested(self) -> int:
        """Suggestions on this text still waiting for the person's word."""
        return sum(tag.state == TagState.AUTO for tag in self.tags)


def _finish(items: list[TaggedItem], tags: list[ThemeTag], names: dict[str, str]) -> None:
    by_item: dict[tuple[str, int], list[TagView]] = {}
    for tag in tags:
        if tag.state == TagState.REJECTED:
            continue
        kind = "feedback" if tag.feedback_id else "reflection"
        view = TagView(
            tag.pk,
            tag.theme,
            names.get(tag.theme, tag.theme),
            tag.source,
            list(tag.words),
            tag.state,
        )
        by_item.setdefault((kind, tag.feedback_id or tag.reflection_id or 0), []).append(view)
    for item in items:
        item.tags = by_item.get((item.kind, item.pk), [])
        present = {t.theme for t in item.tags}
        item.addable = [(slug, name) for slug, name in names.items() if slug not in present]


def recent_items(owner: User, limit: int = 12) -> list[TaggedItem]:
    """Texts with suggestions waiting first, then the latest ones, with their tags.

    A handful of queries: the texts waiting for a look, the latest texts, their tags.
    """
    waiting = waiting_tags(owner)
    waiting_feedback = Q(id__in=waiting.exclude(feedback=None).values("feedback_id"))
    waiting_reflections = Q(id__in=waiting.exclude(reflection=None).values("reflection_id"))
    feedback_rows = Feedback.objects.filter(owner=owner).order_by("-received_on", "-id")
    reflection_rows = (
        Reflection.objects.filter(owner=owner)
        .exclude(answer="")
        .exclude(question_key__in=skipped_questions())
        .order_by("-rejection__received_on", "-id")
    )
    fields = ("id", "received_on", "application__company__name", "text")
    reflection_fields = (
        "id",
        "rejection__received_on",
        "rejection__application__company__name",
        "question",
        "answer",
    )
    found: dict[tuple[str, int], TaggedItem] = {}
    for rows in (feedback_rows.filter(waiting_feedback)[:limit], feedback_rows[:limit]):
        for pk, day, company, text in rows.values_list(*fields):
            found.setdefault(
                ("feedback", pk),
                TaggedItem("feedback", pk, day, company, "The employer said", text),
            )
    for answers in (reflection_rows.filter(waiting_reflections)[:limit], reflection_rows[:limit]):
        for pk, day, company, question, answer in answers.values_list(*reflection_fields):
            found.setdefault(
                ("reflection", pk), TaggedItem("reflection", pk, day, company, question, answer)
            )
    items = list(found.values())
    tags = list(
        ThemeTag.objects.filter(owner=owner).filter(
            Q(feedback_id__in=[i.pk for i in items if i.kind == "feedback"])
            | Q(reflection_id__in=[i.pk for i in items if i.kind == "reflection"])
        )
    )
    _finish(items, tags, theme_names(owner))
    items.sort(key=lambda i: (bool(i.suggested), i.day, i.kind == "feedback"), reverse=True)
    return items[:limit]


def one_item(owner: User, kind: str, pk: int) -> TaggedItem:
    """A single item, re-rendered after a tag was confirmed, removed or added."""
    try:
        text: Feedback | Reflection
        if kind == "feedback":
            text = Feedback.objects.select_related("application__company").get(owner=owner, pk=pk)
        else:
            text = Reflection.objects.select_related("rejection__application__company").get(
                owner=owner, pk=pk
            )
    except (Feedback.DoesNotExist, Reflection.DoesNotExist):
        raise NotFound(f"There is no {kind} with id {pk}.") from None
    return item_of(text)


def item_of(text: Feedback | Reflection) -> TaggedItem:
    """A feedback text or reflection answer with its tags, for the page that shows the text."""
    if isinstance(text, Feedback):
        item = TaggedItem(
            "feedback",
            text.pk,
            text.received_on,
            text.application.company.name,
            "The employer said",
            text.text,
        )
        tags = list(ThemeTag.objects.filter(owner=text.owner, feedback_id=text.pk))
    else:
        item = TaggedItem(
            "reflection",
            text.pk,
            text.rejection.received_on,
            text.rejection.application.company.name,
            text.question,
            text.answer,
        )
        tags = list(ThemeTag.objects.filter(owner=text.owner, reflection_id=text.pk))
    _finish([item], tags, theme_names(text.owner))
    return item
