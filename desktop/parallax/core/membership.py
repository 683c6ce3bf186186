"""Find where one sentence counts a name among others and its partner says in words that it is not.

Entry point: :func:`membership_conflicts`. "Bilateral treaties with Western
nations, possibly including Canada" and "treaties with Western countries,
though Canada would not be one of them" disagree on Canada. The denying side
says "X would not be one of them", "X is not among them", "X will not be
part of it", "not including X" or "excluding X"; the other side names X in
its sentence and denies nothing of it. A word that opens a sentence in
capitals only ("It would not be one of them") is no name.

May import: the standard library, ``parallax.core`` modules result and tokens.
"""

from __future__ import annotations

import re
from functools import lru_cache

from parallax.core.result import Conflict
from parallax.core.tokens import FUNCTION_WORDS, Word, same_name

_NAME = r"(?P<name>[A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+){0,3})"
_DENIED = re.compile(
    _NAME + r"\s+(?:(?:would|will|is|was|could|might|may|should)\s+not|isn['’]t|wasn['’]t|won['’]t|wouldn['’]t)\s+"
    r"(?:be\s+)?(?:one\s+of|among|part\s+of|included)\b"
    r"|\b(?:not\s+including|excluding|except\s+for|but\s+not)\s+" + _NAME.replace("name", "left")
)


@lru_cache(maxsize=4096)
def _denials(text: str) -> tuple[tuple[Word, str], ...]:
    """The names ``text`` says are not among the others, each after the words that say so."""
    found = []
    for m in _DENIED.finditer(text):
        name = m.group("name") or m.group("left")
        if name.lower() in FUNCTION_WORDS:
            continue  # "It would not be one of them": a pronoun, no name
        found.append((Word(m.group(), m.start(), m.end()), name))
    return tuple(found)


def membership_conflicts(article: str, report: str) -> list[Conflict]:
    """Where one of two paired sentences says a name is not among others the other side names it with
    (kind ``negation``)."""
    conflicts = []
    for source, other, forward in ((article, report, True), (report, article, False)):
        for denial, name in _denials(source):
            if any(other_name == name for _, other_name in _denials(other)):
                continue
            last = name.split()[-1]
            named = next((m for m in re.finditer(r"[A-Z][\w'’-]+", other) if same_name(last, m.group())), None)
            if named is None:
                continue
            plain = Word(named.group(), named.start(), named.end())
            a, r = (denial, plain) if forward else (plain, denial)
            conflicts.append(Conflict.negation(a, r))
            break
    return conflicts
