"""Charts as inline SVG built from the person's own numbers: no JavaScript, no CDN.

Each chart comes with the same numbers as a table, shown to screen readers and to
anyone who opens "Show the numbers". Colours follow app.css (accent #2f6f62).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from html import escape

from django.utils.safestring import SafeString, mark_safe

from bounceback.insights.funnel import MIN_FOR_RANGE, STAGE_LABELS, Funnel
from bounceback.insights.stats import REACHED_LABELS, ThemeRow, ThemesReport
from bounceback.insights.trend import times
from bounceback.lib import humanize

ACCENT = "#2f6f62"
INK = "#23302c"
MUTED = "#5f6b67"
LINE = "#dfe3df"
SOFT = "#e8f1ee"
# Stage shades from light (early) to the accent (late); "not sure" in grey.
STAGE_SHADES = {
    "application": "#b5d6cd",
    "screen": "#7fb5a8",
    "interview": "#4f8f80",
    "final": ACCENT,
    "unknown": "#c9cecb",
}
# What the employer said and what the person noted, as on the tags (insights.css).
EMPLOYER = "#4f8f80"
SELF = "#a0917a"
FONT = 'font-family="system-ui, sans-serif"'


@dataclass
class Chart:
    key: str
    title: str
    caption: str
    label: str  # aria-label: the chart's message in one sentence
    svg: SafeString
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


def _svg(width: int, height: int, body: str, label: str) -> SafeString:
    return mark_safe(  # noqa: S308 - every value inside is escaped or numeric
        f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg" '
        f'preserveAspectRatio="xMinYMin meet" class="chart-svg">{body}</svg>'
    )


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def funnel_chart(result: Funnel) -> Chart:
    """Stepped bars: how many applications got at least this far, and the share that went on."""
    width, bar_h, gap, left = 420, 28, 30, 100
    top = max(result.reached.values(), default=0) or 1
    parts: list[str] = []
    y = 8
    stages = list(result.reached)
    for index, stage in enumerate(stages):
        n = result.reached[stage]
        w = max(2.0, (width - left - 60) * n / top)
        parts.append(
            f'<text x="{left - 8}" y="{y + bar_h / 2 + 5}" text-anchor="end" font-size="15" '
            f'fill="{INK}" {FONT}>{escape(STAGE_LABELS[stage])}</text>'
            f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" rx="5" '
            f'fill="{ACCENT if index else "#7fb5a8"}"/>'
            f'<text x="{left + w + 8:.1f}" y="{y + bar_h / 2 + 5}" font-size="15" '
            f'font-weight="600" fill="{INK}" {FONT}>{n}</text>'
        )
        y += bar_h
        if index < len(result.steps):
            step = result.steps[index]
            parts.append(
                f'<text x="{left + 4}" y="{y + gap / 2 + 5}" font-size="13" fill="{MUTED}" '
                f"{FONT}>↓ {escape(step.words)}</text>"
            )
            y += gap
    label = ", ".join(f"{STAGE_LABELS[s]}: {result.reached[s]}" for s in stages)
    rows = [
        [
            step.label,
            f"{step.went_on} of {step.decided}",
            _pct(step.rate),
            step.range_text,
        ]
        for step in result.steps
    ]
    return Chart(
        "funnel",
        "How far your applications got",
        "Each bar counts applications that got at least that far. Between bars: the share "
        "that went on, among those with an answer, and the range it likely lies in (80%), "
        f"once at least {MIN_FOR_RANGE} have an answer at that step.",
        f"Funnel. {label}.",
        _svg(width, y + 8, "".join(parts), f"Funnel. {label}."),
        ["Step", "Went on", "Share", "Likely range (80%)"],
        rows,
    )


def themes_chart(report: ThemesReport, limit: int = 8) -> Chart:
    """Stacked bars: each theme's rejections, coloured by the stage they came at."""
    found = sorted(report.found, key=lambda r: (-r.applications, -r.total))[:limit]
    # Names sit above their bars so long ones stay whole, on a phone too.
    width, bar_h, label_h, gap = 420, 16, 17, 10
    top = max((r.applications for r in found), default=0) or 1
    order = list(STAGE_SHADES)
    parts: list[str] = []
    y = 4
    for row in found:
        parts.append(
            f'<text x="0" y="{y + 13}" font-size="14" fill="{INK}" {FONT}>'
            f"{escape(row.theme.name)}</text>"
        )
        y += label_h
        x = 0.0
        for stage in order:
            n = row.by_stage.get(stage, 0)
            if not n:
                continue
            w = (width - 40) * n / top
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" '
                f'fill="{STAGE_SHADES[stage]}"><title>{escape(REACHED_LABELS[stage])}: '
                f"{humanize.plural(n, 'application')}</title></rect>"
            )
            x += w
        parts.append(
            f'<text x="{x + 6:.1f}" y="{y + bar_h - 3}" font-size="14" fill="{INK}" '
            f"{FONT}>{row.applications}</text>"
        )
        y += bar_h + gap
    legend_x = 0
    for stage in order:
        step = 24 + 8 * len(REACHED_LABELS[stage])
        if legend_x + step > width:  # wrap the legend rather than cut it off
            legend_x, y = 0, y + 20
        parts.append(
            f'<rect x="{legend_x}" y="{y + 4}" width="12" height="12" rx="2" fill="{STAGE_SHADES[stage]}"/>'
            f'<text x="{legend_x + 17}" y="{y + 15}" font-size="13" fill="{MUTED}" {FONT}>'
            f"{escape(REACHED_LABELS[stage])}</text>"
        )
        legend_x += step
    label = (
        "; ".join(
            f"{r.theme.name}: {humanize.plural(r.applications, 'application')}" for r in found
        )
        or "none yet"
    )
    stages_used = [s for s in order if any(r.by_stage.get(s) for r in found)]
    return Chart(
        "themes",
        "Themes by the stage they came up at",
        "Counted in applications: each bar is how many applications a theme came up for (in "
        "feedback or your own notes), once each however many texts mention it, split by how "
        "far you had got. Only themes you confirmed are counted."
        + (f" {report.waiting_note}" if report.waiting else ""),
        f"Themes by stage. {label}.",
        _svg(width, y + 24, "".join(parts), f"Themes by stage. {label}."),
        ["Theme", *[REACHED_LABELS[s] for s in stages_used], "Applications"],
        [
            [
                r.theme.name,
                *[str(r.by_stage.get(s, 0)) for s in stages_used],
                str(r.applications),
            ]
            for r in found
        ],
    )


def bars_chart(
    key: str,
    title: str,
    caption: str,
    points: list[tuple[date, int]],
    *,
    unit: tuple[str, str],
    by: str,
    today: date,
    tick_every: int,
) -> Chart:
    """Vertical bars over time (applications per week, wins per month).

    ``points`` must be continuous (empty weeks or months included), so a gap reads as a
    gap. ``unit`` is (one, many), e.g. ("win", "wins"); ``by`` is "week" or "month".
    When any bar is outside this year, the year is written under the first tick and
    wherever it changes, so two autumns never read as one.
    """
    one, many = unit
    width, bottom, top_pad = 420, 22, 18
    show_years = any(day.year != today.year for day, _ in points)
    height = 140 + (14 if show_years else 0)
    axis = height - bottom - (14 if show_years else 0)  # where the bars stand
    top = max((n for _, n in points), default=0) or 1
    slot = width / max(1, len(points))

    def full(day: date) -> str:  # for tooltips and the table
        return humanize.month_label(day, today) if by == "month" else humanize.day_label(day, today)

    def tick(day: date) -> str:  # under the axis; the year goes on its own line
        return f"{day:%b}" if by == "month" else f"{day.day} {day:%b}"

    def left(index: int) -> float:
        return index * slot + slot * 0.15

    # ~7 units a character at this size: a label that would run off the edge is left out.
    ticks = [
        i
        for i, (day, _) in enumerate(points)
        if i % tick_every == 0 and left(i) + 7 * len(tick(day)) <= width
    ]
    years_at: set[int] = set()
    if show_years:
        previous = None
        for i in ticks:
            if points[i][0].year != previous:
                years_at.add(i)
                previous = points[i][0].year
        # "Dec | Jan 2026" says enough: a year under the first tick would collide with the
        # next one when a new year starts right after it.
        later = sorted(years_at - {ticks[0]})
        if later and (later[0] - ticks[0]) * slot < 45:
            years_at.discard(ticks[0])
    parts = [f'<line x1="0" y1="{axis}" x2="{width}" y2="{axis}" stroke="{LINE}"/>']
    for index, (day, n) in enumerate(points):
        h = (axis - top_pad) * n / top
        x = left(index)
        if n:
            parts.append(
                f'<rect x="{x:.1f}" y="{axis - h:.1f}" width="{slot * 0.7:.1f}" '
                f'height="{h:.1f}" rx="3" fill="{ACCENT}"><title>{escape(full(day))}: '
                f"{escape(humanize.plural(n, one, many))}</title></rect>"
            )
            if len(points) <= 12 or n == top:
                parts.append(
                    f'<text x="{x + slot * 0.35:.1f}" y="{axis - h - 4:.1f}" '
                    f'text-anchor="middle" font-size="12" fill="{MUTED}" {FONT}>{n}</text>'
                )
        if index in ticks:
            parts.append(
                f'<text x="{x:.1f}" y="{axis + 16}" font-size="12" fill="{MUTED}" {FONT}>'
                f"{escape(tick(day))}</text>"
            )
            if index in years_at:
                parts.append(
                    f'<text x="{x:.1f}" y="{axis + 30}" font-size="12" font-weight="600" '
                    f'fill="{MUTED}" {FONT}>{day.year}</text>'
                )
    total = sum(n for _, n in points)
    span = f" from {full(points[0][0])} to {full(points[-1][0])}" if points else ""
    label = (
        f"{title}: {humanize.plural(total, one, many)} in {humanize.plural(len(points), by)}{span}, "
        f"at most {top} in one."
    )
    return Chart(
        key,
        title,
        caption,
        label,
        _svg(width, height, "".join(parts), label),
        [by.capitalize(), many.capitalize()],
        [[full(day), str(n)] for day, n in points],
    )


def trend_chart(row: ThemeRow, top: int, kind: str) -> Chart:
    """Two rows of small bars over the search: the employer above, the person's notes below.

    ``top`` is shared by every theme on the page, so bars compare across the small
    multiples (a theme mentioned twice never looks as big as one mentioned twenty times).
    """
    periods = row.periods
    width, left, row_h, gap, axis = 300, 64, 24, 8, 16
    slot = (width - left) / max(1, len(periods))
    top = max(top, 1)
    parts: list[str] = []
    lines = [
        ("Employer", EMPLOYER, [p.employer for p in periods]),
        ("You", SELF, [p.self_noted for p in periods]),
    ]
    for index, (name, colour, counts) in enumerate(lines):
        base = index * (row_h + gap) + row_h
        parts.append(
            f'<text x="0" y="{base - 4}" font-size="12" fill="{MUTED}" {FONT}>{name}</text>'
            f'<line x1="{left}" y1="{base + 0.5}" x2="{width}" y2="{base + 0.5}" stroke="{LINE}"/>'
        )
        for i, (period, n) in enumerate(zip(periods, counts, strict=True)):
            if not n:
                continue
            h = max(2.0, (row_h - 2) * n / top)
            parts.append(
                f'<rect x="{left + i * slot + slot * 0.15:.1f}" y="{base - h:.1f}" '
                f'width="{max(1.0, slot * 0.7):.1f}" height="{h:.1f}" rx="1.5" fill="{colour}">'
                f"<title>{escape(period.label)}: {name.lower()} {n}</title></rect>"
            )
    height = 2 * row_h + gap + axis
    if periods:
        first, last = periods[0].label, periods[-1].label
        parts.append(
            f'<text x="{left}" y="{height - 2}" font-size="11" fill="{MUTED}" {FONT}>'
            f"{escape(first)}</text>"
        )
        if len(periods) > 1:
            parts.append(
                f'<text x="{width}" y="{height - 2}" text-anchor="end" font-size="11" '
                f'fill="{MUTED}" {FONT}>{escape(last)}</text>'
            )
    span = f"{periods[0].label} to {periods[-1].label}" if periods else "no dates yet"
    label = (
        f"{row.theme.name} by {kind}, {span}: the employer said it "
        f"{times(row.employer)}, you noted it {times(row.self_noted)}."
    )
    if row.summary:
        label += f" {row.summary}"
    return Chart(
        f"trend-{row.theme.slug}",
        f"{row.theme.name} over time",
        row.summary,
        label,
        _svg(width, height, "".join(parts), label),
        [kind.capitalize(), "The employer said", "You noted"],
        [[p.label, str(p.employer), str(p.self_noted)] for p in periods],
    )


def trend_top(report: ThemesReport) -> int:
    """The largest bar on the page, so every theme is drawn to the same scale."""
    return max((max(p.employer, p.self_noted) for r in report.found for p in r.periods), default=1)


def trend_cards(
    report: ThemesReport, rows: list[ThemeRow] | None = None
) -> list[tuple[ThemeRow, Chart]]:
    """Each theme found (or the ``rows`` given) with its sparkline, all on one scale."""
    top = trend_top(report)
    return [(r, trend_chart(r, top, report.period_kind)) for r in (rows or report.found)]
