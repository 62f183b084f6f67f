"""The `bounceback` command: a thin front door over the same services the web app uses."""
