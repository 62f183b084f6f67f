"""The table of kinds in ``docs/export-format.md``, written from the models themselves.

``scripts/export_format_doc.py`` puts it in the document; a test fails when the document
and the models disagree, so the format's description cannot fall behind the code.
"""

from __future__ import annotations

from bounceback.portability.kinds import LEFT_OUT, NOT_RESTORED, Kind, kinds

START = "<!-- kinds: written by scripts/export_format_doc.py, do not edit by hand -->"
END = "<!-- end of kinds -->"


def _field_line(kind: Kind, name: str, type_name: str) -> str:
    notes = []
    if name in kind.references:
        notes.append(f"id of a `{kind.references[name]}`")
    if name in kind.many:
        notes.append(f"list of ids of `{kind.many[name]}`")
    if name in kind.private_fields:
        notes.append("**private**")
    if name in NOT_RESTORED.get(kind.label, ()):
        notes.append("exported, not restored")
    said = f" — {', '.join(notes)}" if notes else ""
    return f"- `{name}` ({type_name}){said}"


def kind_section(kind: Kind) -> str:
    lines = [f"### `{kind.label}` — {kind.name}", ""]
    if kind.description:
        lines += [kind.description, ""]
    lines.append(f"CSV: `csv/{kind.csv_name}`")
    lines.append("")
    for f in kind.fields:
        lines.append(_field_line(kind, f.name, f.get_internal_type()))
    for name in kind.many:
        lines.append(_field_line(kind, name, "ManyToManyField"))
    if kind.attached:
        where = f"`{kind.attached.folder}/<id>{kind.attached.suffix}`"
        lines.append(
            _field_line(kind, kind.attached.name, "file name")
            + f" — {where} in the zip, or null (`{kind.attached.model}`)"
        )
    return "\n".join(lines)


def kinds_markdown() -> str:
    """Every exported kind with its fields, then what is left out and why."""
    parts = [START, ""]
    parts += [kind_section(kind) + "\n" for kind in kinds()]
    parts.append("### Left out, and why\n")
    parts += [f"- `{label}`: {reason}" for label, reason in LEFT_OUT.items()]
    parts += ["", END]
    return "\n".join(parts)


def with_kinds(document: str) -> str:
    """The document with its table of kinds replaced by the current one."""
    head, start, rest = document.partition(START)
    _, end, tail = rest.partition(END)
    if not start or not end:
        raise ValueError(f"the document has no {START} … {END} section")
    return head + kinds_markdown() + tail
