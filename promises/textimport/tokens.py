"""The words of an activity's text as the target reader sees them (`Token`: a word, a number,
a sign, folded and with its place), and the vocabulary its parts share: comparators, months and
units of time, prepositions and the words a count cannot follow, the verbs that say something
is done.
"""

import re
from dataclasses import dataclass

from promises.textimport.numbers import digits_value, fold, ocr_m, word_value


def word_set(words: str) -> frozenset[str]:
    """The words of a space-separated list."""
    return frozenset(words.split())


LONGEST = 2000
# A word keeps its inner hyphens: "pop-up-polisstation", "community-möten", "SSPF-möten".
_TOKEN = re.compile(r"\d+|[^\W\d_]+(?:-[^\W\d_]+)*|[^\w\s]")

MONTHS = word_set(
    "jan januari feb februari mar mars apr april maj jun juni jul juli aug augusti sep sept "
    "september okt oktober nov november dec december"
)
TIME_UNITS = word_set(
    "sekund sekunder minut minuter timme timmar timmes timmars dygn dag dagar dagars vecka "
    "veckor veckors manad manader manaders"
    # "inom högst fem arbetsdagar": a time limit, as "inom två dygn" is
    " arbetsdag arbetsdagar arbetsdagars vardag vardagar vardagars"
)
YEAR_WORDS = word_set("ar ars aren arig ariga aring aringar aringarna arsaldern")


# A relative clause between a counted noun and a scope: the scope is the clause's.
RELATIVE_CLAUSE = re.compile(r"\b(?:som|dar|nar)\b")


PREPOSITIONS = word_set(
    "i pa for av till med vid under kring inom bland mellan mot om fran efter genom hos "
    "utan at over infor langs"
)
STOP = PREPOSITIONS | word_set(
    "och eller samt som dar da nar att ska skall kommer vill kan bor per varje dagligen "
    "arligen manatligen under totalt sammanlagt inklusive exklusive respektive bade "
    "vilka vilken vilket ett en den det de tillsammans gemensamt aven ocksa dessutom "
    "regelbundet lopande kontinuerligt runt fore"
)
VERBS = word_set(
    "genomfora genomfor arbeta arbetar delta deltar erbjuda erbjuder organisera organiserar "
    "forbattra implementera borja anvanda presentera sprida utveckla ta skapa oka minska "
    "verka bedriva halla haller anordna anordnar informera utbilda kartlagga folja stodja "
    "finnas finns vara ar gora gor fortsatta samverka bjuda planera utfora patrullera "
    "fotpatrullera kontrollera besoka besoker traffa medverka inratta starta genomforas "
    "genomfors hallas halls ska redovisa redovisas ge ger ha har fa far"
)
# Verbs whose object is the work counted: "genomföra fotpatruller … 40 gånger".
DOING_VERBS = word_set(
    "genomfora genomfor halla haller anordna anordnar bedriva bedriver utfora utfor "
    "organisera organiserar arrangera arrangerar gora gor"
)
# "ordnar en föräldrakväll", "arrangerar ett sommar-event": one event, counted.
ONE_EVENT_VERBS = word_set(
    "genomfora genomfor halla haller anordna anordnar arrangera arrangerar ordna ordnar gora gor"
)


SET_WORDS = word_set("samtliga alla de dessa vara bada bagge samtliga")
# A count of a part of the target before it: "varav minst en i Tråsättra", "därav tre i skolan".
SHARE_WORDS = word_set("varav darav")
MODAL_WORDS = word_set("ska skall kommer vill lovar forbinder atar avser")
NOT_A_COUNT = word_set("flertal antal fatal stort okat par antal annat annan av del")
ACTIVITY_CONTEXT = re.compile(
    r"\b(?:ska|skall|kommer att|vill|lovar|forbinder sig|atar sig|avser att)\b"
)
# "delta i tre medborgardialoger": the number after the preposition is the verb's object.
TAKES_PREPOSITION = word_set("delta deltar medverka medverkar bidra bidrar")


COMPARATORS = (
    # (words before the number, comparator, note kind)
    (("inte", "farre", "an"), "at_least", ""),
    (("inte", "mindre", "an"), "at_least", ""),
    (("inte", "fler", "an"), "at_most", ""),
    (("inte", "mer", "an"), "at_most", ""),
    (("inte", "over"), "at_most", ""),
    (("som", "minst"), "at_least", ""),
    (("som", "mest"), "at_most", ""),
    (("som", "hogst"), "at_most", ""),
    (("upp", "till"), "at_most", ""),
    (("fler", "an"), "at_least", "more"),
    (("mer", "an"), "at_least", "more"),
    (("minst",), "at_least", ""),
    (("atminstone",), "at_least", ""),
    (("minimum",), "at_least", ""),
    (("min",), "at_least", ""),  # "min. 3 kvällar/vecka"
    (("drygt",), "at_least", "approximate"),
    (("hogst",), "at_most", ""),
    (("max",), "at_most", ""),
    (("maximalt",), "at_most", ""),
    (("maximum",), "at_most", ""),
    (("exakt",), "exactly", ""),
    (("precis",), "exactly", ""),
    (("cirka",), "at_least", "approximate"),
    (("ca",), "at_least", "approximate"),
    (("ungefar",), "at_least", "approximate"),
    (("omkring",), "at_least", "approximate"),
    (("runt",), "at_least", "approximate"),
    (("kring",), "at_least", "approximate"),
    (("mellan",), "at_least", "range"),
    # the signs a plan's target column uses: "Målvärde: ≥ 24 per år", "≤ 48 timmar"
    (("≥",), "at_least", ""),
    (("≤",), "at_most", ""),
)

# The words the reader knows that have an "m", read so when a scan gives "rn" for it.
_KNOWN_WITH_M = frozenset(
    word
    for word in STOP
    | VERBS
    | DOING_VERBS
    | ONE_EVENT_VERBS
    | MONTHS
    | TIME_UNITS
    | {word for words, _comparator, _note in COMPARATORS for word in words}
    if "m" in word
)


@dataclass
class Token:
    text: str
    folded: str
    start: int
    end: int


def tokens_of(text: str) -> list[Token]:
    folded = fold(text)
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        word = folded[m.start() : m.end()]
        if "rn" in word and ocr_m(word) in _KNOWN_WITH_M:
            word = ocr_m(word)  # a scan's "rninst", "genornföra", "rned": "rn" for "m"
        token = Token(text[m.start() : m.end()], word, m.start(), m.end())
        previous = tokens[-1] if tokens else None
        # "1 000": a thousands group written with a space.
        if (
            previous is not None
            and token.text.isdigit()
            and len(token.text) == 3
            and previous.text.isdigit()
            and len(previous.text) <= 3
            and token.start == previous.end + 1
            and text[previous.end] == " "
            and not previous.text.startswith("0")
        ):
            joined = previous.text + token.text
            tokens[-1] = Token(joined, joined, previous.start, token.end)
            continue
        tokens.append(token)
    return tokens


def is_word(token: Token) -> bool:
    """Letters only, or words joined by hyphens ("pop-up-polisstation")."""
    return token.text.replace("-", "").isalpha()


def value_of(token: Token) -> int | None:
    if token.text.isdigit():
        return digits_value(token.text)
    value = word_value(token.text)
    return value if value is not None and token.folded not in {"en", "ett", "noll"} else None
