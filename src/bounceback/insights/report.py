"""The retrospective: a self-contained HTML page and a Markdown file to keep or share with a coach.

Private words (reflection answers, feedback texts) stay out unless asked for: the report
carries themes and counts, which say enough to talk about.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.contrib.auth.models import User
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from bounceback.errors import UserError
from bounceback.insights import charts
from bounceback.insights.charts import Chart
from bounceback.insights.funnel import Funnel, funnel, weekly_activity
from bounceback.insights.stats import ThemeRow, ThemesReport, themes_report
from bounceback.lib.days import past_problem
from bounceback.recovery.models import Action, ActionStatus, Feedback, Reflection, Win

FORMATS = ("html", "md", "both")


@dataclass
class PrivateText:
    day: date
    company: str
    role: str  # two applications to one company must not read the same
    heading: str
    text: str

    @property
    def quoted(self) -> str:
        """The text as a Markdown block quote, line by line."""
        return "\n".join(f"> {line}".rstrip() for line in self.text.splitlines())


@dataclass
class Retrospective:
    since: date
    until: date
    funnel: Funnel
    themes: ThemesReport
    done: list[tuple[date, str, str]]  # (day, title, theme name)
    wins: list[tuple[date, str]]
    include_private: bool
    private: list[PrivateText] = field(default_factory=list)
    charts: list[charts.Chart] = field(default_factory=list)
    trends: list[tuple[ThemeRow, Chart]] = field(default_factory=list)


def build(
    owner: User, *, since: date | None, today: date, include_private: bool = False
) -> Retrospective:
    if since is None:
        from bounceback.applications.models import Application

        earliest = (
            Application.objects.filter(owner=owner)
            .order_by("applied_on")
            .values_list("applied_on", flat=True)
            .first()
        )
        since = earliest or today
    if since > today:
        raise UserError(f"--since {since:%Y-%m-%d} is in the future. Use an earlier date.")
    too_old = past_problem(since, "The start of the period", today)
    if too_old:  # a week by week chart from year 1 would take a long while to draw
        raise UserError(too_old)
    result = funnel(owner, since)
    report = themes_report(owner, since, today)
    names = {r.theme.slug: r.theme.name for r in report.rows}
    done = [
        (day or since, title, names.get(theme, ""))
        for day, title, theme in Action.objects.filter(
            owner=owner, status=ActionStatus.DONE, done_on__gte=since
        )
        .order_by("done_on", "id")
        .values_list("done_on", "title", "theme")
    ]
    wins = list(
        Win.objects.filter(owner=owner, occurred_on__gte=since)
        .order_by("occurred_on", "id")
        .values_list("occurred_on", "title")
    )
    retro = Retrospective(since, today, result, report, done, wins, include_private)
    if include_private:
        retro.private = [
            PrivateText(day, company, role, "The employer said", text)
            for day, company, role, text in Feedback.objects.filter(
                owner=owner, received_on__gte=since
            )
            .order_by("received_on", "id")
            .values_list("received_on", "application__company__name", "application__role", "text")
        ] + [
            PrivateText(day, company, role, question, answer)
            for day, company, role, question, answer in Reflection.objects.filter(
                owner=owner, rejection__received_on__gte=since
            )
            .exclude(answer="")
            .order_by("rejection__received_on", "id")
            .values_list(
                "rejection__received_on",
                "rejection__application__company__name",
                "rejection__application__role",
                "question",
                "answer",
            )
        ]
    retro.trends = charts.trend_cards(report) if report.found else []
    weeks = max(1, min(52, (today - since).days // 7 + 1))
    retro.charts = [
        charts.funnel_chart(result),
        charts.themes_chart(report),
        charts.bars_chart(
            "activity",
            "Applications per week",
            "Applications sent each week in this period.",
            weekly_activity(owner, today, weeks),
            unit=("application", "applications"),
            by="week",
            today=today,
            tick_every=max(1, weeks // 6),
        ),
    ]
    return retro


def _css() -> str:
    from importlib import resources

    static = resources.files("bounceback").joinpath("static/bounceback")
    return static.joinpath("app.css").read_text("utf-8") + static.joinpath(
        "insights.css"
    ).read_text("utf-8")


def to_html(retro: Retrospective, nonce: str = "") -> str:
    """A standalone page (its styles inside it); ``nonce`` lets a served copy keep them under
    the Content-Security-Policy, which refuses inline styles without it."""
    return render_to_string(
        "insights/report.html",
        {"r": retro, "css": mark_safe(_css()), "nonce": nonce},  # noqa: S308 - our own file
    )


def to_markdown(retro: Retrospective) -> str:
    return render_to_string("insights/report.md", {"r": retro})


def write(retro: Retrospective, out: Path, fmt: str) -> list[Path]:
    """Write the chosen formats into the existing folder ``out``; returns the files written.

    A missing folder is refused rather than created, like `bounceback calendar --out`:
    a typo in the path should not scatter private reports in a new folder.
    """
    if fmt not in FORMATS:
        raise UserError(f"'{fmt}' is not a report format. Use html, md or both.")
    if not out.exists():
        raise UserError(
            f"There is no folder {out}. Create it first, or give a folder that exists with "
            "--out. Nothing was written."
        )
    if not out.is_dir():
        raise UserError(f"{out} is a file. Give a folder with --out. Nothing was written.")
    stem = f"bounceback-retrospective-{retro.until:%Y-%m-%d}"
    pages = []
    if fmt in ("html", "both"):
        pages.append((out / f"{stem}.html", to_html(retro)))
    if fmt in ("md", "both"):
        pages.append((out / f"{stem}.md", to_markdown(retro)))
    written = []
    for path, text in pages:
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            raise UserError(f"Could not write {path}: {error.strerror}.") from None
        written.append(path)
    return written
