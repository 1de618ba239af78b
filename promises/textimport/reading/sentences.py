"""Activities in running text: a party's sentence ("Polisen ska genomföra …"), a sentence that
enumerates or numbers its clauses, clauses joined by "och", a paragraph read a sentence at a
time; and what is never an activity (a quotation, a preface, a contact, an outcome).
"""

import re
from bisect import bisect_left, bisect_right

from promises.textimport.lines import Line as _Line
from promises.textimport.numbers import fold
from promises.textimport.owners import (
    ACTIVITY_VERBS,
    MODAL,
    OWNER_LABEL,
    OWNER_PARENTHESIS,
    PRESENT_VERB,
    actor_doing,
    actor_kind,
    cleft_owner,
    owner_after_dash,
    owner_before_arrow,
    owner_before_colon,
    owner_in_front,
    read_owner,
)
from promises.textimport.reading.headings import READER_INVITATION
from promises.textimport.reading.titles import item_activity
from promises.textimport.reading.units import (
    ACTIVITY_START,
    AND_THAT,
    AND_THAT_OWNED,
    GOAL_START,
    LEAD_IN,
    PROMISE_SENTENCE,
    PROMISE_SENTENCE_REACH,
    SENTENCE,
    WE_DO,
    end_of_sentence,
)
from promises.textimport.targets import read_target
from promises.textimport.types import ParsedActivity


def prose_clauses(text: str, start: int, owned: bool = False) -> list[tuple[int, str]]:
    """The clauses of running text that say what a party does, each (start, text): its
    sentences, without a lead-in ("Det innebär att …"), split at "… och att …". Empty when a
    sentence of it says no such thing. `owned`: the text stands under a party's heading, so
    "Vi genomför …" says what that party does."""
    clauses: list[tuple[int, str]] = []
    for sentence in SENTENCE.finditer(text):
        at, words = sentence.start(), sentence.group().rstrip()
        folded = fold(words)
        if lead := LEAD_IN.match(folded):
            at, words, folded = at + lead.end(), words[lead.end() :], folded[lead.end() :]
        cut = 0
        for match in [*(AND_THAT_OWNED if owned else AND_THAT).finditer(folded), None]:
            end = match.start() if match else len(words)
            clause = words[cut:end].strip().rstrip(".")
            if clause:
                clauses.append((start + at + cut, clause))
            cut = match.end() if match else cut
    if not clauses or not all(
        actor_doing(clause)
        or _ACTOR_SENTENCE.match(fold(clause))
        or owned
        and WE_DO.match(fold(clause))
        for _at, clause in clauses
    ):
        return []
    return clauses


# A line that is an activity whatever stands around it: "Polisen ska genomföra …".
_ACTOR_SENTENCE = re.compile(
    # (a post's "Vi på polisen kommer också att …", "Flens kommun ser till att …")
    r"(?:(?:vi (?:pa|i|inom) )?(?:polisen|kommunen)|staden|regionen|polisen och kommunen"
    r"|kommunen och polisen|polisen och [\w-]+s? (?:kommun|stad)"
    r"|[\w-]+s? (?:kommun|stad) och polisen"
    r"|[\w-]+s (?:kommun|stad)(?= (?:ska|kommer|ser|satter|genomfor|anordnar|ordnar|erbjuder)\b))"
    # "Polisen i Arvidsjaur ska …", "Kommunen, genom tekniska förvaltningen, kommer att …"
    r"(?: i [\w-]+|, genom [^,]{3,60},)?(?: ocksa| aven| dessutom)?"
    r" (?:ska|skall|kommer (?:ocksa |aven |dessutom )?att|forbinder sig att|atar sig att"
    # "Polisen har för sin del åtagit sig att …", as a report retells what a party promised
    r"|har (?:for sin del |ocksa |aven )?atagit sig att"
    r"|lovar att|genomfor|erbjuder|ser till att|ser over|satter upp|satter (?:ocksa |aven )upp"
    r"|anordnar|haller|arbetar|deltar|ansvarar|bjuder|besoker|patrullerar|fotpatrullerar"
    r"|utbildar|kontrollerar|informerar|infor|startar|sprider|utfor|utokar|organiserar) \w"
    # "Polisen och socialtjänsten håller …", "Kommunens fältassistenter är ute …"
    r"|(?:polisen och [\w-]+|[\w-]+ och polisen|kommunens [\w-]+|polisens [\w-]+)"
    r" (?:ska|skall|kommer att|genomfor|haller|anordnar|besoker|patrullerar|ar ute"
    r"|finns pa plats) \w"
    # "Polisen gör hastighetskontroller vid …": a count of what is done follows
    r"|(?:polisen|kommunen) gor [\w-]+(?:kontroller|insatser|besok|vandringar|patrulleringar)\b"
)


# "Tillsammans ska vi anordna …": both parties' activity, in running text too.
_JOINT_SENTENCE = re.compile(
    # an article's retelling: "Tillsammans ska parterna genomföra …"
    r"(?:(?:tillsammans|gemensamt) (?:ska|skall|kommer) (?:att )?(?:vi|parterna)"
    r"|vi (?:ska|skall|kommer att) (?:tillsammans|gemensamt)"
    # "Tillsammans genomför polisen och kommunen trygghetsvandringar …"
    r"|(?:tillsammans|gemensamt) (?:genomfor|haller|anordnar|ordnar|gor|bjuder"
    # "Gemensamt ska polisen och kommunen genomföra …", as a report retells the promise
    r"|ska|skall|kommer att)"
    r" (?:polisen och kommunen|kommunen och polisen|vi)) \w"
)
# A quotation on a news page: "– Vi vill att alla ska känna sig trygga, säger kommunpolisen."
# The speaker may be named with a title: "…, säger Anna Ek (S), kommunstyrelsens ordförande."
QUOTATION = re.compile(
    r", (?:sager|berattar|menar|konstaterar) [^,.]{2,80}(?:, [^,.]{2,100})?[.!]?$"
)
# What the parties have agreed on, told in the perfect tense: the agreement, no activity ("Polisen
# … och Värnamo kommun har kommit överens om ett medborgarlöfte …").
PREFACE = re.compile(
    r"[^.]{0,160}\b(?:har|hade) (?:kommit overens|tecknat|tagit fram|enats|undertecknat"
    r"|skrivit under)\b"
)
# A promise written as the rest of its party's "lovar" heading, among that party's items.
PROMISE_IN_LIST = re.compile(r"att (?:arbeta (?:for|med)|verka for|minska|oka|skapa)\b")
# An invitation to get in touch, as a letter to residents ends: "Har du frågor eller tankar? Hör
# av dig till kommunpolisen …", "Vill du veta mer? Kontakta …".
CONTACT = re.compile(
    r"(?:(?:har du|har ni) (?:fragor|synpunkter|tankar|ideer|tips)|vill (?:du|ni) veta mer"
    r"|kontakta (?:oss|garna)|hor (?:garna )?av (?:dig|er))\b"
    # a contact line or a news item's source: "Kontakt: kommunpolis …", "Källa: Polisen …"
    r"|(?:kontakt(?:uppgifter|personer|person)?|kalla) ?:"
    # a postal address: "Vellinge kommun, Norrevångsgatan 3, 235 81 Vellinge."
    r"|[^,]{2,60}, (?:[^,]{2,40}, )?\d{3} \d{2} [a-z]"
)
# A document's furniture under a heading such as "HANDLINGSPLAN" over its title: its reference
# ("Dnr FA-2025/0871"), its title ("Medborgarlöfte Farsta 2026") and its legend ("Förkortningar
# i planen: SDF = …"), no activity.
FURNITURE = re.compile(
    r"(?:dnr|diarienummer|diarienr|forkortningar)\b"
    r"|(?:medborgarloften?|handlingsplan)(?: [\w-]+){0,3} \d{4}(?: ?[-–] ?\d{2,4})?$"
    # "Medborgarlöfte Hällefors" under "ÅRSPLAN 2026": the title without its year
    r"|medborgarloften?(?: [\w-]+){1,2}$"
)
# An outcome to measure, no activity: "Andelen som känner sig trygga ska öka till 75 %".
_OUTCOME = re.compile(
    r"(?:(?:malet|mal|effektmal|kpi)\s*: )?(?:andelen|antalet|andel|antal)\b[^.]{0,120}?"
    r"\b(?:ska|skall|bor) (?:oka|minska|sjunka|stiga|halveras|forbattras)\b"
)
# A paragraph about the activities below, no promise: "Aktiviteterna är formulerade enligt …",
# "Nedan beskrivs …".
ABOUT_ACTIVITIES = re.compile(
    r"(?:aktiviteterna(?: nedan)? (?:ar|har|beskrivs|foljer|redovisas|listas|\w+s)"
    # "Varje aktivitet har en kontaktperson som …": what each activity below comes with
    r"|(?:varje|alla) (?:aktivitet|aktiviteter|insats|insatser) (?:har|ska ha|far)"
    r"|nedan (?:foljer|beskrivs|listas|redovisas))\b"
)
# A sentence giving the promise's validity: "Löftet gäller från 1 januari till 31 december 2026."
VALIDITY = re.compile(
    r"(?:(?:medborgar)?loftet|loftena|det|overenskommelsen) (?:galler|ar giltigt|loper)\b"
)
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# A remark in brackets, a line of its own under a heading of activities: "(Veckorna är
# preliminära och kan flyttas om något oförutsett inträffar.)"
REMARK = re.compile(r"\([^()]{3,300}\)")
# Running text no longer than this is one activity (a sentence or two).
_LONGEST_SENTENCE = 400


# A sentence listing what a party will do, its clauses set apart by semicolons: "För att nå
# dit kommer polisen att genomföra …; patrullera …; och delta i …." Each clause is an
# activity of the party the sentence names (as its subject, or after "kommer").
_ENUMERATION_LEAD = re.compile(
    r"\b(?:kommer (?:(?P<who>[a-z-]+(?: och [a-z-]+)?) )?att|ska|skall|atar sig att)\s+"
    r"(?=[a-z])"
)
_ENUMERATION_AND = re.compile(r"(?:och|samt) ")
_FEWEST_CLAUSE_WORDS = 3


# A sentence numbering its clauses inline, as a decision or a memo writes them: "Polisen åtar
# sig att (1) genomföra …, (2) fotpatrullera …, samt (3) besöka …", "LK och LPO ska gemensamt
# 1) … och 2) …": the lead, then each clause after its number, in order from one (or "a").
_NUMBERED_LEAD = re.compile(
    r"\b(?:kommer (?:(?P<who>[a-z-]+(?: och [a-z-]+)?) )?att|(?:ska|skall)(?: (?:gemensamt"
    r"|tillsammans|for sin del|ocksa|aven))?|(?:har )?(?:atar|atagit) sig(?: for sin del)? att"
    r"|forbinder sig att|lovar att)\s+(?=\(?(?:1|a)\)\s)"
)
_CLAUSE_NUMBER = re.compile(r"(?:(?<=\s)|^)\(?(\d{1,2}|[a-h])\)\s+(?=\S)")
_LAST_CLAUSE_END = re.compile(r"[.!?](?=\s+[A-ZÅÄÖ]|\s*$)")
_CLAUSE_JOIN = re.compile(r"(?:[,;]\s*)?(?:\b(?:och|samt)\s*)?$")


def numbered_clauses(text: str, start: int, party: str | None = None) -> list[ParsedActivity]:
    """The activities of a sentence numbering its clauses inline (two or more), each its
    party's (a clause ending with its own owner in brackets, "(KP)", that one's); [] when the
    sentence is none."""
    folded = fold(text)
    lead = _NUMBERED_LEAD.search(folded)
    if lead is None:
        return []
    owner = read_owner(text[: lead.start()] or text, None)[0]
    if lead.group("who") and (kind := actor_kind(lead.group("who"))):
        owner = kind  # "… kommer polisen att (1) …"
    if owner not in ("police", "municipality", "joint"):
        if party is None:
            return []
        owner = party  # under the party's heading: "Polisens åtaganden"
    numbers = []
    expected = None
    for match in _CLAUSE_NUMBER.finditer(folded, lead.end()):
        label = match.group(1)
        if expected is None:
            expected = label
        if label != expected:
            continue  # "(2)" inside a clause before its turn, "ett (1) möte": no number
        numbers.append(match)
        expected = str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)
    if len(numbers) < 2:
        return []
    activities = []
    for number, following in zip(numbers, [*numbers[1:], None], strict=False):
        if following:
            end = following.start()
        else:  # the last clause ends with its sentence ("ca 2 ggr/mån (KP)."; not "min. 15")
            stop = _LAST_CLAUSE_END.search(text, number.end())
            end = stop.end() if stop else len(text)
        clause = text[number.end() : end]
        clause = clause[: _CLAUSE_JOIN.search(clause).start()].rstrip().rstrip(".")
        if len(clause.split()) < _FEWEST_CLAUSE_WORDS:
            return []
        activities.append(item_activity(clause, start + number.end(), owner))
    return activities


def enumerated(text: str, start: int) -> list[ParsedActivity]:
    """The activities of a sentence enumerating a party's clauses, [] when it is none."""
    folded = fold(text)
    if ")" in text and (numbered := numbered_clauses(text, start)):
        return numbered
    first = folded.find("; ")
    lead = _ENUMERATION_LEAD.search(folded, 0, first) if first > 0 else None
    if lead is None:
        return []
    owner = read_owner(text, None)[0]
    if lead.group("who") and (kind := actor_kind(lead.group("who"))):
        owner = kind  # "… kommer polisen att …"
    if owner not in ("police", "municipality", "joint"):
        return []
    clauses = []
    at = lead.end()
    for end in [*(m.start() for m in re.finditer("; ", folded)), len(text)]:
        if end < at:
            continue
        if joined := _ENUMERATION_AND.match(folded, at):
            at = joined.end()
        clause = text[at:end].strip().rstrip(".")
        if len(clause.split()) < _FEWEST_CLAUSE_WORDS or not clause[:1].islower():
            return []
        clauses.append((start + at, clause))
        at = end + 2
    if len(clauses) < 2:
        return []
    return [item_activity(clause, at, owner) for at, clause in clauses]


# A sentence of running text joining two activities with "och": "Vi på polisen kommer också
# att finnas på plats …, och kommunpolisen besöker …", "Flens kommun ser till att … och ordnar
# fyra föräldraträffar …", "Tillsammans gör vi …, och vi träffar er …". A clause after "och"
# opening with one who acts ("vi", a party, an actor) and a verb in the present, or with an
# activity verb of the sentence's own subject (three words or more before it), is an activity
# of its own; its owner the first clause's when it names none.
_AND_AT = re.compile(r",? och (?=[a-z])")
# A verb in the infinitive after "och att", folded: "fotpatrullera", "genomfora" (not "andra",
# "flera", "dessa", "vissa": pronouns and adjectives ending in "a").
_INFINITIVE = re.compile(r"(?!(?:andra|flera|dessa|vissa|hela|sina|bada)$)[a-z]{4,}a")
_FEWEST_WORDS_BEFORE_AND = 4
# A word as `str.split()` gives it (`\s` is what `str.isspace()` is).
_WORD = re.compile(r"\S+")


def coordinated(text: str, start: int, party: str | None = None) -> list[ParsedActivity]:
    """The activities of a sentence joining two or more with "och", [] when it is one.
    `party`: whose the first clause is when it names no one."""
    end = end_of_sentence(text)
    folded = fold(text[:end])
    # Where each word starts and ends, found once: the words after each "och" and those
    # before it were split anew from the whole sentence's rest and start, quadratic (a
    # sentence of 33,000 "a och" took 40 s).
    spans = [word.span() for word in _WORD.finditer(folded)]
    starts = [word_start for word_start, _word_end in spans]
    ends = [word_end for _word_start, word_end in spans]
    cuts = []
    for match in _AND_AT.finditer(folded):
        # the three words after "och": folded[match.end() :].split()[:3]
        first = bisect_right(ends, match.end())
        words = [
            folded[max(starts[k], match.end()) : ends[k]]
            for k in range(first, min(first + 3, len(spans)))
        ]
        since = cuts[-1][1] if cuts else 0
        # how many words since the last cut: len(folded[since : match.start()].split())
        before = bisect_left(starts, match.start()) - bisect_right(ends, since)
        if len(words) < 3 or before < _FEWEST_WORDS_BEFORE_AND:
            continue
        subject = words[0] == "vi" or actor_kind(words[0]) in {"police", "municipality"}
        if subject and (words[1] in ACTIVITY_VERBS or PRESENT_VERB.fullmatch(words[1])):
            cuts.append((match.start(), match.end(), True))
        elif words[0] == "att" and _INFINITIVE.fullmatch(words[1]):
            # "… åtagit sig att genomföra … och att fotpatrullera …": the clause after "att"
            cuts.append((match.start(), match.end() + len("att "), False))
        elif words[0] in ACTIVITY_VERBS and (
            words[0] != "finns" and not folded.endswith((" och", " samt"), 0, match.start())
        ):
            cuts.append((match.start(), match.end(), False))
    if not cuts:
        return []
    first = text[: cuts[0][0]].strip()
    if len(first.split()) < _FEWEST_CLAUSE_WORDS:
        return []
    activities = [item_activity(first, start, party)]
    for number, (_cut, after, named) in enumerate(cuts):
        until = cuts[number + 1][0] if number + 1 < len(cuts) else len(text)
        clause = text[after:until].strip().rstrip(".")
        owner = None
        if not named or clause.split()[0].lower() == "vi":
            owner = activities[0].responsible
        activities.append(item_activity(clause, start + after, owner))
    return activities


def sentence_activity(line: _Line) -> bool:
    """A line of running text that is an activity: a party's ("Polisen ska genomföra …",
    "Tillsammans ska vi …"), or another actor's with a target ("Räddningstjänsten genomför minst
    sex informationsinsatser per år")."""
    return _activity_sentence(line.text, line.folded)


# How often a routine is done, without a count: "varje fredagskväll", "varannan vecka".
_ROUTINE = re.compile(r"\b(?:varje|varannan|varannat|var fjortonde|dagligen|veckovis|manadsvis)\b")


def routine_sentence(line: _Line) -> bool:
    """A sentence standing after a list of activities in which another actor says how often it
    does something, with no count: "Föreningen Nattvandrarna i Partille går i centrum varje
    fredagskväll." (one with a count is an activity by `sentence_activity`)."""
    text = line.text.strip()
    if len(text) > _LONGEST_SENTENCE or end_of_sentence(text) < len(text) - 1:
        return False  # a paragraph, not one sentence
    if text.endswith((":", "?")) or QUOTATION.search(line.folded):
        return False
    return bool(_ROUTINE.search(line.folded)) and read_owner(text, None)[0] == "other"


# A sentence opening with its place in a sequence, its subject after the verb: "För det
# första kommer polisen att …", "För det tredje ska vi tillsammans …", "Till sist kommer polisen
# och kommunen att …".
_SEQUENCED_SENTENCE = re.compile(
    r"(?:for det (?:forsta|andra|tredje|fjarde|femte|sjatte|sjunde)|till sist|slutligen"
    r"|forst och framst|darefter|vidare),? (?:kommer|ska|skall) (?:vi (?:tillsammans|gemensamt)"
    r"|polisen och kommunen|kommunen och polisen|polisen|kommunen|staden)"
    r"(?: (?:ocksa|aven|dessutom))?(?: att)? \w"
)


def _activity_sentence(text: str, folded: str) -> bool:
    if len(text) > _LONGEST_SENTENCE or QUOTATION.search(folded):
        return False
    if READER_INVITATION.match(folded):
        return False  # "Du som vill … kan kontakta …": the reader is asked, nothing is done
    if re.search(r"\bfoljande\W*$|:\s*$", folded):
        return False  # a lead: "Polisen och kommunen lovar att arbeta med följande."
    if (
        _ACTOR_SENTENCE.match(folded)
        or _JOINT_SENTENCE.match(folded)
        or _SEQUENCED_SENTENCE.match(folded)
    ):
        return True
    if read_owner(text, None)[0] != "other":
        return False
    target, _notes = read_target(text, structure=True)
    return target is not None


# A sentence of speech opening with a conjunction: "Och kommunpolisen kommer att besöka …".
_OPENING_CONJUNCTION = re.compile(r"(?:och|men|dessutom|sedan|ja|jo|nej),? (?=\w)")
# The lines of a paragraph wrapped where the writer's editor wrapped them: a line ending inside
# a sentence (no full stop, colon …) goes on on the next.
SENTENCE_GOES_ON = re.compile(r"[\w,–-]$")
_SHORTEST_PARAGRAPH_LINE = 25


def wrapped_paragraphs(lines: list[_Line]) -> list[int]:
    """For each line, the index after the paragraph of running text from it when its lines are
    wrapped inside its sentences (two lines or more, each but the last long, one of them
    ending inside a sentence), else 0. Worked out from the last line up, in one pass."""
    ends = [0] * len(lines)
    following, long_lines, goes_on = len(lines), True, False
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if line.blank or line.bullet:
            following, long_lines, goes_on = index, True, False
            continue
        if index + 1 < following:  # a line with another of its paragraph under it
            long_lines = long_lines and len(line.text) >= _SHORTEST_PARAGRAPH_LINE
            goes_on = goes_on or bool(SENTENCE_GOES_ON.search(line.text.rstrip()))
        if following - index >= 2 and long_lines and goes_on:
            ends[index] = following
    return ends


def paragraph_activities(text: str, start: int, party: str | None = None) -> list[ParsedActivity]:
    """The activities of a paragraph of running text, a sentence each (as a speech gives
    them: "Polisen kommer att genomföra tjugofem … Och kommunpolisen kommer att besöka …"). A
    sentence with no one named ("Vi sätter upp …", "Våra fältassistenter kommer att …") after
    the paragraph's first, whose subject is a party ("Kommunen tar sitt ansvar."), is that
    party's. `party`: whose the sentences naming no one are, when what stands around the text
    says it (a transcript's question or speaker)."""
    sentences = [(match.start(), match.group().rstrip()) for match in SENTENCE.finditer(text)]
    if not sentences:
        return []
    first = sentences[0][1]
    if party is None and (
        actor_doing(first)
        or _ACTOR_SENTENCE.match(fold(first))
        or _JOINT_SENTENCE.match(fold(first))
    ):
        party = read_owner(first, None)[0]
        party = party if party in {"police", "municipality", "joint"} else None
    activities: list[ParsedActivity] = []
    joint_before = False  # whether the sentence before was a joint activity ("Tillsammans …")
    for at, words in sentences:
        folded = fold(words)
        opening = _OPENING_CONJUNCTION.match(folded)
        core = folded[opening.end() :] if opening else folded
        core_text = words[len(folded) - len(core) :]
        joint_after, joint_before = joint_before, False
        if PROMISE_SENTENCE.search(core[:PROMISE_SENTENCE_REACH]) or PREFACE.match(core):
            continue  # "Vi lovar att arbeta för …": the promise, no activity
        if _activity_sentence(core_text, core):
            found = enumerated(words, start + at) or coordinated(words, start + at)
            activities += found or [item_activity(words, start + at, party)]
            joint_before = bool(_JOINT_SENTENCE.match(core)) and activities[-1].responsible == (
                "joint"
            )
            continue
        # "Tillsammans genomför vi tre trygghetsvandringar. Vi bjuder också in …": the same "vi".
        said = "joint" if joint_after and _WE_ALSO.match(core) else party
        if QUOTATION.search(core) or not (_FUTURE.match(core) or said and WE_DO.match(core)):
            continue
        owner = read_owner(core_text, None)[0]
        if owner in {"police", "municipality", "joint"} or said and owner == "unstated":
            # "Och kommunpolisen kommer att besöka …", "Våra fältassistenter kommer att …",
            # "Ja, vi genomför två trygghetsvandringar …, och vi bjuder in …"
            activities += coordinated(words, start + at, said) or [
                item_activity(words, start + at, said)
            ]
    return activities


# A sentence going on with the "vi" of the one before: "Vi bjuder också in …", "Vi ska även …".
_WE_ALSO = re.compile(
    r"vi (?:[a-z]{2,}(?:ar|er|or|ir|ur)|ska|skall|kommer) (?:ocksa|aven|dessutom)\b"
)


# A sentence saying what someone will do: its subject (a few words), then "kommer att" or "ska".
_FUTURE = re.compile(r"(?:[\w-]+ ){1,4}(?:kommer (?:ocksa |aven |dessutom )?att|ska|skall) \w")


def looks_like_activity(text: str) -> bool:
    folded = fold(text)
    if QUOTATION.search(folded) or _OUTCOME.match(folded) or READER_INVITATION.match(folded):
        return False
    if folded.rstrip().endswith("?"):
        return False  # a question ("1. Vilka åtgärder kommer kommunen att vidta …?")
    if (
        owner_in_front(text)
        or OWNER_LABEL.search(folded)
        or OWNER_PARENTHESIS.search(folded)
        or owner_after_dash(text)
        or owner_before_arrow(text)
        or owner_before_colon(text)
        or cleft_owner(folded)
    ):
        # an item that names who does it: "…, Ansvarig: Polisen", "… (Kommunen)", "… – Polisen"
        return True
    if actor_doing(text):
        return True  # "Socialtjänsten och polisen håller SSPF-möten varje vecka."
    if _JOINT_SENTENCE.match(folded):
        return True  # "Tillsammans gör vi två trygghetsvandringar …"
    if MODAL.search(folded[:100]) and not GOAL_START.match(folded):
        return True
    if ACTIVITY_START.match(folded):
        return True
    target, _notes = read_target(text, structure=True)
    return target is not None and target.comparator != "count"
