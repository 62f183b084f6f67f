"""Themes of rejection: the taxonomy, and a tagger that reads meaning, not single words."""
