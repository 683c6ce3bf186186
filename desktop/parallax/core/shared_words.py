"""Which words two units share that few others do: the reading behind the aligner's word overlap.

Entry points: :func:`unit_words` (a unit's distinct word forms, case folded) and
:func:`rare_shared_words` (the words two units share, rarest first, by their
inverse document frequency over a set of units). ``parallax.core.lexical``
weighs whole sides with these words; the window names them for one link, so a
reader sees what ties two paragraphs together beside the similarity.

Light on purpose: the window's process calls it, and must not import numpy.

May import: the standard library, ``parallax.core.tokens``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache

from parallax.core.tokens import FUNCTION_WORDS

# A figure is one word ("30,000", "1.5"), so "30,000" and "30" are not taken for one.
_WORD = re.compile(r"\d+(?:[.,]\d+)*|\w+")


@lru_cache(maxsize=65536)
def unit_words(text: str) -> frozenset[str]:
    """The distinct word forms of ``text``, case folded ("Kyiv's" gives "kyiv" and "s"; "30,000" is one)."""
    return frozenset(word.casefold() for word in _WORD.findall(text))


def rare_shared_words(
    units: Iterable[frozenset[str]], left: frozenset[str], right: frozenset[str], most: int = 6
) -> tuple[str, ...]:
    """The words both ``left`` and ``right`` hold, rarest first over ``units`` (which should hold them
    both), at most ``most``. Words in every unit are left out, as the aligner gives them no weight, and
    so are function words ("had", "on") and single letters, which say nothing to a reader."""
    shared = {w for w in left & right if w not in FUNCTION_WORDS and len(w) > 1}
    frequency: dict[str, int] = {}
    total = 0
    for words in units:
        total += 1
        for word in words & shared:
            frequency[word] = frequency.get(word, 0) + 1
    weighed = [(math.log((total + 1) / (count + 1)), word) for word, count in frequency.items()]
    return tuple(word for weight, word in sorted(weighed, key=lambda w: (-w[0], w[1])) if weight > 0)[:most]
