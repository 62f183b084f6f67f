"""Dashboard panels for this area (see bounceback.dashboard)."""
