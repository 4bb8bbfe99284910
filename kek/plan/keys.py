"""Stable keys of measures, projects and ideas: short, readable, unique within one concept.

An item keeps its key for life, whatever happens to its wording, position or approach; anchors,
URLs and the content file name items by it. A key is made once, from the item's words, when the
item is created without one.
"""

import re

from django.utils.text import slugify

KEY_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
MAX_LENGTH = 40
WORDS = 3


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that carry no meaning of their own in the concept's titles.
STOP_WORDS = _words(
    "der die das den dem des ein eine einer eines einem einen "
    "und oder sowie von vom zu zum zur im in am an "
    "auf aus bei fuer mit nach ueber unter durch als auch bzw "
    "bspw etc z b ggf insbesondere sich sind ist wird werden"
)
# Words that open many measures ("Sicherung …", "Umsetzung …"): left out so keys tell items apart.
GENERIC_WORDS = _words(
    "schaffung sicherung aufbau erhalt begleitung umsetzung weiterentwicklung unterstuetzung foerderung staerkung entwicklung verbesserung "
    "erhoehung pruefung einrichtung fortfuehrung kontinuierliche laufende nutzung initiierung etablierung ausbau ausweitung intensivierung "
    "optimierung"
)
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def make_key(text: str, taken: set[str]) -> str:
    """A key from the first meaningful words of `text`, not in `taken` (which it joins)."""
    words = [w for w in slugify(re.sub(r"<[^>]+>", " ", text).translate(_UMLAUTS)).split("-") if w]
    meaningful = [w for w in words if w not in STOP_WORDS | GENERIC_WORDS] or words or ["eintrag"]
    base = ""
    for word in meaningful[:WORDS]:
        candidate = f"{base}-{word}" if base else word
        if len(candidate) > MAX_LENGTH:
            break
        base = candidate
    base = base or meaningful[0][:MAX_LENGTH]
    key, number = base, 2
    while key in taken:
        key, number = f"{base}-{number}", number + 1
    taken.add(key)
    return key
