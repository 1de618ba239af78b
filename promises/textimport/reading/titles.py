"""One activity from its text: its title (what its target counts, else its words up to the
target, made a noun phrase), its owner and partners, its target, proposed for checking.
"""

import re

from django.utils.translation import gettext as _

from promises.textimport.lines import kw as _kw
from promises.textimport.numbers import approximate_value, fold, word_value
from promises.textimport.owners import (
    MODAL,
    NOT_PASSIVE,
    OWNER_LABEL,
    OWNER_PARENTHESIS,
    PARTNERS,
    actor_kind,
    owner_after_dash,
    owner_before_arrow,
    owner_before_colon,
    owner_in_front,
    partners_of,
    read_owner,
)
from promises.textimport.reading.units import (
    DETAIL_IN_TEXT,
    NUMBER_WORDS,
    RESULT_LABEL,
    strip_item,
    word_set,
)
from promises.textimport.scopes import UNSUPPORTED_SCOPE, part_of_year
from promises.textimport.targets import read_target
from promises.textimport.types import ParsedActivity, ParsedTarget, TextSpan


def title_of(
    text: str,
    target_unit_words: str | None,
    target_start: int | None = None,
    keep_when: bool = False,
) -> str:
    """An activity's short name: what its target counts, else its words up to its target
    ("Polisen ska fotpatrullera i centrum minst två kvällar i veckan": "Fotpatrullera i
    centrum"), without its owner, labels or purpose."""
    if not target_unit_words and target_start:
        before = title_of(text[:target_start], None, keep_when=True)
        # Too few words before the target to name the activity: "I snitt tre gånger …"
        if len(before.split()) < _SHORTEST_CUT_TITLE:
            return title_of(text, None, keep_when=keep_when)
        return before if keep_when else _finished(_without_when(_as_noun_phrase(before)))
    if front := owner_in_front(text):
        text = text[front.end() :]
    elif arrow := owner_before_arrow(text):  # "Polisen → riktade insatser …"
        text = text[arrow.start("rest") :]
    elif colon := owner_before_colon(text):  # "Polisen: fotpatrullering i centrum …"
        text = text[colon.end("who") + 1 :].lstrip()
    # "Vad: Trygghetsvandring i centrum; Vem: …": the label is no part of the title.
    text = _WHAT_LABEL.sub("", text)
    if detail := DETAIL_IN_TEXT.search(text):  # "Besök på fritidsgården Mål: 2 per månad"
        text = text[: detail.start()].rstrip(" .,;")
    folded = fold(text)
    label = OWNER_LABEL.search(folded) or OWNER_PARENTHESIS.search(folded) or owner_after_dash(text)
    if label:
        text = text[: label.start()].rstrip(" .,;(")
        folded = folded[: len(text)]
    if target_unit_words:
        title = target_unit_words
    else:
        rest = text
        modal = MODAL.search(folded[:120])
        if modal and len(folded[: modal.start()].split()) <= 5:
            after = folded[modal.end() :].split()
            if not after or not after[0].endswith("s") or after[0] in NOT_PASSIVE:
                rest = text[modal.end() :]
                if modal.group() == "kommer":
                    # "… kommer kommunen att ha …": the subject after the verb, then "att"
                    rest = rest[rest.index(" att ") + 1 :] if " att " in rest[:60] else rest
                # "… ska vi tillsammans bjuda in …": the subject after the verb
                rest = re.sub(
                    r"^\s*(?:att\s+|(?:vi|man)\s+(?:(?:tillsammans|gemensamt)\s+)?)?", "", rest
                )
                if not actor_kind(folded[: modal.start()].strip(" ,")):
                    # "Enligt löftet ska kommunen ha …", "Gemensamt ska polisen och kommunen
                    # genomföra …": the subject after the verb
                    rest = _PARTY_AFTER_VERB.sub("", rest)
                rest = _ADVERB_AFTER_VERB.sub("", rest)  # "… ska också byta ut …"
        partner = PARTNERS.search(fold(rest))
        if partner and partner.start() < 3:
            _names, spans = partners_of(rest, fold(rest))
            rest = rest[spans[0][1] :] if spans else rest
        rest = re.split(
            # not after an abbreviation: "kl. 22", "v. 33", "t.ex. skolor", "t.o.m. juni"
            r"(?<!\bkl)(?<!\bca)(?<!\bbl\.a)(?<!\bv)(?<!\bnr)(?<!\bt\.ex)(?<!\bt\.o\.m)"
            r"(?<!\bfr\.o\.m)[.;:](?:\s|$)| för att | med syfte | i syfte ",
            rest.strip(),
        )[0]
        title = rest.strip(" ,")
        if not keep_when:
            title = _without_when(_as_noun_phrase(title))
    return _finished(title)


_PARTY_AFTER_VERB = re.compile(
    r"^\s*(?:polisen och kommunen|kommunen och polisen|polisen|kommunen|staden)\s+(?=\w)",
    re.IGNORECASE,
)
_ADVERB_AFTER_VERB = re.compile(r"^\s*(?:också|även|dessutom)\s+(?=\w)", re.IGNORECASE)


def _finished(title: str) -> str:
    """A title kept short, without the words it cannot end with, capitalised."""
    if len(title) > 80:
        title = title[:80].rsplit(" ", 1)[0].rstrip(" ,")
    words = title.split()
    while len(words) > 2 and fold(words[-1]) in TRAILING:
        words.pop()
    title = re.sub(r"\s+[–—-]$", "", " ".join(words))  # "Trygghetsvandring i Hemavan – 1 …"
    title = re.sub(r"\s*\([^)]*$", "", title)  # "… lördagskvällar (mål: 4/månad)": "(mål" cut
    title = title.rstrip(" ,;")  # "Besök på fritidsgården Kolibri, varannan vecka": the comma
    return title[:1].upper() + title[1:]


# The fewest words a title taken from the words before an activity's target has.
_SHORTEST_CUT_TITLE = 3


# Verbs that only say an activity is done, its object naming it: "göra hastighetsmätningar på
# Rådhusgatan" is titled "Hastighetsmätningar på Rådhusgatan".
_LIGHT_VERBS = word_set(
    "genomfora genomfor gora gor halla haller ha har anordna anordnar bedriva bedriver utfora "
    "utfor organisera organiserar arrangera arrangerar ordna ordnar"
)
# "gemensamma kvällsvandringar": who does it is the owner's field, not the title's.
_JOINT_WORDS = word_set("gemensam gemensamma gemensamt")
# Words after a light verb that begin no noun phrase: "hålla öppet", "ha koll på", "göra en".
_NO_NOUN_START = word_set(
    "oppet oppna upp ut in av pa till koll sig det den de dessa detta denna detsamma sa mer "
    "fler mindre nagot nagon nagra flera alla allt ofta regelbundet kontinuerligt lopande "
    "aven ocksa dessutom bade minst hogst totalt sammanlagt narvarande fokus"
)


def _plural_noun(word: str) -> bool:
    """Whether `word` ends as a plural noun does: "hastighetsmätningar", "ordningsvakter"
    ("möten" is left, "-en" being as often a noun in the definite: "fritidsgården")."""
    return len(word) >= 5 and word.isalpha() and word.endswith(("ar", "er", "or"))


# "… och sprida nationella kampanjer": a second verb, so the phrase stays a verb phrase.
_AND_VERB = re.compile(r"\s(?:och|samt)\s+[a-zåäö]+[^n\W]a(?:\s|$)")


def _as_noun_phrase(title: str) -> str:
    """A title that is a verb phrase with a verb saying only that something is done ("Göra
    hastighetsmätningar på Rådhusgatan", "genomföra gemensamma kvällsvandringar …") as its
    object: "Hastighetsmätningar på Rådhusgatan", "Kvällsvandringar …". Kept as it is when
    the object is no plain noun phrase ("hålla öppet", "göra en insats" stays)."""
    words = title.split()
    if len(words) < 2 or fold(words[0]) not in _LIGHT_VERBS:
        return title
    rest = words[1:]
    while len(rest) > 1 and fold(rest[0]) in _JOINT_WORDS:
        rest = rest[1:]
    head = rest[0]
    if (
        fold(head) in _NO_NOUN_START
        or fold(head) in NUMBER_WORDS
        or not head.isalpha()
        or not head.islower()
        # the noun, or an adjective before it ("riktade insatser")
        or not any(_plural_noun(word.lower()) for word in rest[:2])
        or _AND_VERB.search(" ".join(rest))
    ):
        return title
    return " ".join(rest)


# Words that begin a phrase of when or how often: "varje helg", "fredagar och lördagar",
# "under sommaren", "kvällstid". Left out of a title, as a target's scope is.
_WHEN_WORDS = word_set(
    "dagligen veckovis manadsvis arligen kvallstid nattetid helgtid dagtid "
    "helger helgerna mandagar tisdagar onsdagar torsdagar fredagar lordagar sondagar "
    "regelbundet kontinuerligt lopande"
)
# "varje", "varannan" and "under" say when before a word of time: "varje helg", "under
# sommarlovet" (not "i varje SSPF-möte", "under bron").
_WHEN_BEFORE_TIME = word_set("varje varannan under")
_TIME_WORD = re.compile(
    r"(?:sommar|host|var|vinter|jul|sport|pask|skol|allhelgona|helg|loftesperiod|period"
    r"|kvall|natt|termin|lasar|veck|manad|dag|mandag|tisdag|onsdag|torsdag|fredag|lordag"
    r"|sondag|kvartal|halvar|tertial|morgon|lov)[a-z]*|ar|aret|aren"
)


def _without_when(title: str) -> str:
    """`title` without its words that say when or how often ("Kvällsvandringar med
    fältassistenterna varje helg": "… med fältassistenterna"): the title is cut before them,
    or they alone are left out when a place follows them ("Trafikkontroller varannan vecka vid
    Noltorpsskolan"). One word is kept alone only when it is no infinitive ("Nattvandringar",
    not "Vara")."""
    # fold keeps the text's length, so its words are the title's words folded.
    words, folded = title.split(), fold(title).split()
    if len(folded) != len(words):
        folded = [fold(word) for word in words]
    index = 1
    while index < len(words):
        word = folded[index]
        pair = (
            word in _WHEN_BEFORE_TIME
            and index + 1 < len(words)
            and _TIME_WORD.fullmatch(folded[index + 1].strip(".,;:"))
        )
        if not pair and word not in _WHEN_WORDS:
            index += 1
            continue
        after = index + (2 if pair else 1)
        previous = folded[index - 1]
        if (
            after < len(words)
            and previous not in TRAILING
            and folded[after] in _PLACE_PREPOSITIONS
            # "Lägesbilden stäms av varannan vecka mellan …": "av" is the verb's
            or previous == "av"
        ):
            # "Trafikkontroller varannan vecka vid Noltorpsskolan": the place is kept
            del words[index:after], folded[index:after]
            continue
        if index >= 2 or not folded[0].endswith("a"):  # not "Vara" alone
            return " ".join(words[:index])
        index += 1
    return " ".join(words)


_PLACE_PREPOSITIONS = word_set("i pa vid med mot kring langs runt hos bland utanfor")


# "Vad: …", and a calendar's "Mars: …", "April–september: …", "Hösten 2025: …".
_WHAT_LABEL = _kw(
    r"^\s*(?:vad|aktivitet|åtgärd|insats"
    r"|(?:(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-z]*"
    r"|vår(?:en)?|höst(?:en)?|sommar(?:en)?|vinter(?:n)?)"
    r"(?:\s*[–—-]\s*[a-z]+)?(?: \d{4})?|vecka \d{1,2})\s*:\s*"
)
TRAILING = word_set(
    "i pa for av till med vid under kring inom bland mellan mot om fran efter och eller som "
    "att kl ca dar vilket vilka den det de en ett aven ocksa"
)


# A follow-up's note in brackets of what has been done so far: "(hittills 16 kvällar)",
# "(genomförd 12 februari, 14 deltagare)".
_RESULT_IN_BRACKETS = _kw(
    r"\((?:genomförd|genomfört|genomförda|hittills|utförd|utfört|utförda|klar|klart)\b"
    r"[^()\n]{0,120}\)"
)


def without_results(text: str) -> str:
    """The text with what a label says was done blanked ("Genomfört 2025: 21 kontroller", up
    to the next label, "(hittills 16 kvällar)"): a result, never the target."""
    text = _RESULT_IN_BRACKETS.sub(lambda match: " " * len(match.group()), text)
    result = RESULT_LABEL.search(text)
    if not result:
        return text
    following = DETAIL_IN_TEXT.search(text, result.end())
    end = following.start() if following else len(text)
    return text[: result.start()] + " " * (end - result.start()) + text[end:]


# An item going on from its heading's verb: "Polisen ansvarar för:" over "- att genomföra …".
_ITEM_ATT = re.compile(r"att (?=[a-zåäö])")


def item_activity(text: str, start: int, section_owner: str | None) -> ParsedActivity:
    text = strip_item(text)
    if lead := _ITEM_ATT.match(text):
        text, start = text[lead.end() :], start + lead.end()  # "genomföra …", its own words
    responsible, other, partners = read_owner(text, section_owner)
    target, notes = read_target(without_results(text), start, listed=True)
    title = activity_title(text, start, target)
    if target is None and notes:
        # "minst två informationsinsatser per termin", "minst 12 per månad under
        # sommarhalvåret": no target, and the title would be the whole sentence; it is named by
        # what it counts all the same ("Informationsinsatser"), read without that scope.
        unsupported = UNSUPPORTED_SCOPE.search(
            fold(activity_title(text, start, None, keep_when=True))
        )
        scope = UNSUPPORTED_SCOPE.search(fold(text)) if unsupported else part_of_year(fold(text))
        if scope:
            blanked = text[: scope.start()] + " " * len(scope.group()) + text[scope.end() :]
            counted = read_target(blanked, start, listed=True)[0]
            # a part of the year is the reason only when the text without it has a target
            if unsupported or counted:
                title = activity_title(text, start, counted)
    return proposed_activity(text, title, start, (responsible, other, partners), target, notes)


def activity_title(
    text: str, start: int, target: ParsedTarget | None, keep_when: bool = False
) -> str:
    """An activity's title: what its target counts, else its words up to its target."""
    unit_words = None
    span_words = (
        fold(text[target.span.start - start : target.span.end - start])
        if (target and target.span)
        else ""
    )
    if (
        target
        and target.unit
        and not re.search(r"(?<![^\W\d])(?:gang|ganger|ggr|tillfallen?)\b", span_words)
    ):
        number_end = target.span.start - start if target.span else 0
        segment = text[number_end : target.span.end - start] if target.span else ""
        words = segment.split()
        # The words after the comparator and number: "riktade insatser".
        unit_words = " ".join(
            w
            for w in words
            if fold(w) not in NUMBER_WORDS
            and not w.isdigit()
            and not re.fullmatch(r"\d+-tal|\(\d+\)", w)  # "ett 20-tal", "ett (1)"
            and not approximate_value(w)  # "ett femtontal"
            and word_value(fold(w)) is None  # "minst tjugofem insatser"
            and fold(w)
            not in {
                "minst",
                "min.",  # "min. 15 trafikkontroller/år"
                "hogst",
                "max",
                "max.",
                "st",  # "2 st trygghetsvandringar/år"
                "st.",
                "x",  # "12 x hastighetskontroller"
                "×",
                "stycken",
                "som",
                "maximalt",
                "exakt",
                "cirka",
                "ca",
                "ett",
                "en",
                "tiotal",
                "halvt",
                "dussin",
            }
        )
        unit_words = unit_words or target.unit
        unit_names = tuple(fold(name) for name in (target.unit, target.unit_singular) if name)
        if not fold(unit_words).endswith(unit_names):
            unit_words = target.unit  # "tr afikkontroller": the word OCR broke, read whole
        if fold(target.unit) in _WHEN_UNITS:
            unit_words = None  # "minst två kvällar i veckan" says when, not what
    target_start = target.span.start - start if target and target.span else None
    if unit_words and target_start:
        # "se över belysningen … och åtgärda minst 10 platser", "erbjuda sommarjobb till 50
        # ungdomar": the words before the count say what is done; what it counts names no
        # activity.
        done = _done_before_count(text[:target_start], target)
        if done is not None:
            return done
    return title_of(text, unit_words, target_start, keep_when)


# A count in a clause of its own after "och", its verb an infinitive or in the present: "… och
# åtgärda minst 10 platser", "… och sätter upp 10 skyltar" (not "polisen och kommunen 2 …").
_AND_CLAUSE_BEFORE_COUNT = re.compile(
    r"\s(?:och|samt)\s+[^\W\d]+[ar](?:\s+(?:upp|ut|in|om|över))?\s*$"
)
# A count after a preposition counts whom or where: "sommarjobb till 50 ungdomar".
_PREPOSITION_BEFORE_COUNT = re.compile(r"\s(?:till|i|på|vid|hos|bland|inom|för)\s*$")
# … unless the verb takes it: "delta i tre medborgardialoger", "bjuda in till två möten".
_TAKES_PREPOSITION_BEFORE = re.compile(
    r"(?:^|\s)(?:delta|deltar|medverka|medverkar|bjuda in|bjuder in|bjuds in|kalla|kallar"
    r"|inbjuda|inbjuder)\s+\S+\s*$"
)


def _done_before_count(before: str, target: ParsedTarget) -> str | None:
    """The title from the words before an activity's count when they say what is done and the
    count does not name it, else None."""
    # The clause or the preposition stands right before the count: its last words are read.
    at = max(0, len(before) - 80)
    if clause := _AND_CLAUSE_BEFORE_COUNT.search(before, at):
        first = title_of(before[: clause.start()], None)
        if len(first.split()) >= 2:
            return first
    if not _PREPOSITION_BEFORE_COUNT.search(before, max(0, len(before) - 12)):
        return None
    folded = fold(before)
    unit_names = tuple(fold(name) for name in (target.unit, target.unit_singular) if name)
    if (
        not _TAKES_PREPOSITION_BEFORE.search(folded, at)
        # "öka antalet narkotikakontroller till 40": the count names them all the same
        and not any(name and name in folded for name in unit_names)
    ):
        cut = title_of(before, None)
        if len(cut.split()) >= 2:
            return cut
    return None


# Units that say when an activity is done, not what it is: they name no activity.
# Nor do times and occasions counted with no noun ("(mål: 4/månad)").
_WHEN_UNITS = word_set(
    "kvallar natter helger dagar veckor timmar manader kvallspass nattpass ganger tillfallen"
)


def proposed_activity(
    text: str,
    title: str,
    start: int,
    owner: tuple[str, str, list[str]],
    target: ParsedTarget | None,
    notes: list[str],
) -> ParsedActivity:
    """An activity as proposed, marked for checking when the text names no one responsible."""
    responsible, other, partners = owner
    activity = ParsedActivity(
        text=text,
        title=title,
        responsible=responsible,
        responsible_other=other[:150],
        partners=", ".join(dict.fromkeys(partners))[:300],
        target=target,
        span=TextSpan(start, start + len(text)),
        uncertain=notes,
    )
    if responsible == "unstated":
        activity.uncertain.insert(0, _("The responsible party is not stated in the text"))
    return activity
