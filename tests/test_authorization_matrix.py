"""Who may open what, on a hosted bounceback: every URL the resolver knows × every role.

Alice is a job seeker with a full search (the demo's, so every kind of row exists). She
shares everything with Carol, a coach; Dave coached her too until she revoked his share;
Bob is another seeker; Erin is staff (a superuser, the worst case for privacy). Every
request uses Alice's real ids. A URL added to the app without a row here fails the suite,
so nobody forgets to decide who may open it.

Statuses: 200 a page; 302 a redirect (anonymous to the sign-in page; the admin to its
own sign-in); 403 the wrong role; 404 not yours (or gone); 405 a POST-only address
opened with GET. POST-only addresses are also POSTed by everyone but the owner, who
must all be refused (403/404) without anything changing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from bounceback.accounts.models import CalendarFeed, Role, SignInToken
from bounceback.applications.models import Application, Contact, StageEvent
from bounceback.coaching import services as coaching
from bounceback.coaching.models import CoachNote, NoteKind, Share, SharedItem
from bounceback.demo import build_demo
from bounceback.insights.models import Theme, ThemeTag
from bounceback.mailbox.models import (
    Label,
    LabelCorrection,
    LearnedExample,
    MailConnection,
    ReviewItem,
    SenderRule,
)
from bounceback.practice.models import Card
from bounceback.reapply.models import Cooldown
from bounceback.recovery.models import Action, Feedback, Reflection, Rejection
from bounceback.spreadsheets.services import keep_upload
from bounceback.wellbeing.exercises import get_exercise, save_answers
from bounceback.wellbeing.models import ExerciseEntry, Goal
from tests.people import person, signed_in
from tests.test_mail_review import queue

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

ROLES = ["anonymous", "owner", "other_seeker", "coach", "revoked_coach", "staff"]
SIGNED_IN = ROLES[1:]
TO_SIGN_IN = 302


@dataclass
class World:
    """The people and Alice's real ids that every URL is built from."""

    clients: dict[str, Client]
    users: dict[str, User]
    ids: dict[str, Any] = field(default_factory=dict)


def _first(model: type[Model], **where: Any) -> Any:
    found = model._default_manager.filter(**where).order_by("pk").first()
    assert found is not None, f"the demo has no {model.__name__} for {where}"
    return found


@pytest.fixture
def world(settings: Any) -> World:
    settings.BOUNCEBACK_HOSTED = True
    alice = person("alice@example.org")
    users = {
        "owner": alice,
        "other_seeker": person("bob@example.org"),
        "coach": person("carol@example.org", Role.COACH),
        "revoked_coach": person("dave@example.org", Role.COACH),
        "staff": User.objects.create_superuser("erin@example.org", "erin@example.org", "pw-x-123"),
    }
    build_demo(alice)
    theme = Theme.objects.create(owner=alice, slug="alices-own-theme", name="Alice's own theme")
    review = queue(alice, 9001, subject="About your application")
    SenderRule.objects.create(owner=alice, sender="@northwind.example", company="Northwind")
    correction = LabelCorrection.objects.create(
        owner=alice, sender="@northwind.example", was=Label.values[0], now=Label.values[1]
    )
    learned = LearnedExample.objects.create(
        owner=alice,
        message=review.message,
        sender="northwind.example",
        proposed=Label.values[0],
        label=Label.values[1],
        features=[1, 2, 3],
    )
    fear = save_answers(alice, get_exercise("face-a-fear"), {"fear": "Calling the recruiter"})
    active = coaching.share_with(alice, users["coach"].pk, ["applications", "insights", "report"])
    reflection = _first(Reflection, owner=alice, answer__gt="")
    coaching.set_items(active, [("reflection", reflection.pk)])
    revoked = coaching.share_with(alice, users["revoked_coach"].pk, ["applications"])
    coaching.set_items(revoked, [("reflection", reflection.pk)])
    coaching.revoke(revoked)
    step = coaching.add_note(active, NoteKind.STEP, "Ask a friend to run a mock interview")
    application = _first(Application, owner=alice)
    event = _first(StageEvent, owner=alice, application=application)
    token = SignInToken.issue(alice)
    MailConnection.objects.create(
        owner=alice, host="imap.example.org", username="alice", secret="locked-elsewhere"
    )
    sheet = keep_upload(alice, "jobs.csv", b"Company,Role\nAcme,Analyst\n")
    ids = {
        "sheet": sheet.pk,
        "application": application.pk,
        "event": event.pk,
        "contact": _first(Contact, owner=alice).pk,
        "label_correction": correction.pk,
        "learned_example": learned.pk,
        "interview": _first(StageEvent, owner=alice, kind="interview").pk,
        "card": _first(Card, owner=alice).pk,
        "cooldown": _first(Cooldown, owner=alice).pk,
        "rejection": _first(Rejection, owner=alice).pk,
        "feedback": _first(Feedback, owner=alice).pk,
        "action": _first(Action, owner=alice).pk,
        "review": review.pk,
        "rule": _first(SenderRule, owner=alice).pk,
        "tag": _first(ThemeTag, owner=alice).pk,
        "theme": theme.slug,
        "fear": fear.pk,
        "ikigai": _first(ExerciseEntry, owner=alice, exercise="ikigai").pk,
        "goal": _first(Goal, owner=alice).pk,
        "share": active.pk,
        "revoked_share": revoked.pk,
        "item": _first(SharedItem, share=active).pk,
        "revoked_item": _first(SharedItem, share=revoked).pk,
        "note": step.pk,
        "person": alice.pk,
        "uid": urlsafe_base64_encode(force_bytes(alice.pk)),
        "sign_in_token": token,
        "calendar": CalendarFeed.turn_on(alice).token,
    }
    clients = {"anonymous": Client()} | {role: signed_in(users[role]) for role in SIGNED_IN}
    # After signing in: the link is made from the last sign-in, as a real one would be.
    alice.refresh_from_db()
    ids["reset_token"] = default_token_generator.make_token(alice)
    return World(clients, users, ids)


# --- The matrix --------------------------------------------------------------------------
# A row: how to fill the URL's arguments from Alice's ids (per role, for the coaches'
# own share ids), what each role gets on GET, and whether it only takes POST.


@dataclass
class Row:
    args: Callable[[dict[str, Any], str], dict[str, Any]]
    get: dict[str, int]
    post_only: bool = False
    may_post: frozenset[str] = frozenset({"owner"})  # who a POST-only address is for
    path: str = ""  # for the one address with no name (the admin's catch-all)

    def url(self, name: str, ids: dict[str, Any], role: str) -> str:
        return self.path or reverse(name, kwargs=self.args(ids, role))


def _none(ids: dict[str, Any], role: str) -> dict[str, Any]:
    return {}


def _ids(**names: str) -> Callable[[dict[str, Any], str], dict[str, Any]]:
    return lambda ids, role: {arg: ids[key] for arg, key in names.items()}


def _coach_ids(**names: str) -> Callable[[dict[str, Any], str], dict[str, Any]]:
    """The share a coach would follow: Dave only ever had the revoked one."""

    def build(ids: dict[str, Any], role: str) -> dict[str, Any]:
        revoked = role == "revoked_coach"
        swapped = {
            arg: ids[f"revoked_{key}"] if revoked and f"revoked_{key}" in ids else ids[key]
            for arg, key in names.items()
        }
        return swapped

    return build


def own_space(args: Callable[..., dict[str, Any]] = _none, *, post_only: bool = False) -> Row:
    """A page of one's own search with no id in it: everyone signed in sees their own."""
    ok = 405 if post_only else 200
    get = {"anonymous": TO_SIGN_IN} | dict.fromkeys(SIGNED_IN, ok)
    return Row(args, get, post_only, frozenset(SIGNED_IN))


def alices(args: Callable[..., dict[str, Any]], *, post_only: bool = False) -> Row:
    """Something of Alice's, by id: hers alone; nobody else finds it, coaches included."""
    others = 405 if post_only else 404
    get = {"anonymous": TO_SIGN_IN, "owner": 405 if post_only else 200}
    return Row(args, get | {role: others for role in SIGNED_IN[1:]}, post_only)


def fragment() -> Row:
    """A piece of one's own page for htmx: opened as a page, it sends on to the whole page."""
    return Row(_none, {"anonymous": TO_SIGN_IN} | dict.fromkeys(SIGNED_IN, 302))


def public(*, signed_in_gets: int = 200) -> Row:
    return Row(_none, {"anonymous": 200} | dict.fromkeys(SIGNED_IN, signed_in_gets))


def everyone(status: int, args: Callable[..., dict[str, Any]] = _none) -> Row:
    return Row(args, dict.fromkeys(ROLES, status))


def for_role(role: str, args: Callable[..., dict[str, Any]] = _none, **gets: int) -> Row:
    """A page for one role: 403 for the others, unless said otherwise."""
    get = {"anonymous": TO_SIGN_IN} | dict.fromkeys(SIGNED_IN, 403) | {role: 200} | gets
    return Row(args, get, post_only=False)


def post_for_role(role: str, args: Callable[..., dict[str, Any]], **gets: int) -> Row:
    get = {"anonymous": TO_SIGN_IN} | dict.fromkeys(SIGNED_IN, 403) | {role: 405} | gets
    return Row(args, get, post_only=True, may_post=frozenset({role}))


def seekers_post(args: Callable[..., dict[str, Any]]) -> Row:
    """A POST about Alice's own share: seekers reach the view (which finds only their own)."""
    get = {"anonymous": TO_SIGN_IN, "owner": 405, "other_seeker": 405}
    return Row(args, get | dict.fromkeys(["coach", "revoked_coach", "staff"], 403), True)


def coach_view(args: Callable[..., dict[str, Any]]) -> Row:
    """What Carol may open through Alice's share; Dave's revoked share opens nothing."""
    get = {"anonymous": TO_SIGN_IN} | dict.fromkeys(SIGNED_IN, 403)
    return Row(args, get | {"coach": 200, "revoked_coach": 404})


app = _ids(pk="application")
MATRIX: dict[str, Row] = {
    "dashboard": own_space(),
    # Applications
    "applications:list": own_space(),
    "applications:add": own_space(),
    "applications:detail": alices(app),
    "applications:edit": alices(app),
    "applications:applied_confirm": alices(app, post_only=True),
    "applications:event_confirm": alices(_ids(pk="application", event_pk="event"), post_only=True),
    "applications:delete": alices(app, post_only=True),
    "applications:event_add": alices(app, post_only=True),
    "applications:event_edit": alices(_ids(pk="application", event_pk="event")),
    "applications:event_delete": alices(_ids(pk="application", event_pk="event"), post_only=True),
    "applications:contact_add": alices(app, post_only=True),
    "applications:contacts": Row(  # moved to contacts:list; the old address redirects
        _none, {"anonymous": TO_SIGN_IN} | dict.fromkeys(SIGNED_IN, 302)
    ),
    "applications:contact_edit": alices(_ids(contact_pk="contact")),
    # Bringing in a spreadsheet: the upload waiting for a yes is Alice's alone.
    "spreadsheets:upload": own_space(),
    "spreadsheets:preview": alices(_ids(pk="sheet")),
    "spreadsheets:confirm": alices(_ids(pk="sheet"), post_only=True),
    # Rejections, steps, feedback
    "recovery:capture": own_space(),
    "recovery:good_news": own_space(post_only=True),
    "recovery:keep_all": own_space(post_only=True),
    "recovery:confirm": alices(_ids(pk="rejection"), post_only=True),
    "recovery:unfile": alices(_ids(pk="rejection"), post_only=True),
    "recovery:feedback_enough": alices(_ids(pk="rejection"), post_only=True),
    "recovery:today": own_space(),
    "recovery:calendar_download": own_space(),
    "recovery:calendar_manage": own_space(post_only=True),
    "recovery:detail": alices(_ids(pk="rejection")),
    "recovery:edit": alices(_ids(pk="rejection")),
    "recovery:reflect": alices(_ids(pk="rejection")),
    "recovery:drafts": alices(_ids(pk="rejection")),
    "recovery:next_steps": alices(_ids(pk="rejection")),
    "recovery:done": alices(_ids(pk="rejection")),
    "recovery:action": alices(_ids(pk="action"), post_only=True),
    "recovery:feedback_add": alices(app),
    "recovery:second_ask": alices(_ids(pk="feedback")),
    "recovery:second_ask_sent": alices(_ids(pk="feedback"), post_only=True),
    # Mail
    "mailbox:review": own_space(),
    "mailbox:confirm": alices(_ids(pk="review"), post_only=True),
    "mailbox:correct": alices(_ids(pk="review"), post_only=True),
    "mailbox:dismiss": alices(_ids(pk="review"), post_only=True),
    "mailbox:find": alices(_ids(pk="review")),
    "mailbox:learned": own_space(),
    "mailbox:forget": alices(_ids(pk="rule"), post_only=True),
    "mailbox:forget_label": alices(_ids(pk="label_correction"), post_only=True),
    "mailbox:forget_example": alices(_ids(pk="learned_example"), post_only=True),
    "mailbox:forget_all": own_space(post_only=True),
    # A connected mailbox: no id in the address, each person reaches only their own
    # (tests/test_mail_connection.py shows nobody else sees or checks Alice's).
    "mailbox:connection": own_space(),
    "mailbox:connection_status": fragment(),
    "mailbox:check": own_space(post_only=True),
    "mailbox:disconnect": own_space(post_only=True),
    # Insights
    "insights:index": own_space(),
    "insights:forecast": own_space(),
    "insights:themes": own_space(),
    "insights:theme_add": Row(  # the form lives on the themes page: GET goes there
        _none, {"anonymous": TO_SIGN_IN} | dict.fromkeys(SIGNED_IN, 302)
    ),
    "insights:retag": own_space(post_only=True),
    "insights:theme_edit": alices(_ids(slug="theme")),
    "insights:theme_delete": alices(_ids(slug="theme")),
    "insights:tag_remove": alices(_ids(pk="tag"), post_only=True),
    "insights:tag_confirm": alices(_ids(pk="tag"), post_only=True),
    "insights:tag_add": alices(
        lambda ids, role: {"kind": "feedback", "pk": ids["feedback"]}, post_only=True
    ),
    "insights:wins": own_space(),
    "insights:silence_rules": own_space(post_only=True),
    "insights:mark_ghosted": alices(app, post_only=True),
    # Looking after yourself: the help pages open for anyone, signed in or not
    "wellbeing:hub": own_space(),
    "wellbeing:help_now": public(),
    "wellbeing:professional": public(),
    "wellbeing:checkin": own_space(),
    "wellbeing:gentle": own_space(post_only=True),
    "wellbeing:exercises": own_space(),
    "wellbeing:exercise": own_space(lambda ids, role: {"slug": "face-a-fear"}),
    "wellbeing:fear_action": alices(_ids(pk="fear"), post_only=True),
    "wellbeing:ikigai_goals": alices(_ids(pk="ikigai"), post_only=True),
    "wellbeing:goals": own_space(),
    "wellbeing:goal": alices(_ids(pk="goal"), post_only=True),
    # Keeping in touch
    "contacts:list": own_space(),
    "contacts:detail": alices(_ids(pk="contact")),
    "contacts:checked_in": alices(_ids(pk="contact"), post_only=True),
    "contacts:later": alices(_ids(pk="contact"), post_only=True),
    "contacts:exchange_add": alices(_ids(pk="contact"), post_only=True),
    "contacts:rhythm": alices(_ids(pk="contact"), post_only=True),
    "contacts:thank_you": alices(_ids(event_pk="interview"), post_only=True),
    # Practice, applying again, the week
    "practice:session": own_space(),
    "practice:rate": alices(_ids(pk="card"), post_only=True),
    "practice:question_add": own_space(post_only=True),
    "practice:upcoming_add": own_space(post_only=True),
    "reapply:list": own_space(),
    "reapply:detail": alices(_ids(pk="cooldown")),
    "reapply:months": alices(_ids(pk="cooldown"), post_only=True),
    "reapply:reopened": alices(_ids(pk="cooldown"), post_only=True),
    # Alice is sent on to the rejection's cool-down; nobody else finds the rejection.
    "reapply:for_rejection": Row(
        _ids(rejection_pk="rejection"),
        alices(_ids(rejection_pk="rejection")).get | {"owner": 302},
    ),
    "weekly:week": own_space(),
    # Everyone signed in downloads their own data, and only their own (tests/test_export.py).
    "portability:download": own_space(post_only=True),
    # Hosted: a worker makes the zip; each person asks for and downloads only their own.
    "portability:prepare": own_space(post_only=True),
    "portability:prepared_status": fragment(),
    "portability:prepared_download": Row(
        _none, {"anonymous": TO_SIGN_IN} | dict.fromkeys(SIGNED_IN, 405), post_only=True
    ),
    # Accounts
    "accounts:sign_in": public(signed_in_gets=302),
    "accounts:sign_in_link": everyone(404, _ids(token="sign_in_token")),  # local mode only
    "accounts:sign_out": own_space(post_only=True),
    "accounts:settings": own_space(),
    # Everyone signed in may delete their own data (never anyone else's: no id in it).
    "safekeeping:forget": own_space(),
    "accounts:sign_as": own_space(post_only=True),
    "accounts:password_change": own_space(),
    "accounts:password_reset": public(),
    "accounts:password_reset_sent": public(),
    # A valid link redirects once to a page without the secret in its address.
    "accounts:password_set": everyone(302, _ids(uidb64="uid", token="reset_token")),
    # Seekers never need the second step; staff and coaches are past it already.
    "accounts:two_factor_setup": Row(
        _none,
        {"anonymous": TO_SIGN_IN}
        | dict.fromkeys(SIGNED_IN, 200)
        | dict.fromkeys(["coach", "revoked_coach", "staff"], 302),
    ),
    "accounts:two_factor_verify": Row(
        _none,
        {"anonymous": TO_SIGN_IN}
        | dict.fromkeys(SIGNED_IN, 302)
        | dict.fromkeys(["coach", "revoked_coach", "staff"], 200),
    ),
    "accounts:people": for_role("staff"),
    "accounts:person_link": post_for_role("staff", _ids(pk="person")),
    "accounts:person_role": post_for_role("staff", _ids(pk="person")),
    "accounts:person_active": post_for_role("staff", _ids(pk="person")),
    "accounts:person_second_factor": post_for_role("staff", _ids(pk="person")),
    # Sharing: the seeker's side
    "coaching:sharing": for_role("seeker", owner=200, other_seeker=200),
    "coaching:share_parts": seekers_post(_ids(pk="share")),
    "coaching:share_items": Row(
        _ids(pk="share"),
        {"anonymous": TO_SIGN_IN, "owner": 200, "other_seeker": 404}
        | dict.fromkeys(["coach", "revoked_coach", "staff"], 403),
    ),
    "coaching:share_revoke": seekers_post(_ids(pk="share")),
    "coaching:note_answer": seekers_post(_ids(pk="note")),
    # Sharing: the coach's side
    "coaching:caseload": for_role("coach", revoked_coach=200),
    "coaching:person": coach_view(_coach_ids(pk="share")),
    "coaching:application": coach_view(
        lambda ids, role: _coach_ids(pk="share")(ids, role) | {"app_pk": ids["application"]}
    ),
    "coaching:insights": coach_view(_coach_ids(pk="share")),
    "coaching:report": coach_view(_coach_ids(pk="share")),
    "coaching:item": coach_view(_coach_ids(pk="share", item_pk="item")),
    # A calendar app holds the address itself: the token is the key, whoever asks.
    "calendar_feed": everyone(200, _ids(token="calendar")),
}


# --- The admin: staff only, and past their second step -------------------------------------


def _admin_rows() -> Iterator[tuple[str, Row]]:
    """A row for each page the admin makes for a registered model, with a real id."""
    not_staff = {"anonymous": 302} | dict.fromkeys(SIGNED_IN[:-1], 302)
    for model, model_admin in admin.site._registry.items():
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        adds = model_admin.has_add_permission(_staff_request())
        yield f"{prefix}_changelist", Row(_none, not_staff | {"staff": 200})
        yield f"{prefix}_add", Row(_none, not_staff | {"staff": 200 if adds else 403})
        by_id = _object_id(model)
        for page in ("change", "history", "delete"):
            status = 200 if by_id[1] else 302  # a model with no rows: back to the index
            if (
                page == "delete"
                and by_id[1]
                and not model_admin.has_delete_permission(_staff_request(), None)
            ):
                status = 403
            yield f"{prefix}_{page}", Row(by_id[0], not_staff | {"staff": status})
    yield "admin:index", Row(_none, not_staff | {"staff": 200})
    yield (
        "admin:login",
        Row(_none, {"anonymous": 200} | dict.fromkeys(SIGNED_IN[:-1], 200) | {"staff": 302}),
    )
    yield (
        "admin:logout",
        Row(_none, {"anonymous": 302} | dict.fromkeys(SIGNED_IN[:-1], 302) | {"staff": 405}),
    )
    yield "admin:password_change", Row(_none, not_staff | {"staff": 200})
    yield "admin:password_change_done", Row(_none, not_staff | {"staff": 200})
    yield "admin:autocomplete", Row(_none, not_staff | {"staff": 403})
    yield "admin:jsi18n", Row(_none, not_staff | {"staff": 200})
    yield (
        "admin:view_on_site",
        Row(
            lambda ids, role: {
                "content_type_id": ContentType.objects.get_for_model(User).pk,
                "object_id": ids["person"],
            },
            not_staff | {"staff": 404},
        ),
    )
    yield "admin:None", Row(_none, not_staff | {"staff": 404}, path="/admin/no-such-page/")
    yield (
        "admin:app_list",
        Row(lambda ids, role: {"app_label": "recovery"}, not_staff | {"staff": 200}),
    )


class _StaffStub:
    is_active = is_staff = is_superuser = True

    def has_perm(self, perm: str, obj: Any = None) -> bool:
        return True


def _staff_request() -> Any:
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = _StaffStub()
    return request


def _object_id(model: type[Model]) -> tuple[Callable[..., dict[str, Any]], bool]:
    """The id of a real row when the model has one (filled in when the test runs)."""
    return (lambda ids, role: {"object_id": ids.get(f"admin:{model._meta.label}", "999999")}, True)


# --- The test ----------------------------------------------------------------------------


def _names(patterns: list[Any], namespace: str = "") -> Iterator[str]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}"


def _all_rows() -> dict[str, Row]:
    return MATRIX | dict(_admin_rows())


def test_every_url_has_a_row_in_the_matrix() -> None:
    missing = sorted(set(_names(get_resolver().url_patterns)) - set(_all_rows()))
    assert not missing, f"Decide who may open these, and add them to MATRIX: {missing}"


def _admin_ids(world: World) -> None:
    for model in admin.site._registry:
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            world.ids[f"admin:{model._meta.label}"] = first.pk


def _expected_admin_status(name: str, row: Row, world: World, role: str) -> int:
    status = row.get[role]
    if role == "staff" and status == 200 and name.endswith(("_change", "_history", "_delete")):
        label = _label_of(name)
        if label and f"admin:{label}" not in world.ids:
            return 302  # no such row: the admin says so and goes back to its index
    return status


def _label_of(name: str) -> str:
    for model in admin.site._registry:
        if name.startswith(f"admin:{model._meta.app_label}_{model._meta.model_name}_"):
            return model._meta.label
    return ""


def test_each_role_gets_exactly_what_the_matrix_says(world: World) -> None:
    _admin_ids(world)
    wrong = []
    for name, row in _all_rows().items():
        for role in ROLES:
            path = row.url(name, world.ids, role)
            status = world.clients[role].get(path).status_code
            expected = (
                _expected_admin_status(name, row, world, role)
                if name.startswith("admin:")
                else row.get[role]
            )
            if status != expected:
                wrong.append(f"{role:>13} GET {path} ({name}): {status}, expected {expected}")
    assert not wrong, "\n".join(wrong)


VALID_LOOKING = {"role": "staff", "active": "0", "theme": "core-skill", "accept": "1"}


def test_nobody_but_the_owner_can_post_to_what_is_hers(world: World) -> None:
    """POST-only addresses, posted by everyone they are not for: refused, nothing changes."""
    before = _alices_rows(world.users["owner"])
    wrong = []
    for name, row in MATRIX.items():
        if not row.post_only:
            continue
        for role in sorted(set(ROLES) - row.may_post):
            path = row.url(name, world.ids, role)
            # Valid-looking fields, so that only ownership can refuse the request.
            response = world.clients[role].post(path, VALID_LOOKING)
            refused = (403, 404) if role != "anonymous" else (TO_SIGN_IN,)
            if response.status_code not in refused:
                wrong.append(f"{role:>13} POST {path} ({name}): {response.status_code}")
    assert not wrong, "\n".join(wrong)
    assert _alices_rows(world.users["owner"]) == before
    assert Share.objects.get(pk=world.ids["share"]).active
    assert CoachNote.objects.get(pk=world.ids["note"]).answer == "waiting"


def _alices_rows(alice: User) -> dict[str, int]:
    models: list[type[Model]] = [Application, StageEvent, Contact, Action, ReviewItem, SenderRule]
    models += [ThemeTag, ExerciseEntry, Goal, Feedback, Rejection, Card, Cooldown]
    models += [LabelCorrection, LearnedExample]
    counts = {m.__name__: m._default_manager.filter(owner=alice).count() for m in models}
    counts["active"] = User.objects.filter(pk=alice.pk, is_active=True).count()
    return counts
