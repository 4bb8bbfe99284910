"""German text for matching: folded, split into words, reduced to stems.

Why our own matching and not the database's full-text search: PostgreSQL's German configuration
does not split compounds ("Breitband" in "Breitbandversorgung", "Verbindung" in
"Busverbindungen"), and SQLite's has no stemming at all. Stemming in Python (Snowball, the same
algorithm PostgreSQL uses) and matching stems as word parts behaves the same on both databases
and finds what German readers expect. The corpus is small (hundreds to a few thousand entries),
so scanning it stays well inside the latency budget (see `make bench`).
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("german")
WORD = re.compile(r"[\w]+", flags=re.UNICODE)
MIN_INFIX = 5  # shorter stems only match at the start of a word ("ort" must not find "Sport")

STOPWORDS = frozenset(
    [
        "aber",
        "alle",
        "allem",
        "allen",
        "aller",
        "alles",
        "als",
        "also",
        "am",
        "an",
        "ander",
        "andere",
        "anderem",
        "anderen",
        "anderer",
        "anderes",
        "auch",
        "auf",
        "aus",
        "bei",
        "bin",
        "bis",
        "bist",
        "da",
        "damit",
        "dann",
        "das",
        "dass",
        "dem",
        "den",
        "der",
        "des",
        "dessen",
        "die",
        "dies",
        "diese",
        "diesem",
        "diesen",
        "dieser",
        "dieses",
        "doch",
        "dort",
        "du",
        "durch",
        "ein",
        "eine",
        "einem",
        "einen",
        "einer",
        "eines",
        "er",
        "es",
        "etwas",
        "für",
        "gegen",
        "hat",
        "hatte",
        "ich",
        "ihr",
        "im",
        "in",
        "ist",
        "ja",
        "jede",
        "jedem",
        "jeden",
        "jeder",
        "kann",
        "kein",
        "keine",
        "mit",
        "nach",
        "nicht",
        "noch",
        "nun",
        "nur",
        "ob",
        "oder",
        "ohne",
        "sehr",
        "sich",
        "sie",
        "sind",
        "so",
        "über",
        "um",
        "und",
        "uns",
        "unter",
        "viel",
        "vom",
        "von",
        "vor",
        "war",
        "waren",
        "was",
        "weil",
        "welche",
        "wenn",
        "werden",
        "wie",
        "wir",
        "wird",
        "wo",
        "zu",
        "zum",
        "zur",
        "zwischen",
    ]
)


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Lower case, ß as ss, accents off; umlauts stay for the stemmer (it knows ä and ae)."""
    text = text.lower().replace("ß", "ss")
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if unicodedata.category(c) != "Mn" or c == "\u0308")
    return unicodedata.normalize("NFC", kept)


def words(text: str) -> list[str]:
    return WORD.findall(fold(text))


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """Snowball is pure Python; the concept's vocabulary is small, so stems are remembered."""
    return _STEMMER.stemWord(word)


def terms(text: str) -> str:
    """A text as space-separated stems, with spaces at both ends for word-start matching."""
    return " " + " ".join(stem(w) for w in words(text)) + " "


def query_stems(query: str, *, limit: int = 10) -> list[str]:
    """The stems to look for: stopwords out, duplicates out, at most `limit`."""
    stems: list[str] = []
    for word in words(query[:300]):
        if word in STOPWORDS or (len(word) < 2 and not word.isdigit()):
            continue
        s = stem(word)
        if s and s not in stems:
            stems.append(s)
    return stems[:limit]


def matches(stem_: str, word_stem: str) -> bool:
    return word_stem.startswith(stem_) or (len(stem_) >= MIN_INFIX and stem_ in word_stem)
