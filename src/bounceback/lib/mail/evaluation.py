"""How well the mail recogniser does, on every labelled set side by side.

    uv run python scripts/evaluate_mail.py              # the table
    uv run python scripts/evaluate_mail.py --json
    uv run python scripts/evaluate_mail.py --set mail-train -v   # one set's mistakes

Figures on sets the team tuned or trained on flatter; the frozen split and the blind
batches are the honest ones (see ``corpora``). Those two are only ever summed up here:
no file name, text or single mistake of theirs is printed.

What counts (``corpus/guides/mail.md`` defines labels and fields):

* **wrong without asking**: messages the importer would file on its own (a label it
  files, confidence at or above ``policy.AUTO_FILE_AT``) whose label is wrong;
* **sent to review**: of the messages read with a label the importer files, the share
  below the threshold (other job mail files nothing either way);
* **dropped**: job mail read as not job mail (the importer never shows it);
* **fields**: company, role and contact over job mail read as job mail; stage,
  feedback, reapply invitation, reapply wait and outside control over rejections read
  as rejections. A rejection whose text does not show the stage is right when read as
  the application stage ("unknown" reads as that too); an offer taken back is right
  when read as the final stage (the app has no later stage to record).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bounceback.lib.companies import company_key, role_key
from bounceback.lib.mail import analysis
from bounceback.lib.mail.corpora import Example, LabelledSet, labelled_sets, load
from bounceback.lib.mail.message import LABELS, Analysis
from bounceback.lib.mail.policy import AUTO_FILE_AT, FILE_AT, FILED, OVERRIDES

if TYPE_CHECKING:
    from bounceback.lib.mail.classifier import Model

FILED_LABELS = FILED  # the labels the importer files on an application by itself
JOB_FIELDS = ("company", "role", "contact_name")
REJECTION_FIELDS = (
    "stage",
    "has_feedback",
    "reapply_invite",
    "reapply_after_months",
    "outside_control",
)


def predict(
    examples: Sequence[Example],
    disabled: frozenset[str] = frozenset(),
    *,
    model: Model | None = None,
) -> list[Analysis]:
    """What the app concludes about each example, the same way the importer would.

    ``model`` replaces the shipped one (the training script's cross-validation).
    """
    options: dict[str, Any] = {"disabled": disabled} if disabled else {}
    if model is not None:
        options["model"] = model
    from bounceback.lib.mail.triage import UNRELATED

    mails = [e.message for e in examples if e.message is not None and not e.unrelated]
    by_mail = iter(analysis.analyse_many(mails, **options))
    out = []
    for example in examples:
        if example.pasted is not None:
            out.append(analysis.analyse_text(example.pasted, **options))
        elif example.unrelated:
            out.append(UNRELATED)
        else:
            out.append(next(by_mail))
    return out


def _prefix_match(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return bool(short) and long[: len(short)] == short


def same(name: str, expected: Any, got: Any) -> bool:
    """Whether a field was read right. Names match when their normalised forms are equal
    or one is the other plus words ("Oxbow" ~ "Oxbow Partners"), as the importer matches."""
    if name == "stage":
        expected = {"unknown": "application", "offer": "final"}.get(expected, expected)
        got = {"unknown": "application"}.get(got, got)
    if expected is None or got is None:
        return expected is None and got is None
    if name == "company":
        return _prefix_match(company_key(str(expected)), company_key(str(got)))
    if name in ("role", "contact_name"):
        return _prefix_match(role_key(str(expected)), role_key(str(got)))
    return bool(expected == got)


@dataclass
class Report:
    name: str
    use: str
    messages: int
    accuracy: float
    macro_f1: float
    f1: dict[str, float]
    support: dict[str, int]
    auto_filed: int
    wrong_auto_filed: int
    read_as_job: int  # read with a label the importer files
    sent_to_review: int
    dropped: int
    job_mail: int
    fields: dict[str, tuple[int, int]]  # name -> (right, n)
    mistakes: list[dict[str, Any]] = field(default_factory=list)

    @property
    def wrong_share(self) -> float:
        return self.wrong_auto_filed / self.auto_filed if self.auto_filed else 0.0

    @property
    def review_share(self) -> float:
        return self.sent_to_review / self.read_as_job if self.read_as_job else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "set": self.name,
            "use": self.use,
            "messages": self.messages,
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "f1": {k: round(v, 4) for k, v in self.f1.items()},
            "support": self.support,
            "auto_filed": self.auto_filed,
            "wrong_auto_filed": self.wrong_auto_filed,
            "sent_to_review": self.sent_to_review,
            "read_as_job": self.read_as_job,
            "review_share": round(self.review_share, 4),
            "dropped_job_mail": self.dropped,
            "fields": {k: {"right": r, "n": n} for k, (r, n) in self.fields.items()},
            **({"mistakes": self.mistakes} if self.mistakes else {}),
        }


def score(
    labelled: LabelledSet,
    examples: Sequence[Example],
    results: Sequence[Analysis],
    *,
    threshold: float = AUTO_FILE_AT,
    mistakes: bool = False,
) -> Report:
    pairs = list(zip(examples, results, strict=True))
    truth = [e.label for e in examples]
    got = [r.label for r in results]
    f1: dict[str, float] = {}
    support: dict[str, int] = {}
    for label in LABELS:
        tp = sum(t == label == g for t, g in zip(truth, got, strict=True))
        n_true, n_got = truth.count(label), got.count(label)
        support[label] = n_true
        if n_true or n_got:
            f1[label] = 2 * tp / (n_true + n_got)
    filed = [(e, r) for e, r in pairs if r.label in FILED_LABELS and r.confidence >= threshold]
    as_job = [r for r in results if r.label in FILED_LABELS]
    fields: dict[str, tuple[int, int]] = {}
    wrong: list[dict[str, Any]] = []
    for name in (*JOB_FIELDS, *REJECTION_FIELDS):
        scope = [
            (e, r)
            for e, r in pairs
            if name in e.row
            and (
                e.label == r.label == "rejection"
                if name in REJECTION_FIELDS
                else "not_job" not in (e.label, r.label)
            )
        ]
        right = 0
        for e, r in scope:
            if same(name, e.row[name], getattr(r, name, None)):
                right += 1
            elif mistakes:
                wrong.append(
                    {
                        "file": e.row["file"],
                        "field": name,
                        "expected": e.row[name],
                        "got": getattr(r, name, None),
                    }
                )
        fields[name] = (right, len(scope))
    if mistakes:
        wrong += [
            {
                "file": e.row["file"],
                "field": "label",
                "expected": e.label,
                "got": r.label,
                "confidence": r.confidence,
                "evidence": list(r.evidence),
            }
            for e, r in pairs
            if e.label != r.label
        ]
    return Report(
        name=labelled.name,
        use=labelled.shown_as,
        messages=len(pairs),
        accuracy=sum(t == g for t, g in zip(truth, got, strict=True)) / max(1, len(pairs)),
        macro_f1=sum(f1.values()) / max(1, len(f1)),
        f1=f1,
        support=support,
        auto_filed=len(filed),
        wrong_auto_filed=sum(e.label != r.label for e, r in filed),
        read_as_job=len(as_job),
        sent_to_review=sum(r.confidence < threshold for r in as_job),
        dropped=sum(e.label != "not_job" and r.label == "not_job" for e, r in pairs),
        job_mail=sum(e.label != "not_job" for e in examples),
        fields=fields,
        mistakes=wrong,
    )


@dataclass
class Evaluation:
    reports: list[Report]
    overrides: list[dict[str, Any]]  # per override: its name and, per set, what it changes


def evaluate(
    sets: Iterable[LabelledSet] | None = None,
    *,
    verbose: bool = False,
    overrides: bool = True,
    progress: Callable[[str], None] | None = None,
) -> Evaluation:
    """Score every set; with ``overrides``, also each override's effect (run once without it)."""
    chosen = list(labelled_sets() if sets is None else sets)
    loaded = [(s, load(s)) for s in chosen]
    reports = []
    baseline: list[list[Analysis]] = []
    for labelled, examples in loaded:
        if progress:
            progress(labelled.name)
        results = predict(examples)
        baseline.append(results)
        reports.append(
            score(labelled, examples, results, mistakes=verbose and not labelled.private)
        )
    effects: list[dict[str, Any]] = []
    for override in OVERRIDES if overrides else ():
        if progress:
            progress(f"without {override.name}")
        row: dict[str, Any] = {"override": override.name, "sets": {}}
        for (labelled, examples), base, results in zip(loaded, reports, baseline, strict=True):
            without_results = predict(examples, frozenset({override.name}))
            without = score(labelled, examples, without_results)
            row["sets"][labelled.name] = {
                "accuracy": round(base.accuracy - without.accuracy, 4),
                "wrong_avoided": without.wrong_auto_filed - base.wrong_auto_filed,
                "to_review": base.sent_to_review - without.sent_to_review,
                "changed": sum(
                    a.label != b.label for a, b in zip(results, without_results, strict=True)
                ),
            }
        effects.append(row)
    return Evaluation(reports, effects)


# --- the printed table ----------------------------------------------------------------------


def _cell(right: int, n: int) -> str:
    return f"{right / n:.3f}" if n else "-"


def table(result: Evaluation) -> str:
    """The reports side by side, one column a set."""
    reports = result.reports
    width = max([15, *(len(r.name) + 2 for r in reports)])
    lines: list[str] = []

    def line(title: str, cells: Iterable[str]) -> None:
        lines.append(f"{title:28s}" + "".join(f"{c:>{width}s}" for c in cells))

    line("", (r.name for r in reports))
    line("", (f"({r.use})" for r in reports))
    line("messages", (str(r.messages) for r in reports))
    line("accuracy", (f"{r.accuracy:.3f}" for r in reports))
    line("macro-F1", (f"{r.macro_f1:.3f}" for r in reports))
    for label in LABELS:
        line(
            f"  F1 {label}",
            (f"{r.f1[label]:.3f} ({r.support[label]})" if label in r.f1 else "-" for r in reports),
        )
    line(
        f"filed without asking (>= {AUTO_FILE_AT:.2f})",
        (f"{r.auto_filed}" for r in reports),
    )
    line(
        "  of those, wrong",
        (f"{r.wrong_auto_filed} ({r.wrong_share:.1%})" for r in reports),
    )
    line(
        "sent to review (of those filed)",
        (f"{r.sent_to_review}/{r.read_as_job} ({r.review_share:.0%})" for r in reports),
    )
    line("job mail dropped as not job", (f"{r.dropped}/{r.job_mail}" for r in reports))
    points = ", ".join(f"{label} {point:.2f}" for label, point in sorted(FILE_AT.items()))
    lines.append(f"  (each label filed from its own point, policy.FILE_AT: {points})")
    lines.append("fields (accuracy, n)")
    for name in (*JOB_FIELDS, *REJECTION_FIELDS):
        line(
            f"  {name}",
            (
                f"{_cell(*r.fields[name])} ({r.fields[name][1]})" if r.fields[name][1] else "-"
                for r in reports
            ),
        )
    if result.overrides:
        lines.append("")
        lines.append(
            "overrides, each against a run without it: accuracy gained / wrong fillings "
            "avoided / more sent to review / labels changed"
        )
        for row in result.overrides:
            line(
                f"  {row['override']}",
                (
                    "{accuracy:+.3f}/{wrong_avoided:+d}/{to_review:+d}/{changed}".format(
                        **row["sets"][r.name]
                    )
                    for r in reports
                ),
            )
    return "\n".join(lines)
