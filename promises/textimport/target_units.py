"""What a target counts: the noun after the number (adjectives left out), else the one the
item starts with or names, with its singular where the ending tells it.
"""

import functools
import re

from promises.textimport.numbers import fold, ocr_letters
from promises.textimport.tokens import (
    DOING_VERBS,
    MODAL_WORDS,
    STOP,
    VERBS,
    Token,
    is_word,
    tokens_of,
    word_set,
)

# ("drogfria aktiviteter", "alkoholfria fester": "-fria" is "free of")
_ADJECTIVE_ENDINGS = ("ande", "ende", "iga", "ade", "ska", "liga", "ala", "ella", "fria")
_NOUN_ENDINGS = ("er", "ar", "or", "en", "ningar", "ioner", "ter", "tal", "mal", "on")


# Plural ↔ singular endings of the nouns promise texts count, longest first.
_PLURAL_SINGULAR = (
    ("tillfallen", "tillfalle"),
    ("moten", "mote"),
    ("ningar", "ning"),
    ("ringar", "ring"),
    ("ioner", "ion"),
    ("kontroller", "kontroll"),
    ("patruller", "patrull"),
    ("insatser", "insats"),
    ("dialoger", "dialog"),
    ("traffar", "traff"),
    ("atgarder", "atgard"),
    ("kvallar", "kvall"),
    ("natter", "natt"),
    ("helger", "helg"),
    ("dagar", "dag"),
    ("veckor", "vecka"),
    ("timmar", "timme"),
    ("kampanjer", "kampanj"),
    ("enkater", "enkat"),
    ("aktiviteter", "aktivitet"),
    ("heter", "het"),
    ("bilder", "bild"),
    ("familjer", "familj"),
    ("event", "event"),  # an English loan: "ett event", "två event"
    ("enter", "ent"),
    ("besok", "besok"),
    ("samtal", "samtal"),
    ("ganger", "gang"),
    ("razzior", "razzia"),
    ("tillsyner", "tillsyn"),
    ("rundor", "runda"),
    ("turer", "tur"),
    ("raider", "raid"),
    ("projekt", "projekt"),
    ("seminarier", "seminarium"),
    ("forelasningar", "forelasning"),
    ("utbildningar", "utbildning"),
    ("skolor", "skola"),
    ("platser", "plats"),
    ("pass", "pass"),
)


@functools.lru_cache(maxsize=1024)
def _singular(plural: str) -> str:
    folded = fold(plural)
    for plural_end, singular_end in _PLURAL_SINGULAR:
        if folded.endswith(plural_end):
            stem = plural[: len(plural) - len(plural_end)]
            return stem + _unfold_like(plural[len(stem) :], singular_end)
    return ""


@functools.lru_cache(maxsize=1024)
def plural_of(singular: str) -> str:
    folded = fold(singular)
    for plural_end, singular_end in _PLURAL_SINGULAR:
        if folded.endswith(singular_end):
            stem = singular[: len(singular) - len(singular_end)]
            return stem + _unfold_like(singular[len(stem) :], plural_end)
    return ""


def _unfold_like(original: str, folded_ending: str) -> str:
    """The folded ending written with the original's å/ä/ö where the letters line up."""
    letters = list(folded_ending)
    for position, char in enumerate(original[: len(letters)]):
        if fold(char) == letters[position]:
            letters[position] = char
    return "".join(letters)


def _noun_like(word: str) -> bool:
    return word.endswith(_NOUN_ENDINGS) and not word.endswith(_ADJECTIVE_ENDINGS)


def heading_noun(tokens: list[Token]) -> tuple[str, str] | None:
    """The counted noun an item without a verb starts with: "Trygghetsvandringar i centrum två
    gånger per år" counts trygghetsvandringar (plural, singular)."""
    if any(token.folded in MODAL_WORDS for token in tokens):
        return None
    # After the owner named first: "Gemensamt – trygghetsvandring vid skolorna 4 st/år"; but
    # "Trafikkontroller vid resecentrum: minst 24 under året" counts what it names first.
    for position, token in enumerate(tokens[1:5], start=1):
        if token.text in {"–", "—", ":"} and position + 1 < len(tokens):
            return _first_noun(tokens[position + 1 :]) or _first_noun(tokens)
    return _first_noun(tokens)


def _first_noun(tokens: list[Token]) -> tuple[str, str] | None:
    """The counted noun a text starts with, after an adjective: (plural, singular)."""
    first = tokens[0]
    if (
        len(tokens) > 1
        and is_word(tokens[1])
        and (first.folded in _LEADING_ADJECTIVES or _adjective(first.folded))
    ):
        first = tokens[1]  # "Riktade trafikkontroller": the noun after its adjective
    if not is_word(first) or first.folded in STOP or first.folded in VERBS:
        return None
    word = ocr_letters(first.text).lower()  # a scan's "hastighetskontroIler" as its word
    if first.folded.endswith(_MASS_NOUNS):
        return None  # "Information till föräldrar en gång per läsår": no informations counted
    singular = _singular(word)
    if singular:
        return word, singular
    plural = plural_of(word)
    return (plural, word) if plural else None


_MASS_NOUNS = ("information", "narvaro", "belysning")
_LEADING_ADJECTIVES = word_set(
    "fler nya extra okade sarskilda gemensam gemensamma regelbundna oppna stora sma"
)


def _adjective(folded: str) -> bool:
    return folded.endswith(_ADJECTIVE_ENDINGS) and not _noun_like(folded)


def object_noun(tokens: list[Token]) -> tuple[str, str] | None:
    """The noun right after the item's verb, before a count of times: "Genomföra fotpatruller i
    centrum minst 40 gånger per år" counts fotpatruller, "håller brandskyddsutbildning …"
    brandskyddsutbildningar (plural, singular)."""
    for position, token in enumerate(tokens[:8]):
        if token.folded in DOING_VERBS and position + 1 < len(tokens):
            return _first_noun(tokens[position + 1 :])
    return None


def named_noun(tokens: list[Token], number_index: int) -> tuple[str, str] | None:
    """A counted noun (a plural of a known ending) the item names anywhere, the nearest before
    its number first: "öka antalet narkotikakontroller till minst 8 per månad"."""
    for position, token in enumerate(tokens[: number_index - 1]):
        following = tokens[position + 1]
        if token.folded in {"antalet", "antal"} and is_word(following):
            # "Antalet larm ska vara högst fem per månad": what is counted, as written
            return following.text.lower(), _singular(
                following.text.lower()
            ) or following.text.lower()
    before = reversed(tokens[:number_index])
    for token in [*before, *tokens[number_index + 1 :]]:
        if not is_word(token) or token.folded in STOP or token.folded in VERBS:
            continue
        if len(token.folded) > 4 and (singular := _singular(token.text.lower())):
            return token.text.lower(), singular
    return None


def invariant_noun(counted: str) -> tuple[str, str] | None:
    """The noun a table's activity cell starts with, also one whose plural is its singular
    ("Kontrollköp av alkohol" beside "Minst 20 per år")."""
    tokens = tokens_of(counted)
    first = tokens[0] if tokens else None
    if first is None or not is_word(first) or first.folded in STOP or first.folded in VERBS:
        return None
    if len(first.folded) < 5 or _adjective(first.folded) or first.folded.endswith("a"):
        return None  # an adjective or an infinitive: "Öka …", "Riktade …"
    return first.text.lower(), first.text.lower()


def item_noun(tokens: list[Token], number_index: int) -> tuple[str, str] | None:
    """What an item counts when the number itself names nothing: the noun it starts with, or
    else its verb's object before the number."""
    return heading_noun(tokens) or object_noun(tokens[:number_index])


def counted_unit(
    tokens: list[Token], index: int, patrol: re.Match | None
) -> tuple[str, str, int, int]:
    """The counted noun after the number at tokens[index]: (unit, singular, end, next index)."""
    position = index + 1
    # "8 st …", "8 stycken …", and a multiplication sign in a count-first list: "12 x …".
    while position < len(tokens) and tokens[position].folded in {"st", "stycken", "x", "×"}:
        position += 1
        if position < len(tokens) and tokens[position].text == ".":
            position += 1
    after_pieces = position > index + 1  # "st"/"stycken" stood after the number
    if position >= len(tokens) or after_pieces and tokens[position].text == "/":
        # "4 st/år": the item's own noun is counted, if it starts with one.
        noun = item_noun(tokens, index) if after_pieces else None
        end = tokens[position - 1].end
        if noun:
            return noun[0], noun[1], end, position
        if after_pieces and tokens[index + 1].folded in {"x", "×"}:
            return "gånger", "gång", end, position  # "1 x/mån": once a month
        return "", "", 0, position
    first = tokens[position]
    if tokens[index + 1].folded in {"x", "×"} and first.folded in {"per", "i", "om", "varje"}:
        # "2 x per termin", "3 x i veckan": a multiplication sign before its span is "gånger".
        return "gånger", "gång", tokens[position - 1].end, position
    # "ggr", and "g" before a slash: "2 g/vecka".
    followed_by_slash = position + 1 < len(tokens) and tokens[position + 1].text == "/"
    if first.folded in {"ganger", "gang", "ggr"} or first.folded == "g" and followed_by_slash:
        if patrol:
            stem = patrol.group(1)
            return f"{stem}patrulleringar", f"{stem}patrullering", first.end, position + 1
        noun = item_noun(tokens, index)
        if noun:
            return noun[0], noun[1], first.end, position + 1
        return "gånger", "gång", first.end, position + 1
    if first.folded in {"tillfallen", "tillfalle"}:
        return "tillfällen", "tillfälle", first.end, position + 1
    words: list[Token] = []
    while position < len(tokens) and len(words) < 5:
        token = tokens[position]
        if token.text == "-" and words and position + 1 < len(tokens):
            # "alkohol- och narkotikakontroller": keep the compound's first part.
            if tokens[position + 1].folded in {"och", "eller"}:
                words.append(token)
                words.append(tokens[position + 1])
                position += 2
                continue
            break
        if not is_word(token) or token.folded in STOP or token.folded in VERBS:
            break
        if token.folded.endswith("era") and len(token.folded) > 5:
            break  # an infinitive: organisera, implementera
        if (
            words
            and token.folded.endswith(("ade", "ande", "ende"))
            and _noun_like(words[-1].folded)
            and words[-1].folded.endswith(("er", "ar", "or"))
        ):
            break  # a participle after the counted noun: "narkotikakontroller riktade mot …"
        words.append(token)
        position += 1
    words = [w for w in words if is_word(w) or w.text == "-"]
    if not words or words[-1].folded in {"och", "eller"}:
        return "", "", 0, position
    if (
        len(words) >= 2
        and words[-1].folded.endswith("s")
        and not words[-2].folded.endswith("s")
        and _noun_like(words[-2].folded)
    ):
        words.pop()  # "två nya övergångsställen byggs": a verb in the passive, no noun
    head = words[-1]
    if not _noun_like(head.folded) and head.folded.endswith(_ADJECTIVE_ENDINGS):
        # "hastighetsdämpande eller på annat sätt trafikfrämjande åtgärder": find the noun.
        for token in tokens[position : position + 7]:
            if token.text in {".", ",", ";"}:
                break
            if is_word(token) and token.folded not in STOP and _noun_like(token.folded):
                head = token
                break
        else:
            return "", "", 0, position
        words = [head]
    # The compound "X- och Y" stays whole; other words before the head are adjectives.
    start = head
    for k in range(len(words) - 1, 1, -1):
        if (
            words[k] is head
            and words[k - 1].folded in {"och", "eller"}
            and words[k - 2].text == "-"
        ):
            start = words[k - 3] if k >= 3 else head
            break
    unit_text = _text_between(tokens, start, head)
    if start is head and len(words) >= 2 and _BROKEN_OFF.fullmatch(words[-2].text):
        unit_text = words[-2].text + head.text  # "tr afikkontroller": a word OCR broke
    singular = _singular(unit_text)
    return unit_text[:60], singular[:60], head.end, position


# A word's first letters that OCR set apart ("tr afikkontroller"): no vowel, no abbreviation.
_BROKEN_OFF = re.compile(r"(?!(?:st|kr|km|nr|kl|mm|cm|ml|kg)$)[b-df-hj-np-tv-xz]{1,3}")


def _text_between(tokens: list[Token], first: Token, last: Token) -> str:
    parts = []
    inside = False
    for token in tokens:
        if token is first:
            inside = True
        if inside:
            if parts and token.text != "-":
                parts.append(" ")
            parts.append(token.text)
        if token is last:
            break
    return "".join(parts)
