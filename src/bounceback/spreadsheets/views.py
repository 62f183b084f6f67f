"""Applications → "Bring in a spreadsheet": upload, choose what each column is, confirm."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from bounceback.errors import NotFound, UserError
from bounceback.http import AuthedRequest
from bounceback.spreadsheets import services
from bounceback.spreadsheets.columns import IGNORE
from bounceback.spreadsheets.forms import MappingForm, UploadForm
from bounceback.spreadsheets.models import SheetUpload
from bounceback.spreadsheets.plan import DateOrderNeeded, Plan
from bounceback.spreadsheets.reading import read_sheet

# Rows of each list shown on the page; the counts above them are always complete.
SHOWN = 50
SAMPLE_ROWS = 3


def upload(request: AuthedRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        sent = form.cleaned_data["file"]
        try:
            kept = services.keep_upload(request.user, sent.name or "spreadsheet.csv", sent.read())
        except UserError as error:
            form.add_error("file", str(error))
        else:
            preset = form.cleaned_data["preset"]
            return redirect(kept_url(kept, preset))
    return render(
        request, "spreadsheets/upload.html", {"form": form}, status=400 if form.errors else 200
    )


def kept_url(kept: SheetUpload, preset: str) -> str:
    from django.urls import reverse

    url = reverse("spreadsheets:preview", args=[kept.pk])
    return f"{url}?preset={preset}" if preset else url


def _upload_or_404(request: AuthedRequest, pk: int) -> SheetUpload:
    try:
        return services.get_upload(request.user, pk)
    except NotFound as error:
        raise Http404(str(error)) from None


def _context(request: AuthedRequest, kept: SheetUpload, data: Any) -> dict[str, Any]:
    """The column choices and what they would make; an error in place of the plan if they can't."""
    raw = bytes(kept.data)
    sheet = read_sheet(raw)
    chose = any(key.startswith("col_") for key in data)
    form = MappingForm(sheet.headers, data if chose else None)
    plan: Plan | None = None
    problem = ""
    needs_order = False
    if chose and not form.is_valid():
        problem = (
            " ".join(str(e) for e in form.non_field_errors()) or "Choose what each column holds."
        )
    else:
        order = form.cleaned_data.get("date_order") if chose else data.get("date_order", "")
        try:
            plan = services.preview(
                request.user,
                raw,
                preset="" if chose else str(data.get("preset", "")),
                chosen=form.chosen() if chose else None,
                date_order=order if order in ("dmy", "mdy") else None,
            )
        except DateOrderNeeded as error:
            problem, needs_order = str(error).split(" Say which")[0], True
        except UserError as error:
            problem = str(error).split(" Say which with --map")[0].split(" Leave out --preset")[0]
        if not chose:
            mapping = plan.mapping if plan else None
            initial = {
                f"col_{i}": (mapping.fields.get(i, IGNORE) if mapping else IGNORE)
                for i in range(len(sheet.headers))
            }
            form = MappingForm(sheet.headers, initial=initial | {"date_order": order or ""})
    return {
        "upload": kept,
        "form": form,
        "plan": plan,
        "problem": problem,
        "needs_order": needs_order,
        "sample": [
            [row.get(i).text for i in range(len(sheet.headers))] for row in sheet.rows[:SAMPLE_ROWS]
        ],
        "shown": SHOWN,
        "shown_slice": f":{SHOWN}",
        "minus_shown": -SHOWN,
        "guessed": [
            sheet.headers[i]
            for i, how in (plan.mapping.how.items() if plan else [])
            if how == "guess"
        ],
    }


def preview_page(request: AuthedRequest, pk: int) -> HttpResponse:
    kept = _upload_or_404(request, pk)
    context = _context(request, kept, request.GET)
    if request.htmx:
        return render(request, "spreadsheets/_plan.html", context)
    return render(request, "spreadsheets/preview.html", context)


@require_POST
def confirm(request: AuthedRequest, pk: int) -> HttpResponse:
    kept = _upload_or_404(request, pk)
    context = _context(request, kept, request.POST)
    plan = context["plan"]
    if plan is None or not plan.to_create:
        return render(request, "spreadsheets/preview.html", context, status=400)
    try:
        result = services.bring_in_upload(kept, plan)
    except UserError as error:
        context["problem"] = str(error)
        return render(request, "spreadsheets/preview.html", context, status=400)
    said = f"Brought in {result.created} application{'s' if result.created != 1 else ''}"
    if result.rejections:
        said += f", {result.rejections} with their “not selected” recorded"
    messages.success(request, said + ".")
    return redirect("applications:list")
