"""What the embedding model reads: one spelling per word (British spellings made American, place names
in the transliteration the model saw most, "Kyiv" -> "Kiev", from text written before 2022), and no
transcript speaker label.

Entry point: :func:`for_embedding`. The sentence-embedding model saw far more
"ruble" than "rouble": a tabloid's "the rouble bounced back" scored 0.43 with
"the Russian ruble gained strength", and 0.91 once spelled "ruble". Only the text
given to the model changes; every document, offset, diff and highlight keeps the
writer's spelling. The claim checks compare names and words with their own
spelling rules (:mod:`parallax.core.tokens`).

A transcript's speaker label ("OKAFOR:", "Q:") says who talks, not what happened,
and it costs a short turn much of its likeness: "OKAFOR: The man who led the
Russian side, Vladimir Medinskiy, came out to face the press" scored 0.48 with
the article's "Russia's top negotiator ... met reporters afterwards", 0.56
without the label.

May import: the standard library and ``parallax.core.tokens``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from parallax.core.tokens import SPEAKER_LABEL

# Whole words only; a capital first letter is kept ("Defence" -> "Defense").
_VARIANTS = {
    "rouble": "ruble", "roubles": "rubles", "kyiv": "kiev", "kharkiv": "kharkov", "odesa": "odessa",
    "defence": "defense", "offence": "offense", "licence": "license", "pretence": "pretense",
    "centre": "center", "centres": "centers", "centred": "centered", "metre": "meter", "metres": "meters",
    "kilometre": "kilometer", "kilometres": "kilometers", "theatre": "theater", "theatres": "theaters",
    "favour": "favor", "favours": "favors", "favoured": "favored", "favourable": "favorable",
    "honour": "honor", "honours": "honors", "honoured": "honored", "labour": "labor", "colour": "color",
    "colours": "colors", "neighbour": "neighbor", "neighbours": "neighbors", "neighbouring": "neighboring",
    "behaviour": "behavior", "rumour": "rumor", "rumours": "rumors", "armour": "armor", "armoured": "armored",
    "endeavour": "endeavor", "harbour": "harbor", "vigour": "vigor", "valour": "valor",
    "programme": "program", "programmes": "programs", "catalogue": "catalog", "dialogue": "dialog",
    "travelled": "traveled", "travelling": "traveling", "cancelled": "canceled", "cancelling": "canceling",
    "labelled": "labeled", "modelled": "modeled", "fuelled": "fueled", "signalled": "signaled",
    "grey": "gray", "tyre": "tire", "tyres": "tires", "judgement": "judgment", "ageing": "aging",
    "sceptical": "skeptical", "sceptic": "skeptic", "sceptics": "skeptics", "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers", "aluminium": "aluminum", "cheque": "check", "storey": "story",
    "organisation": "organization", "organisations": "organizations", "organise": "organize",
    "organised": "organized", "recognise": "recognize", "recognised": "recognized", "realise": "realize",
    "realised": "realized", "criticise": "criticize", "criticised": "criticized", "apologise": "apologize",
    "apologised": "apologized", "emphasise": "emphasize", "emphasised": "emphasized", "mobilise": "mobilize",
    "mobilised": "mobilized", "mobilisation": "mobilization", "stabilise": "stabilize", "authorise": "authorize",
    "authorised": "authorized", "characterise": "characterize", "characterised": "characterized",
    "analyse": "analyze", "analysed": "analyzed", "paralyse": "paralyze", "paralysed": "paralyzed",
    "normalise": "normalize", "legitimise": "legitimize", "demilitarisation": "demilitarization",
    "militarised": "militarized", "privatisation": "privatization",
}  # fmt: skip
_WORD = re.compile(r"\b(" + "|".join(sorted(_VARIANTS, key=len, reverse=True)) + r")\b", re.IGNORECASE)


# A label opening a paragraph or sentence.
_SPEAKER_LABEL = re.compile(rf"^\s*{SPEAKER_LABEL}\s*(?=\S)")


def _replace(match: re.Match[str]) -> str:
    word = match.group()
    american = _VARIANTS[word.lower()]
    if word.isupper():
        return american.upper()
    return american.capitalize() if word[:1].isupper() else american


@lru_cache(maxsize=16384)
def for_embedding(text: str) -> str:
    """``text`` with the variant spellings the model knows less well replaced by their common form."""
    return _WORD.sub(_replace, _SPEAKER_LABEL.sub("", text, count=1))
