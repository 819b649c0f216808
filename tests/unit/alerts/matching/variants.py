"""Generated reposts of one team-written sentence (shared by unit and integration tests)."""

from __future__ import annotations

import random

SENTENCE = "Microsoft agrees to acquire Activision Blizzard for $68.7 billion in an all-cash deal"

UNRELATED = [
    "Microsoft's Activision Blizzard deal faces an FTC lawsuit over competition in consoles",
    "Sony warns regulators the Activision takeover would hurt PlayStation players",
    "Alphabet agrees to acquire cybersecurity startup Wiz for $32 billion in cash",
    "Activision Blizzard appoints a new chief financial officer after record quarter",
    "Nvidia shares fall after new export curbs on chips to China",
    "Microsoft cuts 10,000 jobs as cloud growth slows",
]

_PREFIXES = ["", "RT @{h}: ", "BREAKING: ", "via @{h} ", "Wow, ", "RT @{h} ", "Huge news: "]
_SUFFIXES = [
    "",
    " 🔥",
    " 🚀🚀",
    " #MSFT #gaming",
    " https://t.co/{r}?utm_source=twitter",
    " (via @{h})",
    "!!!",
    " 😮",
    " cc @{h}",
]
_AMOUNTS = ["$68.7 billion", "$69 billion", "$68.7billion", "$ 68.7 billion"]
_FILLER = ["really", "reportedly", "officially", "finally", "just"]
CONTENT_EXTRAS = ["gaming", "giant", "shock", "record", "console", "xbox", "landmark", "mega"]


def reposts(n: int, *, seed: int = 7, content_word: bool = False) -> list[str]:
    """``n`` variants: other handles, RT/via, emoji, URLs, case, numbers, filler words;
    with ``content_word`` also one extra content word at a random place."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        handle = f"user{rng.randrange(10**6)}"
        words = SENTENCE.replace("$68.7 billion", rng.choice(_AMOUNTS)).split()
        if rng.random() < 0.5:
            words.insert(rng.randrange(len(words) + 1), rng.choice(_FILLER))
        if content_word:
            words.insert(rng.randrange(len(words) + 1), rng.choice(CONTENT_EXTRAS))
        text = " ".join(words)
        if rng.random() < 0.3:
            text = text.upper() if rng.random() < 0.5 else text.lower()
        prefix = rng.choice(_PREFIXES).format(h=handle)
        suffix = rng.choice(_SUFFIXES).format(h=handle, r=f"{i:06x}")
        out.append(f"{prefix}{text}{suffix}")
    return out
