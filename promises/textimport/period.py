"""Reading a promise document's validity: dates or years as stated ("2023–2024", "1 juli 2025 –
30 juni 2027"), open-ended ("gäller fortlöpande tills nya löften tas fram"), a length without
dates ("gäller under ett år"), or none."""

import datetime
import re

from django.utils.translation import gettext as _

from promises.forms import add_months
from promises.textimport.lines import Line
from promises.textimport.numbers import word_value
from promises.textimport.types import ParsedDocument, TextSpan

# --- Period ------------------------------------------------------------------------------------

_MONTH_NUMBERS = {
    "jan": 1, "januari": 1, "feb": 2, "februari": 2, "mar": 3, "mars": 3, "apr": 4, "april": 4,
    "maj": 5, "jun": 6, "juni": 6, "jul": 7, "juli": 7, "aug": 8, "augusti": 8, "sep": 9,
    "sept": 9, "september": 9, "okt": 10, "oktober": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
# A scan's "rn" for "m": "31 rnars 2026", "1 decernber".
_MONTH_NUMBERS.update(
    {name.replace("m", "rn"): n for name, n in _MONTH_NUMBERS.items() if "m" in name}
)
_DATE = re.compile(
    r"\b(?:(?P<day>\d{1,2}) (?P<month>"
    + "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
    + r")\.?(?: (?P<year>(?:19|20)\d\d))?"
    # "2025-04-01", and as some documents write it "2025.04.01" or "2025/04/01"
    r"|(?P<iy>(?:19|20)\d\d)(?P<isep>[-./])(?P<im>\d\d)(?P=isep)(?P<id>\d\d)"
    # "1/3 2025" and "01/03/2026": day and month with a slash, then the year; "01.03.2026"
    r"|(?P<sd>\d{1,2})(?:/(?P<sm>\d{1,2})[ /]|\.(?P<dm>\d{1,2})\.)(?P<sy>(?:19|20)\d\d))\b"
)
# "gäller hela 2026", and as a draft or a message says it, "ska gälla hela 2026".
_APPLIES = re.compile(r"\bgall(?:er|a)\b")
_YEAR_STATED = re.compile(
    r"\bgall(?:er|a) (?:under |for )?(?:hela )?(?:(?:kalender|verksamhets)?aret )?"
    r"((?:19|20)\d\d)\b"
    r"(?! ?[-–—/:]\d)"
)
_RANGE_BETWEEN = re.compile(
    r"^\s*(?:[-–—]|till(?: och med)?|t\.?o\.?m\.?|fram till|--)(?: den)?\s*$"
)
_MONTH = "(?:" + "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True)) + ")"
# "januari 2025 till december 2026", "från mars till och med februari 2027": whole months.
_MONTH_RANGE = re.compile(
    rf"(?<![\d.] )\b(?P<m1>{_MONTH})\.?(?: (?P<y1>(?:19|20)\d\d))?"
    r" ?(?:[-–—]|till(?: och med)?|t\.?o\.?m\.?) ?"
    rf"(?P<m2>{_MONTH})\.?(?: (?P<y2>(?:19|20)\d\d))\b"
)
_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d) ?(?:[-–—/]|till) ?((?:19|20)\d\d|\d\d)\b(?![-–/]\d)")
# "… ett medborgarlöfte som gäller under 2026 och 2027": two years named, the validity both.
_APPLIES_TWO_YEARS = re.compile(
    r"\bgall(?:er|a) (?:under |for |i )?(?:hela )?(?:aren )?((?:19|20)\d\d) och ((?:19|20)\d\d)\b"
)
_SINGLE_YEAR = re.compile(r"\b((?:19|20)\d\d)\b(?! ?[-–—/:]\d)")
_VALIDITY_WORDS = re.compile(
    r"galler|giltig|period|medborgarlofte|medborgarloften|lofte|loften|for aren|for ar\b"
)
# A proposal's consultation, no validity: "skickades på samråd under tiden 17 november–19
# december 2025", "Remisstid: 1–31 mars 2026" (folded); "gäller efter samrådet från …" is one.
_CONSULTATION_TIME = re.compile(r"\b(?:samrad|remiss|svarstid)\w*\b[^.]{0,40}$")
_IN_FORCE = re.compile(r"galler|giltig")
_OPEN_ENDED = re.compile(
    r"tills vidare|tillsvidare|fortlopande|tills nya loften|utan slutdatum|tills vidare"
    r"|loper pa tills|tills (?:det|de) (?:ersatts|ersatts)"
)
_LENGTH = re.compile(
    r"\b(?:galler|gallande|loper|giltigt?)\b[^.]{0,30}?\b(?:i|under|for)? ?"
    r"(?:en period (?:av|pa) )?"
    r"(?P<n>ett|en|tva|tre|fyra|fem|\d) ?(?P<unit>ar|manader)\b"
    r"|\b(?P<a>ett|tva|tre|fyra)(?P<b>ariga?|arsperiod|arigt)\b"
    # "från och med den 1 september 2025 och två år framåt"
    r"|\b(?P<c>ett|en|tva|tre|fyra|fem|\d) ?(?P<cunit>ar|manader) framat\b"
)
# A validity's dates each under its label: "Giltig från: 2026-03-01", "Giltig till: …",
# "Startdatum: …", "Slutdatum: …" (folded); "Giltigt från: …", as a page's fields name it.
_LABELLED_START = re.compile(
    r"\b(?:(?:giltigt?|galler|giltighetstid|period|lofte(?:t|speriod)?) )?(?:fran(?: och med)?"
    r"|fr\.o\.m\.?|startdatum|start)\s*:\s*$"
)
_LABELLED_END = re.compile(
    r"\s*(?:(?:giltigt?|galler|giltighetstid|period|lofte(?:t|speriod)?) )?(?:till(?: och med)?"
    r"|t\.o\.m\.?|slutdatum|slut)\s*:\s*"
)
_FROM_SIGNING = re.compile(r"fran (?:och med )?undertecknandet|fran det att .{0,30}undertecknats")


def _date_of(match: re.Match, fallback_year: int | None = None) -> datetime.date | None:
    try:
        if match.group("iy"):
            return datetime.date(
                int(match.group("iy")), int(match.group("im")), int(match.group("id"))
            )
        if match.group("sy"):
            month = match.group("sm") or match.group("dm")
            return datetime.date(int(match.group("sy")), int(month), int(match.group("sd")))
        year = match.group("year")
        if not year and fallback_year is None:
            return None
        return datetime.date(
            int(year) if year else fallback_year,
            _MONTH_NUMBERS[match.group("month")],
            int(match.group("day")),
        )
    except ValueError:
        return None


def _month_range(match: re.Match) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day of a range of whole months, or None if it runs backwards or is
    shorter than a year (less one month)."""
    first, last = _MONTH_NUMBERS[match.group("m1")], _MONTH_NUMBERS[match.group("m2")]
    end_year = int(match.group("y2"))
    start_year = int(match.group("y1")) if match.group("y1") else end_year - (first > last)
    start = datetime.date(start_year, first, 1)
    end = add_months(datetime.date(end_year, last, 1), 1) - datetime.timedelta(days=1)
    # A promise runs a year or more: "maj till september 2025" is a season within it.
    long_enough = add_months(start, 11) <= end
    return (start, end) if long_enough and end_year - start_year <= 5 else None


def _continuations(lines: list[Line]) -> dict[int, Line]:
    """Each filled line's next line when that continues its sentence: filled, no bullet, and
    the line itself does not end a sentence (keyed by `id` of the line)."""
    following = {}
    for line, after in zip(lines, lines[1:], strict=False):
        if line.blank or after.blank or after.bullet:
            continue
        if not line.text.rstrip().endswith((".", ":", "!", "?")):
            following[id(line)] = after
    return following


def _offset(line: Line, following: Line | None, position: int) -> int:
    """The text offset of `position` in `line.folded + " " + following.folded`."""
    if following is None or position <= len(line.folded):
        return line.start + position
    return following.start + position - len(line.folded) - 1


# "Överenskommelsen gäller 2025-01-01 – 2027-12-31. Medborgarlöftet i bilaga 1 gäller för 2025":
# an agreement's validity, and the promise's own in a sentence of its own. A project's time is
# such a validity too ("Projekttid: 2026-03-01 – 2026-12-31" in an application for a grant to
# a promise "som gäller under 2026").
_AGREEMENT_VALIDITY = re.compile(
    r"\b(?:\w*overenskommelsen|avtalet)\b[^.]{0,40}\bgaller\b"
    r"|^projekt(?:tid|tiden|period|perioden)\b|\bprojektet (?:pagar|lopet)\b"
)
_PROMISE_VALIDITY = re.compile(r"\b(?:medborgar)?loft(?:et|ena|e|en)\b[^.]{0,60}\bgaller\b[^.]*\.?")


def _own_validity(lines: list[Line]) -> list[Line]:
    """The sentences stating the promise's own validity, each as a line, when the document also
    states an agreement's ("Överenskommelsen gäller …"); else none."""
    if not any(_AGREEMENT_VALIDITY.search(line.folded) for line in lines):
        return []
    return [
        Line(
            line.start + m.start(),
            line.start + m.end(),
            line.text[m.start() : m.end()],
            m.group(),
            False,
            False,
        )
        for line in lines
        for m in _PROMISE_VALIDITY.finditer(line.folded)
    ]


# An e-mail's header: "Från:", "Skickat:", "Till:", "Ämne: VB: Medborgarlöfte Åre 2025–2026"
# (a forwarded message's too, "Subject: FW: …"). Its dates are the message's, and its subject
# the sender's words: the validity is read from the body, the subject used only when the body
# states none.
_MAIL_FIELD = re.compile(
    r"(?:fran|from|skickat|sent|datum|date|till|to|kopia|cc|hemlig kopia|bcc|amne|subject"
    r"|bifogade filer|attachments|prioritet|importance)\s*:"
)
_MAIL_SUBJECT = re.compile(r"(?:amne|subject)\s*:")
_FEWEST_MAIL_FIELDS = 3


def _mail_header_lines(lines: list[Line]) -> set[int]:
    """The `id`s of the lines of the e-mail headers in `lines`: runs of three fields or more
    ("Från:", "Skickat:", "Till:", "Ämne:"), one a line; none when there is no such run."""
    header: set[int] = set()
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and not line.blank and _MAIL_FIELD.match(line.folded.lstrip("> ")):
            run.append(line)
            continue
        if line is not None and line.blank and not run:
            continue
        if len({_MAIL_FIELD.match(f.folded.lstrip("> ")).group() for f in run}) >= (
            _FEWEST_MAIL_FIELDS
        ):
            header.update(id(field) for field in run)
        run = []
    return header


def read_period(document: ParsedDocument, lines: list[Line]) -> None:
    """Set the document's validity from its lines, with notes on what is unsure: from the
    sentences stating the promise's own validity when the document states an agreement's too
    and those give one; never from an e-mail header's dates, and from its subject only when
    the rest states no validity."""
    if header := _mail_header_lines(lines):
        body = [line for line in lines if id(line) not in header]
        probe = ParsedDocument(text=document.text)
        _read_validity_of(probe, body)
        if not (probe.start or probe.end or probe.open_ended or probe.length_months):
            subjects = [
                line
                for line in lines
                if id(line) in header and _MAIL_SUBJECT.match(line.folded.lstrip("> "))
            ]
            probe = ParsedDocument(text=document.text)
            _read_validity_of(probe, [*subjects, *body])
        for name in ("start", "end", "year_only", "open_ended", "length_months"):
            setattr(document, name, getattr(probe, name))
        document.period_span = probe.period_span
        document.uncertain += probe.uncertain
        return
    _read_validity_of(document, lines)


def _read_validity_of(document: ParsedDocument, lines: list[Line]) -> None:
    if own := _own_validity(lines):
        probe = ParsedDocument(text=document.text)
        _read_validity(probe, own)
        if probe.start or probe.open_ended:
            for name in ("start", "end", "year_only", "open_ended", "length_months"):
                setattr(document, name, getattr(probe, name))
            document.period_span = probe.period_span
            document.uncertain += probe.uncertain
            return
    _read_validity(document, lines)


def _read_validity(document: ParsedDocument, lines: list[Line]) -> None:
    filled = [line for line in lines if not line.blank]
    title_area = {id(line) for line in filled[:12]}
    found_range = None
    found_end = None
    found_months = None
    found_years = None
    found_year = None
    found_start = None
    open_ended = False
    length = None
    from_signing = False
    continued = _continuations(lines)
    for line in filled:
        folded = line.folded
        validity = bool(_VALIDITY_WORDS.search(folded))
        in_title = id(line) in title_area
        if validity and _OPEN_ENDED.search(folded):
            open_ended = True
        # A PDF's line may break inside the words: "gäller från och" / "med undertecknandet".
        following = continued.get(id(line))
        joined = f"{folded} {following.folded}" if following else folded
        if (signing := _FROM_SIGNING.search(joined)) and signing.start() < len(folded):
            from_signing = True
            # "från undertecknandet till och med den 31 december 2026": the end is stated.
            for date in _DATE.finditer(joined, signing.end()):
                if found_end is None and _RANGE_BETWEEN.match(joined[signing.end() : date.start()]):
                    found_end = (
                        _date_of(date),
                        _offset(line, following, date.start()),
                        _offset(line, following, date.end()),
                    )
        if length is None and (match := _LENGTH.search(folded)):
            words = match.group("n") or match.group("a") or match.group("c")
            count = int(words) if words.isdigit() else word_value(words)
            unit = match.group("unit") or match.group("cunit")
            if count:
                length = count * (1 if unit == "manader" else 12)
        if not (validity or in_title):
            continue
        dates = list(_DATE.finditer(folded))
        if found_range is None:
            # A sentence wrapped onto the next line (a PDF's layout): "från 1 april 2019 till
            # 31 mars" / "2021." reads as one line here.
            following = continued.get(id(line))
            joined = f"{folded} {following.folded}" if following else folded
            joined_dates = list(_DATE.finditer(joined))
            # "Den 28 januari 2026 undertecknade … . Löftet gäller från den 1 februari 2026 till
            # den 31 januari 2027.": the first two dates in a row that make a range.
            pairs = zip(joined_dates, joined_dates[1:], strict=False)
            for first, second in pairs:
                between = joined[first.end() : second.start()]
                if not (
                    _RANGE_BETWEEN.match(between)
                    or between.strip() == "och"
                    and joined[: first.start()].rstrip().endswith("mellan")
                    # "Giltig från: 2026-03-01" over "Giltig till: 2027-02-28", as a form or an
                    # export labels the two dates
                    or _LABELLED_END.fullmatch(between)
                    and _LABELLED_START.search(joined, 0, first.start())
                ) or (
                    _CONSULTATION_TIME.search(joined, max(0, first.start() - 60), first.start())
                    and not _IN_FORCE.search(joined, 0, first.start())
                ):
                    continue
                # "under hela 2026, från den 1 januari till den 31 december": the dates'
                # year is the one year the sentence names.
                years = {m.group(1) for m in _SINGLE_YEAR.finditer(joined)}
                end = _date_of(second, int(years.pop()) if len(years) == 1 else None)
                start = _date_of(first, end.year if end else None)
                if start and end and start > end and not first.group("year"):
                    start = start.replace(year=start.year - 1)
                if start and end and start < end:
                    found_range = (
                        start,
                        end,
                        _offset(line, following, first.start()),
                        _offset(line, following, second.end()),
                    )
                break
            if found_range is None and found_months is None:
                for match in _MONTH_RANGE.finditer(joined):
                    if months := _month_range(match):
                        found_months = (
                            *months,
                            _offset(line, following, match.start()),
                            _offset(line, following, match.end()),
                        )
                        break
        if found_start is None and dates and validity:
            before = folded[max(0, dates[0].start() - 25) : dates[0].start()]
            start = _date_of(dates[0])
            if start and re.search(
                r"(?:fran|fr\.o\.m\.|galler|med start)(?: och med)?(?: den)?\s*$", before
            ):
                found_start = (start, line.start + dates[0].start(), line.start + dates[0].end())
        two = found_years is None and _APPLIES_TWO_YEARS.search(folded)
        if two and int(two.group(2)) == int(two.group(1)) + 1:
            found_years = (
                int(two.group(1)),
                int(two.group(2)),
                line.start + two.start(1),
                line.start + two.end(),
            )
        if found_years is None:
            for match in _YEAR_RANGE.finditer(folded):
                first_year = int(match.group(1))
                second = match.group(2)
                second_year = (
                    int(second) if len(second) == 4 else first_year // 100 * 100 + int(second)
                )
                if 0 < second_year - first_year <= 5:
                    found_years = (
                        first_year,
                        second_year,
                        line.start + match.start(),
                        line.start + match.end(),
                    )
                    break
        applies = _APPLIES.search(folded)
        if found_year is None and ("medborgarloft" in folded or applies):
            years = [m for m in _SINGLE_YEAR.finditer(folded) if not _DATE.search(folded)]
            stated = _YEAR_STATED.search(folded)
            if not years and stated and not _DATE.search(folded, stated.start()):
                # "Den 9 februari skrev kommunen och polisen under … Löftet gäller hela 2026.":
                # the signing's date before the year the promise holds for
                years = [stated]
            if len(years) > 1 and stated:
                # "Löftet gäller kalenderåret 2026 och ersätter löftet för 2025": the year
                # right after "gäller"
                years = [stated]
            if len(years) == 1 and (in_title or applies):
                year = int(years[0].group(1))
                found_year = (year, line.start + years[0].start(), line.start + years[0].end())
    if found_range:
        document.start, document.end = found_range[0], found_range[1]
        document.period_span = TextSpan(found_range[2], found_range[3])
    elif found_months:
        document.start, document.end = found_months[0], found_months[1]
        document.period_span = TextSpan(found_months[2], found_months[3])
    elif found_start:
        document.start = found_start[0]
        document.period_span = TextSpan(found_start[1], found_start[2])
        if length and not open_ended:  # "från 1 september 2025 och två år framåt"
            document.end = add_months(document.start, length) - datetime.timedelta(days=1)
    elif found_years:
        document.start = datetime.date(found_years[0], 1, 1)
        document.end = datetime.date(found_years[1], 12, 31)
        document.year_only = True
        document.period_span = TextSpan(found_years[2], found_years[3])
    elif found_year:
        document.start = datetime.date(found_year[0], 1, 1)
        document.end = datetime.date(found_year[0], 12, 31)
        document.year_only = True
        document.period_span = TextSpan(found_year[1], found_year[2])
    elif found_end and found_end[0]:
        document.end = found_end[0]
        document.period_span = TextSpan(found_end[1], found_end[2])
    if open_ended and not found_range:
        document.open_ended = True
        document.end = None
        document.year_only = False if document.start and found_start else document.year_only
    if document.start is None and length:
        document.length_months = length
        document.uncertain.append(
            _("The validity is stated without dates: %(months)s months") % {"months": length}
        )
    if document.start is None and document.end is None and not document.open_ended and not length:
        document.uncertain.append(_("No period of validity was found in the text"))
    if from_signing:
        document.starts_at_signing = True
        document.uncertain.append(_("The promises apply from the signing: check the start date"))


def start_at_signing(document: ParsedDocument) -> None:
    """A validity from the signing ("gäller från och med undertecknandet till och med den 31
    december 2025") starts on the signature block's date, once `signatures` has read it: not on
    the first of January of the years a heading names. A date after the stated end is no such
    signing and changes nothing."""
    signed = document.signed_date
    if not (document.starts_at_signing and signed):
        return
    if document.end is not None and signed > document.end:
        return
    document.start = signed
    document.year_only = False
