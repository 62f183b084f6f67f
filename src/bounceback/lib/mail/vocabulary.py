"""The word lists of ``data/words.toml`` as regular expressions (edit the TOML, not this)."""

from __future__ import annotations

import re
from typing import Final

from bounceback.lib.mail.patterns import load_data, trie_regex, whole_words, word_starts

_DATA = load_data("words")

# Sender or subject words that may mean job mail: the header prefilter never skips these.
JOB_HEADER_RE: Final = word_starts(_DATA["header_stems"])
# Subject words of receipts, deliveries, security notices and social mail.
NON_JOB_SUBJECT_RE: Final = word_starts(_DATA["not_job_subjects"])
# Job words in a body; ``findall`` gives the ones present.
JOB_BODY_RE: Final = word_starts(_DATA["body_stems"])
WEAK_JOB_STEMS: Final = frozenset(_DATA["weak_body_stems"])
# Words only job mail uses.
JOB_ONLY_RE: Final = whole_words(_DATA["job_only"])
ROLE_NOUNS: Final = tuple(_DATA["role_nouns"])
# A job title's last word (or the title itself): "Senior Engineer" is a title, not a company.
ROLE_NOUNS_RE: Final = re.compile(r"\b" + trie_regex(sorted(set(ROLE_NOUNS))) + r"s?\b", re.I)
# A recruitment agency's domain label or name: when it writes about an opening, the
# employer is its client, not the agency.
AGENCY_DOMAIN_RE: Final = re.compile(
    r"recruit|staffing|resourcing|personnel|headhunt|(?<!re)search|talent"
)
AGENCY_NAME_RE: Final = re.compile(
    r"\b(?:recruitment|recruiting|recruiters|staffing|resourcing|personnel|search|headhunters|"
    r"talent(?: partners| solutions)?|executive search|consult(?:ing|ants|ancy))$",
    re.I,
)
