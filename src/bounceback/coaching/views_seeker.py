"""The seeker's side: choose a coach and what they see, share items, revoke, read the log."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from bounceback.coaching import services
from bounceback.coaching.access import for_seekers
from bounceback.coaching.forms import ItemsForm, PartsForm, StartShareForm
from bounceback.coaching.models import PARTS
from bounceback.errors import UserError
from bounceback.http import AuthedRequest


@for_seekers
def sharing(request: AuthedRequest) -> HttpResponse:
    sharing_with = services.shares_of(request.user).filter(revoked_at__isnull=True)
    choices = [
        (c.pk, c.get_full_name() or c.username)
        for c in services.coaches().exclude(pk__in=sharing_with.values("coach"))
    ]
    form = StartShareForm(request.POST or None, coaches=choices)
    if request.method == "POST" and form.is_valid():
        try:
            share = services.share_with(
                request.user, form.cleaned_data["coach"], form.cleaned_data["parts"]
            )
        except UserError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"You now share with {share.coach.username}.")
            return redirect("coaching:sharing")
    shares = list(services.shares_of(request.user).prefetch_related("openings", "notes"))
    return render(
        request,
        "coaching/sharing.html",
        {
            "form": form,
            "active": [s for s in shares if s.active],
            "ended": [s for s in shares if not s.active],
            "parts": PARTS,
            "has_coaches": bool(choices),
        },
    )


@for_seekers
@require_POST
def share_parts(request: AuthedRequest, pk: int) -> HttpResponse:
    share = services.own_share(request.user, pk)
    form = PartsForm(request.POST)
    if share.active and form.is_valid():
        services.set_parts(share, form.cleaned_data["parts"])
        messages.success(request, f"Saved what {share.coach.username} can see.")
    return redirect("coaching:sharing")


@for_seekers
@require_POST
def share_revoke(request: AuthedRequest, pk: int) -> HttpResponse:
    share = services.own_share(request.user, pk)
    services.revoke(share)
    messages.success(
        request, f"You've stopped sharing with {share.coach.username}. They can't see anything now."
    )
    return redirect("coaching:sharing")


@for_seekers
def share_items(request: AuthedRequest, pk: int) -> HttpResponse:
    """Private words, chosen one by one: nothing here is ticked unless the seeker ticked it."""
    share = services.own_share(request.user, pk)
    items = services.shareable_items(request.user)
    choices = [(f"{item.kind}:{item.pk}", item.title) for item in items]
    form = ItemsForm(request.POST or None, choices=choices)
    if request.method == "POST" and form.is_valid():
        try:
            count = services.set_items(share, form.chosen())
        except UserError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"{share.coach.username} can now read {count} of your items.")
            return redirect("coaching:sharing")
    shared = {f"{i.kind}:{i.object_id}" for i in share.items.all()}
    rows = [(item, key, key in shared) for item, (key, _) in zip(items, choices, strict=True)]
    return render(request, "coaching/share_items.html", {"share": share, "rows": rows})


@for_seekers
@require_POST
def note_answer(request: AuthedRequest, pk: int) -> HttpResponse:
    accept = request.POST.get("accept") == "1"
    note = services.answer_step(request.user, pk, accept)
    if accept:
        messages.success(request, f"Added to your steps: {note.text}")
    else:
        messages.success(request, "Declined. Your coach will see that.")
    return redirect("coaching:sharing")
