"""Pure helpers that need no Django: importable from scripts, benchmarks and tests alike."""
