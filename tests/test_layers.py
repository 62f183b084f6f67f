"""Who may import whom: the layering of bounceback's packages, checked on every run.

This table is the source of truth for docs/architecture.md. Every ``import`` counts,
including the lazy ones inside functions: a lazy import still ties two apps together.
An app builds on the ones below it and never imports one above it; when it must, the edge
is in EXCEPTIONS with its reason, until someone removes the need (a registry filled from
``AppConfig.ready`` or a signal, as accounts' Settings sections and insights' tagging do).

Adding an import the table does not allow fails here: either it belongs (add it to the
app's row and say why in the commit) or the code belongs somewhere else.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "bounceback"

# Plain modules any app may use: errors, request types, settings helpers, redaction.
BASE = {"errors", "http", "conf", "redact", "admin_privacy", "limits"}
BUILT_ON_RECOVERY = BASE | {"lib", "accounts", "applications", "recovery"}
APPS = {
    "accounts",
    "applications",
    "recovery",
    "insights",
    "wellbeing",
    "mailbox",
    "contacts",
    "practice",
    "reapply",
    "goals",
    "coaching",
    "weekly",
    "portability",
    "safekeeping",
    "spreadsheets",
}

MAY_IMPORT: dict[str, set[str]] = {
    # Plain Python, no Django: the package itself and the few modules below every app.
    "bounceback": set(),  # the package's __init__ (its version)
    "errors": set(),
    "http": set(),
    "conf": {"errors"},  # a broken environment is one plain message
    "limits": {"errors", "lib"},  # text checked before every save, with lib's hygiene
    "redact": set(),
    "admin_privacy": set(),
    "lib": {"errors"},
    # The Django apps, lowest first.
    "accounts": BASE,
    "applications": BASE | {"lib", "accounts"},
    "recovery": BASE | {"lib", "accounts", "applications"},
    "insights": BUILT_ON_RECOVERY,
    "wellbeing": BUILT_ON_RECOVERY,
    "mailbox": BUILT_ON_RECOVERY,
    "contacts": BUILT_ON_RECOVERY | {"mailbox"},
    "practice": BUILT_ON_RECOVERY | {"insights"},
    "reapply": BUILT_ON_RECOVERY | {"insights"},
    "goals": BUILT_ON_RECOVERY | {"wellbeing"},
    "coaching": BUILT_ON_RECOVERY | {"insights", "wellbeing"},
    "weekly": BUILT_ON_RECOVERY | {"contacts", "practice"},
    # Export and restore walk every app's models through Django's registry, importing none.
    "portability": BASE | {"bounceback", "lib", "accounts"},
    # Backups, upgrades and forgetting work on the database and the data folder as a whole.
    "safekeeping": BASE | {"accounts", "applications"},
    # Bringing in a spreadsheet: rows through the applications and recovery services.
    "spreadsheets": BUILT_ON_RECOVERY,
    # The project: wiring the apps together.
    "settings": {"conf", "safekeeping"},  # the data folder made private as it is chosen
    "dashboard": BASE,  # panels are listed by dotted name and imported at run time
    "demo": BASE | {"lib"} | APPS,
    "urls": BASE | APPS | {"dashboard"},
    "wsgi": set(),
    # The command line may import anything; nothing imports it.
    "cli": BASE | {"lib", "bounceback", "demo", "wsgi"} | APPS,
}

# Imports that go up the table, each with why it is still there.
EXCEPTIONS: dict[tuple[str, str], str] = {
    ("accounts", "recovery"): "accounts/tasks.py: the daily reminder mail lists the steps due "
    "today (recovery.actions.due), lazily",
    ("applications", "recovery"): "applications/services.py: marking an application rejected "
    "confirms its rejection, and a timeline step records its win, in the same transaction",
    ("recovery", "insights"): "recovery/actions.py: steps suggested from the person's "
    "confirmed themes (insights.tagging), lazily",
    ("recovery", "weekly"): "recovery/views_today.py: the week's look-back, shown on Today "
    "on its day, lazily",
    ("recovery", "wellbeing"): "recovery/calendar.py puts goals in the calendar feed; "
    "recovery/views.py offers the help page and the check-in after a reflection",
}


def _node(parts: list[str]) -> str:
    """The table's name for ``bounceback.<parts[0]>...``: a package, a module, or the package."""
    first = parts[0] if parts else ""
    if (PACKAGE / first).is_dir() or (PACKAGE / f"{first}.py").is_file():
        return first
    return "bounceback"  # ``from bounceback import __version__``


def _imports(path: Path) -> Iterator[str]:
    """Every bounceback node a file imports, at the top or inside a function."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
            if node.module == "bounceback":
                names = [f"bounceback.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "bounceback":
                yield _node(parts[1:])


def _owner(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else path.stem if path.stem != "__init__" else "bounceback"


def _sources() -> Iterator[Path]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def actual_imports() -> dict[tuple[str, str], list[str]]:
    """(importer, imported) -> the files that do it."""
    found: dict[tuple[str, str], list[str]] = {}
    for path in _sources():
        owner = _owner(path)
        for imported in set(_imports(path)):
            if imported != owner:
                found.setdefault((owner, imported), []).append(str(path.relative_to(PACKAGE)))
    return found


def test_every_package_and_module_has_a_row_in_the_table() -> None:
    missing = {_owner(path) for path in _sources()} - MAY_IMPORT.keys()
    assert not missing, f"add a row to MAY_IMPORT (and docs/architecture.md) for {missing}"


def test_no_package_imports_one_it_may_not() -> None:
    forbidden = {
        edge: files
        for edge, files in actual_imports().items()
        if edge[1] not in MAY_IMPORT.get(edge[0], set()) and edge not in EXCEPTIONS
    }
    assert not forbidden, "imports against the layering:\n" + "\n".join(
        f"  {a} -> {b}: {', '.join(files)}" for (a, b), files in sorted(forbidden.items())
    )


def test_every_exception_is_still_needed() -> None:
    found = actual_imports()
    stale = [edge for edge in EXCEPTIONS if edge not in found]
    assert not stale, f"these imports are gone: remove them from EXCEPTIONS: {stale}"


def test_the_table_itself_has_no_cycles() -> None:
    """Without the exceptions, the allowed imports form layers: nothing reaches itself."""

    def reaches(start: str, target: str, seen: set[str]) -> bool:
        for nxt in MAY_IMPORT.get(start, set()):
            if nxt == target or (nxt not in seen and reaches(nxt, target, seen | {nxt})):
                return True
        return False

    assert [name for name in MAY_IMPORT if reaches(name, name, {name})] == []


def test_nothing_imports_the_cli() -> None:
    assert not [edge for edge in actual_imports() if edge[1] == "cli"]


def test_lib_needs_no_django() -> None:
    django_users = [
        str(path.relative_to(PACKAGE))
        for path in (PACKAGE / "lib").rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Import | ast.ImportFrom)
        and any(
            name.split(".")[0] == "django"
            for name in (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
            )
        )
    ]
    assert django_users == []


def test_the_check_sees_lazy_imports_too(tmp_path: Path) -> None:
    source = tmp_path / "lazy.py"
    source.write_text("def f():\n    from bounceback.recovery.models import Action\n")
    assert list(_imports(source)) == ["recovery"]
