"""bounceback: turn a job rejection into your next step."""

__version__ = "0.1.0"
