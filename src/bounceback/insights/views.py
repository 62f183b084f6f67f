"""Insights pages: thin views over services; htmx gets fragments, plain forms get redirects."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from bounceback.applications.services import get_application
from bounceback.errors import NotFound, UserError
from bounceback.http import AuthedRequest
from bounceback.insights import charts, own_themes, services, silence, tagging
from bounceback.insights.forms import SilenceForm, ThemeForm
from bounceback.insights.funnel import STAGE_LABELS
from bounceback.insights.models import Theme, ThemeTag
from bounceback.insights.stats import ThemeRow, themes_report, wins_over_time
from bounceback.recovery.models import Win


def _charts(view: services.Overview) -> list[charts.Chart]:
    activity = charts.bars_chart(
        "activity",
        "Applications per week",
        "Applications you sent each week over the last six months.",
        view.activity,
        unit=("application", "applications"),
        by="week",
        today=view.today,
        tick_every=4,
    )
    recent = view.wins.by_month[-12:]
    wins = charts.bars_chart(
        "wins",
        "Wins per month",
        "Replies, invitations, stages passed, feedback and steps you took, by month"
        + (", over the last twelve months." if len(view.wins.by_month) > 12 else "."),
        recent,
        unit=("win", "wins"),
        by="month",
        today=view.today,
        tick_every=1,
    )
    return [charts.funnel_chart(view.funnel), charts.themes_chart(view.themes), activity, wins]


def _lately(view: services.Overview) -> list[tuple[ThemeRow, charts.Chart]]:
    """The three most mentioned themes with their sparklines, for the overview."""
    top = sorted(view.themes.found, key=lambda r: -r.total)[:3]
    return list(charts.trend_cards(view.themes, top)) if top else []


def index(request: AuthedRequest) -> HttpResponse:
    view = services.overview(request.user)
    return render(
        request,
        "insights/index.html",
        {
            "view": view,
            "charts": _charts(view),
            "lately": _lately(view),
            "stage_labels": STAGE_LABELS,
            "silence_form": SilenceForm(initial=view.silence.limits),
            "section": "index",
        },
    )


def forecast(request: AuthedRequest) -> HttpResponse:
    view = services.overview(request.user, propose=False)
    return render(request, "insights/forecast.html", {"view": view, "section": "forecast"})


def themes(request: AuthedRequest) -> HttpResponse:
    return _themes_page(request, ThemeForm())


def _themes_page(request: AuthedRequest, form: ThemeForm, status: int = 200) -> HttpResponse:
    report = themes_report(request.user)
    return render(
        request,
        "insights/themes.html",
        {
            "report": report,
            "chart": charts.themes_chart(report),
            "cards": charts.trend_cards(report),
            "own": [r for r in report.rows if not r.theme.builtin],
            "items": tagging.recent_items(request.user),
            "form": form,
            "section": "themes",
        },
        status=status,
    )


def _back(request: AuthedRequest) -> str:
    """Where a plain form goes back to: the page it was on, if it is one of ours."""
    back = request.POST.get("back", "")
    if back.startswith("/") and not back.startswith("//"):
        return back
    return reverse("insights:themes")


def _item_response(request: AuthedRequest, kind: str, pk: int) -> HttpResponse:
    if request.htmx:
        try:
            item = tagging.one_item(request.user, kind, pk)
        except NotFound:
            raise Http404("No such text.") from None
        return render(request, "insights/_tags.html", {"item": item, "back": _back(request)})
    return redirect(_back(request))


def _tag(request: AuthedRequest, pk: int) -> ThemeTag:
    try:
        return tagging.get_tag(request.user, pk)
    except NotFound:
        raise Http404("No such tag.") from None


@require_POST
def tag_remove(request: AuthedRequest, pk: int) -> HttpResponse:
    tag = tagging.remove_tag(_tag(request, pk))
    return _item_response(request, tag.kind, tag.text_id)


@require_POST
def tag_confirm(request: AuthedRequest, pk: int) -> HttpResponse:
    tag = tagging.confirm_tag(_tag(request, pk))
    return _item_response(request, tag.kind, tag.text_id)


@require_POST
def tag_add(request: AuthedRequest, kind: str, pk: int) -> HttpResponse:
    try:
        tagging.add_tag(request.user, kind=kind, pk=pk, theme=request.POST.get("theme", ""))
    except NotFound:
        raise Http404("No such text.") from None
    except UserError as error:
        if request.htmx:
            response = _item_response(request, kind, pk)
            response.headers["HX-Trigger"] = "tag-error"
            return response
        messages.error(request, str(error))
    return _item_response(request, kind, pk)


def theme_add(request: AuthedRequest) -> HttpResponse:
    form = ThemeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            theme = own_themes.add_theme(request.user, **form.cleaned_data)
        except UserError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Added “{theme.name}”. Your texts were tagged again.")
            return redirect("insights:themes")
        return _themes_page(request, form, status=400)
    if request.method == "POST":
        return _themes_page(request, form, status=400)
    return redirect("insights:themes")


def _own_theme(request: AuthedRequest, slug: str) -> Theme | HttpResponse:
    """The person's theme, a 404 for anyone else's, or back to the list for a built-in one."""
    try:
        return own_themes.get_own_theme(request.user, slug)
    except NotFound:
        raise Http404("No such theme.") from None
    except UserError as error:
        messages.error(request, str(error))
        return redirect("insights:themes")


def theme_edit(request: AuthedRequest, slug: str) -> HttpResponse:
    """GET: the form (a fragment for htmx, in place of the theme's line); POST: save it."""
    theme = _own_theme(request, slug)
    if isinstance(theme, HttpResponse):
        return theme
    # Its own ids, as htmx may put it on the page beside the "add a theme" form.
    if request.method == "POST":
        form = ThemeForm(request.POST, auto_id="edit-%s")
    else:
        form = ThemeForm.for_theme(theme.as_data(), auto_id="edit-%s")
    if request.method == "POST" and form.is_valid():
        try:
            retagged = own_themes.update_theme(theme, **form.cleaned_data)
        except UserError as error:
            form.add_error(None, str(error))
        else:
            again = " Your texts were tagged again." if retagged else ""
            messages.success(request, f"Saved “{theme.name}”.{again}")
            return redirect("insights:themes")
    context = {"theme": theme, "form": form, "section": "themes"}
    status = 400 if form.is_bound else 200
    if request.htmx and not form.is_bound:
        return render(request, "insights/_theme_edit.html", context)
    return render(request, "insights/theme_edit.html", context, status=status)


def theme_delete(request: AuthedRequest, slug: str) -> HttpResponse:
    """GET: ask first, saying what goes and what stays; POST: delete."""
    theme = _own_theme(request, slug)
    if isinstance(theme, HttpResponse):
        return theme
    if request.method == "POST":
        name = theme.name
        removed = own_themes.delete_theme(theme)
        texts = f"{removed} text{'s' if removed != 1 else ''}"
        kept = f" It came off {texts}; the texts themselves are kept." if removed else ""
        messages.success(request, f"Deleted “{name}”.{kept}")
        return redirect("insights:themes")
    return render(
        request,
        "insights/theme_delete.html",
        {"theme": theme, "tagged": own_themes.tagged_texts(theme), "section": "themes"},
    )


@require_POST
def retag(request: AuthedRequest) -> HttpResponse:
    tagging.retag_all(request.user)
    note = tagging.waiting_note(tagging.waiting_tags(request.user).count())
    messages.success(request, f"Read every text again. {note or 'Nothing new to suggest.'}")
    return redirect("insights:themes")


def wins(request: AuthedRequest) -> HttpResponse:
    page = Paginator(
        Win.objects.filter(owner=request.user).select_related("application__company"), 100
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "insights/wins.html",
        {"page": page, "summary": wins_over_time(request.user), "section": "wins"},
    )


@require_POST
def mark_ghosted(request: AuthedRequest, pk: int) -> HttpResponse:
    try:
        application = get_application(request.user, pk)
        silence.mark_ghosted(application, date.today())
    except NotFound:
        raise Http404("No such application.") from None
    except UserError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Marked as no reply: {application}. It can still come back.")
    return redirect("insights:index")


@require_POST
def silence_rules(request: AuthedRequest) -> HttpResponse:
    form = SilenceForm(request.POST)
    if not form.is_valid():
        view = services.overview(request.user, propose=False)
        return render(
            request,
            "insights/index.html",
            {
                "view": view,
                "charts": _charts(view),
                "lately": _lately(view),
                "stage_labels": STAGE_LABELS,
                "silence_form": form,
                "section": "index",
            },
            status=400,
        )
    for stage, days in form.cleaned_data.items():
        silence.set_threshold(request.user, stage, days)
    messages.success(request, "Saved how long a silence lasts at each stage.")
    return redirect("/insights/#silence")
