"""Swedish numbers as promise documents write them: digits and number words.

Number words: en/ett … tjugo, trettio … nittio, hundra and tusen, and compounds written as one
word ("tjugofem", "trettiotvå", "etthundratjugo"). A word is read after folding å/ä/ö to a/a/o,
so OCR damage that only loses the ring or the dots ("tva", "atta") still reads.

Approximations ("ett tiotal", "ett tjugotal", "ett hundratal", "ett par") give the round number
and mark it approximate; the target reader proposes them as "minst" that number, with a note
for the coordinator to check.
"""

import functools
import re

_UNITS = {
    "noll": 0,
    "en": 1,
    "ett": 1,
    "tva": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "atta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
    "tretton": 13,
    "fjorton": 14,
    "femton": 15,
    "sexton": 16,
    "sjutton": 17,
    "arton": 18,
    "aderton": 18,
    "nitton": 19,
}
_TENS = {
    "tjugo": 20,
    "trettio": 30,
    "fyrtio": 40,
    "fortio": 40,
    "femtio": 50,
    "sextio": 60,
    "sjuttio": 70,
    "attio": 80,
    "nittio": 90,
}

# "ett tiotal", "ett femtontal", "ett hundratal": the number before "tal".
_APPROXIMATE_SUFFIX = "tal"


# OCR's "I" for "l" and "0" for "o" inside a word: "PoIisen", "K0mmunen", "hoIla"; and "1" for
# "l" between small letters or "11" ending a word: "Po1isen", "fa1tassistenter", "ti11".
_OCR_LETTER = re.compile(
    r"I(?<=[a-zåäöé]I)(?=[a-zåäöé])|0(?<=[A-Za-zÅÄÖåäöé]0)(?=[a-zåäöé])"
    r"|1(?<=[a-zåäöé]1)(?=[a-zåäöé])|11(?<=[a-zåäöé]{2}11)(?![\w])"
)


# A digit inside a word, as text recognition reads a scan: "po1isen", "Medborgarl0fte", "f0r",
# or a word starting with one, "1ördag" ("1gång" is a count written together). A street number
# ("Storgatan 12"), a road ("E10"), "v. 12", "2ggr", "24/7" and abbreviations ("SSPF", "LPO")
# have none.
_SCANNED_WORD = re.compile(r"[a-zåäö][01][a-zåäö]|(?<![\w])[01](?!gång)[a-zåäö]{4}")
_MOST_SCANNED_WORDS = 3


def scanned_words(text: str) -> list[str]:
    """Up to three words of the text with a digit inside them, as text recognition gives them."""
    words: list[str] = []
    for match in _SCANNED_WORD.finditer(text):
        start, end = match.start(), match.end()
        while start > 0 and text[start - 1].isalnum() and match.start() - start < 40:
            start -= 1
        while end < len(text) and text[end].isalnum() and end - match.end() < 40:
            end += 1
        if text[start:end] not in words:
            words.append(text[start:end])
            if len(words) == _MOST_SCANNED_WORDS:
                break
    return words


def ocr_m(folded: str) -> str:
    """A folded word or phrase with OCR's "rn" for "m" read as "m" ("kornrnunen", "rninst"):
    a caller takes it only where the word it gives is one it knows ("barn" stays "barn")."""
    return folded.replace("rn", "m")


def _ocr_letter(match: re.Match) -> str:
    found = match.group()
    return "o" if found == "0" else "l" * len(found)


# The months written out, as dates in running text name them ("17 januari 2024").
MONTHS = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip


def ocr_letters(text: str) -> str:
    """The text with OCR's "I", "1" and "0" inside a word read as "l", "l" and "o", as `fold`
    reads them, its case and letters otherwise as written ("hastighetskontroIler":
    "hastighetskontroller")."""
    if "I" in text or "0" in text or "1" in text:
        return _OCR_LETTER.sub(_ocr_letter, text)
    return text


def fold(text: str) -> str:
    """The text in lower case with å/ä/ö (and é) folded to a/a/o (e), and OCR's "I", "1" and
    "0" inside a word read as "l", "l" and "o", as long as the text (so that offsets into the folded
    text are offsets into the text)."""
    if "I" in text or "0" in text or "1" in text:
        text = _OCR_LETTER.sub(_ocr_letter, text)
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    # str.replace is many times faster than str.translate on long texts.
    return lowered.replace("å", "a").replace("ä", "a").replace("ö", "o").replace("é", "e")


def _below_hundred(word: str) -> int | None:
    if word in _UNITS:
        return _UNITS[word]
    for tens, value in _TENS.items():
        if word == tens:
            return value
        if word.startswith(tens):
            rest = word[len(tens) :]
            unit = _UNITS.get(rest)
            if unit is not None and 1 <= unit <= 9:
                return value + unit
    return None


def _below_thousand(word: str) -> int | None:
    if not word:
        return None
    head, sep, rest = word.partition("hundra")
    if not sep:
        return _below_hundred(word)
    hundreds = 1 if head in ("", "ett", "en") else _below_hundred(head)
    if hundreds is None or not 1 <= hundreds <= 9:
        return None
    if not rest:
        return hundreds * 100
    tail = _below_hundred(rest)
    return None if tail is None or tail == 0 else hundreds * 100 + tail


# Number words as OCR damages them: å read as "d" or "i" ("tvd", "dtta").
_OCR_FORMS = {"tvd": "tva", "tvi": "tva", "dtta": "atta", "dttio": "attio", "tvé": "tva"}


@functools.lru_cache(maxsize=4096)
def word_value(word: str) -> int | None:
    """The value of a Swedish number word ("femton" 15, "tjugofem" 25, "tvåhundra" 200)."""
    word = fold(word)
    word = _OCR_FORMS.get(word, word)
    if not word or not word.isalpha() or len(word) > 40:
        return None
    head, sep, rest = word.partition("tusen")
    if not sep:
        return _below_thousand(word)
    thousands = 1 if head in ("", "ett", "en") else _below_thousand(head)
    if thousands is None or thousands == 0:
        return None
    if not rest:
        return thousands * 1000
    tail = _below_thousand(rest)
    return None if tail is None or tail == 0 else thousands * 1000 + tail


@functools.lru_cache(maxsize=4096)
def approximate_value(word: str) -> int | None:
    """The round number of "tiotal", "tjugotal", "hundratal" (10, 20, 100), else None."""
    word = fold(word)
    if not word.endswith(_APPROXIMATE_SUFFIX) or len(word) <= len(_APPROXIMATE_SUFFIX):
        return None
    value = word_value(word[: -len(_APPROXIMATE_SUFFIX)])
    return value if value and value >= 10 else None


_DIGITS = re.compile(r"\d{1,7}")


def digits_value(token: str) -> int | None:
    """The value of a run of digits ("25"), or None for anything else."""
    return int(token) if _DIGITS.fullmatch(token) else None
