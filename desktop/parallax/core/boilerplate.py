"""Flag the noise that scraped news carries: promos, video captions, bylines, teasers.

Entry point: :func:`flag_boilerplate`. A boilerplate paragraph stays in the
document (the user sees it, greyed out) but never takes part in alignment,
labels or coverage counts. The rules are deliberately about *form* (a duration
stamp, a "WATCH |" promo, a byline shape), never about length alone, so a
short real paragraph such as a one-line quote stays content.

May import: the standard library, ``parallax.core.documents`` and ``parallax.core.tokens``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from parallax.core.documents import Paragraph
from parallax.core.tokens import SPEAKER_LABEL

_ROLE = r"(?i:correspondent|reporter|journalist|editor|writer|columnist|producer|contributor|staff|bureau chief)"

# A paragraph matching one of these is noise on its own.
_SELF_EVIDENT = [
    re.compile(r"^(?:WATCH|LISTEN|VIDEO|PHOTOS?|GALLERY|PODCAST|LIVE|ADVERTISEMENT|SPONSORED)\b\s*[|:]"),
    re.compile(r"^(?:Duration|Runtime|Length)\s*:?\s*\d{1,2}:\d{2}(?::\d{2})?$", re.I),
    re.compile(
        r"^(?:(?:Updated|Published|Posted)\s+)?(?:an?|\d+)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago$",
        re.I,
    ),
    re.compile(
        r"^(?:Credit belongs to|Credits?\s*:|Photo\s*:|Image\s*:|Photograph\s*:|Share this|Share on|"
        r"Follow us|Sign up|Subscribe|Advertisement$|Copyright\b|©|All rights reserved|Click here|"
        r"Listen to this article|Read more\s*:|Also read\s*:|Related\s*:|See also\s*:|Comments?$|"
        r"Story continues below|Report a typo|This article was (?:first )?published|"
        r"(?:Top |Main |Lead )?(?:Picture|Pictures|Photography|Illustration|Top photo|Main image)\s*:|"
        r"(?:Interview|Additional reporting|Reporting|Writing|Editing|Compiled|Words) by\b)",
        re.I,
    ),
    # A wire story's credit and update notes: "(Reporting by ...; Editing by ...)", "(Updates with ...)".
    re.compile(r"^\((?:Additional )?(?:Reporting|Writing|Editing|Compiled|Updates|Adds|Recasts|Corrects)\b", re.I),
    re.compile(r"\.\s?\d{1,2}:\d{2}$"),  # a video caption ending in its running time: "...Ukraine.1:28"
    re.compile(
        r"^By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*(?:,|and|\||-|–)\s*[^.!?]{0,80})?"
        r"(?:\.\s*(?:Updated|Published|Posted)\b[^!?]{0,60})?$"
    ),
    # A stage direction alone: "[CLIP BEGINS]", "(VOICE-OVER)".
    re.compile(r"^[\[(][A-Z][A-Z0-9 .'’/-]*[\])]$"),
    # A source list, a correction or editor's note, "views are her own", a wire's initials "(PPA) mv/jk",
    # "From our correspondent ...", "Published March 30, 2022".
    re.compile(
        r"^(?:Sources?\s*:|(?:Correction|Clarification|Editor['’]s note)\b[^:]{0,30}:|"
        r"(?:[A-Z][A-Z .'’-]+\s*\([A-Z]{2,6}\)\s*[–—-]\s*)?From our (?:own )?"
        r"(?:correspondent|reporter)\b|\([A-Z]{2,6}\)\s+[a-z]{1,3}(?:/[a-z]{1,3})+$|(?:Published|Updated|Posted)"
        r"\s+(?:on\s+)?(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)",
    ),
    re.compile(r"\bViews (?:expressed )?are (?:his|her|their|my|the author['’]s) own\b", re.I),
    re.compile(rf"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,3}} is an? [^.]{{0,80}}\b{_ROLE}\b"),
]

# Marks of page furniture anywhere in a short paragraph: a copyright line, a reading time, a sign-up
# prompt opening a sentence, an editor's note. Long paragraphs are story, whatever they mention.
_SHORT = 250
_FURNITURE_INSIDE = re.compile(
    r"©|\(c\)\s*\d{4}|\bCopyright\s+(?:©\s*)?\d{4}|\bAll rights reserved\b|\b\d{1,2}[- ]min(?:ute)?s? read\b|"
    r"(?:^|[.!?:]\s+)(?:Sign up|Subscribe)\b|has been (?:lightly )?(?:edited|condensed) for (?:length|clarity)|"
    r"\b(?:automatically generated|machine[- ]generated) transcript\b|\btranscript(?: has been)?,? lightly edited\b",
    re.I,
)

# A paragraph matching one of these ends the story: everything after is teasers.
_TAIL_MARKERS = re.compile(
    r"^(?:Check Also|You may also like|Recommended(?: for you)?|Related (?:stories|articles|coverage|content)|"
    r"More (?:from|on) .{0,40}|Most (?:read|popular)|Trending(?: now)?|Read next)\s*:?$",
    re.I,
)
_VIDEO_PROMO = re.compile(r"^(?:WATCH|VIDEO)\b\s*[|:]")
_VIDEO_END = re.compile(r"(?:\d{1,2}:\d{2}$)|^(?:Duration|Runtime)\b", re.I)
_JOB_TITLE = re.compile(rf"^(?:[A-Z][\w-]*\s+){{0,3}}{_ROLE}s?$")
_NAME_ONLY = re.compile(r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}$")


@dataclass(frozen=True)
class BoilerplateConfig:
    """``video_block`` is how many paragraphs after a "WATCH |" promo may belong to it."""

    video_block: int = 6


# A programme's or page's header: three fields or more between bars or dots, one of them naming the
# broadcast, the transcript, the presenter, the author or the date ("Fenwick Public Radio | Broadcast
# Thursday 31 March 2022, 8.10 a.m. | Presenter: Marta Hollis").
_HEADER_FIELD = re.compile(
    r"^(?:Broadcast|Transcript|Recorded|Presenter|Host|Guest|Published|Updated|Posted|Fact[- ]check(?:ed)? by|"
    r"Compiled by|Written by|Produced by|By)\b"
    r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b.*\b(?:19|20)\d\d\b|^\d{1,2}\s+\w+\s+(?:19|20)\d\d$",
    re.I,
)
_HEADER_SPLIT = re.compile(r"\s+[|·•]\s+")


def _is_header(text: str) -> bool:
    fields = _HEADER_SPLIT.split(text)
    return (
        3 <= len(fields) <= 8
        and all(len(f) <= 120 for f in fields)
        and any(_HEADER_FIELD.search(f.strip()) for f in fields)
    )


# A transcript's turns that carry the programme, not the story: thanks, "please, go on", a welcome or a
# sign-off, and (after a speaker label) a correspondent's "Tobias Wren, Northgate Television, Lviv."
_LABEL = re.compile(rf"^{SPEAKER_LABEL}\s*")
_COURTESY = re.compile(
    r"^(?:[\w .'’-]{0,40},\s*)?thank(?:s| you)(?: (?:very|so) much)?(?: for [^.!?]{0,40})?[.!]?$"
    r"|^(?:please,?\s*)?(?:go on|carry on|go ahead)[.!]?$",
    re.I,
)
_PROGRAMME_TURN = re.compile(
    r"\b(?:welcome(?: back)? to|that['’]s (?:it|all) for|good ?night|bye for now|you['’]re listening to)\b", re.I
)
_SIGN_OFF = re.compile(
    r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3},\s+[A-Z][\w'’ -]{2,40}(?:,\s+[A-Z][\w'’ -]{2,30})?\.?$"
)


def _is_programme_turn(text: str) -> bool:
    label = _LABEL.match(text)
    said = text[label.end() :] if label else text
    if _COURTESY.match(said):
        return True
    if label is None:
        return False
    return bool(_SIGN_OFF.match(said)) or (len(said.split()) <= 40 and bool(_PROGRAMME_TURN.search(said)))


def is_boilerplate_text(text: str) -> bool:
    """Whether ``text`` is noise on its own, without looking at its neighbours."""
    stripped = text.strip()
    if len(stripped) <= _SHORT and (
        _FURNITURE_INSIDE.search(stripped) or _is_header(stripped) or _is_programme_turn(stripped)
    ):
        return True
    return any(rule.search(stripped) for rule in _SELF_EVIDENT) or bool(_JOB_TITLE.match(stripped))


def boilerplate_flags(texts: Sequence[str], config: BoilerplateConfig = BoilerplateConfig()) -> list[bool]:
    """Return, for each paragraph text in order, whether it is boilerplate."""
    stripped = [t.strip() for t in texts]
    flags = [is_boilerplate_text(t) for t in stripped]
    for i, text in enumerate(stripped):
        if _TAIL_MARKERS.match(text):
            for j in range(i, len(flags)):
                flags[j] = True
            break
        if _VIDEO_PROMO.match(text):
            # The promo's title, age and duration lines up to the caption that ends in a running time.
            block_end = next(
                (
                    j
                    for j in range(i + 1, min(len(stripped), i + 1 + config.video_block))
                    if _VIDEO_END.search(stripped[j])
                ),
                None,
            )
            if block_end is not None:
                last = block_end
                if block_end + 1 < len(stripped) and re.search(r"\d{1,2}:\d{2}$", stripped[block_end + 1]):
                    last = block_end + 1
                for j in range(i, last + 1):
                    flags[j] = True
        # A bare name just before a job title or an author bio is the byline.
        if _NAME_ONLY.match(text) and i + 1 < len(stripped) and flags[i + 1] and _is_author_line(stripped[i + 1]):
            flags[i] = True
    return flags


def _is_author_line(text: str) -> bool:
    return bool(_JOB_TITLE.match(text)) or bool(_SELF_EVIDENT[-1].search(text))


def flag_boilerplate(
    paragraphs: Sequence[Paragraph], config: BoilerplateConfig = BoilerplateConfig()
) -> tuple[Paragraph, ...]:
    """Return ``paragraphs`` with their ``boilerplate`` flag set by :func:`boilerplate_flags`."""
    flags = boilerplate_flags([p.text for p in paragraphs], config)
    return tuple(replace(p, boilerplate=flag) for p, flag in zip(paragraphs, flags, strict=True))
