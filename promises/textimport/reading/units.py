"""The smallest parts of a reading: word sets, sentences, an item's text without its bullet or
the tag naming its promises, and the vocabulary several readers share (an item's detail labels,
the promise's own sentence, the start of an activity or a goal, numbers in words).
"""

import re

from promises.textimport.lines import Line as _Line
from promises.textimport.lines import kw as _kw
from promises.textimport.tokens import word_set

# Running text: "Det innebär att polisen genomför … och att kommunen förbättrar …".
SENTENCE = re.compile(r"\S.*?(?:[.!?](?=\s+[A-ZÅÄÖ]|\s*$)|$)", re.DOTALL)
LEAD_IN = re.compile(
    r"(?:det|detta|konkret) (?:innebar|betyder) (?:det )?att |vi lovar (?:ocksa )?att "
)
AND_THAT = re.compile(r",? och att ")
# Under a party's heading also a second subject with its own verb after a comma: "…, och de
# kommer att fotpatrullera …", "…, och kommunens fältare ska vara ute …"
AND_THAT_OWNED = re.compile(
    r",? och att |, och (?=(?:de|vi|[a-z]+s [a-z]+|[a-z]+) (?:kommer att|ska|skall) [a-z])"
)


# "Vi genomför …", "Vi bjuder också in …": what the party a heading names does.
# Also "de kommer att …" under it, the party named before.
WE_DO = re.compile(
    r"(?:vi (?:ocksa |aven |dessutom )?[a-z]{2,}(?:ar|er|or|ir|ur)"
    r"|(?:vi|de) (?:ocksa |aven |dessutom )?(?:kommer att|ska|skall) [a-z]{2,})\b"
)


def sentence_lines(items: list[tuple[int, int, str]]) -> bool:
    """Whether the lines under a heading are a few sentences, one per line ("Vi lovar att
    arbeta för …", "Vi lovar att minska …"): a list without bullets, not running text."""
    return 2 <= len(items) <= 8 and all(
        len(text) <= 200 and end_of_sentence(text) >= len(text.strip()) for _s, _e, text in items
    )


def end_of_sentence(text: str) -> int:
    match = re.search(r"[.!?](?=\s|$)", text)
    return match.end() if match else len(text)


def has_words(text: str) -> bool:
    return any(char.isalpha() for char in text)


def strip_item(text: str) -> str:
    return text.strip().rstrip(",;").strip()


NUMBER_WORDS = word_set(
    "en ett tva tre fyra fem sex sju atta nio tio elva tolv tretton fjorton femton sexton "
    "sjutton arton nitton tjugo trettio fyrtio femtio hundra"
)
GOAL_START = re.compile(
    r"(?:att )?(?:oka|minska|forbattra|skapa|starka|motverka|forebygga|hoja|sanka|forhindra"
    r"|bidra|verka for|utveckla|okad|minskad|battre|tryggare|sakrare|farre)\b"
)
ACTIVITY_START = re.compile(
    r"(?:genomfora|hålla|halla|anordna|arrangera|ordna|erbjuda|delta|informera|utbilda|"
    r"patrullera|fotpatrullera|kontrollera|besoka|bjuda in|ta fram|kartlagga|inratta)\b"
)


# The labels an item may carry after its text: "Ansvar: Polisen. Tid: Hösten 2026."
_DETAIL_WORDS = (
    r"(?:(?:huvud)?ansvar(?:ig)?(?: (?:funktion|roll|enhet))?|vem|tid(?:plan)?|när"
    # "Mätbart mål: minst tjugofem insatser under löftesperioden"
    r"|(?:mätbart )?mål(?:värde)?|frekvens|indikator"
    # English labels: "Owner: Polisen", "Frequency: 2/månad", "Deadline: Q2 2026"
    r"|owner|frequency|deadline|omfattning|ansv\."
    # what was done last year, beside the target: "Genomfört 2025: 21 kontroller" ("Genomf
    # ört" as a PDF may space a word before a letter with diacritics)
    r"|genomf ?ört(?: \d{4})?|utfall(?: \d{4})?|resultat(?: \d{4})?)\s*:"
)
RESULT_LABEL = _kw(r"(?:^|\s)(?:genomf ?ört|utfall|resultat)(?: \d{4})?\s*:")
DETAIL_LABEL = _kw(rf"^{_DETAIL_WORDS}")
DETAIL_IN_TEXT = _kw(rf"\s{_DETAIL_WORDS}")
DETAIL_AT_END = _kw(rf"(?:^|\s){_DETAIL_WORDS}$")


# The promises a line says it serves, in brackets after it: "[A]", "[A, B]", "[2]".
_REFERENCE_TAG = re.compile(r"\[[A-Z0-9]{1,2}(?:, ?[A-Z0-9]{1,2}){0,5}\]")


def untagged(text: str) -> str:
    """The text without the tag at its end naming the promises it serves ("… per år. [A]")."""
    text = text.rstrip()
    if text.endswith("]") and _REFERENCE_TAG.fullmatch(text, text.rfind("[")):
        return text[: text.rfind("[")].rstrip() or text
    return text


def sub_heading_over_items(lines: list[_Line], index: int) -> bool:
    """Whether lines[index] is a short heading right over bulleted items (no blank line
    between), as a place or a theme under a party's heading is."""
    following = lines[index + 1] if index + 1 < len(lines) else None
    return bool(following is not None and following.bullet and not lines[index].bullet)


# "Polisen och Kalix kommun lovar invånarna i Kalix att arbeta för ett tryggare centrum."
# How far into an item a promise's own words are looked for.
PROMISE_SENTENCE_REACH = 120
PROMISE_SENTENCE = re.compile(
    r"\blovar\b(?: \S+){0,6}? att (?:(?:under|fram till) (?:\S+ ){1,2})?"
    r"(?:tillsammans |gemensamt )?"
    # "Vi lovar att arbeta tillsammans för att …"
    r"(?:arbeta (?:tillsammans |gemensamt )?(?:for|med)|verka for|minska|oka|skapa"
    r"|fortsatta arbeta)\b"
    # "Vårt löfte till dig är att vi ska arbeta för …", as a letter to residents says it
    r"|\b(?:medborgar)?loftet?\b(?: \S+){0,4}? ar att (?:vi (?:ska|skall|kommer att) )?"
    r"(?:arbeta (?:for|med)|verka for|minska|oka|skapa)\b"
    # a poster's "Polisen och Rättviks kommun lovar dig ett tryggare Rättvik"
    # and a news headline's "Polisen och kommunen lovar tryggare kvällar i centrum"
    r"|\blovar (?:(?:dig|er|invanarna|alla) )?(?:(?:ett|en) )?(?:tryggare|sakrare|lugnare"
    r"|battre)\b"
    # a leaflet's "Därför lovar vi dig att Vallentuna centrum … ska bli tryggare"
    r"|\blovar vi (?:dig|er) att\b"
)
