"""Taking your data with you: `export` (one zip) and `restore` (the zip back, all or nothing)."""
