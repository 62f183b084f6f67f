"""The app runs on its own dependencies: training-only packages stay in scripts/."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
# Where a distribution's import name differs from its name on the package index.
IMPORT_NAMES = {"scikit-learn": "sklearn"}


def _train_only_modules() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = [Requirement(spec).name.lower() for spec in project["dependency-groups"]["train"]]
    return {IMPORT_NAMES.get(name, name.replace("-", "_")) for name in names}


def _imported_modules(path: Path) -> set[str]:
    """Top-level names of every import in the file, those inside functions included."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


def test_the_app_never_imports_a_package_of_the_train_group() -> None:
    train_only = _train_only_modules()
    assert "sklearn" in train_only
    offenders = {
        str(path.relative_to(ROOT)): sorted(_imported_modules(path) & train_only)
        for path in sorted((ROOT / "src").rglob("*.py"))
        if _imported_modules(path) & train_only
    }
    assert offenders == {}


def test_the_training_script_says_how_to_run_it_with_its_group() -> None:
    script = ROOT / "scripts" / "train_mail_model.py"
    doc = ast.get_docstring(ast.parse(script.read_text(encoding="utf-8"))) or ""
    assert "uv run --group train python scripts/train_mail_model.py" in doc
