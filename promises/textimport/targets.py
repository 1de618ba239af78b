"""Reading an activity's numeric target from its text ("minst femton trafikkontroller"):
`read_target`, with the words as `tokens`, what a count is per in `scopes`, the numbers that are
no target in `not_targets`, and what is counted in `target_units`.

The rules, as the coordinator's preview applies them:

- A number is digits or a Swedish number word (see `numbers`); "ett dussin" is 12 ("ett halvt
  dussin" 6, "två dussin" 24). "en"/"ett" count only after a
  comparator ("minst en"), before a scope ("en trygghetsmätning per år", "en gång i månaden"),
  or as the object of "genomföra/hålla/anordna" (then marked for checking): otherwise they are
  articles.
- Comparator: minst / som minst / åtminstone / inte färre än / inte mindre än / ≥ → at_least;
  högst / max / maximalt / som mest / inte fler än / inte mer än / upp till / ≤ → at_most;
  exakt / precis → exactly; fler än / mer än / över N → at_least N+1; no word → a bare count.
- Approximations ("ett tiotal", "ett tjugotal", "ett 20-tal", "ett hundratal", "ett par",
  "cirka/ca/ungefär/omkring/runt N") are proposed as at least the round number (10, 20, 100, 2,
  N), with the note "Antalet är ungefärligt: …" for the coordinator to check. "några", "flera",
  "ett flertal" give no target.
- Unit: the counted noun after the number, adjectives left out ("femton riktade insatser" →
  "insatser"; "alkohol- och narkotikakontroller" kept whole); "gånger"/"ggr" gives "gånger"
  ("patrulleringar" when the verb is patrullera), "vid minst femton tillfällen genomföra …"
  gives "tillfällen": an occasion is what is logged. The singular is derived only from known
  endings, else left empty.
- Scope: the scope phrase nearest after the number, else before it; none → the whole period.
  "varje sommar" and the like count per year (noted), as "en gång på våren och en gång på
  hösten" counts twice a year where no other target is stated; per termin, per halvår, per
  kvartal ("i kvartalet") and "inför/vid varje …" cannot be counted by the portal: no target,
  with a note.
  Nor can a count per day, week, month or tertial limited to a part of the year ("minst 12 per
  månad under sommarhalvåret", "i veckan under sommarlovet", "per månad maj–augusti"), unless
  that part holds the whole validity of the document read: no target, the same note.
- Not targets: years, dates, times ("kl. 22–03"), phone numbers, street numbers, ages ("21 år
  och yngre", "15-åringar"), school years ("årskurs 5 och 6"), durations and period lengths
  ("inom två dygn", "gäller i två år"), law references ("2 kap. 5 §", "SFS 2019:1234"),
  percentages, sums of money, measures, ranges ("2–3"), labels ("fokusområde 2", "vecka 32").
  A bare count needs a noun and is not read after a preposition ("i tre skolor").
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from promises.textimport.not_targets import (
    kind_is_range,
    multiplier,
    not_a_target,
    range_excluded,
    range_has_second,
    tens_in_digits,
)
from promises.textimport.numbers import approximate_value, digits_value, fold, word_value
from promises.textimport.scopes import (
    SPANS,
    nearest_scope,
    one_year_note,
    one_year_of_several,
    part_of_year_phrase,
    phrase_at,
    scope_right_after,
    scopes_in,
    unsupported_phrase,
)
from promises.textimport.target_units import (
    counted_unit,
    heading_noun,
    invariant_noun,
    item_noun,
    named_noun,
    object_noun,
    plural_of,
)
from promises.textimport.tokens import (
    ACTIVITY_CONTEXT,
    COMPARATORS,
    LONGEST,
    NOT_A_COUNT,
    ONE_EVENT_VERBS,
    PREPOSITIONS,
    RELATIVE_CLAUSE,
    SET_WORDS,
    SHARE_WORDS,
    TAKES_PREPOSITION,
    TIME_UNITS,
    VERBS,
    Token,
    tokens_of,
    word_set,
)
from promises.textimport.types import ParsedTarget, TextSpan

# "bjuder in till tre medborgardialoger", "kallar till fyra möten": the meetings held.
_INVITING = word_set("bjuda bjuder bjuds kalla kallar")


_LONGEST_INVITED = 8


# The most words of a subject between an inviting verb and "in" ("bjuder polisen och
# kommunen in till"), and the words it is made of (not "bjuder också in").
_LONGEST_SUBJECT = 4
_INVERTED_SUBJECT = word_set(
    "vi polisen kommunen staden regionen parterna och tillsammans gemensamt"
)


def _invites_to(tokens: list["Token"], first: int) -> bool:
    """The number follows "bjuda in till" or "kalla till": it counts the meetings held."""
    if first < 2 or tokens[first - 1].folded != "till":
        return False
    before = tokens[first - 2].folded
    if before in _INVITING:
        return True
    if before == "in":
        # "bjuder in till", and with its subject after the verb: "bjuder vi in till",
        # "bjuder polisen och kommunen in till"
        for at in range(first - 3, max(first - 3 - _LONGEST_SUBJECT, -1), -1):
            if tokens[at].folded in _INVITING:
                return True
            if tokens[at].folded not in _INVERTED_SUBJECT:
                return False
        return False
    # "bjuda in föräldrar till ett informationsmöte": whom it invites between "in" and "till",
    # a few words ("föräldrar till elever i årskurs 7–9"), never over a comma or a full stop
    for at in range(first - 3, max(first - 3 - _LONGEST_INVITED, 0), -1):
        between = tokens[at + 1].folded
        if not (between.isalpha() or between.isdigit() or between in ("–", "-")):
            return False
        if tokens[at].folded == "in":
            return at >= 1 and tokens[at - 1].folded in _INVITING
    return False


@dataclass
class _Candidate:
    index: int
    value: int
    comparator: str
    start: int  # of the comparator or the number
    end: int  # of the number's words
    words: str  # the number as written
    note: str = ""  # "approximate" | "more" | "range" | "article"
    unit: str = ""
    unit_singular: str = ""
    unit_end: int = 0
    scope: str = "period"
    scope_phrase: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def score(self) -> int:
        explicit = self.comparator != "count" and self.note != "article"
        return 4 * explicit + 2 * bool(self.scope_phrase) + bool(self.unit)


# The comparators by their last word, each as its place in COMPARATORS: only those whose last
# word is the one before a number (or before a full stop before it) can be its comparator.
_COMPARATORS_ENDING: dict[str, list[int]] = {}
for _place, (_words, _comparator, _note) in enumerate(COMPARATORS):
    _COMPARATORS_ENDING.setdefault(_words[-1], []).append(_place)


def _comparator_before(tokens: list[Token], index: int) -> tuple[str, str, int] | None:
    """The comparator directly before tokens[index]: (comparator, note kind, first index), the
    first of COMPARATORS that is. Only the few ending with the word before are tried: trying
    each for each number made a list of numbers slow to read."""
    if index < 1:
        return None
    places = _COMPARATORS_ENDING.get(tokens[index - 1].folded, [])
    if index >= 2 and tokens[index - 1].text == ".":
        places = sorted({*places, *_COMPARATORS_ENDING.get(tokens[index - 2].folded, [])})
    for place in places:
        words, comparator, note = COMPARATORS[place]
        first = index - len(words)
        if first < 0:
            continue
        if all(tokens[first + k].folded == word for k, word in enumerate(words)):
            # "ca." and "max." end with a full stop.
            return comparator, note, first
        if (
            first >= 1
            and tokens[index - 1].text == "."
            and all(tokens[first - 1 + k].folded == word for k, word in enumerate(words))
        ):
            return comparator, note, first - 1
    return None


def _dozen(tokens: list[Token], index: int) -> tuple[int, int] | None:
    """A count in dozens: "ett dussin" 12, "ett halvt dussin" 6, "två dussin" 24, with the
    index of the word "dussin"; None for anything else."""
    words = [token.folded for token in tokens[index : index + 3]]
    if len(words) >= 3 and words[0] in {"ett", "en"} and words[1:3] == ["halvt", "dussin"]:
        return 6, index + 2
    if len(words) < 2 or words[1] != "dussin":
        return None
    count = digits_value(words[0]) or (word_value(words[0]) if words[0].isalpha() else None)
    return (count * 12, index + 1) if count else None


def _spelled_out(tokens: list[Token], index: int) -> int | None:
    """The value of a number written as a word and then in digits in brackets: "ett (1)",
    "två (2)"."""
    if index + 3 >= len(tokens) or tokens[index + 1].text != "(" or tokens[index + 3].text != ")":
        return None
    word = tokens[index].folded
    value = 1 if word in {"en", "ett"} else word_value(tokens[index].text)
    digits = tokens[index + 2].text
    return value if value and digits.isdigit() and int(digits) == value else None


def _rate_after(tokens: list[Token], index: int) -> bool:
    """Whether the number at tokens[index] is a rate, a slash and a span right after it
    ("4/månad", "6/år")."""
    return (
        index + 2 < len(tokens)
        and tokens[index + 1].text == "/"
        and tokens[index + 1].start == tokens[index].end
        and tokens[index + 2].folded in _RATE_SPANS
    )


_RATE_SPANS = word_set("ar manad man vecka v dag dygn tertial")


_HOURS = word_set("sekund sekunder minut minuter timme timmar")
_DAYS = word_set("dag dagar arbetsdag arbetsdagar vardag vardagar")
# "en trygghetsvandring i Målilla och en i Virserum": one more of the same in each place named
# after the first, the count of one the places' sum.
_PLACE = r"(?:i|på|vid) [A-ZÅÄÖ][\w-]+"
_MORE_PLACES = re.compile(rf"\s+{_PLACE}((?:(?:,| och) (?:en|ett) {_PLACE})+)\b")


def _one_more_per_place(text: str, best: "_Candidate") -> int:
    """How many more places a count of one names, each with its own "en i …" after the
    first ("en … i Målilla och en i Virserum": one more); 0 otherwise."""
    if best.value != 1 or best.comparator != "count" or not best.unit:
        return 0
    more = _MORE_PLACES.match(text, best.unit_end)
    return len(re.findall(r"\b(?:en|ett) ", more.group(1))) if more else 0


# Once in each half of the year, said season by season: "en gång på våren och en gång på
# hösten", "två gånger under hösten och en gång under våren" (folded text).
_ONCE = r"(en|ett|1|tva|2|tre|3) (?:gang|ganger|ggr)"
_HALF_YEARS = re.compile(
    rf"\b{_ONCE} (?:pa|under|per|varje|i) (?:varen|hosten|varterminen|hostterminen),? "
    rf"(?:och|samt) {_ONCE} (?:pa|under|per|varje|i) (?:varen|hosten|varterminen|hostterminen)\b"
)
_TIMES = {"en": 1, "ett": 1, "1": 1, "tva": 2, "2": 2, "tre": 3, "3": 3}
# Once or more in a month named, the month saying when and the count how often, a year (a month
# comes round each year): "en gång i maj", "en gång i maj och en gång i oktober" (folded text).
_MONTH = r"(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)"
_IN_MONTHS = re.compile(rf"\b{_ONCE} (?:i|under) {_MONTH}(?:,? (?:och|samt) {_ONCE} i {_MONTH})?\b")


def _pieces_of(tokens: list["Token"], number_index: int) -> tuple[str, str]:
    """What "N st" counts where the item's verb names no object: the counted noun nearest
    before it ("bjuda in föräldrar till föräldraträffar (4 st under året)"); else nothing."""
    following = tokens[number_index + 1].folded if number_index + 1 < len(tokens) else ""
    if following not in {"st", "stycken"}:
        return "", ""
    return named_noun(tokens[:number_index], number_index) or ("", "")


def read_target(
    text: str, offset: int = 0, listed: bool = False, counted: str = "", structure: bool = False
) -> tuple[ParsedTarget | None, list[str]]:
    """The target an activity's text states (`_read_target`); where it states none, a count
    said for spring and autumn apart ("en gång på våren och en gång på hösten") is their sum a
    year, noted as counted per year."""
    target, notes = _read_target(text, offset, listed, counted, structure)
    if structure:
        return target, notes
    if " i " in text and (not target or _one_event(target)):
        months = _IN_MONTHS.search(fold(text[:LONGEST]))
        if months and months.group(2) != months.group(4):
            return _counted_per_year(text, months, offset, months.group(3)), []
    if target or not ("öst" in text or "ÖST" in text):
        return target, notes
    folded = fold(text[:LONGEST])
    halves = _HALF_YEARS.search(folded)
    if not halves:
        return target, notes
    seasons = re.findall(r"(?:varen|hosten|varterminen|hostterminen)", halves.group())
    if len({season.removesuffix("terminen").removesuffix("en") for season in seasons}) != 2:
        return target, notes  # "en gång på hösten och en gång på hösten": no year's halves
    return _counted_per_year(text, halves, offset, halves.group(2)), []


def _one_event(target: ParsedTarget) -> bool:
    """A single event during the period, read from an article ("genomföra en trygghetsvandring
    … en gång i maj"): the times a month named gives say more."""
    return (target.comparator, target.value, target.scope) == ("count", 1, "period")


def _counted_per_year(text: str, times: re.Match, offset: int, second: str | None) -> ParsedTarget:
    """The times `times` counts (its first group, and `second` when it has one) as a count a
    year, noted as counted per year."""
    phrase = text[times.start() : times.end()]
    return ParsedTarget(
        comparator="count",
        value=_TIMES[times.group(1)] + (_TIMES[second] if second else 0),
        unit="gånger",
        unit_singular="gång",
        scope="year",
        span=TextSpan(offset + times.start(), offset + times.end()),
        uncertain=[_("Counted per year: “%(phrase)s”") % {"phrase": phrase}],
    )


def _read_target(
    text: str, offset: int, listed: bool, counted: str, structure: bool
) -> tuple[ParsedTarget | None, list[str]]:
    """The target an activity's text states, and notes for the activity when there is none
    it can propose (a scope the portal cannot count). Offsets are shifted by `offset`.
    `listed`: the text is an item of a list of activities, so a bare count needs no verb.
    `counted`: the activity's name when the text is only its target (a table's "Mål" cell:
    "4 per år" under "Trygghetsvandringar med boende"). `structure`: only whether the text
    states a target matters (whether a line is an activity), so a count limited to a part of
    the year ("minst 2 i månaden under maj–augusti") still is one."""
    # The target is stated early in an activity; a very long text is read in its beginning.
    text = text[:LONGEST]
    tokens = tokens_of(text)
    folded = fold(text)
    scopes = scopes_in(folded)
    patrol = re.search(r"\b(\w*)patrullera\b", folded)
    candidates: list[_Candidate] = []
    excluded: set[int] = set()
    activity_notes: list[str] = []
    consumed: set[int] = set()
    for index, token in enumerate(tokens):
        if index in consumed:
            continue
        value: int | None
        note = ""
        number_index = index
        spelled = _spelled_out(tokens, index)
        if spelled:
            # "ett (1) öppet dialogmöte", "två (2) tillfällen": the word and its digits are one
            # number, which the writer made sure is read as one (never an article).
            value, number_index = spelled, index + 3
            consumed.update({index + 1, index + 2, index + 3})
        elif token.text.isdigit():
            value = digits_value(token.text)
            if tens_in_digits(tokens, index):  # "ett 20-tal"
                note, number_index = "approximate", index + 2
                consumed.update({index + 1, index + 2})
        elif dozen := _dozen(tokens, index):
            value, number_index = dozen
            consumed.update(range(index + 1, number_index + 1))
        elif token.folded in {"en", "ett"}:
            following = tokens[index + 1].folded if index + 1 < len(tokens) else ""
            approx = approximate_value(following) if following else None
            if approx or following == "par":
                value, note = approx or 2, "approximate"
                number_index = index + 1
                consumed.add(index + 1)
            elif following in NOT_A_COUNT:
                continue
            else:
                value, note = 1, "article"
        else:
            value = word_value(token.text) if token.text.isalpha() else None
            if value is None and token.text.isalpha():
                approx = approximate_value(token.text)
                if approx:
                    value, note = approx, "approximate"
        if value is None or value == 0:
            continue
        if not_a_target(tokens, index, excluded):
            excluded.add(index)
            continue
        comparator_found = _comparator_before(tokens, index)
        comparator, start, first = "count", token.start, index
        if comparator_found:
            comparator, kind, first = comparator_found
            start = tokens[first].start
            if kind and note != "approximate":
                note = kind
            elif kind == "approximate":
                note = "approximate"
        elif note == "approximate":
            comparator = "at_least"
        if note == "article" and comparator != "count":
            note = ""
        end = tokens[number_index].end
        unit, singular, unit_end, after_unit = counted_unit(tokens, number_index, patrol)
        if counted and unit in {"", "gånger"}:
            # A table's "4 ggr per år" beside "Samverkansmöten med …" counts samverkansmöten.
            # "Aktivitet 2: minst 6 per år" for "Polisen håller föräldramöten …": its object.
            named = tokens_of(counted)
            unit, singular = (
                heading_noun(named)
                or object_noun(named)
                # "10 per år" beside "Kontrollköp av alkohol": a noun whose plural is its own
                or (None if unit else invariant_noun(counted))
                or (unit, singular)
            )
        elif not unit and (comparator != "count" or scope_right_after(folded, scopes, end)):
            # "Trafikkontroller vid skolorna, minst 10 per år", "Trygghetsvandringar i
            # Kvarntorp: 3 per år", "genomföra narkotikakontroller, 24 st. per år": the noun the
            # item names first, or its verb's object.
            unit, singular = item_noun(tokens, number_index) or _pieces_of(tokens, number_index)
            if not unit and _rate_after(tokens, number_index):
                unit, singular = "gånger", "gång"  # "(mål: 4/månad)": so many times a month
        elif not unit and multiplier(tokens, index):
            # "Trygghetsvandring i centrum. Omfattning: x3": the item's noun, three times.
            unit, singular = item_noun(tokens, number_index) or ("gånger", "gång")
        if value == 1 and unit and not singular:
            plural = plural_of(unit)
            if plural:
                unit, singular = plural, unit
        # Durations are no targets unless counted per span: "minst tre dagar per vecka".
        if tokens[number_index + 1 :] and tokens[number_index + 1].folded in TIME_UNITS:
            scope_name, phrase, _start = nearest_scope(scopes, end)
            if (
                # "öppen sex dagar i veckan": days counted a week are a count, as evenings are
                comparator == "count"
                and not (tokens[number_index + 1].folded in _DAYS and scope_name == "week")
                or not phrase
                or scope_name == "period"
                # "högst 3 timmar per kväll": how long each evening lasts, no count
                or scope_name == "day"
                and tokens[number_index + 1].folded in _HOURS
            ):
                excluded.add(index)
                continue
        scope_name, phrase, _scope_start = nearest_scope(scopes, token.start)
        if multiplier(tokens, index) and _scope_start < token.start:
            if re.search(r"(?:" + re.escape(phrase) + r")\s*\(\s*x$", folded[: token.start]):
                continue  # "varje månad (x12)": the times a month makes over the year
            scope_name, phrase = "period", ""  # a multiplier counts over a scope after it
        candidate = _Candidate(
            index=index,
            value=value,
            comparator=comparator,
            start=start,
            end=end,
            words=text[start:end],
            note=note,
            unit=unit,
            unit_singular=singular,
            unit_end=unit_end or end,
            scope=scope_name,
            scope_phrase=phrase,
        )
        prev = tokens[first - 1].folded if first else ""
        if prev in SHARE_WORDS:
            excluded.add(index)
            continue  # "fyra trygghetsvandringar per år, varav minst en i Tråsättra": a share
        if kind_is_range(comparator_found) and (
            range_excluded(tokens, index, excluded) or not range_has_second(tokens, index)
        ):
            excluded.add(index)
            continue
        if comparator == "count":
            if not unit:
                continue
            # A bare count is a target only where the text speaks of what is to be done.
            if not (
                listed
                or ACTIVITY_CONTEXT.search(folded)
                or first == 0
                or phrase
                or tokens[0].folded in VERBS
                or tokens[0].folded.endswith("a")
            ):
                continue
            if note == "article":
                # "en trygghetsmätning per år", "en gång i månaden": a count with a scope; not
                # a scope of a clause after it ("har en kontaktpolis som kommer … varje månad")
                near_scope = bool(phrase) and not (
                    _scope_start > unit_end
                    and RELATIVE_CLAUSE.search(folded, unit_end, _scope_start)
                )
                # "bjuda in till ett öppet möte": one meeting held, as "ordnar en …" is
                after_verb = prev in ONE_EVENT_VERBS or _invites_to(tokens, first)
                if not near_scope and not after_verb:
                    continue
                if not near_scope:
                    candidate.notes.append(_("Unclear whether the number is a target"))
            elif prev in SET_WORDS:
                continue  # "i samtliga 4 kommundelar": the number names a set, not a target
            elif (
                prev in PREPOSITIONS
                and not spelled
                and not (first >= 2 and tokens[first - 2].folded in TAKES_PREPOSITION)
                and not _invites_to(tokens, first)
                # "utöka arbetet till fyra kvällar i veckan": a rate, what is to be done
                and not (prev == "till" and unit and scope_right_after(folded, scopes, unit_end))
                # "vid 15 tillfällen årligen" counts occasions; other counts after a
                # preposition name places or groups ("på fem platser").
                and not (prev == "vid" and unit == "tillfällen")
            ):
                continue
        elif prev in PREPOSITIONS and prev not in {"vid", "under"}:
            candidate.notes.append(_("Unclear whether the number is a target"))
        candidates.append(candidate)
    if not candidates:
        return None, activity_notes
    best = max(candidates, key=lambda c: (c.score, -c.index))
    others = [c for c in candidates if c is not best and c.score >= 4 and c.comparator != "count"]
    limited = (
        part_of_year_phrase(text, folded, best.scope_phrase)
        if best.scope in SPANS and not structure
        else None
    )
    if best.scope == "unsupported" or limited:
        activity_notes.append(
            _(
                "The text counts “%(phrase)s”, which the portal cannot count: enter the target "
                "by hand"
            )
            % {"phrase": limited or unsupported_phrase(text, folded, best.scope_phrase)}
        )
        return None, activity_notes
    if not best.unit:
        # "Vara högst 40 under året": a number that says not what it counts. The counted noun
        # the item names elsewhere ("fortsätta med trygghetsvandringar i Valsta, minst fyra
        # under året"), else no target: a target without a unit cannot be followed up ("0 av
        # högst 40"), so the number is left to the coordinator to check.
        noun = named_noun(tokens, best.index) or (invariant_noun(counted) if counted else None)
        if noun is None:
            return None, [*activity_notes, _("Unclear whether the number is a target")]
        best.unit, best.unit_singular = noun
    notes = list(best.notes)
    if best.scope == "seasonal":
        notes.append(
            _("Counted per year: “%(phrase)s”")
            % {"phrase": phrase_at(text, folded.find(best.scope_phrase), len(best.scope_phrase))}
        )
        best.scope = "year"
    year = one_year_of_several(folded) if best.scope == "period" else None
    if year:
        notes.append(one_year_note(year))
    value = best.value + _one_more_per_place(text, best)
    if best.note == "approximate":
        notes.append(_("The number is approximate: %(words)s") % {"words": best.words})
    elif best.note == "more":
        value += 1
        notes.append(
            _("The text says “%(words)s”: proposed as at least %(value)s")
            % {"words": best.words, "value": value}
        )
    elif best.note == "range":
        notes.append(_("The text states a range: the lower number is proposed"))
    if others:
        notes.append(_("The text states more than one number: check the target"))
    target = ParsedTarget(
        comparator=best.comparator,
        value=value,
        unit=best.unit,
        unit_singular=best.unit_singular,
        scope=best.scope,
        span=TextSpan(offset + best.start, offset + max(best.unit_end, best.end)),
        uncertain=notes,
    )
    return target, activity_notes
