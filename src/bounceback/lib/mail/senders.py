"""Who sends job-search e-mail: the domain lists of ``data/senders.toml`` as Python sets.

Edit the TOML file, not this module: a list kept in code is how ``mail.com`` once became
an applicant-tracking system (a domain wrapped over a line break).
"""

from __future__ import annotations

import re
from typing import Final

from bounceback.lib.mail.patterns import load_data, trie_regex

_DATA = load_data("senders")

JOB_BOARD_DOMAINS: Final = frozenset(_DATA["job_boards"])
# Job boards count as tracking systems: their mail is job mail and their domain and
# display name are never the employer nor a person.
ATS_DOMAINS: Final = frozenset(_DATA["ats"]) | JOB_BOARD_DOMAINS
FREEMAIL_DOMAINS: Final = frozenset(_DATA["freemail"])
SHARED_EMPLOYER_DOMAINS: Final = frozenset(_DATA["shared_employer"])
NON_JOB_DOMAINS: Final = frozenset(_DATA["not_job"])
ATS_NAMES: Final = frozenset(_DATA["vendor_names"])
NO_REPLY_RE: Final = re.compile(
    "^" + trie_regex(sorted(_DATA["robot_mailboxes"])) + r"(?![a-z0-9])", re.I
)
