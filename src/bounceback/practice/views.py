"""The practice page: one card at a time, said out loud, then rated. Works without JavaScript."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from bounceback.errors import NotFound, UserError
from bounceback.http import AuthedRequest
from bounceback.practice import deck
from bounceback.practice.forms import QuestionForm, UpcomingForm
from bounceback.practice.models import Rating


def session(request: AuthedRequest) -> HttpResponse:
    return _session(request, rated=request.GET.get("rated") == "1")


def _session(request: AuthedRequest, *, rated: bool) -> HttpResponse:
    ready = deck.due(request.user)
    context = {
        "card": ready[0] if ready else None,
        "left": len(ready),
        "ratings": RATING_WORDS,
        "next_due": None if ready else deck.next_due(request.user),
        "upcoming": deck.upcoming(request.user),
        "question_form": QuestionForm(),
        "upcoming_form": UpcomingForm(),
        "rated": rated,
    }
    if request.htmx:
        return render(request, "practice/_card.html", context)
    return render(request, "practice/session.html", context)


# What each rating means for an answer said out loud.
RATING_WORDS = [
    (Rating.AGAIN, "lost my way"),
    (Rating.HARD, "got there, with effort"),
    (Rating.GOOD, "said it clearly"),
    (Rating.EASY, "could say it in my sleep"),
]


@require_POST
def rate(request: AuthedRequest, pk: int) -> HttpResponse:
    try:
        card = deck.get_card(request.user, pk)
        deck.rate(card, request.POST.get("rating", ""))
    except NotFound:
        raise Http404("No such card.") from None
    except UserError as error:
        messages.error(request, str(error))
    if request.htmx:
        return _session(request, rated=True)
    return redirect(reverse("practice:session") + "?rated=1")


@require_POST
def question_add(request: AuthedRequest) -> HttpResponse:
    form = QuestionForm(request.POST)
    if form.is_valid():
        try:
            deck.add_question(request.user, form.cleaned_data["text"])
        except UserError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Added to your deck. It's ready to practise now.")
    else:
        messages.error(request, "Write the question (up to 500 characters), then add it.")
    return redirect("practice:session")


@require_POST
def upcoming_add(request: AuthedRequest) -> HttpResponse:
    form = UpcomingForm(request.POST)
    if form.is_valid():
        try:
            deck.add_upcoming(request.user, form.cleaned_data["on"], form.cleaned_data["stage"])
        except UserError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, "Noted. In the week before it, questions for that stage come forward."
            )
    else:
        messages.error(request, "Pick the day of the interview (still to come) and its stage.")
    return redirect("practice:session")
