"""Which language a message is written in, from its commonest small words.

The recogniser reads English, French, German, Spanish and Dutch (its phrase cues and
training mail cover them); mail in another language goes to review with the reason
"I can't read this language well" rather than being filed on a guess.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

READABLE: Final = frozenset({"en", "fr", "de", "es", "nl"})
UNKNOWN: Final = "unknown"

# Small words that are common in one language and rare in the others. A word shared by
# two languages ("de", "en", "die") counts for both; the counts still tell them apart.
_STOPWORDS: Final = {
    "en": "the and you your we to of for with is this our have be will not thank that are "
    "in on at as it from by an has been would please if us any",
    "fr": "le la les des nous vous votre vos pour avec est une et pas que sur dans du au aux "
    "ce cette sont été avons nos merci ne candidature",
    "de": "der die das und sie ihre ihr wir nicht mit für zu ist eine den dem uns ein auch "
    "wenn bei von haben wurde leider vielen dank bewerbung",
    "es": "el la los las que y en tu su con para por una nos hemos no del al este esta muy "
    "gracias tus sus candidatura puesto",
    "nl": "de het een en je jij u uw we wij van voor met niet is op dat ons bij naar ook "
    "zijn hebben wordt graag bedankt sollicitatie",
    "it": "il di che per con non la sono della vostra grazie nostra siamo candidatura "
    "posizione abbiamo",
    "pt": "de que não para com uma você os seu sua obrigado vaga candidatura nossa estamos",
    "sv": "och att det för med som inte är vi du din till har tack ansökan tjänsten",
    "da": "og at det for med som ikke er vi du din til har tak ansøgning stillingen",
    "no": "og at det for med som ikke er vi du din til har takk søknad stillingen",
    "pl": "i w na że nie się z do jest dla pan pani dziękujemy aplikacje stanowisko",
    "fi": "ja on ei että se kiitos hakemuksesi tehtävään olemme",
}
_WORD: Final = re.compile(r"[a-zà-öø-ÿąćęłńóśźżß]+")
_LOOKUP: dict[str, list[str]] = {}
for _language, _words in _STOPWORDS.items():
    for _word in _words.split():
        _LOOKUP.setdefault(_word, []).append(_language)


def detect(text: str, *, sample: int = 1500) -> str:
    """An ISO 639-1 code ("en", "fr", ...), or "unknown" when too few words tell."""
    counts: Counter[str] = Counter()
    words = 0
    for word in _WORD.findall(text[:sample].lower()):
        words += 1
        for language in _LOOKUP.get(word, ()):
            counts[language] += 1
    if not counts or words < 4:
        return UNKNOWN
    (best, top), *rest = counts.most_common(2) + [("", 0)]
    runner_up = rest[0][1]
    if top < 3 or top < 0.08 * words:
        return UNKNOWN
    if best in ("da", "no") and runner_up == top:
        return "no"  # Danish and Norwegian share most small words; both unread here
    return best
