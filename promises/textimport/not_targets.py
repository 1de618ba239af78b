"""Numbers that are no target: years, dates, times, ages, school years, postal codes, street
numbers, law references, durations, ranges whose second number counts something else, and
people taken on; approximations written in digits ("20-tal") and multipliers ("x3").
"""

from promises.textimport.tokens import MONTHS, YEAR_WORDS, Token, value_of, word_set

_AFTER_NOT_TARGET = word_set(
    "procent procentenheter kr kronor tkr mkr miljoner miljarder sek km meter mil m kvm "
    "kvadratmeter kap kapitlet"
)
_BEFORE_NOT_TARGET = word_set(
    "kl klockan tel telefon tfn mobil nr nummer sfs kap arskurs arskurserna ak klass klasser "
    "fokusomrade loftesomrade insatsomrade omrade lofte aktivitet punkt bilaga steg version "
    "dnr ks sida vecka v "
    "niva zon linje linjen buss hus plan rum lagenhet postnummer box paragraf dagordning "
    "kapitel prop sou vag riksvag lansvag"
)
# People taken on are resources, not activities to log: "anställer (kommunen) fyra fältassistenter".
_HIRING = word_set(
    "anstaller anstalla anstalls anstallas rekryterar rekrytera rekryteras"
    # time and people set aside: "IGV avsätter ca 2 patruller fre–lör"
    " avsatter avsatta avsatts avsattes"
)


# What holds each time, never how many times: "Nattvandrarna går …, alltid minst tre vuxna".
_EACH_TIME = word_set("alltid")
_STREET_ENDINGS = (
    "gatan",
    "gata",
    "vagen",
    "vag",
    "grand",
    "torget",
    "torg",
    "platsen",
    "stigen",
    "allen",
    "backen",
    "leden",
    "gangen",
)


# A house or floor is numbered in digits: "hus 3", never "hus fyra".
_NUMBERED_PLACES = word_set("hus plan rum")


def _postal_code(tokens: list[Token], index: int) -> bool:
    """Whether tokens[index] is a part of a postal code before its town: "235 81 Vellinge"."""
    first = index if len(tokens[index].text) == 3 else index - 1
    if first < 0 or first + 2 >= len(tokens):
        return False
    code, rest, town = tokens[first], tokens[first + 1], tokens[first + 2]
    return (
        len(code.text) == 3
        and code.text.isdigit()
        and len(rest.text) == 2
        and rest.text.isdigit()
        and rest.start == code.end + 1
        and town.text[:1].isupper()
        and town.text.isalpha()
    )


def not_a_target(tokens: list[Token], index: int, excluded: set[int]) -> bool:
    """Whether the number at tokens[index] is no target (a year, a date, an age …)."""
    token = tokens[index]
    before = [t.folded for t in tokens[max(0, index - 3) : index]]
    after = [t.folded for t in tokens[index + 1 : index + 4]]
    prev = before[-1] if before else ""
    prev_text = tokens[index - 1].text if index else ""
    nxt = after[0] if after else ""
    if token.text.isdigit():
        if len(token.text) == 4 and 1900 <= int(token.text) <= 2100:
            return True
        if (
            index
            and tokens[index - 1].end == token.start
            and tokens[index - 1].text.isalpha()
            and not multiplier(tokens, index)
        ):
            # Digits glued to a word: a scan's "fa1tassistenter", "ti11", a code "AP1", a
            # road "E4"; never a count, unless a multiplier's "x3".
            return True
        if token.text.startswith("0") and len(token.text) >= 2:
            return True
        if _postal_code(tokens, index):
            return True  # "235 81 Vellinge"
        # Times, dates, references and ranges: 22.00, 2019:1234, 22–03, 5/6.
        if nxt in {":", ".", "/", "-", "–", "—", ","} and index + 2 < len(tokens):
            following = tokens[index + 2]
            if following.text.isdigit() and following.start == tokens[index + 1].end:
                return True
        if prev_text in {":", ".", "/", "-", "–", "—", ","} and index >= 2:
            preceding = tokens[index - 2]
            if preceding.text.isdigit() and preceding.end == tokens[index - 1].start:
                return True
        if prev_text == "§" or nxt == "§":
            return True
    # A range written in words or digits: "två–tre", "2-3 gånger".
    if nxt in {"-", "–", "—"} and index + 2 < len(tokens) and value_of(tokens[index + 2]):
        return True
    if prev in {"-", "–", "—"} and index >= 2 and value_of(tokens[index - 2]):
        return True
    if _HIRING & set(before[-2:]) or _EACH_TIME & set(before[-2:]):
        return True
    numbered_place = prev in _NUMBERED_PLACES and not token.text.isdigit()
    if (
        prev in _BEFORE_NOT_TARGET and token.folded not in {"en", "ett"} and not numbered_place
    ) or (prev == "." and len(before) >= 2 and before[-2] in _BEFORE_NOT_TARGET):
        # "hus 3", "vecka 32"; not "Ungdomens hus en gång i månaden", "Albys hus fyra kvällar"
        return True
    if (
        prev.endswith(_STREET_ENDINGS)
        and tokens[index - 1].text[:1].isupper()
        and token.text.isdigit()
        and nxt not in _TIMES_WORDS
    ):
        # "Lingvägen 123"; a number in words is never a street's ("på Magelungsvägen två
        # gånger i månaden"), nor one followed by "gånger" ("på Lönngatan 2 gånger i månaden")
        return True
    # "årskurs 5 och 6", "fokusområde 1 och 2": the second number shares the first's reason.
    # After a comma or "till" only a number written as that one is ("årskurs 5, 6 och 7",
    # "årskurs 7 till 9"): "årskurs 7, fyra möten per år" and "bjuder in föräldrar till elever
    # i årskurs 7–9 till fyra föräldraträffar" go on with a count.
    if (
        prev in {"och", ",", "eller", "till"}
        and index >= 2
        and (index - 2) in excluded
        and (prev not in {",", "till"} or token.text.isdigit() == tokens[index - 2].text.isdigit())
    ):
        return True
    if nxt in MONTHS or nxt in YEAR_WORDS or nxt in _AFTER_NOT_TARGET or nxt == "%":
        return True
    if (
        nxt in {"-", "–"}
        and len(after) >= 2
        and (after[1] in YEAR_WORDS or after[1] in _AFTER_NOT_TARGET)
    ):
        return True
    if nxt == ":" and len(after) >= 2 and after[1] in {"a", "e"}:
        return True  # 1:a, 2:e
    return prev == "den" and nxt in MONTHS


_TIMES_WORDS = frozenset({"ganger", "gang", "ggr"})


def tens_in_digits(tokens: list[Token], index: int) -> bool:
    """Whether the number at tokens[index] is an approximation written in digits: "20-tal"."""
    return (
        index + 2 < len(tokens)
        and tokens[index + 1].text == "-"
        and tokens[index + 2].folded == "tal"
        and tokens[index + 1].start == tokens[index].end
        and tokens[index + 2].start == tokens[index + 1].end
    )


def kind_is_range(found: tuple[str, str, int] | None) -> bool:
    """Whether the comparator found is "mellan" (a range)."""
    return bool(found) and found[1] == "range"


def range_excluded(tokens: list[Token], index: int, excluded: set[int]) -> bool:
    """Whether "mellan 10 och 15 år" is no target: the range's second number is none."""
    if index + 2 >= len(tokens) or tokens[index + 1].folded != "och":
        return False
    second = index + 2
    return value_of(tokens[second]) is not None and not_a_target(tokens, second, excluded)


def range_has_second(tokens: list[Token], index: int) -> bool:
    """Whether "mellan" before tokens[index] opens a range ("mellan 10 och 15", "mellan 2–4"):
    "flytta dem mellan sex platser" names places, a count after a preposition, no target."""
    return (
        index + 2 < len(tokens)
        and tokens[index + 1].folded in ("och", "till", "–", "—", "-")
        and value_of(tokens[index + 2]) is not None
    )


def multiplier(tokens: list[Token], index: int) -> bool:
    """Whether the number at tokens[index] is written as a multiplier, "x3" ("Omfattning:
    x3"): so many times."""
    if (
        index == 0
        or tokens[index - 1].folded != "x"
        or tokens[index - 1].end != tokens[index].start
    ):
        return False
    return (
        index == 1
        or tokens[index - 2].end < tokens[index - 1].start
        or not (tokens[index - 2].text.isalnum())
    )
