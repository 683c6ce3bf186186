"""Closed classes of words where one member for another is a different fact: colours, charges, vehicles,
buildings, the domain of a concession, who sat at the table, and more.

Entry point: :func:`detail_conflicts`. In two paired sentences, a class word on each side conflicts where
the report's stands for a member the article never names and the article's is one the report's sentence
leaves out ("uniforms in their tanks" / "uniforms in their supply lorries"), or where the two follow the
same words. :func:`words_before` (the content words just before a mention) is shared with the name checks
in ``parallax.core.claims``.

May import: the standard library, ``parallax.core`` modules tokens and result.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from functools import lru_cache

from parallax.core.result import Conflict
from parallax.core.tokens import FUNCTION_WORDS, Word, stem, words


def _members(*groups: str) -> dict[str, str]:
    """Each word of each group ("influenza flu") with the group's first word, the value it stands for.
    An underscore joins the two words of a member ("air_power")."""
    return {word.replace("_", " "): group.split()[0].replace("_", " ") for group in groups for word in group.split()}


_ENGINEERING_FIELDS = (
    "chemical", "civil", "mining", "mechanical", "electrical", "software", "structural", "petroleum", "nuclear",
    "aerospace", "agricultural", "industrial", "computer", "marine",
)  # fmt: skip

# Closed classes of words where one member for another is a different fact, each word with the one
# it stands for, and whether only its lower-case form counts. Colours and charges in lower case only:
# "the Red Cross", "the White House" and "the Black Sea" are names. "Homicide" is left out: it is the
# broader word ("culpable homicide" is Scots law's manslaughter), and so is "cancer".
_DETAIL_CLASSES: dict[str, tuple[dict[str, str], bool]] = {
    "colour": (
        _members(
            "red", "orange", "yellow", "green", "blue", "purple violet", "pink", "white", "black", "brown", "grey gray"
        ),
        True,
    ),
    "charge": (
        _members(
            "murder",
            "manslaughter",
            "assault",
            "rape",
            "robbery",
            "theft",
            "fraud",
            "burglary",
            "kidnapping",
            "arson",
            "terrorism",
            "treason",
            "espionage",
            "bribery",
            "embezzlement",
            "perjury",
            "extortion",
            "smuggling",
        ),
        True,
    ),
    "disease": (
        _members(
            "influenza flu",
            "covid covid-19 coronavirus sars-cov-2",
            "rsv",
            "tuberculosis tb",
            "measles",
            "malaria",
            "polio",
            "ebola",
            "cholera",
            "hiv aids",
            "mpox monkeypox",
            "dengue",
            "zika",
            "hepatitis",
            "diphtheria",
            "typhoid",
            "rabies",
        ),
        False,
    ),
    # Where something happened: a body found on a beach is not one found on a clifftop. Lower case
    # only ("Bondi Beach", "Lake Geneva" are names); "coast" and "shore" are left out as the broader
    # words, "field" as too many things besides, and words that are also verbs ("desert", "cave",
    # "gorge") or idioms ("drain the swamp").
    "landform": (
        _members(
            "cliff cliffs clifftop clifftops cliff-top",
            "beach beaches",
            "hill hills hilltop hill-top hillside",
            "mountain mountains mountaintop mountain-top mountainside",
            "valley valleys",
            "forest forests woods woodland",
            "island islands",
            "river rivers riverbank river-bank",
            "lake lakes",
            "canyon canyons",
        ),
        True,
    ),
    # How someone spoke to an outlet: "told CBC News in an interview" is not "in an email". Both words at
    # once ("in an email interview") say one way; only after "in", "by" or "via" (see _a_means).
    "means of telling": (
        _members(
            "interview interviews",
            "email emails e-mail e-mails",
            "phone_call phone_calls telephone_call telephone_calls",
            "text_message text_messages",
            "press_conference news_conference",
            "written_statement written_statements",
            "video_address video_message",
        ),
        True,
    ),
    # The weather on the day: "a sunny afternoon" is not "a rainy afternoon". Not "wet" ("wet paint") or
    # "stormy" ("a stormy meeting"): too often something else.
    "weather": (_members("sunny", "cloudy overcast", "rainy", "snowy", "windy", "foggy"), True),
    # What befell people in a war or a disaster: "killed or wounded" is not "killed or captured". Not "hurt"
    # ("sanctions hurt the economy") or "lost" (a vote, a town).
    "casualty": (_members("killed dead", "wounded injured", "captured", "missing"), True),
    # How badly something was hit: "bombed and destroyed his family's home" is not "left it badly damaged".
    "damage done": (
        _members("destroyed razed flattened demolished obliterated levelled leveled", "damaged"),
        True,
    ),
    # An engineer's field: "a chemical engineer" is not "a mining engineer". Only with "engineer" after it.
    "engineering field": (
        _members(*(f"{field}_engineer {field}_engineers" for field in _ENGINEERING_FIELDS)),
        True,
    ),
    # What someone does for a living: "a chemical engineer" is not "a chemistry teacher". An engineer of a
    # field is an engineer here too. Not "soldier" or "officer" (most people in a war story), nor words
    # that are also verbs ("guard", "cook").
    "occupation": (
        _members(
            "engineer engineers " + " ".join(f"{f}_engineer {f}_engineers" for f in _ENGINEERING_FIELDS),
            "teacher teachers schoolteacher",
            "doctor doctors physician surgeon",
            "nurse nurses",
            "lawyer lawyers attorney",
            "farmer farmers",
            "miner miners",
            "accountant accountants",
            "electrician electricians",
            "plumber plumbers",
            "mechanic mechanics",
            "firefighter firefighters",
            "pilot pilots",
            "pensioner pensioners retiree",
            "shopkeeper shopkeepers",
            "architect architects",
            "pharmacist pharmacists",
            "chemist chemists",
        ),
        True,
    ),
    # The arm of a military a claim is about: "superiority in air power" is not "superiority in artillery".
    # Not "tanks" ("think tanks") or "troops" (any of them).
    "military arm": (
        _members(
            "air_power airpower air_force air_forces warplanes",
            "artillery",
            "armour armor armoured armored",
            "navy naval warships",
            "infantry",
            "drones",
        ),
        True,
    ),
    # Which of a country's forces: "Ukraine's army has proven a formidable opponent" is not its National
    # Guard. In any case: the services are names ("the National Guard", "the Marines").
    "armed service": (
        _members(
            "army armies ground_forces land_forces",
            "volunteer_battalions volunteer_battalion",
            "national_guard",
            "territorial_defence territorial_defense territorial-defence territorial-defense",
            "marines marine_corps",
            "special_forces",
            "navy navies fleet fleets",
        ),
        False,
    ),
    # Which level of government: "a federal cabinet minister" is not "a minister in Ontario's provincial
    # government". Only these words: "national", "state" and "local" say too much else.
    "level of government": (_members("federal", "provincial", "municipal"), True),
    # Which arm of a government spoke: "American defence officials have said" is not "US intelligence
    # agencies have said" (the Pentagon is not the CIA).
    "arm of government": (
        _members(
            "defence_officials defense_officials military_officials pentagon_officials defence_ministry "
            "defense_ministry defense_department defence_department",
            "intelligence_officials intelligence_agencies intelligence_agency intelligence_services "
            "intelligence_sources spy_agencies spy_agency",
            "diplomatic_sources foreign_ministry",
        ),
        False,
    ),
    # What a war or a settlement is said to aim at: "denazification and demilitarisation" is not
    # "denazification and federalisation".
    "stated aim": (
        _members(
            "demilitarisation demilitarization demilitarise demilitarize",
            "denazification denazify",
            "federalisation federalization",
            "decentralisation decentralization",
            "neutrality neutralisation neutralization",
            "disarmament",
            "annexation",
            "partition",
            "regime_change",
            "political_concessions concessions",
        ),
        True,
    ),
    # A part of a country by its compass point: a region, a noun after "the" or a country's name ("fleeing the
    # attacks in the east" is not "escaping the offensive in the south", "a city in Ukraine's east"), or where
    # in its country a named place lies ("the western city of Lviv" is not "the central Ukrainian city of
    # Lviv"); see _a_bearing. Lower case only ("East Timor", "South Africa" are names).
    "compass point": (
        _members(
            "north northern",
            "south southern",
            "east eastern",
            "west western",
            "central",
            "north-east north-eastern northeastern",
            "north-west north-western northwestern",
            "south-east south-eastern southeastern",
            "south-west south-western southwestern",
        ),
        True,
    ),
    # What carried people or things: "uniforms in their tanks" is not "uniforms in their supply lorries".
    # A "think tank" or a "fuel tank" is read as a whole, in a class of its own (below).
    "vehicle": (
        _members(
            "tank tanks",
            "lorry lorries truck trucks",
            "jeep jeeps",
            "helicopter helicopters",
            "ambulance ambulances",
            "bus buses minibus minibuses",
            "car cars",
        ),
        True,
    ),
    # How a question is to be settled: "left for another round of discussions" is not "settled by a
    # referendum". Not "vote" (a vote in parliament is talks' outcome too) or "court" (a royal court, a yard).
    "way of settling": (
        _members("talks negotiations negotiation discussions", "referendum referendums plebiscite", "arbitration"),
        True,
    ),
    # What kind of agreement ended or paused a war: "the ceasefires became permanent features" is not "the
    # peace treaties became permanent fixtures". Not "deal" or "agreement" alone (any bargain), nor "peace
    # deal" (said loosely of either).
    "kind of agreement": (
        _members(
            "ceasefire ceasefires cease-fire cease-fires truce truces armistice armistices",
            "peace_treaty peace_treaties peace_agreement peace_agreements",
        ),
        True,
    ),
    # The part a group plays beside a side in a war: "their supporters overseas" are not "the Turkish
    # mediators". Plural nouns only ("support", "mediate" are acts, told many ways).
    "part played": (
        _members(
            "supporters backers allies sympathisers sympathizers",
            "mediators intermediaries go-betweens brokers",
            "enemies adversaries foes",
        ),
        True,
    ),
    # One's part in a body: "manager of the Ukraine Forum" is not "who founded the Ukraine Forum".
    "role in a body": (
        _members(
            "manager managers manages director directors directs",
            "founder founders founded co-founder co-founded",
        ),
        True,
    ),
    # How high someone stands among those they work with: "Russia's top negotiator" is no "junior member of
    # Russia's delegation". Only before a word for a person in office (see _ranks_a_person).
    "rank": (
        _members("top senior chief leading", "junior low-ranking low-level lowly"),
        True,
    ),
    # Who sat at the table: "Russian and Ukrainian negotiators" are not "the Russian and Ukrainian foreign
    # ministers". Not "diplomats" (a negotiator is one) or "officials" (anyone in office).
    "office held": (
        _members(
            "negotiators negotiator delegates delegate",
            "ministers minister foreign_ministers foreign_minister",
            "ambassadors ambassador",
        ),
        True,
    ),
    # What was hit or lived in: "destroyed his family's home" is not "destroyed the chemical plant where he
    # worked". Not "office" (an office held), "building" (any of them), "flat" ("flat out") or "plants"
    # ("plants and animals").
    "building": (
        _members(
            "home homes house houses apartment apartments",
            "farm farms farmhouse",
            "plant factory factories",
            "school schools",
            "hospital hospitals",
            "church churches",
            "theatre theatres theater theaters",
        ),
        True,
    ),
    # What an attack struck: "counterattacks against dug-in Russian positions" are not "against Russian supply
    # columns". Not "lines" (a front line, a line of argument), "columns" alone (a newspaper's) or "bases" (a
    # base of support).
    "military target": (
        _members(
            "positions",
            "convoys convoy supply_columns supply_convoys supply_lines",
            "depots depot ammunition_depots fuel_depots",
            "airfields airfield airbases airbase",
            "bridges",
        ),
        True,
    ),
    # Which of a series a meeting was: "the latest round of peace talks" is not "the first round". Only after
    # "the" and before a word for one of a series (see _one_of_a_series).
    "place in a series": (
        _members("first opening inaugural", "latest last final most_recent"),
        True,
    ),
    # What soldiers carried for a show: "dress uniforms" are not "parade banners". Not "flags" (flown anywhere).
    "regalia": (_members("uniforms uniform", "banners banner"), True),
    # The occasion something was meant for: "to wear at a victory parade" is not "to be worn at a medal
    # ceremony". Not "reception" ("a warm reception"), "march" (a verb and a month) or "party" (a political one).
    "occasion": (
        _members("parade parades", "ceremony ceremonies", "banquet banquets", "funeral funerals", "wedding weddings"),
        True,
    ),
    # Tanks that carry no one: read whole, so that their "tank" is no vehicle. One value, so never a conflict.
    "container or institute": (
        dict.fromkeys(
            (
                f"{kind} {tank}"
                for kind in ("think", "fuel", "water", "oil", "gas", "storage", "septic")
                for tank in ("tank", "tanks")
            ),
            "tank",
        )
        | dict.fromkeys(("tank farm", "tank farms"), "tank"),
        True,
    ),
}

# The domain of a concession, an aim, aid or a limit: "political concessions" are not "economic concessions",
# nor "military aid" "humanitarian aid", nor "military limitations" "economic limits". One class per noun, so
# that "political concessions" never meets "economic sanctions"; "diplomatic" goes with "political" and
# "financial" with "economic", near enough.
_DOMAINS = ("political diplomatic", "economic financial", "military", "territorial", "humanitarian")
_DOMAIN_NOUNS = {
    "concessions": ("concession", "concessions"), "aid": ("aid", "assistance", "support"),
    "sanctions": ("sanctions",), "pressure": ("pressure",), "solution": ("solution", "solutions"),
    "aims": ("aims", "goals", "objectives"), "limits": ("limitations", "limits", "constraints"),
    "necessity": ("necessity",), "reality": ("reality", "realities"),
}  # fmt: skip
for _noun, _forms in _DOMAIN_NOUNS.items():
    _DETAIL_CLASSES[f"kind of {_noun}"] = (
        _members(*(" ".join(f"{word}_{form}" for word in domain.split() for form in _forms) for domain in _DOMAINS)),
        True,
    )

# Classes whose words fill one slot only beside a word both sides share: "killed or wounded" against
# "killed or captured". Alone they are too often two facts ("shot and killed" here, "seven were injured"
# there; "fatally wounded" for killed).
_NAMED_BY_COMPANY = {"casualty"}
# Classes whose word is said of one thing, named beside it: a degree of damage is compared only where the
# words around both share a word ("destroyed his family's home" / "bombed his family's home and left it
# badly damaged").
_SAID_OF_ONE_THING = {"damage done"}

# The kind of conflict a class's difference is, where it is not a detail: a compass point is a place; a
# group of people with another part, or people of another office, are other people.
_DETAIL_KIND = {
    "compass point": "place",
    "part played": "person",
    "office held": "person",
    "place in a series": "number",
    "armed service": "organisation",
    "arm of government": "organisation",
    "level of government": "organisation",
}

# How a reason names a difference in a class, where "a different <class>" would read badly.
_DETAIL_WORDING = {
    "weather": "different weather",
    "casualty": "a different fate",
    "military arm": "a different arm",
    "armed service": "another of its forces",
    "arm of government": "another arm of government",
    "level of government": "another level of government",
    "engineering field": "a different field",
    "occupation": "a different occupation",
    "occasion": "a different occasion",
    "way of settling": "settled another way",
    "kind of agreement": "another kind of agreement",
    "damage done": "another degree of damage",
    "part played": "a group with another part",
    "office held": "another office",
    "building": "a different building",
    "military target": "a different target",
    "place in a series": "another of the series",
    "role in a body": "another role",
    "regalia": "something else carried",
}


# Each class word: the classes it belongs to, with the value it stands for and whether only its
# lower-case form counts.
def _index_details() -> dict[str, list[tuple[str, str, bool]]]:
    index: dict[str, list[tuple[str, str, bool]]] = {}
    for name, (members, lower_only) in _DETAIL_CLASSES.items():
        for word, value in members.items():
            index.setdefault(word, []).append((name, value, lower_only))
    return index


_DETAIL_INDEX = _index_details()


# An aim named as undoing something: "de-Westernisation", "deoligarchisation". Any such word is an aim of
# its own, beside those the class lists.
_UNDOING = re.compile(r"de-?[a-z]{4,}(?:isation|ization)")


def _class_entries(word: str) -> list[tuple[str, str, bool]]:
    """The classes ``word`` (lower case) belongs to, with its value and whether only lower case counts."""
    entries = _DETAIL_INDEX.get(word)
    if entries is None and _UNDOING.fullmatch(word):
        return [("stated aim", word.replace("-", "").replace("ization", "isation"), False)]
    return entries or []


@lru_cache(maxsize=4096)
def _details(text: str) -> tuple[tuple[str, str, Word], ...]:
    """The class words of ``text``: (class, value, word), in order."""
    found = []
    for w in _class_words(text):
        for name, value, lower_only in _class_entries(w.lower):
            in_context = _READ_IN_CONTEXT.get(name)
            if (w.text.islower() or not lower_only) and (in_context is None or in_context(text, w)):
                found.append((name, value, w))
    return tuple(found)


_REGION_BEFORE = re.compile(r"\b(?:[Tt]he|[A-Z][\w-]*['’]s)\s+$")  # a name's possessive, not "the army's"
_BEARING_AFTER = re.compile(r"\s+of\b|-")


def _a_bearing(text: str, word: Word) -> bool:
    """Whether a compass word names a part of a country: a noun as a region (:func:`_a_region`), an
    adjective placing a name (:func:`_placing_a_name`)."""
    return _a_region(text, word) if word.lower in _REGION_NOUNS else _placing_a_name(text, word)


_REGION_NOUNS = {"north", "south", "east", "west", "north-east", "north-west", "south-east", "south-west"}


def _a_region(text: str, word: Word) -> bool:
    """Whether a compass noun names a part of the country ("attacks in the east", "a city in Ukraine's
    east", "the south-east"), not a bearing from a place ("55 km south of Bireun", "south-east of Kyiv")."""
    return (
        _REGION_BEFORE.search(text, max(0, word.start - 30), word.start) is not None
        and _BEARING_AFTER.match(text, word.end) is None
    )


_FOUNDING_OBJECT = re.compile(r"\s+(?:the|a|an|[A-Z])")


def _a_founding(text: str, word: Word) -> bool:
    """Whether a word of one's role in a body is said of a person: a noun ("manager", "founder"), or "founded"
    with what was founded after it ("who founded the Ukraine Forum"), not "Chatham House, founded in 1920"."""
    if not word.text.lower().endswith("founded"):
        return True
    return _FOUNDING_OBJECT.match(text, word.end) is not None


# Classes whose words count only where the words around them say so, each with the test that reads them.
_SERIES = re.compile(r"\s+(?:round|session|meeting|phase|stage|wave|attempt)s?\b")


def _one_of_a_series(text: str, word: Word) -> bool:
    """Whether ``word`` says which of a series a meeting was: "the latest round", "the first session"."""
    return text[max(0, word.start - 4) : word.start].lower() == "the " and _SERIES.match(text, word.end) is not None


_BY_MEANS = re.compile(r"\b(?:in|by|via|over|through)\s+(?:(?:an?|the)\s+)?(?:[a-z-]+\s+)?$", re.IGNORECASE)


def _a_means(text: str, word: Word) -> bool:
    """Whether ``word`` says how something was told: "in an interview", "by email", "in a brief phone call";
    not "could tap into any American's phone or e-mail"."""
    return _BY_MEANS.search(text, max(0, word.start - 30), word.start) is not None


_PEOPLE_IN_OFFICE = re.compile(
    r"(?:\s+[A-Z]?[a-z]+){0,2}?\s+(?:officials?|negotiators?|members?|diplomats?|aides?|advisers?|advisors?|"
    r"officers?|commanders?|ministers?|figures?|executives?|staffers?|envoys?|delegates?|generals?)\b"
)


def _ranks_a_person(text: str, word: Word) -> bool:
    """Whether ``word`` ranks a person in office within two words ("one top Russian official", "a junior
    member"); not "the top of the agenda", "senior citizens" or a "senior fellow" (a title of its own)."""
    return _PEOPLE_IN_OFFICE.match(text, word.end) is not None


_PLACED = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+)?(?:city|town|port|region|province|village|district|oblast)\s+of\s+[A-Z]"
    r"|\s+[A-Z][a-z]+\b"
)


def _placing_a_name(text: str, word: Word) -> bool:
    """Whether a compass adjective places a named place: "the western city of Lviv", "the central
    Ukrainian city of Lviv", "western Ukraine", "the eastern Donbas"; not "the northern tip" (capitalised,
    "Western nations" is no place at all)."""
    return _PLACED.match(text, word.end) is not None


def _bearings(word: str) -> set[str]:
    """The compass points a compass word is made of: {"north", "west"} for "north-western"."""
    value = _DETAIL_CLASSES["compass point"][0][word]
    return {part.removesuffix("ern") for part in value.split("-")}


_READ_IN_CONTEXT: dict[str, Callable[[str, Word], bool]] = {
    "rank": _ranks_a_person,
    "means of telling": _a_means,
    "compass point": _a_bearing,
    "role in a body": _a_founding,
    "place in a series": _one_of_a_series,
}


def _class_words(text: str) -> list[Word]:
    """``text``'s words, with each two-word member of a class ("air power") as one word in place of its two."""
    tokens = words(text)
    found: list[Word] = []
    skip = False
    for w, following in itertools.zip_longest(tokens, tokens[1:]):
        if skip:
            skip = False
            continue
        if following is not None and text[w.end : following.start] == " ":
            pair = Word(text[w.start : following.end], w.start, following.end)
            if pair.lower in _DETAIL_INDEX:
                found.append(pair)
                skip = True
                continue
        found.append(w)
    return found


@lru_cache(maxsize=64)
def _detail_values(text: str) -> frozenset[tuple[str, str]]:
    """(class, value) of every class word of ``text`` in any case (the article's whole text, once)."""
    return frozenset((name, value) for w in _class_words(text) for name, value, _ in _class_entries(w.lower))


def detail_conflicts(article: str, report: str, article_text: str) -> list[Conflict]:
    """In two paired sentences, a word of a closed class on each side, where the report's stands for one
    the article never names and the article's is one the report's sentence leaves out."""
    a_here, r_here = _details(article), _details(report)
    if not a_here or not r_here:
        return []
    named = _detail_values(article_text)
    conflicts = []
    for name in {n for n, _, _ in r_here} & {n for n, _, _ in a_here}:
        r_values = {value for n, value, _ in r_here if n == name}
        a_values = {value for n, value, _ in a_here if n == name}
        a_gone = [w for n, value, w in a_here if n == name and value not in r_values]
        r_new = [w for n, value, w in r_here if n == name and (name, value) not in named]
        pair = (a_gone[0], r_new[0]) if a_gone and r_new else None
        if pair is None and a_gone:
            # The article may name the report's word elsewhere ("charged with murder", then "pleaded guilty
            # to manslaughter"): after the same word, the two still fill one slot ("guilty to murder").
            r_other = [w for n, value, w in r_here if n == name and value not in a_values]
            pair = next(
                (
                    (a, r)
                    for r in r_other
                    for a in a_gone
                    if words_before(article, a.start) & words_before(report, r.start)
                ),
                None,
            )
        if (
            pair is not None
            and name in _NAMED_BY_COMPANY
            and not (_coordinated_values(article, pair[0], name) & _coordinated_values(report, pair[1], name))
        ):
            pair = None
        if pair is not None and name == "compass point" and _bearings(pair[0].lower) & _bearings(pair[1].lower):
            pair = None  # "northwestern" narrows "northern"; it does not gainsay it
        if (
            pair is not None
            and name in _SAID_OF_ONE_THING
            and not (_words_around(article, pair[0]) & _words_around(report, pair[1]))
        ):
            pair = None  # "badly damaged roads" / "destroyed houses": two things hit, each told once
        if pair is not None:
            a, r = pair
            wording = _DETAIL_WORDING.get(name, f"a different {name}")
            conflicts.append(
                Conflict.between(_DETAIL_KIND.get(name, "detail"), a, r, f"{a.text} vs {r.text}: {wording}")
            )
    return sorted(conflicts, key=lambda c: c.report_span)


def _coordinated_values(text: str, word: Word, name: str) -> set[str]:
    """The values of class ``name`` that ``word`` is coordinated with ("killed or wounded": killed)."""
    tokens = _class_words(text)
    at = next((i for i, w in enumerate(tokens) if w.start == word.start), None)
    if at is None:
        return set()
    found = set()
    for k in (at - 2, at + 2):
        if 0 <= k < len(tokens) and tokens[(at + k) // 2].lower in ("and", "or"):
            found |= {value for n, value, _ in _class_entries(tokens[k].lower) if n == name}
    return found


def _words_around(text: str, word: Word, most: int = 6) -> set[str]:
    """The stems of the words of content among the ``most`` words either side of ``word`` in its sentence."""
    start = max((m.end() for m in re.finditer(r"[.!?;]\s", text[: word.start])), default=0)
    end = next((m.start() + 1 for m in re.finditer(r"[.!?;](?:\s|$)", text[word.end :])), len(text) - word.end)
    near = words(text[start : word.start])[-most:] + words(text[word.end : word.end + end])[:most]
    return {stem(w.text) for w in near if w.lower not in FUNCTION_WORDS and len(w.text) > 2}


def words_before(text: str, start: int, most: int = 4) -> set[str]:
    """The stems of the words of content among the ``most`` words before ``start`` in its clause
    ("guilty" in "pleaded guilty on Thursday to murder")."""
    before = text[max(0, start - 80) : start]
    before = re.split(r"[,;:.!?()]", before)[-1]
    return {stem(w.text) for w in words(before)[-most:] if w.lower not in FUNCTION_WORDS and len(w.text) > 2}
