"""Which records a person owns, found by walking the installed apps rather than by a list.

A *kind* is one model whose rows belong to one person through a foreign key to the user
(``owner`` on most models, ``user`` on the profile). Every such model in a bounceback app is
exported unless it is named in ``LEFT_OUT`` with the reason; a new model with an owner is
therefore in the next export without anyone remembering to add it. The few it cannot find
on its own (a model that belongs to a person only through another model) are what
``tests/test_export.py`` catches.

Which fields hold a person's own words comes from the admin's ``private_fields``: the same
list that keeps them out of every admin page marks them private in the export.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.db.models import Field, ForeignKey, ManyToManyField, Model, OneToOneField

# Kinds that are not exported, each with the reason a person would accept.
LEFT_OUT: dict[str, str] = {
    "accounts.SignInToken": "single-use sign-in links for this computer; a new one is printed by serve",
    "accounts.CalendarFeed": "a secret calendar address for this computer; turn it on again after a restore",
    "accounts.AccountLink": "a hosted site's record of links staff handed out, kept by that site",
    "accounts.SubmittedForm": "guards a form against being sent twice; meaningless anywhere else",
    "mailbox.MailConnection": (
        "a hosted site's link to your mailbox, with an app password that never leaves it; "
        "connect again where you move to (the folders already read are in mailbox.ImapCursor)"
    ),
    "portability.PreparedExport": "a copy of this very export, made for downloading on a hosted site",
    "spreadsheets.SheetUpload": "a spreadsheet waiting on its preview; what it brings in is exported",
    "coaching.Share": "sharing with a coach ties two accounts together; set it up again where you move to",
    "coaching.SharedItem": "part of sharing with a coach (see coaching.Share)",
    "coaching.Opening": "part of sharing with a coach (see coaching.Share)",
    "coaching.CoachNote": "part of sharing with a coach (see coaching.Share)",
}


@dataclass(frozen=True)
class Attached:
    """Bytes a kind keeps in a model of their own, one row each, that travel as files in the
    zip beside the JSON (an e-mail as it arrived): the kind's rows name the file."""

    name: str  # the row's field naming the file: "original"
    model: str  # the model holding the bytes: "mailbox.OriginalMail"
    link: str  # its one-to-one field to the kind's row (its primary key)
    data: str  # its binary field
    folder: str  # the zip's folder for the files: "mail"
    suffix: str  # ".eml"
    max_bytes: int  # the most one file may hold, here as where the bytes are first kept

    def file_name(self, pk: object) -> str:
        return f"{self.folder}/{pk}{self.suffix}"

    def holder(self) -> type[Model]:
        return apps.get_model(self.model)


# Models that belong to a person through a kind's row and travel as files with it.
ATTACHED: dict[str, Attached] = {
    "mailbox.ImportedMessage": Attached(
        name="original",
        model="mailbox.OriginalMail",
        link="message",
        data="data",
        folder="mail",
        suffix=".eml",
        # The importer's own cap (mailbox.originals.MAX_ORIGINAL_BYTES, which portability may
        # not import; tests/test_restore_safety.py holds the two equal): a restore keeps no
        # bigger e-mail than an import would.
        max_bytes=5 * 1024 * 1024,
    ),
}

# Fields that travel in the export but are not restored: they are given, not chosen.
NOT_RESTORED: dict[str, frozenset[str]] = {
    "accounts.Profile": frozenset({"role"}),  # staff give roles on a hosted site
}


@dataclass(frozen=True)
class Kind:
    """One exported model: how its rows refer to the person and to each other."""

    label: str  # "applications.Application"
    model: type[Model]
    owner_field: str  # the foreign key to the person, left out of the rows
    fields: tuple[Field[object, object], ...]  # concrete fields, the owner left out
    references: dict[str, str] = field(default_factory=dict)  # field name -> kind label
    many: dict[str, str] = field(default_factory=dict)  # many-to-many name -> kind label
    private_fields: tuple[str, ...] = ()
    attached: Attached | None = None  # bytes exported as files, named in the rows

    @property
    def field_names(self) -> list[str]:
        """The columns of the kind's rows: its fields, its links, the file it names."""
        return [
            *(f.name for f in self.fields),
            *self.many,
            *([self.attached.name] if self.attached else []),
        ]

    @property
    def name(self) -> str:
        """A name for people: "stage events"."""
        return str(self.model._meta.verbose_name_plural)

    def counted(self, count: int) -> str:
        """ "1 application", "39 applications"."""
        meta = self.model._meta
        return f"{count} {meta.verbose_name if count == 1 else meta.verbose_name_plural}"

    @property
    def description(self) -> str:
        doc = (self.model.__doc__ or "").strip().splitlines()
        generated = doc and doc[0].startswith(f"{self.model.__name__}(")
        return "" if not doc or generated else doc[0]

    @property
    def csv_name(self) -> str:
        return f"{self.model._meta.app_label}-{self.model._meta.model_name}.csv"


def _is_user(model: object) -> bool:
    return model is apps.get_model(settings.AUTH_USER_MODEL)


def user_fields(model: type[Model]) -> list[str]:
    """The foreign keys from this model to a person."""
    return [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, ForeignKey | OneToOneField) and _is_user(f.related_model)
    ]


def bounceback_models() -> list[type[Model]]:
    """Every concrete model of bounceback's own apps, in the order the apps are installed."""
    return [
        m for m in apps.get_models() if m.__module__.startswith("bounceback.") and not m._meta.proxy
    ]


def _private_fields(model: type[Model]) -> tuple[str, ...]:
    registered = admin.site._registry.get(model)
    return tuple(getattr(registered, "private_fields", ()))


@cache
def kinds() -> tuple[Kind, ...]:
    """Every exported kind, ordered so that a row's references come before it."""
    found: dict[str, Kind] = {}
    for model in bounceback_models():
        label = model._meta.label
        owners = user_fields(model)
        if label in LEFT_OUT or len(owners) != 1:
            continue
        found[label] = Kind(
            label=label,
            model=model,
            owner_field=owners[0],
            fields=tuple(f for f in model._meta.concrete_fields if f.name != owners[0]),
            private_fields=_private_fields(model),
            attached=ATTACHED.get(label),
        )
    for kind in found.values():
        for f in kind.fields:
            if f.is_relation and f.related_model is not None:
                kind.references[f.name] = f.related_model._meta.label
        for m2m in kind.model._meta.many_to_many:
            if isinstance(m2m, ManyToManyField) and m2m.related_model is not None:
                kind.many[m2m.name] = m2m.related_model._meta.label
    return tuple(_in_dependency_order(found))


def _in_dependency_order(found: dict[str, Kind]) -> list[Kind]:
    """Kinds sorted so each comes after the kinds it refers to (a cycle is broken later,
    at restore, by filling the reference in a second pass)."""
    ordered: list[Kind] = []
    placed: set[str] = set()
    pending = list(found)
    while pending:
        ready = [
            label
            for label in pending
            if all(
                t in placed or t == label or t not in found
                for t in found[label].references.values()
            )
        ]
        if not ready:  # a cycle: take the first one left and carry on
            ready = pending[:1]
        for label in ready:
            ordered.append(found[label])
            placed.add(label)
            pending.remove(label)
    return ordered


def kind_by_label() -> dict[str, Kind]:
    return {kind.label: kind for kind in kinds()}


def in_words(counts: dict[str, int]) -> str:
    """Counts by kind label, for people: "39 applications, 1 check in" ("nothing" when empty)."""
    by_label = kind_by_label()
    said = [by_label[label].counted(n) for label, n in counts.items() if n and label in by_label]
    return ", ".join(said) or "nothing"
