"""Word lists for the claim checks: negation cues and opposite pairs (direction and antonyms).

Entry points: :func:`negated_stems` (which words a negation governs) and
:func:`polar_words` (words that carry a direction, grouped by concept, with
their sign). Opposites are grouped into concepts ("rose" and "fell" are both
*movement*, with opposite signs) so a report saying the opposite of the
article about the same thing can be caught without a parser.

May import: the standard library, ``parallax.core.tokens``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from parallax.core.tokens import FUNCTION_WORDS, Word, stem, words

NEGATION_CUES = {"not", "n't", "never", "no", "without", "cannot", "neither", "nor", "none", "nobody", "nothing"}
# Cues that may govern a verb for the negation check ("no" and "none" mostly negate nouns).
_VERB_CUES = {"not", "never", "cannot", "neither", "nor"}
_REFUSAL_CUES = {
    "refuse", "refused", "refuses", "refusing", "decline", "declined", "declines", "declining", "fail", "failed",
    "fails", "failing",
}  # fmt: skip
# A determiner after the cue means it negates a noun phrase ("not be a ceasefire"): too loose to compare.
_DETERMINERS = {"a", "an", "the", "any", "this", "that", "these", "those", "some"}
_CONJUNCTIONS = {"and", "or", "but", "nor", "because", "while", "whereas"}
# Verbs whose negation is said of what follows them ("don't think they can" = "think they cannot").
_NEG_RAISING = {"think", "believ", "expect", "suppos", "imagin", "reckon"}
_SUBJECTS = {"they", "he", "she", "it", "we", "i", "you"}
# Words skipped between a cue and the word it governs: "did not even rule", "would not yet join".
_SKIP = {
    "be", "been", "being", "is", "are", "was", "were", "have", "has", "had", "do", "does", "did", "to", "yet",
    "even", "also", "necessarily", "immediately", "fully", "entirely", "quite", "really", "the", "a", "an",
    "totally", "completely", "actually", "ever", "simply", "just",
    "will", "would", "could", "should", "can", "may", "might", "must", "so", "much", "longer", "any",
}  # fmt: skip

# concept -> (positive forms, negative forms); regular inflections are folded by ``stem``.
_OPPOSITES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "movement": (
        (
            "rise",
            "rose",
            "risen",
            "surge",
            "climb",
            "jump",
            "soar",
            "rally",
            "gain",
            "increase",
            "grow",
            "grew",
            "grown",
            "strengthen",
            "boost",
            "higher",
            "stronger",
            "upward",
            "up",
            "spike",
            "expand",
            "improve",
            "retake",
            "earn",
            "earned",
            "regain",
            "recapture",
            "reclaim",
            "mount",  # "the toll mounts" (not "mount an attack": see _OBJECT_SENSE)
            "exceed",  # "has always exceeded" against "has always fallen short of"
            "surpass",
            "outstrip",
        ),
        (
            "fall",
            "fell",
            "fallen",
            "drop",
            "plunge",
            "tumble",
            "slump",
            "sink",
            "sank",
            "slide",
            "slid",
            "lose",
            "lost",
            "decrease",
            "shrink",
            "shrank",
            "weaken",
            "lower",
            "weaker",
            "downward",
            "down",
            "decline",
            "contract",
            "worsen",
            "deteriorate",
            "dip",
            "crash",
            "slip",
        ),
    ),
    "restriction": (("ease", "loosen", "relax", "lift", "soften"), ("tighten", "toughen", "harden", "stiffen")),
    "acceptance": (
        ("accept", "approve", "agree", "endorse", "welcome", "embrace", "support", "favour", "favor"),
        ("reject", "refuse", "oppose", "veto", "dismiss", "spurn", "rebuff", "resist"),
    ),
    "admission": (("confirm", "admit", "acknowledge", "concede"), ("deny", "dispute", "refute")),
    "advance": (
        (
            "advance",
            "escalate",
            "intensify",
            "push",
            "press",
            "reinforce",
            "attack",
            "grind",
            "grinding",
            "gather",
            "gathering",
            "gathered",
            "grab",  # "try to grab and hold as much territory" against "pull back from as much territory"
        ),
        (
            "withdraw",
            "withdrew",
            "withdrawn",
            "retreat",
            "pull",
            "de-escalate",
            "scale",
            "retire",
            "disengage",
            "falter",
            "faltered",
            "stall",
            "stalled",
        ),
    ),
    "permission": (
        ("allow", "permit", "authorise", "authorize", "legalise"),
        ("ban", "forbid", "prohibit", "bar", "block", "outlaw"),
    ),
    "opening": (("open", "reopen", "resume"), ("close", "shut", "suspend", "halt")),
    "outcome": (
        ("win", "won", "succeed", "success", "successful", "victory"),
        ("fail", "failure", "defeat", "setback", "stall", "stalled"),
    ),
    "mood": (
        ("upbeat", "optimistic", "hopeful", "positive", "encouraging", "confident", "buoyant", "cheerful"),
        ("downbeat", "pessimistic", "gloomy", "negative", "discouraging", "sombre", "somber", "grim", "bleak"),
    ),
    # How willingly something was done: "the Kremlin has reluctantly accepted" / "has readily accepted".
    "willingness": (
        ("readily", "willingly", "eagerly", "gladly", "eager", "keen"),
        ("reluctantly", "grudgingly", "unwillingly", "reluctant", "grudging", "unwilling"),
    ),
    "likelihood": (("likely", "probable", "possible", "certain"), ("unlikely", "improbable", "impossible", "doubtful")),
    # How long a state of things held: "ceasefires simply became permanent features" / "none of them lasted".
    # Not "last" ("last week", "the last round") or "lasting" ("long-lasting damage" is a harm's length).
    "permanence": (
        ("permanent", "permanently", "lasted", "durable", "enduring"),
        ("temporary", "short-lived", "fleeting"),
    ),
    # Moving forward, or back: "suggesting progress had been made" / "hinting that the process had gone
    # backwards". "Backwards" only after a verb of moving (not "backward-looking" or "bent over backwards").
    "progress": (("progress", "headway"), ("backwards", "backward", "regress", "regressed")),
    # Known for sure, or an open question: "whether it can retake land is unknown" / "is no longer in doubt"
    # (a denied doubt is a certainty).
    "certainty": (
        ("certain", "clear"),
        ("unknown", "uncertain", "unclear", "unsure", "doubt", "doubtful", "doubts", "doubted"),
    ),
    # Put first, or put off: "effectively sidelining the question" / "pushing the question to the front of
    # the agenda" (the front, top or head of an agenda: see :func:`_priority`).
    "priority": (
        ("prioritise", "prioritize", "prioritised", "prioritized", "fast-track", "expedite"),
        (
            "sideline",
            "sidelining",
            "sidelined",
            "shelve",
            "shelved",
            "shelving",
            "postpone",
            "defer",
            "deprioritise",
            "deprioritize",
        ),
    ),
    # Settled, or still open: "unresolved or frozen conflicts" / "conflicts since settled for good".
    "resolution": (("resolved", "settled", "solved"), ("unresolved", "unsettled", "unsolved")),
    "north-south": (("north", "northern", "northward"), ("south", "southern", "southward")),
    "east-west": (("east", "eastern", "eastward"), ("west", "western", "westward")),
    "share": (("majority", "most"), ("minority", "few")),
    "beginning": (
        ("begin", "began", "begun", "start", "launch", "start"),
        ("end", "stop", "finish", "conclude", "cease"),
    ),
    "legality": (("legal", "lawful", "legitimate"), ("illegal", "unlawful", "illegitimate")),
    "height": (("high", "highest"), ("low", "lowest")),
    "extent": (("maximum", "maximise", "maximize"), ("minimum", "minimise", "minimize")),
    "inclusion": (("include", "including", "included"), ("exclude", "excluding", "excluded")),
    "difficulty": (("easy", "easier", "easiest"), ("difficult", "harder", "hardest")),
    "merit": (("advantage", "benefit"), ("disadvantage", "drawback")),
    "fortune": (
        ("thrive", "thriving", "flourish", "prosper", "prosperous", "booming", "triumphant", "buoyant"),
        ("struggle", "struggling", "flounder", "ailing", "troubled", "beleaguered", "faltering", "floundering"),
    ),
    # Held to answer a charge, or cleared of it: "arrested on fraud charges" / "acquitted of fraud charges".
    "verdict": (
        ("convict", "convicted", "guilty", "arrest", "arrested", "indict", "indicted"),
        ("acquit", "acquitted", "innocent", "exonerate", "exonerated"),
    ),
    # Holding something up, or bringing it down: "a scheme to prop up the company" / "to sink the company".
    "support": (
        ("prop", "propped", "bolster", "shore", "shored", "rescue", "underpin", "buoy"),
        ("sink", "sank", "sunk", "undermine", "topple", "scuttle", "sabotage", "torpedo", "cut"),
    ),
    # Able to do it, or not: "its air force has been unable to" against "has largely managed to".
    "ability": (
        ("able", "capable", "manage", "managed", "manages"),
        ("unable", "incapable", "cannot", "can't", "can’t"),
    ),
    # Still growing, or no longer: "the toll mounts" against "the toll has begun to level off".
    "growth": (
        ("mount", "mounting", "climb", "grow", "swell", "escalate", "rise", "rose", "risen", "increase"),
        # Inflections go by the stem ("eased" as "ease"), so "ease" keeps its sense in restriction too.
        (
            "level",
            "levelled",
            "leveled",
            "levelling",
            "leveling",
            "plateau",
            "stabilise",
            "stabilize",
            "flatten",
            "ease",
            "subside",
            "abate",
            "recede",
        ),
    ),
}

# Particles that make a verb phrasal: "pull back" is a withdrawal, "pull" alone is not.
_PHRASAL = {"pull": ("back", "out"), "push": ("forward", "on", "ahead", "deeper"), "press": ("on", "ahead", "forward"),
            "scale": ("back", "down")}  # fmt: skip
_PHRASAL |= dict.fromkeys(("level", "levelled", "leveled", "levelling", "leveling"), ("off", "out"))
_PHRASAL |= dict.fromkeys(("prop", "propped", "shore", "shored"), ("up",)) | {"cut": ("off",)}
_PHRASAL |= dict.fromkeys(("grind", "grinding"), ("forward", "on", "ahead"))
_PHRASAL |= dict.fromkeys(("gather", "gathering", "gathered"), ("pace", "momentum", "speed"))
_AMBIGUOUS_WITHOUT_PARTICLE = {"up", "down", "most", "few", "end", "bar", "block", "close", "lift"}
# Verbs that carry a direction only without an object and in lower case: "the toll mounts", not "mounted
# an offensive" or "Mount Cook".
_OBJECT_SENSE = {"mount"}
_DECLINE = stem("declined")
_OBJECT_OPENERS = {"a", "an", "the", "its", "their", "his", "her", "our", "another", "fresh", "new", "any"}
_AFTER_MOTION = {"backwards", "backward"}
_MOTION = {"go", "goes", "going", "gone", "went", "move", "moves", "moving", "moved", "step", "steps", "stepped",
           "slide", "slides", "sliding", "slid", "slip", "slipped", "take", "taken", "took"}  # fmt: skip
# Adjectives that are determiners before a noun: "a certain number" says nothing of certainty, "is certain
# that" and "certain to" do.
_DETERMINER_SENSE = {"certain"}
_AFTER_PREDICATE = {"that", "to", "of", "whether", "about", "how", "what", "who", "if", "when", "why"}
# Adjectives that say certainty only before what is known: "it is clear how heavy the losses were", not "a
# clear sign", "clear skies" or "clear of mines".
_KNOWN_WHAT = {"that", "whether", "how", "what", "who", "if", "when", "why", "which", "where"}
_CERTAINTY_ONLY_BEFORE_WHAT = {"clear"}


@dataclass(frozen=True)
class PolarWord:
    """A word with a direction: ``concept`` it belongs to and ``sign`` (+1 or -1)."""

    concept: str
    sign: int
    word: Word


def _lookup() -> dict[str, list[tuple[str, int]]]:
    table: dict[str, list[tuple[str, int]]] = {}
    for concept, (positives, negatives) in _OPPOSITES.items():
        for sign, forms in ((1, positives), (-1, negatives)):
            for form in forms:
                for key in {form, stem(form)}:
                    entry = (concept, sign)
                    if entry not in table.setdefault(key, []):
                        table[key].append(entry)
    return table


_TABLE = _lookup()


_DEGREE = {"more": 1, "less": -1, "fewer": -1}
_SUPERLATIVE = {"most": 1, "least": -1}
# "The best explanation" is the most likely one: against "the least likely explanation" it is a degree of
# likelihood, only before a word for an explanation.
_BEST_OF = {"best": 1, "likeliest": 1, "unlikeliest": -1}
_EXPLANATIONS = {"explanation", "explanations", "reading", "interpretation", "guess", "bet", "account", "theory"}

# How something went: "the parts that have gone poorly" / "that have gone well", "the poor performance of the
# rest" / "which has performed well". "Well" only after a verb of going or doing, and not before a
# preposition ("went well beyond"); "poor" or "strong" only before "performance".
_PERFORMED_HOW = {"well": 1, "smoothly": 1, "successfully": 1, "poorly": -1, "badly": -1, "disastrously": -1}
_PERFORMING = {
    "go", "goes", "going", "gone", "went", "perform", "performs", "performing", "performed", "fare", "fares",
    "faring", "fared", "do", "does", "doing", "done", "did",
}  # fmt: skip
_NOT_AFTER_WELL = {"beyond", "over", "above", "below", "into", "past", "under", "ahead", "before", "after", "with",
                   "enough", "off", "known", "aware"}  # fmt: skip
_PERFORMANCE_QUALITY = {"strong": 1, "good": 1, "impressive": 1, "solid": 1, "poor": -1, "weak": -1, "bad": -1,
                        "dismal": -1, "lacklustre": -1, "lackluster": -1}  # fmt: skip


# How heavy a cost was: "at a terrible human cost" / "at a fairly light human cost", "heavy losses" / "light
# losses". Only before a word for a cost, one word apart at most.
_SEVERITY = {
    "terrible": 1, "heavy": 1, "huge": 1, "enormous": 1, "massive": 1, "staggering": 1, "devastating": 1,
    "severe": 1, "horrendous": 1, "light": -1, "modest": -1, "minimal": -1, "negligible": -1, "limited": -1,
    "slight": -1, "appalling": 1, "high": 1, "higher": 1, "heavier": 1, "small": -1, "smaller": -1, "low": -1,
    "lower": -1, "lighter": -1,
}  # fmt: skip
_COSTS = {"cost", "costs", "toll", "tolls", "losses", "casualties", "price", "damage", "bloodshed"}


def _lower_at(tokens: Sequence[Word], position: int) -> str:
    """The word at ``position`` in lower case; "" before the first word or past the last."""
    return tokens[position].lower if 0 <= position < len(tokens) else ""


def _severity(tokens: Sequence[Word], index: int) -> int:
    """The sign of how heavy a cost ``tokens[index]`` says it was; 0 where it says nothing of a cost."""
    sign = _SEVERITY.get(tokens[index].lower, 0)
    if sign and any(w.lower in _COSTS for w in tokens[index + 1 : index + 3]):
        return sign
    return 0


def _performance(tokens: Sequence[Word], index: int) -> int:
    """The sign of how something went, said by ``tokens[index]``; 0 where it says nothing of that."""
    lowered = tokens[index].lower
    following = _lower_at(tokens, index + 1)
    if lowered in _PERFORMED_HOW:
        before = {w.lower for w in tokens[max(0, index - 2) : index]}
        return _PERFORMED_HOW[lowered] if before & _PERFORMING and following not in _NOT_AFTER_WELL else 0
    if lowered in _PERFORMANCE_QUALITY and following in ("performance", "performances", "showing"):
        return _PERFORMANCE_QUALITY[lowered]
    return 0


# What something foretells: "which bodes well" / "a worrying sign for Ukraine", "a good omen" / "boded ill".
# "Well" or "ill" only after "bode"; an adjective only before a word for a sign.
_BODING = {"well": 1, "ill": -1, "badly": -1, "poorly": -1}
_OMEN_QUALITY = {
    "good": 1, "encouraging": 1, "positive": 1, "promising": 1, "hopeful": 1, "welcome": 1, "heartening": 1,
    "auspicious": 1, "bad": -1, "worrying": -1, "ominous": -1, "troubling": -1, "alarming": -1, "negative": -1,
    "grim": -1, "discouraging": -1, "disturbing": -1, "inauspicious": -1,
}  # fmt: skip
_SIGNS = {"sign", "signs", "omen", "omens", "signal", "signals", "portent", "portents", "harbinger", "augury"}


def _omen(tokens: Sequence[Word], index: int) -> int:
    """The sign of what ``tokens[index]`` says something foretells; 0 where it foretells nothing."""
    lowered = tokens[index].lower
    if lowered in _BODING and index > 0 and tokens[index - 1].lower.startswith("bod"):
        return _BODING[lowered] if stem(tokens[index - 1].lower) == "bod" else 0
    if lowered in _OMEN_QUALITY and index + 1 < len(tokens) and tokens[index + 1].lower in _SIGNS:
        return _OMEN_QUALITY[lowered]
    return 0


_AHEAD = {"front", "top", "head"}
_QUEUES = {"agenda", "agendas", "list", "queue", "priorities"}


def _priority(tokens: Sequence[Word], index: int) -> int:
    """+1 where ``tokens[index]`` puts something first: the "front" of "to the front of the agenda"."""
    if tokens[index].lower in _AHEAD and index + 2 < len(tokens) and tokens[index + 1].lower == "of":
        following = tokens[index + 2 : index + 4]
        if any(w.lower in _QUEUES for w in following):
            return 1
    return 0


# Two sides coming closer or drifting apart, a kind of progress: "had drifted further apart" / "suggesting
# progress had been made", "brought the sides closer together". "Apart" only after a word of moving away
# ("set apart", "apart from" say nothing of it).
_AWAY = {"further", "farther", "drift", "drifted", "drifting", "drifts", "moved", "grown", "grew", "pulled", "far"}


def _rapprochement(tokens: Sequence[Word], index: int) -> int:
    """The sign of progress "apart" (-1) or "closer together" (+1) says at ``tokens[index]``; else 0."""
    lowered = tokens[index].lower
    following = _lower_at(tokens, index + 1)
    if lowered == "apart" and following != "from":
        return -1 if any(w.lower in _AWAY for w in tokens[max(0, index - 2) : index]) else 0
    if lowered == "together" and index > 0 and tokens[index - 1].lower == "closer":
        return 1
    return 0


_OPEN_TO = {"open", "receptive", "warming", "warmed", "warm"}
_WARY_OF = {"suspicious", "wary", "skeptical", "sceptical", "distrustful", "mistrustful", "hostile"}


def _receptive(tokens: Sequence[Word], index: int) -> int:
    """+1 where ``tokens[index]`` is the "open" of "open to a ceasefire", "receptive to talks", "warming to
    talk of a ceasefire": accepting; -1 for "suspicious of", "wary of", "sceptical about": mistrusting."""
    lowered = tokens[index].lower
    following = _lower_at(tokens, index + 1)
    if lowered in _OPEN_TO and following == "to":
        return 1
    return -1 if lowered in _WARY_OF and following in ("of", "about", "towards", "toward") else 0


# Sure of a clause ("confident it has been quick to mobilise", "sure that the talks will go on"), not of a
# mood ("a confident mood", "upbeat and confident").
_ASSURED = {"confident", "sure", "convinced"}
_CLAUSE_OPENERS = {"that", "it", "he", "she", "they", "we", "this", "there", "the"}


def _assured(tokens: Sequence[Word], index: int) -> int:
    """+1 where ``tokens[index]`` is sure of a clause: "he is confident it has been quick": a certainty, as
    "it is clear it has been quick" is, against "it is unclear how quickly"."""
    if _lower_at(tokens, index - 1) in _MAKING:
        return 0  # "make sure the troops leave": an act seen to, no certainty
    return 1 if tokens[index].lower in _ASSURED and _lower_at(tokens, index + 1) in _CLAUSE_OPENERS else 0


_MAKING = {"make", "makes", "made", "making"}


_OBJECT_PRONOUNS = {"them", "him", "her", "us", "me", "you", "it"}
_COPULA_BEFORE_LIKE = {"is", "was", "be", "'s", "’s", "it's", "it’s", "that's", "that’s", "isn't", "wasn't"}


def _character(tokens: Sequence[Word], index: int) -> int:
    """The sign of whether ``tokens[index]`` says something is in someone's character: +1 for "in
    character", "characteristic of", "it's like them to"; -1 for "out of character", "uncharacteristic",
    "unlike them". "Like" and "unlike" only before a person as a pronoun ("unlike them", not "unlike
    Kyiv" or "like a favour")."""
    lowered = tokens[index].lower
    following = _lower_at(tokens, index + 1)
    before = _lower_at(tokens, index - 1)
    if lowered == "character":
        if before == "in":
            return 1
        out_of = before == "of" and index > 1 and tokens[index - 2].lower == "out"
        return -1 if out_of else 0  # "a man of character" says nothing of it
    if lowered in ("characteristic", "uncharacteristic") and following in ("of", "for"):
        return 1 if lowered == "characteristic" else -1
    if following in _OBJECT_PRONOUNS:
        if lowered == "unlike":
            return -1
        if lowered == "like" and before in _COPULA_BEFORE_LIKE:
            return 1
    return 0


def _failing_to(tokens: Sequence[Word], index: int) -> int:
    """-1 where ``tokens[index]`` is the "failed" of "failed to do it": an ability denied, as "unable to" is,
    not the outcome "a failed push" names."""
    lowered = tokens[index].lower
    following = _lower_at(tokens, index + 1)
    return -1 if lowered in ("fail", "failed", "fails", "failing") and following == "to" else 0


_BEING = {"was", "were", "been", "being", "be", "is", "are"}
_REPULSED = {"repulsed", "repelled"}


def _beaten_back(tokens: Sequence[Word], index: int) -> int:
    """-1 where ``tokens[index]`` says an attack failed in the passive: "every one of them was beaten back",
    "the counterattacks were repulsed"; not "Ukraine repelled the attack" (the defender's success)."""
    lowered = tokens[index].lower
    if _lower_at(tokens, index - 1) not in _BEING:
        return 0
    if lowered in _REPULSED or (lowered == "beaten" and _lower_at(tokens, index + 1) in ("back", "off")):
        return -1
    return 0


def _ground(tokens: Sequence[Word], index: int) -> int:
    """+1 or -1 where ``tokens[index]`` gains or loses ground ("the drive kept gaining ground", "lost
    ground"): an advance or its check, as "pushed on" and "faltered" are, not a figure's movement."""
    following = _lower_at(tokens, index + 1)
    if following != "ground" or {stem(w.lower) for w in tokens[max(0, index - 4) : index]} & _MARKET_WORDS:
        return 0  # "the rouble lost ground": a price's movement
    lowered = tokens[index].lower
    if lowered in ("gain", "gains", "gained", "gaining"):
        return 1
    return -1 if lowered in _GROUND_LOST else 0


_MARKET_WORDS = {stem(w) for w in (
    "rouble", "ruble", "currency", "dollar", "euro", "pound", "yen", "share", "stock", "market", "index", "price",
    "yield", "bond", "oil", "gold", "poll", "party", "candidate",
)}  # fmt: skip
_GROUND_LOST = {"lose", "loses", "lost", "losing", "give", "gives", "gave", "given", "giving", "cede", "cedes",
                "ceded", "ceding"}  # fmt: skip


def _preventing(tokens: Sequence[Word], index: int) -> bool:
    """Whether ``tokens[index]`` is the "stop" of "stop Ukrainian forces concentrating" or "stop them from
    massing": a thing prevented, not ended ("stop the fighting"). The act prevented follows "from", or a
    pronoun or a plural noun."""
    if stem(tokens[index].lower) != "stop":
        return False
    following = tokens[index + 1 : index + 6]
    for k, w in enumerate(following):
        if w.lower == "from" and k > 0:
            return True
        if k > 0 and w.lower.endswith("ing") and len(w.lower) > 5:
            before = following[k - 1].lower
            return before in _OBJECT_PRONOUNS or (before.endswith("s") and not before.endswith("ss"))
    return False


# Words whose direction depends on the words beside them, each concept with the function that reads it.
_READ_IN_PLACE = (
    ("performance", _performance),
    ("severity", _severity),
    ("omen", _omen),
    ("priority", _priority),
    ("progress", _rapprochement),
    ("acceptance", _receptive),
    ("character", _character),
    ("ability", _failing_to),
    ("advance", _ground),
    ("certainty", _assured),
    ("outcome", _beaten_back),
)


def _read_in_place(tokens: Sequence[Word], index: int) -> tuple[str, int] | None:
    """The concept and sign ``tokens[index]`` carries by the words beside it ("gone well", "a heavy cost")."""
    for concept, reading in _READ_IN_PLACE:
        sign = reading(tokens, index)
        if sign:
            return concept, sign
    return None


_NOT_A_QUALITY = {"than", "of", "and", "or", "to", "in", "on", "at", "for", "with", "by", "from", "the", "a", "an"}


def polar_words(text: str) -> list[PolarWord]:
    """Words of ``text`` that carry a direction, with particles checked for phrasal verbs."""
    tokens = words(text)
    found: list[PolarWord] = []
    prose = _prose(tokens)
    for index, word in enumerate(tokens):
        lowered = word.lower
        if prose and word.text[:1].isupper() and not _opens_sentence(text, tokens, index):
            continue  # a name or a label in running text: "Slide 17", "One Stop Shop"
        in_place = _read_in_place(tokens, index)
        if in_place is not None:
            if in_place[0] == "omen" and lowered in _BODING:  # shown with its verb: "bodes well"
                verb = tokens[index - 1]
                word = Word(text[verb.start : word.end], verb.start, word.end)
            elif in_place[0] == "progress":  # shown with the word before: "further apart", "closer together"
                before = tokens[index - 1]
                word = Word(text[before.start : word.end], before.start, word.end)
            elif in_place[0] == "character" and lowered == "character":  # "out of character", "in character"
                opening = tokens[index - 2] if tokens[index - 1].lower == "of" else tokens[index - 1]
                word = Word(text[opening.start : word.end], opening.start, word.end)
            elif in_place[0] == "outcome" and lowered == "beaten":  # shown with its particle: "beaten back"
                particle = tokens[index + 1]
                word = Word(text[word.start : particle.end], word.start, particle.end)
            elif in_place[0] == "priority":  # shown whole: "front of the agenda"
                queue = next(w for w in tokens[index + 2 : index + 4] if w.lower in _QUEUES)
                word = Word(text[word.start : queue.end], word.start, queue.end)
            found.append(PolarWord(*in_place, word))
            continue
        # "the most likely" / "the least likely"; without "the", "most" is a share ("most Ukrainians").
        superlative = (
            lowered in ("most", "least")
            and _lower_at(tokens, index - 1) == "the"
            and _lower_at(tokens, index + 1) not in FUNCTION_WORDS
        )
        if (
            lowered in _BEST_OF
            and _lower_at(tokens, index - 1) == "the"
            and _lower_at(tokens, index + 1) in _EXPLANATIONS
        ):
            found.append(PolarWord(f"degree of {stem('likely')}", _BEST_OF[lowered], word))
            continue
        if (lowered in _DEGREE or superlative) and index + 1 < len(tokens):
            # "a more formidable opponent" / "a less formidable opponent": the degree of one quality.
            quality = tokens[index + 1].lower
            if quality.isalpha() and quality not in _NOT_A_QUALITY:
                found.append(
                    PolarWord(f"degree of {stem(quality)}", _DEGREE.get(lowered, _SUPERLATIVE.get(lowered, 0)), word)
                )
            continue
        if _preventing(tokens, index):
            continue  # "stop Ukrainian forces concentrating": a thing prevented, no end of anything
        key = lowered if lowered in _TABLE else stem(lowered)
        entries = _TABLE.get(key)
        if not entries:
            made = _quality(lowered)
            if made is not None:
                found.append(PolarWord(made[0], made[1], word))
            continue
        if key in _OBJECT_SENSE and (
            not word.text.islower() or (index + 1 < len(tokens) and tokens[index + 1].lower in _OBJECT_OPENERS)
        ):
            continue  # "mounted an offensive"; "Mount Cook" is a name
        if key == _DECLINE and _lower_at(tokens, index + 1) == "to":
            continue  # "declined to comment": a refusal, nothing falling
        if key in _AFTER_MOTION and not ({w.lower for w in tokens[max(0, index - 2) : index]} & _MOTION):
            continue  # "bent over backwards", "backward glance": no step back
        if key in _DETERMINER_SENSE and index + 1 < len(tokens):
            following_word = tokens[index + 1]
            between = text[word.end : following_word.start]
            if between.strip() == "" and following_word.text.isalpha() and following_word.lower not in _AFTER_PREDICATE:
                continue  # "a certain number of troops"
        if key in _CERTAINTY_ONLY_BEFORE_WHAT and (
            index + 1 >= len(tokens) or tokens[index + 1].lower not in _KNOWN_WHAT
        ):
            continue  # "a clear sign", "clear of mines"
        base = key if key in _PHRASAL or key in _AMBIGUOUS_WITHOUT_PARTICLE else None
        if base is not None:
            following = _lower_at(tokens, index + 1)
            particles = _PHRASAL.get(base, ())
            if particles:
                if following not in particles:
                    continue
            elif base in _AMBIGUOUS_WITHOUT_PARTICLE:
                continue
        for concept, sign in entries:
            found.append(PolarWord(concept, sign, word))
    return found


# Opposites made by a prefix ("suitable" / "unsuitable", "legal" / "illegal", "competitive" /
# "non-competitive") or by "-ful" against "-less" ("useful" / "useless"). Only adjectives (by their
# ending), so that "inform" / "form" or "invest" / "vest" are never opposites; after "in" and its
# kin not the endings of verbs and nouns either ("informed" / "formed", "injury" / "jury"); and not
# the words whose prefix means something else ("invaluable" is very valuable, "inflammable" flammable).
_NEGATING_PREFIXES = ("non-", "non", "un", "in", "im", "il", "ir")
_ADJECTIVE_ENDINGS = (
    "able", "ible", "al", "ful", "ent", "ant", "ive", "ic", "ous", "ar", "ary", "ory", "ed", "ing", "ly", "y",
)  # fmt: skip
_VERB_OR_NOUN_ENDINGS = ("ed", "ing", "y")
_NOT_OPPOSITES = {
    "invaluable", "inflammable", "infamous", "indifferent", "inhabitable", "incredible", "uneasy", "unending",
    "unearthly", "helpless",
}  # fmt: skip


def prefix_opposites(a: str, b: str) -> bool:
    """Whether one word is the other denied by a prefix or by "-less" ("possible" / "impossible",
    "legal" / "illegal", "useful" / "useless"): a negation in one word."""
    a, b = a.lower(), b.lower()
    for plain, prefixed in ((a, b), (b, a)):
        if any(prefixed == prefix + plain for prefix in (*_NEGATING_PREFIXES, "dis")):
            return True
        if plain.endswith("ful") and prefixed == plain[:-3] + "less":
            return True
    return False


def _quality(lowered: str) -> tuple[str, int] | None:
    """The concept of an adjective, sign +1, or of its prefixed opposite, sign -1 ("quality suitable"
    for "suitable" and "unsuitable"), so that each meets only the other; None for other words."""
    if lowered in _NOT_OPPOSITES or len(lowered) < 4 or not lowered.replace("-", "").isalpha():
        return None
    for prefix in _NEGATING_PREFIXES:
        base = lowered.removeprefix(prefix)
        if base == lowered or len(base) < 4 or not base.endswith(_ADJECTIVE_ENDINGS):
            continue
        if prefix[0] == "i" and base.endswith(_VERB_OR_NOUN_ENDINGS):
            continue
        return f"quality {base}", -1
    if lowered.endswith("less") and len(lowered) >= 7:
        return f"quality {lowered[:-4]}ful", -1
    if lowered.endswith(_ADJECTIVE_ENDINGS):
        return f"quality {lowered}", 1
    return None


def _prose(tokens: Sequence[Word]) -> bool:
    """Whether most words are in lower case: running text, not a headline in title case or capitals."""
    letters = [w for w in tokens if w.text[:1].isalpha()]
    return sum(w.text[:1].islower() for w in letters) * 2 >= len(letters) > 0


def _opens_sentence(text: str, tokens: Sequence[Word], index: int) -> bool:
    if index == 0:
        return True
    return re.search(r"[.!?:;\"“‘(\[—–•\n]", text[tokens[index - 1].end : tokens[index].start]) is not None


# Comparatives that "no" denies ("teaching them to attack is no harder"); not "more", "less" or "fewer",
# which make a quantity ("no more than 300"), nor words ending like one ("no other", "no matter").
_COMPARATIVES = {
    "harder", "easier", "better", "worse", "bigger", "smaller", "larger", "safer", "stronger", "weaker",
    "closer", "nearer", "faster", "slower", "cheaper", "costlier", "higher", "lower", "greater", "clearer",
    "simpler", "tougher", "likelier", "riskier", "wiser",
}  # fmt: skip


def negated_stems(text: str) -> dict[str, Word]:
    """Stems of the words that a negation cue governs, mapped to the cue word."""
    tokens = words(text)
    governed: dict[str, Word] = {}
    bracketed = [m.span() for m in re.finditer(r"\[[^\]\n]{0,60}\]", text)]
    for index, word in enumerate(tokens):
        lowered = word.lower.replace("’", "'")
        following_word = _lower_at(tokens, index + 1)
        ruling_out = rules_out(tokens, index + 2)
        if lowered in _NO_NEED or in_condition(text, tokens, index):
            continue  # "needn't submit", "if we don't become aware": nothing is said not to happen
        if (
            lowered in _VERB_CUES
            or lowered.endswith("n't")
            or (lowered == "no" and following_word == "longer")
            or (lowered == "no" and following_word in _COMPARATIVES)  # "is no harder": is not harder
            or (lowered in _REFUSAL_CUES and following_word == "to")  # "refused to accept": did not accept
            or _yet_to(tokens, index)  # "has yet to accept": has not accepted
            or (ruling_out and not cue_before(tokens, index))  # "ruled out hosting"
        ):
            first = index + 2 if ruling_out else index + 1
            end = first + 4
            position = first
            raised = False  # past a verb that hands its denial on: a name after it is a subject
            while position < min(end, len(tokens)):
                following = tokens[position]
                if tokens[position - 1].lower == "to" and re.search(
                    r"[,;:.!?—–]", text[tokens[position - 1].end : following.start]
                ):
                    break  # "its air force has failed to, mirroring ...": the verb is left unsaid
                position += 1
                if following.lower in _DETERMINERS or following.lower in _CONJUNCTIONS:
                    break  # "what was not, and why": the cue governs nothing after it
                if following.lower in _NOT_THE_VERB:
                    break  # "not how we thought", "not about money": a manner, a reason or a topic denied
                after = tokens[position].lower if position < len(tokens) else ""
                if following.lower in _OBLIGATION and after == "to":
                    break  # "didn't have to submit": no need to, which says nothing of whether it was done
                if following.lower == "help" and (after == "but" or after.endswith("ing")):
                    break  # "cannot help but notice": noticed
                if raises_negation(following.text):
                    # "I don't think they can kick them out" says "I think they cannot": what is denied
                    # is the verb after it. After "expect ... to" it is the verb after "to", past the ones
                    # expected to do it ("does not expect Russian forces leaving Kyiv to be sent").
                    to = next(
                        (k for k in range(position, min(position + 7, len(tokens))) if tokens[k].lower == "to"),
                        None,
                    )
                    if (
                        to is not None
                        and stem(following.lower) == "expect"  # "think" takes a clause, not "X to"
                        and not re.search(r"[,;:.!?]", text[following.end : tokens[to].start])
                        # A conjunction opening a clause stops it ("will change and we're going to make");
                        # one between names does not ("expect Donbas and Crimea to be returned").
                        and not any(
                            w.lower in _CONJUNCTIONS and not tokens[k + 1].text[:1].isupper()
                            for k, w in enumerate(tokens[position:to], start=position)
                        )
                    ):
                        position = to + 1
                        end = position + 4
                    else:
                        end = position + 6
                    raised = True
                    continue
                if following.lower in _SKIP or following.lower in _SUBJECTS:
                    continue
                if raised and following.text[:1].isupper():
                    continue  # "does not think Russia wants to withdraw": Russia is who, not what is denied
                if any(start < following.start < end for start, end in bracketed):
                    continue  # an editor's insertion: "they [Ukraine] can"
                key = verb_family(stem(following.text))
                if key in VIEWING and _as_follows(text, tokens, position):
                    key = "think"  # "did not see the announcement as a reflection": did not think it one
                called = _called(tokens, position - 1)
                if called is not None:
                    key = stem(called.text)  # "would not call it success": success is what is denied
                governed.setdefault(key, word)
                break
    return governed


_NAMING = {"call", "calls", "called", "calling", "describe", "describes", "described"}
_NAMED_THINGS = {"it", "this", "that", "them", "these", "those"}


def _called(tokens: Sequence[Word], index: int) -> Word | None:
    """For the "call" of "call it success" or "call it a success", the noun it is called; else None."""
    if tokens[index].lower not in _NAMING or _lower_at(tokens, index + 1) not in _NAMED_THINGS:
        return None
    k = index + 2
    if _lower_at(tokens, k) in ("a", "an"):
        k += 1
    return tokens[k] if k < len(tokens) and tokens[k].lower not in FUNCTION_WORDS else None


# Verbs that with "as" say what one thinks something is: "sees it as a gesture", "regarded the move as".
VIEWING = frozenset(stem(v) for v in ("see", "saw", "seen", "regard", "view", "consider"))


def _as_follows(text: str, tokens: Sequence[Word], position: int, reach: int = 6) -> bool:
    """Whether "as" stands among the ``reach`` words from ``tokens[position]``, in the same clause."""
    for k in range(position, min(len(tokens), position + reach)):
        if re.search(r"[,.;:!?]", text[tokens[k - 1].end : tokens[k].start]):
            return False
        if tokens[k].lower == "as":
            return True
    return False


# After a negation, words that take its force off the verb: a wh-word or "because" ("not how we
# thought", "not because he wanted to") denies a manner or reason; a preposition ("not about money",
# "not for sale") a phrase no stem comparison can weigh.
_NOT_THE_VERB = {
    "how", "what", "why", "where", "when", "who", "whom", "whether", "because",
    "about", "for", "with", "from", "over", "into", "onto", "like", "as", "under", "against", "through",
    # A time denied: "not before it tries to seize", "not until Friday" say when, not whether.
    "before", "until", "till",
    # A condition denied: "don't think so, not unless the troops pull out" says what "unless" does.
    "unless",
}  # fmt: skip
_OBLIGATION = {"have", "has", "had", "having", "need", "needs", "needed"}
_NO_NEED = {"needn't", "need'nt", "neednt"}
_CONDITIONS = {"if", "unless", "whether"}


_YET_TO_AFTER = {"has", "have", "had", "is", "are", "was", "were"}


def _yet_to(tokens: Sequence[Word], index: int) -> bool:
    """Whether ``tokens[index]`` is the "yet" of "has yet to" or "is yet to", which says "has not"."""
    return (
        tokens[index].lower == "yet"
        and 0 < index < len(tokens) - 1
        and tokens[index + 1].lower == "to"
        and tokens[index - 1].lower in _YET_TO_AFTER
    )


def in_condition(text: str, tokens: Sequence[Word], index: int, reach: int = 6) -> bool:
    """Whether ``tokens[index]`` stands in a condition ("if we don't become aware", "unless Russian troops
    withdraw", "for as long as the forces had not pulled out"): its clause states no fact, so a cue there
    denies nothing and a direction there says nothing happened."""
    for back in range(index - 1, max(-1, index - reach - 1), -1):
        if re.search(r"[.;:!?]", text[tokens[back].end : tokens[back + 1].start]):
            return False
        if tokens[back].lower in _CONDITIONS or _so_long_as(tokens, back):
            return True
    return False


def _so_long_as(tokens: Sequence[Word], index: int) -> bool:
    """Whether ``tokens[index]`` ends "so long as" or "as long as", a condition like "if" ("doubtful so long
    as troops did not withdraw" says "sceptical unless troops withdraw")."""
    return (
        index >= 2
        and tokens[index].lower == "as"
        and tokens[index - 1].lower == "long"
        and tokens[index - 2].lower in ("so", "as")
    )


# Verbs that say one thing, so that a negation of one denies the others ("never foresaw" / "predicted").
_FAMILIES = {
    stem(form): family
    for family, forms in {
        "predict": ("predict", "predicted", "foresee", "foresaw", "foreseen", "forecast", "forecasted", "anticipate",
                    "anticipated"),
        # Having another country's troops on one's soil: "would not host foreign armies" / "let allied troops
        # be stationed on its territory". Read by stem, so "a railway station" is one too; a denied hosting
        # paired with a sentence about a station is rare enough to accept.
        "host": ("host", "hosts", "hosted", "hosting", "stationed", "stationing"),
        # Ready to do it: "they are still willing to pursue" / "no longer prepared to chase".
        "willing": ("willing", "prepared", "ready"),
        # Keeping to a state: "would remain neutral" / "would not stay neutral".
        "remain": ("remain", "remains", "remained", "stay", "stays", "stayed"),
        # Going away: "sending in its troops and then never leaving" / "and later withdrew them". Not "left"
        # ("the left flank", "left the talks" said of delegations).
        "leave": ("leave", "leaves", "leaving", "withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing"),
        # Coming out on top: "will eventually prevail over Russia" / "do not expect their army to beat Russia".
        # Not "win" ("win back land" is regaining it).
        "prevail": ("prevail", "prevails", "prevailed", "prevailing", "beat", "beats", "beating", "beaten",
                    "defeat", "defeats", "defeated", "defeating", "triumph", "triumphs", "triumphed"),
        # Moving forces somewhere: "will most likely be redeployed to the Donbas" / "not expect them to be sent
        # to the Donbas".
        "deploy": ("deploy", "deploys", "deployed", "deploying", "redeploy", "redeploys", "redeployed",
                   "redeploying", "send", "sends", "sent", "sending"),
    }.items()
    for form in forms
}  # fmt: skip


def raises_negation(word: str) -> bool:
    """Whether a denial of verb ``word`` is said of what follows it ("don't think they can" = "think they
    cannot", "doesn't believe any compromise is possible" = "believes it impossible")."""
    return stem(word) in _NEG_RAISING


def verb_family(verb_stem: str) -> str:
    """The stem that stands for a verb's family ("foresaw" -> "predict"), or the stem itself."""
    return _FAMILIES.get(verb_stem, verb_stem)


# Verbs with their particle that say one thing, so that a negation of one denies the others ("has never
# been spelled out" / "have been set out in detail"); a verb without its particle is another verb ("set a
# date").
_PHRASAL_FAMILIES = {
    (stem(verb), particle): family
    for family, members in {
        "spell out": (("spell", "out"), ("spelled", "out"), ("spelt", "out"), ("set", "out"), ("lay", "out"),
                      ("laid", "out"), ("explain", ""), ("explained", ""), ("clarify", ""), ("clarified", "")),
    }.items()
    for verb, particle in members
}  # fmt: skip


def phrasal_family(verb_stem: str, particle: str) -> str | None:
    """The family of a verb with its particle ("set", "out": "spell out"), or None."""
    return _PHRASAL_FAMILIES.get((verb_stem, particle))


_RULE = {"rule", "rules", "ruled", "ruling"}


def rules_out(tokens: Sequence[Word], index: int) -> bool:
    """Whether "rule out" stands right before ``tokens[index]``: "ruled out hosting" says "would not host"."""
    return 2 <= index <= len(tokens) and tokens[index - 1].lower == "out" and tokens[index - 2].lower in _RULE


def cue_before(tokens: Sequence[Word], index: int, reach: int = 3) -> bool:
    """Whether a negation cue stands in the few words before ``tokens[index]`` ("no longer rule out")."""
    return any(is_negation_cue(w.text) or w.lower == "longer" for w in tokens[max(0, index - reach) : index])


def is_negation_cue(token: str) -> bool:
    lowered = token.lower().replace("’", "'")
    return lowered in NEGATION_CUES or lowered.endswith("n't")
