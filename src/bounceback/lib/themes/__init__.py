"""Themes of rejection, and a tagger that reads a text for them by meaning, not single words.

Kept apart the way a small classifier project is: the taxonomy as data
(``taxonomy.py``, from ``insights/data/themes.toml``), words as the tagger sees them
(``text.py``, with its small word lists in ``words.toml``), listed phrases (``phrases.py``),
the feature space (``features.py``), the model (``model.py``) and the words it quotes as
reasons (``explain.py``), and training and evaluation outside the package
(``scripts/train_themes.py``, ``scripts/evaluate_themes.py``). No Django here.
"""

from __future__ import annotations

from collections.abc import Sequence

from bounceback.lib.themes.model import Model, shipped_model
from bounceback.lib.themes.phrases import PhraseMatcher
from bounceback.lib.themes.taxonomy import (
    Found,
    Negation,
    SuggestedAction,
    Theme,
    builtin_data,
    builtin_themes,
    skipped_questions,
    theme_from_dict,
)
from bounceback.lib.themes.text import normalise


class Tagger:
    """Suggests themes for texts: the model for the built-in themes, listed words for one's own.

    Build once, use for many texts. ``themes`` is the list a person sees (built-in ones
    first); a built-in theme left out of it is never suggested.
    """

    def __init__(self, themes: Sequence[Theme], model: Model | None = None) -> None:
        self.themes = list(themes)
        self._builtin = {t.slug for t in self.themes if t.builtin}
        self._model = model
        self._own = PhraseMatcher([t for t in self.themes if not t.builtin], builtin_data()[1])
        self._order = {t.slug: i for i, t in enumerate(self.themes)}

    @property
    def model(self) -> Model:
        return self._model or shipped_model()

    def tag(self, text: str) -> list[Found]:
        """The themes the text touches, each with the words that led to it, in list order."""
        if not text.strip():
            return []
        found = [
            Found(s.slug, s.words, round(s.probability, 3))
            for s in self.model.score(text)
            # A suggestion always shows why; one with no words to show is not made.
            if s.suggested and s.words and s.slug in self._builtin
        ]
        found += self._own.tag(text)
        return sorted(found, key=lambda f: self._order.get(f.slug, len(self._order)))


def builtin_tagger() -> Tagger:
    """The tagger with the nine built-in themes only (for scripts and evaluation)."""
    return Tagger(builtin_themes())


__all__ = [
    "Found",
    "Negation",
    "PhraseMatcher",
    "SuggestedAction",
    "Tagger",
    "Theme",
    "builtin_data",
    "builtin_tagger",
    "builtin_themes",
    "normalise",
    "skipped_questions",
    "theme_from_dict",
]
