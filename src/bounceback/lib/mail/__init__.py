"""Reading mailboxes and recognising job-search e-mail. No Django in here."""
