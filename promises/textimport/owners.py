"""Who carries out an activity, read from its text, never guessed: "Polisen ska", "Kommunen
ska", "X kommun förbinder sig", "Polisen och kommunen ska", "Tillsammans …"/"Gemensamt …"/"Vi
tillsammans …" (jointly), "Ansvarig: …" or "(Kommunen)" in the item, or its owner named first
("Polisen: …", "Kommunen – …"), are read as written; another named actor before "ska"
("Räddningstjänsten ska") or before an activity verb ("Räddningstjänsten Syd genomför …") is
"other"; "Vi ska …", the passive voice and a bare infinitive ("Under åren genomföra …") are
"unstated". When several actors are named, both parties make it joint, otherwise the first
named is responsible and the others are partners; "tillsammans med …", "i samverkan med …",
"i samarbete med …" name partners."""

import re

from promises.textimport.numbers import fold, ocr_m, word_value


def _set(words: str) -> frozenset[str]:
    """The words of a space-separated list."""
    return frozenset(words.split())


MODAL = re.compile(
    r"\b(?:ska|skall|kommer att|vill|lovar|forbinder sig|atar sig|ansvarar for|avser att"
    # "Under 2026 kommer polisen att …" (the subject between); "X får i uppdrag att …"
    r"|far i uppdrag att|kommer(?= (?:[\w-]+ ){1,3}att\b))\b"
)
# Present tense, folded: "genomför", "arbetar", and the short "är", "har", "går", "gör", "ser",
# "tar", "rör (sig)", "ger".
_PRESENT_VERB = re.compile(
    r"[a-z]{2,}(?:ar|er|or|ur|ir)|ar|har|gar|gor|ser|tar|ror|ger|finns|traffas|mots|samlas|ses"
)
# (and the reader a leaflet speaks to: "Du kommer att se poliser …", "Din skola får besök …";
# and the speaker's own, folded: "Våra fältassistenter kommer att …", "Vår fritidsgård …")
_PRONOUN_SUBJECT = frozenset(
    {"vi", "man", "det", "detta", "de", "dessa", "alla", "den", "du", "ni", "din", "ditt", "dina"}
    | {"var", "vart", "vara"}
    # a letter's writer speaking for the party whose heading is over the item: "Jag kommer
    # att besöka …" under "Det här gör jag och mina kollegor i polisen"
    | {"jag"}
)
_POLICE = re.compile(
    # "Kommunpolisen", "Områdespolisen", "Ingripandepolisen", "Trafikpolisen" …
    r"(?:[a-z]*polis(?:en|ens|erna)?|lokalpolisomradet|lokalpolisomrade"
    r"|polismyndigheten|polisomradet|polisregion|lpo)\b"
)
_MUNICIPALITY = re.compile(
    # "Kommunerna ska tillsammans:", as a promise of two municipalities names both
    r"(?:kommunen|kommunens|kommunerna|kommunernas|kommun|[\w-]+ kommun|[\w-]+s kommun"
    r"|staden|stadens|[\w-]+ stad"
    # Region Gotland is also the municipality; another region ("Region Sörmland") is another
    # organisation, as a county's health care and transport are.
    r"|[\w-]+s stad|regionen|regionens|region gotland|stadsdelsforvaltning(?:en)?|stadsdelen"
    r"|stadsdelsnamnd(?:en)?|stadsomrade [\w-]+"
    # "Tekniska förvaltningen", "Kultur- och fritidsförvaltningen", "Miljö- och hälsoskyddsnämnden",
    # "Tekniska kontoret", "Gatukontoret", "Gatuavdelningen"
    r"|(?:[\w-]+a |[\w]+- och )?[\w-]*(?:forvaltningens?|namndens?|kontorets?|avdelningens?)"
    r"|socialtjanstens?|(?:fritids|ungdoms)gard(?:en|ens|arna)?|faltassistent(?:en|er|erna)?"
    # "fritidsgårdspersonalen", "fritidsledarna": the staff of the municipality's youth centres
    r"|(?:fritids|ungdoms)gardspersonal(?:en)?|fritidsledar(?:e|en|na)"
    r"|faltgrupp(?:en|ens)?"
    r"|faltsekreterar(?:e|en|na)|skolan|skolorna|trygghetssamordnar(?:e|en)"
    r"|sakerhetssamordnar(?:e|en)|brottsforebyggande radet|bra"
    # a municipality's departments and boards as their own documents shorten them: "SOC",
    # "BoU", "KoF", "SBF", "KF" (kommunfullmäktige), "KS" (kommunstyrelsen)
    r"|soc|sof|ifo|bou|buf|bun|uaf|ubf|kof|kff|kfn|sbf|sbk|sbn|tf|tk|kf|ks|klf"
    # a city district's administration and board: "SDF", "SDN"
    r"|sdf|sdn)\b"
)
# "Tillsammans …", "Vi gemensamt …", "Gemensam lägesbild tas fram …": both parties.
_JOINT_START = re.compile(
    r"(?:(?:vi )?(?:tillsammans|gemensamt)|gemensam(?:ma)?|bada parter(?:na)?|parterna)\b(?! med)"
)
# "Ansvarig: Polisen", "Ansvar: kommunen och polisen", "(Polisen)" at the end of an item.
OWNER_LABEL = re.compile(
    # "Ansvarig funktion: områdespolisen", "Ansvarig roll: trygghetssamordnaren"
    r"\b(?:(?:huvud)?ansvar(?:ig|iga)?(?: (?:part|funktion|roll|enhet))?|ansv\.|vem|owner)"
    r"\s*:\s*"
    # up to the next label: "Owner: Kungälvs Handel Frequency: 4 möten per år"
    r"(?P<who>(?:(?!\s[A-ZÅÄÖa-zåäö]+\s*:)[^.;()|\n]){2,80})"
)
# A word opening a sentence of speech, before its subject: "Och", "Men", "Ja,".
_OPENING_WORD = re.compile(r"(?:och|men|ja|jo|nej),? (?=\w)")
# A template's placeholder for a name not yet filled in: "XX", "NN", "N.N.", "?", "…".
_PLACEHOLDER = re.compile(r"x{1,4}|n\.? ?n\.?|\?+|…|\.{3}|\[[^\[\]]{0,40}\]", re.IGNORECASE)
# "[Polisen]", "[Polisen och kommunen]": square brackets, as some write them, read the same.
OWNER_PARENTHESIS = re.compile(
    r"[(\[](?:ansvar(?:ig)?\s*:\s*)?(?P<who>(?:polisen|kommunen|staden|regionen)"
    r"(?:(?: och|,) (?:polisen|kommunen|staden|regionen))?)[)\]]\.?\s*$"
)
PARTNERS = re.compile(
    r"\b(?:tillsammans med|i samverkan med|i samarbete med|i dialog med|med stod av|i samrad med)"
    r" "
)
_PARTNER_STOP = _set(
    "ska skall vill kommer kan att for genom under vid mot om pa fran efter hos utan som dar "
    "nar da inom kring bland till av"
    # a verb's particle after the partners: "bjuder tillsammans med Knivstabostäder in till …"
    " in ut upp"
)
_PARTICLES = _set("in ut upp")
_PARTNER_VERB_EXTRA = _set(
    "genomfora arbeta delta erbjuda organisera forbattra implementera borja anvanda "
    "presentera sprida utveckla ta skapa oka minska verka bedriva halla anordna informera "
    "utbilda kartlagga folja stodja finnas vara gora fortsatta samverka bjuda planera utfora "
    "ge ha fa arbetar genomfor deltar erbjuder satta ordna hjalpa starta bygga mota traffa "
    "skicka stotta bevaka rensa sanera tomma byta lagga halla ga minst hogst max "
    "kontrollera patrullera besoka"
)
_I_CONTINUES = frozenset({"kommunen", "staden", "omradet", "stadsdelen", "regionen", "lanet"})


# --- Owners ------------------------------------------------------------------------------------


def actor_kind(folded_phrase: str) -> str | None:
    phrase = folded_phrase.strip()
    if _POLICE.match(phrase):
        return "police"
    if _MUNICIPALITY.match(phrase):
        return "municipality"
    if "rn" in phrase:  # a scan's "Kornrnunen" ("rn" for "m")
        return actor_kind(ocr_m(phrase))
    return None


def split_actors(text: str) -> list[str]:
    """The actors of "Räddningstjänsten, Svenska kyrkan och frivilliga" ("Polisen + staden",
    "Kommunen & Polisen", "Polisen/Staden"), as written."""
    parts: list[str] = []
    for piece in re.split(r",\s+|\s+och\s+|\s+samt\s+|\s+[+&]\s+|(?<=[^\W\d])/(?=[^\W\d])", text):
        piece = piece.strip(" ,.;")
        if not piece or fold(piece).startswith("genom "):
            continue  # "Kommunen, genom tekniska förvaltningen, …": how, not who else
        if parts and parts[-1].endswith("-"):
            parts[-1] = f"{parts[-1]}, {piece}" if "," in text else f"{parts[-1]} och {piece}"
        else:
            parts.append(piece)
    return parts


# An item's next label, capitalised, after its text: "… Mätbart mål: …", "… Ansvarig funktion: …".
_NEXT_LABEL = re.compile(r"\s[A-ZÅÄÖ][a-zåäö]+(?: [a-zåäö]+)?\s*:")


def partners_of(text: str, folded: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The partners named with "tillsammans med …" and the like, and where they stand."""
    names: list[str] = []
    spans: list[tuple[int, int]] = []
    for match in PARTNERS.finditer(folded):
        position = match.end()
        end = position
        words = 0
        reach = position + 300
        if label := _NEXT_LABEL.search(text, position, reach):
            reach = label.start()  # "… och bostadsbolaget Mätbart mål: två …": a label ends them
        before_and = end  # where the names ended before the last "och"
        for token in re.finditer(r"[\w-]+|[^\w\s]", folded[position:reach]):
            word = token.group(0)
            if word in {".", ";", ":", "(", ")"} or words >= 12:
                break
            if (
                word in _PARTICLES
                and before_and < end
                and folded[before_and:end].split()[:1] == ["och"]
            ):
                # "… med föräldraföreningarna och delar ut …": "delar" is a verb, no name
                end = before_and
                break
            if word == "och":
                before_and = end
            if word == ",":
                continue
            if re.fullmatch(r"x?\d+", word) or (
                word not in {"en", "ett"} and word_value(word) is not None
            ):
                # "tillsammans med kommunen, x2 under året", "…, polisen, fyra gånger under
                # året": a number names no partner
                break
            if word in _PARTNER_STOP or word in _PARTNER_VERB_EXTRA:
                break
            if word.endswith("r") and word[:-1] in _PARTNER_VERB_EXTRA:
                break  # the verb in the present: "… i samverkan med polisen informerar …"
            if word == "i":
                rest = folded[position + token.end() :].split()
                if not rest or rest[0].strip(".,") not in _I_CONTINUES:
                    break
            if (word.endswith(("era", "erar")) and len(word) > 5) or word in {"vi", "man"}:
                break
            end = position + token.end()
            words += 1
        if end > position:
            phrase = text[position:end].strip(" ,")
            names.extend(split_actors(phrase))
            spans.append((match.start(), end))
    return names, spans


# "Polisen: kameraövervakning …", "Räddningstjänsten Bergslagen – informationsinsatser …": the
# item names its owner before a colon or a dash.
# "Polisen → riktade insatser …", "Polisen + staden → …": an arrow after the owner.
OWNER_ARROW = r"(?:→|⇒|➔|➜|->)"
_OWNER_PREFIX = re.compile(
    rf"(?P<who>[A-ZÅÄÖ][^:.;()\n–—→]{{1,60}}?)(?::\s+|\s+[–—-]\s+|\s+{OWNER_ARROW}\s+)\S"
)
# An organisation named alone is a noun in its definite form: "Trafikverket", "Nattvandrarna";
# not a topic or a label ("Tryggheten:", "Uppföljningen:", "Insatsen –").
_DEFINITE_NAME = re.compile(r"[a-z]{3,}(?:en|et|na)$")
_TOPIC_ENDING = re.compile(r"(?:het|heten|ning|ningen|else|elsen|skap|skapet|andet|endet)$")
_LABEL_NOUNS = _set(
    "malet syftet ansvaret resultatet uppdraget platsen tiden insatsen insatserna aktiviteten "
    "aktiviteterna atgarden atgarderna metoden effekten loftet omradet problemet bakgrunden "
    "malgruppen perioden kostnaden budgeten frekvensen omfattningen tidplanen kommentaren"
)


_OWNER_BEFORE_ARROW = re.compile(
    rf"(?P<who>[A-ZÅÄÖ][^:.;()\n–—→]{{1,60}}?)\s+{OWNER_ARROW}\s+(?P<rest>\S)"
)


# The owner named in a sentence of its own after the activity: "Det är polisen som ansvarar.",
# "Ansvarar gör fastighetsavdelningen på Lerums kommun.", "Polisen och kommunen ansvarar
# tillsammans." (folded).
_CLEFT_OWNERS = (
    re.compile(r"\bdet ar (?P<who>[^.;]{2,60}?) som (?:ansvarar|har ansvaret)\b"),
    re.compile(r"\bansvarar gor (?P<who>[^.,;]{2,60})"),
    re.compile(r"(?<=[.!?] )(?P<who>[^.;]{2,60}?) ansvarar(?: tillsammans| gemensamt)?\s*\.?\s*$"),
)


def cleft_owner(folded: str) -> re.Match | None:
    """Where an activity's text names its owner in a sentence of its own ("Det är polisen som
    ansvarar.")."""
    for pattern in _CLEFT_OWNERS:
        if match := pattern.search(folded):
            return match
    return None


# A party's department: "fastighetsavdelningen på Lerums kommun", "fältgruppen inom kommunen".
_DEPARTMENT_OF = re.compile(
    r"[\w-]*(?:avdelning|enhet|sektion|grupp)(?:en)? (?:pa|i|inom|vid) (?P<party>.+)$"
)


def owner_before_arrow(text: str) -> re.Match | None:
    """The owner an item names before an arrow ("Polisen → …", "Bostads AB Mimer → …"): a
    short name, which the layout makes the owner whatever its words."""
    match = _OWNER_BEFORE_ARROW.match(text)
    return match if match and len(match.group("who").split()) <= 5 else None


def _owner_prefix(text: str) -> re.Match | None:
    """The owner an item names before a colon or a dash: a party, "Gemensamt", or an
    organisation; not a topic ("Trygghet: Polisen ska …") or a label ("Platsen: …")."""
    match = _OWNER_PREFIX.match(text)
    if not match or _names_a_party(match.group("who")):
        return match
    # An organisation, unless a party follows: "Narkotika: Kommunen erbjuder …".
    rest = fold(text[match.end() - 1 :])
    if _organisation(match.group("who")) and not actor_kind(" ".join(rest.split()[:3])):
        return match
    return None


def owner_before_colon(text: str) -> re.Match | None:
    """The owner an item names before a colon ("Polisen: …", "Räddningstjänsten Syd: …")."""
    match = _owner_prefix(text)
    return match if match and text[match.end("who") : match.end("who") + 1] == ":" else None


_PARTY_BEFORE_DASH = re.compile(r"(?P<who>[A-ZÅÄÖ][\w ,&+/-]{1,50}?)\s+[–—-]\s+(?P<rest>\w)")
_AREA_AFTER_DASH = re.compile(r"(?:lokalpolisomrade|polisregion|polisomrade|lpo)\b")


def party_before_dash(text: str) -> re.Match | None:
    """ "Polisen – Riktade kontroller …", "Polisen och kommunen – Trygghetsvandring …": a party
    (or "Gemensamt") named before a dash, then the activity; never "Polisen – lokalpolisområde
    Ystad", a sender's name."""
    match = _PARTY_BEFORE_DASH.match(text)
    if (
        not match
        or not _names_a_party(match.group("who"))
        or _AREA_AFTER_DASH.match(fold(text[match.start("rest") :]))
        or len(text[match.start("rest") :].split()) < 3
    ):
        return None
    return match


def _names_a_party(name: str) -> bool:
    """Whether a name on its own says the police, the municipality or both ("Gemensamt")."""
    return bool(_JOINT_START.fullmatch(fold(name))) or any(
        actor_kind(fold(actor)) for actor in split_actors(name)
    )


# "… (Föreningen Nattvandrarna)", "… (LPO, Tekniska förvaltningen)": the owner in brackets
# after the item, named otherwise than OWNER_PARENTHESIS reads.
_OWNER_IN_BRACKETS = re.compile(r"[(\[](?P<who>[A-ZÅÄÖ][^()\[\]\n]{1,60})[)\]]\.?\s*$")


def _owner_in_brackets(text: str) -> re.Match | None:
    match = _OWNER_IN_BRACKETS.search(text)
    if match and (_names_a_party(match.group("who")) or _organisation(match.group("who"))):
        return match
    return None


def _organisation(name: str) -> bool:
    """Whether a name alone is an organisation's: its first word in the definite form
    ("Räddningstjänsten Syd", "Föreningen Nattvandrarna"), not a topic or a label; or a
    housing company's name ("Stenungsundshem", "Mjölbybostäder")."""
    words = fold(name).split()
    if name[:1].isupper() and len(words) == 1 and _COMPANY_NAME.fullmatch(words[0]):
        return True
    return (
        name[:1].isupper()
        and 0 < len(words) <= 4
        and bool(_DEFINITE_NAME.search(words[0]))
        and (not _TOPIC_ENDING.search(words[0]) or words[0] == "foreningen")
        and words[0] not in _LABEL_NOUNS
    )


# A housing company's name of one word, a place's name before its ending.
_COMPANY_NAME = re.compile(r"[a-z]{4,}(?:bostader|hem)")


# "… minst 2 per månad – Polisen", "… – Föreningen Nattvandrarna": the owner named last.
_OWNER_AFTER_DASH = re.compile(r"\s[–—-]\s+(?P<who>[A-ZÅÄÖ][^–—()\n.;:]{1,60}?)\.?\s*$")


def owner_after_dash(text: str) -> re.Match | None:
    """The owner an item names after a dash at its end: the parties, "Gemensamt", or
    organisations; not the rest of a sentence ("… – Polisen bjuder in")."""
    match = _OWNER_AFTER_DASH.search(text)
    if match is None:
        return None
    who = match.group("who")
    if _JOINT_START.fullmatch(fold(who)) or all(_only_a_name(a) for a in split_actors(who)):
        return match
    return None


def _only_a_name(actor: str) -> bool:
    """Whether an actor's words are a party's or an organisation's name and nothing more."""
    folded = fold(actor)
    if _POLICE.fullmatch(folded) or _MUNICIPALITY.fullmatch(folded):
        return True
    later = folded.split()[1:]
    return _organisation(actor) and not any(_PRESENT_VERB.fullmatch(word) for word in later)


# "(Polisen) Genomföra …", "(Polisen och kommunen) …": the owner in brackets before the item.
_OWNER_IN_FRONT = re.compile(r"\((?P<who>[^()\n]{2,60})\)\s*[–—:-]?\s*(?=\S)")


def owner_in_front(text: str) -> re.Match | None:
    """The owner an item names in brackets before its text: a party, "Gemensamt", or an
    organisation named by its definite form ("(Räddningstjänsten) …"); not a remark."""
    match = _OWNER_IN_FRONT.match(text)
    if match and (_names_a_party(match.group("who")) or _organisation(match.group("who"))):
        return match
    return None


# A run-in heading: "Trygghetsvandringar. Kommunen bjuder in …" (a bold first word in Word).
_RUN_IN_HEADING = re.compile(r"[A-ZÅÄÖ][\w-]+(?: [\w-]+){0,2}\.\s+(?=[A-ZÅÄÖ])")


def _after_topic(text: str) -> str:
    """The item without a topic before a colon or a dash, or a run-in heading, when an actor
    follows it: "Narkotika: Kommunen erbjuder …" and "Langning. Kommunen erbjuder …" are the
    municipality's."""
    if (match := _RUN_IN_HEADING.match(text)) and actor_kind(
        " ".join(fold(text[match.end() :]).split()[:3])
    ):
        return text[match.end() :]
    match = _OWNER_PREFIX.match(text)
    if (
        match
        and len(match.group("who").split()) <= 3
        and not OWNER_LABEL.match(fold(text))
        # "Kommunen: Fältassistenter ute vid …": a party before the colon is the owner
        and not _names_a_party(match.group("who"))
    ):
        rest = text[match.end() - 1 :]
        if actor_kind(" ".join(fold(rest).split()[:3])):
            return rest
    return text


# The end of an item's first sentence, when another follows it.
_NEXT_SENTENCE = re.compile(r"[.!]\s+(?=[A-ZÅÄÖ])")
_FIRST_SENTENCE_REACH = 200


_WE_AT = re.compile(r"vi (?:pa|i|inom|fran) ([\w-]+(?: [\w-]+)?)")


def read_owner(
    text: str, section_owner: str | None, first: bool = True
) -> tuple[str, str, list[str]]:
    """Who is responsible for an activity: (responsible, other actor, partners). `first`: the
    item's first sentence (a later one is read only once, for a "vi" subject's actor)."""
    text = _after_topic(text[:_LONGEST_OWNER])  # the owner and partners are named early
    folded = fold(text)
    partners, partner_spans = partners_of(text, folded)
    # The text without the partner phrases: "Kommunen ska tillsammans med X implementera …".
    blanked, blanked_text = folded, text
    for start, end in partner_spans:
        blanked = blanked[:start] + " " * (end - start) + blanked[end:]
        blanked_text = blanked_text[:start] + " " * (end - start) + blanked_text[end:]
    head = re.sub(r"\s+", " ", blanked).strip(" ,")
    head_text = re.sub(r"\s+", " ", blanked_text).strip(" ,")
    if head.startswith(("bade ", "saval ")):  # "Både polisen och kommunen deltar …"
        head, head_text = head.split(" ", 1)[1], head_text.split(" ", 1)[1]
    if first and (opening := _OPENING_WORD.match(head)):
        # a sentence of speech: "Och kommunpolisen kommer att besöka …", "Ja, tillsammans …"
        head, head_text = head[opening.end() :], head_text[opening.end() :]
    responsible, other = "", ""
    label = (
        OWNER_LABEL.search(folded)
        or OWNER_PARENTHESIS.search(folded)
        or owner_in_front(text)
        or _owner_in_brackets(text)
        or owner_after_dash(text)
        or owner_before_arrow(text)
        or _owner_prefix(text)
        or cleft_owner(folded)
    )
    if label and _PLACEHOLDER.fullmatch(label.group("who").strip()):
        label = None  # a template's field left unfilled: "(Ansvarig: XX)"
    if label:
        actors = split_actors(text[label.start("who") : label.end("who")])
        # "Polisen, i samverkan med kommunen": the partner phrase is read as a partner.
        actors = [a for a in actors if not PARTNERS.match(fold(a) + " ")]
        kinds = [_department_kind(fold(actor)) for actor in actors]
        if (
            set(kinds) == {"police", "municipality"}
            or _JOINT_START.fullmatch(fold(label["who"]))
            or folded[: label.start()].rstrip().endswith("gemensamt ansvar")
        ):
            return "joint", "", partners
        if kinds and kinds[0]:
            return kinds[0], "", [a for a in actors[1:] if a not in partners] + partners
        if (
            actors
            and text[label.start("who")].isupper()
            and not label.group("who").startswith(("vi", "alla", "ej", "saknas"))
        ):
            return "other", actors[0][:150], actors[1:] + partners
    if _JOINT_START.match(head):
        responsible = "joint"
    else:
        modal = MODAL.search(head[:120])
        subject = head[: modal.start()].strip(" ,") if modal else ""
        subject_text = head_text[: modal.start()].strip(" ,") if modal else ""
        if modal and subject and len(subject.split()) <= 8:
            after = head[modal.end() :].split()
            passive = (
                bool(after)
                and after[0].endswith("s")
                and after[0] not in NOT_PASSIVE
                and not after[0].endswith("ss")
            )
            actors = split_actors(subject_text)
            kinds = [actor_kind(fold(actor)) for actor in actors]
            first_word = subject.split()[0]
            we_at = _WE_AT.fullmatch(subject)
            if we_at and actor_kind(we_at.group(1)) in {"police", "municipality"}:
                # "Vi på polisen kommer också att …": the party the speakers belong to
                responsible = actor_kind(we_at.group(1)) or ""
            elif first_word in _PRONOUN_SUBJECT or passive:
                responsible = ""
            elif (others := _beside_both_parties(actors, kinds)) is not None:
                responsible = "joint"
                partners = others + partners
            elif kinds and kinds[0]:
                responsible = kinds[0]
                partners = [a for a, k in zip(actors[1:], kinds[1:], strict=True)] + partners
            elif (
                len(subject.split()) <= 6 and subject_text[:1].isupper() and not _inverted(subject)
            ):
                responsible, other = "other", actors[0] if actors else subject_text
                partners = actors[1:] + partners
            elif modal and after:
                # "Under perioden ska polisen …": the subject follows the verb.
                responsible = _subject_after_verb(after)
        elif modal and not subject:
            responsible = ""
        else:
            # No modal verb: "Polisen arbetar enligt …", "Kommunen erbjuder …".
            words = head.split()
            actor_words = []
            for word in words[:6]:
                if (
                    _PRESENT_VERB.fullmatch(word)
                    and actor_words
                    and actor_kind(" ".join(actor_words))
                ):
                    break
                actor_words.append(word)
            if actor_words and len(actor_words) < len(words[:6]):
                subject_text = " ".join(head_text.split()[: len(actor_words)])
                actors = split_actors(subject_text)
                kinds = [actor_kind(fold(actor)) for actor in actors]
                if (others := _beside_both_parties(actors, kinds)) is not None:
                    responsible = "joint"
                    partners = others + partners
                elif kinds and kinds[0]:
                    responsible = kinds[0]
            if not responsible:
                responsible, other, named = _named_before_verb(head, head_text)
                partners = named + partners
    if not responsible and (agent := _PASSIVE_AGENT.search(head)):
        # "Trygghetsvandringar genomförs av polisen och kommunen": the agent does it.
        kinds = {actor_kind(actor) for actor in split_actors(agent.group("who"))}
        if kinds == {"police", "municipality"}:
            responsible = "joint"
        elif len(kinds) == 1 and None not in kinds:
            responsible = kinds.pop()
    if not responsible and (agent := _agent_of_passive(head, head_text)):
        responsible, other = agent
    if (
        not responsible
        and first
        and folded.split(" ", 1)[0] in _PRONOUN_SUBJECT
        and (second := _NEXT_SENTENCE.search(text, 0, _FIRST_SENTENCE_REACH))
    ):
        # "Vi kommer att fortsätta med nattvandringar. Staden samordnar minst 40 …": the
        # sentence after one whose subject is "vi" names who does it.
        named, named_other, named_partners = read_owner(text[second.end() :], None, first=False)
        if named != "unstated":
            responsible, other = named, named_other
            partners = partners + [p for p in named_partners if p not in partners]
    if not responsible and section_owner:
        responsible = section_owner
    if not responsible:
        responsible = "unstated"
    if responsible in {"police", "joint"}:
        partners = [
            p for p in partners if actor_kind(fold(p)) != "police" or responsible != "police"
        ]
    return responsible, other, partners


# What may stand between an activity's own words and the owner's label after them.
_BEFORE_LABEL = " \t\n,;:–—-"


def trailing_owner(text: str) -> int | None:
    """Where the owner's label that ends an item starts ("… kvällstid. Ansvarig: Polisen.",
    "… per år (Kommunen)", "… – Föreningen Nattvandrarna", "… Vem: Polisen"), when that label
    names an owner read as one; else None. The label is what the owner's fields say, no part of
    the activity's own text."""
    folded = fold(text)
    label = (
        OWNER_LABEL.search(folded)
        or OWNER_PARENTHESIS.search(folded)
        or _owner_in_brackets(text)
        or owner_after_dash(text)
    )
    if label is None or text[label.end() :].strip(" .;,\t\n"):
        return None  # no label, or words after it (another label: "Mål: …")
    who = text[label.start("who") : label.end("who")]
    if not who[:1].isupper() and not _names_a_party(who):
        return None  # "Ansvarig: vi alla", "Ansvar: saknas": no owner read from it
    start = len(text[: label.start()].rstrip(_BEFORE_LABEL))
    return start if text[:start].strip(_BEFORE_LABEL + ".") else None


def _department_kind(folded_actor: str) -> str | None:
    """The kind of an actor, a party's department named with its party ("fastighetsavdelningen
    på Lerums kommun") as its party."""
    kind = actor_kind(folded_actor)
    if kind is None and (match := _DEPARTMENT_OF.match(folded_actor.strip())):
        return actor_kind(match.group("party"))
    return kind


def _beside_both_parties(actors: list[str], kinds: list[str | None]) -> list[str] | None:
    """The other organisations named with both parties ("Polisen, kommunen och
    fastighetsägarna"), partners of their joint activity; None unless both parties are named."""
    if set(kinds) - {None} != {"police", "municipality"}:
        return None
    return [actor for actor, kind in zip(actors, kinds, strict=True) if not kind]


_LONGEST_OWNER = 1000
# A passive verb and its agent: "genomförs av kommunen", "anlitas av polisen och kommunen".
_PASSIVE_AGENT = re.compile(
    r"\b[a-z]{3,}s av (?P<who>(?:[\w-]+ ){0,2}?(?:polisen|kommunen|staden|regionen|[\w-]+ kommun)"
    r"(?:(?:,| och| samt) (?:polisen|kommunen|staden|regionen|[\w-]+ kommun))?)\b"
)
# Any agent of a passive verb near an item's start: "Fältarbete … bedrivs av kommunens
# fältassistenter", "Belysningen … ses över av tekniska förvaltningen", "Föräldravandringar
# samordnas av föreningen Vuxna på stan". The agent's words run to a preposition, a number or
# the sentence's end.
_ANY_PASSIVE_AGENT = re.compile(
    r"\b[a-z]{2,}s(?: (?:over|upp|ut|in|fram|bort))? av (?P<who>[\w-]+(?: [\w-]+){0,5})"
)
_AGENT_STOP = _set(
    "vid i pa under for med minst till tillsammans varje per en ett tva tre fyra fem sex inom "
    "mellan fran om nar efter dar som gang ganger kvartalsvis arligen manatligen"
)
_PASSIVE_REACH = 120


def _agent_of_passive(head: str, head_text: str) -> tuple[str, str] | None:
    """The owner a passive sentence names as its agent: (responsible, other actor)."""
    match = _ANY_PASSIVE_AGENT.search(head, 0, _PASSIVE_REACH)
    if not match or head[: match.start()].split()[-1:] in (["och"], ["att"]):
        return None
    words = []
    for word in match.group("who").split():
        if word in _AGENT_STOP or word[:1].isdigit():
            break
        words.append(word)
    if not words:
        return None
    who_text = head_text[match.start("who") :][: len(" ".join(words))]
    actors = split_actors(who_text)
    kinds = [_department_kind(fold(actor)) for actor in actors]
    if set(kinds) == {"police", "municipality"}:
        return "joint", ""
    if kinds and kinds[0]:
        return kinds[0], ""
    name = who_text[:1].upper() + who_text[1:]
    if _organisation(name):
        return "other", name
    return None


NOT_PASSIVE = _set(
    "tillsammans gemensamt finnas synas lyckas vistas motas traffas samlas aldrig alltid dessutom"
)


# Present-tense verbs an item begins with after its actor when it has no modal verb.
_ACTIVITY_VERBS = _set(
    "genomfor arbetar erbjuder deltar haller anordnar bedriver driver organiserar ordnar utfor gar "
    "bjuder besoker patrullerar kontrollerar informerar utbildar samordnar forbattrar sanerar "
    "rustar installerar startar anstaller skapar stottar sprider inrattar utvecklar planerar "
    "traffar finns rojer byter"
)
# Compounds of those verbs: "klottersanerar", "nattpatrullerar".
# ("föräldraträffar", "nätverksträffar" are meetings, no verbs)
_COMPOUND_VERB_ENDINGS = tuple(
    verb for verb in _ACTIVITY_VERBS if len(verb) >= 6 and verb != "traffar"
)


def _activity_verb(word: str) -> bool:
    return word in _ACTIVITY_VERBS or word.endswith(_COMPOUND_VERB_ENDINGS)


# Being somewhere is what an actor does too: "Nattvandrarna är ute …", "… är på plats …".
_PRESENCE = _set("ute narvarande synlig synliga tillganglig tillgangliga")


def _present_at(words: list[str], index: int) -> bool:
    """ "är ute", "är på plats", and "ser över", "ser till att": a verb of two words."""
    following = words[index + 1 : index + 3]
    if not following:
        return False
    if words[index] == "ser":
        return following[0] in {"over", "till"}
    return words[index] == "ar" and (following[0] in _PRESENCE or following == ["pa", "plats"])


# The name of a housing or property company: "Mjölbostäder", "Vätterhem", "Eksjöbostäder AB".
_COMPANY = re.compile(r"(?:bostader|bostaden|hem|hemmet|fastigheter|bostadsbolaget|ab)$")
# A sports club's name ends with its kind, in capitals: "Gamleby IF", "Marieholms IS", "Hästö IK".
_CLUB_ENDINGS = frozenset({"IF", "IK", "IS", "BK", "FF", "SK", "GIF", "AIK", "IFK", "BoIS", "HK"})
# Those who act named by their role, in the indefinite plural: "Fastighetsägare i centrum
# sanerar …", "Näringsidkare", "Handlare", "Föreningar", "Föräldrar", "Volontärer".
_GROUP_OF_ACTORS = re.compile(
    r"[a-z]*(?:agare|idkare|handlare|foreningar|foraldrar|volontarer|frivilliga)"
)
# Definite endings of an organisation's name ("Räddningstjänsten", "Svenska kyrkan",
# "Fastighetsägarna", "Bostadsbolaget"), and definite words that name the work, not an actor.
_DEFINITE = ("en", "et", "na", "an")
_CLAUSE_WORDS = frozenset({"hur", "vad", "nar", "varfor", "vilka", "vilken", "vilket", "om", "att"})
_NOT_ACTORS = _set(
    "arbetet projektet verksamheten satsningen insatsen aktiviteten medborgarloftet loftet "
    "gruppen natverket"
)


# Words that look like a verb in the present tense ("-er", "-ar") and are none.
_NOT_VERBS = _set("efter under over eller mer fler sedan vidare enligt hur har lovar")


def actor_doing(text: str) -> bool:
    """Whether a sentence says what a named actor does: an actor, then a verb in the present
    tense ("Socialtjänsten och polisen håller SSPF-möten", "Kommunen ser över …",
    "Fastighetsägarna förbättrar …"), or when and where, the verb, then a party ("Under hösten
    genomför polisen …"). Not a sentence whose first verb follows something else ("Många
    undviker parken. Polisen genomför …")."""
    words = fold(text[:200]).split()[:8]
    for i, word in enumerate(words[1:6], start=1):
        if word not in _ACTIVITY_VERBS and (
            not _PRESENT_VERB.fullmatch(word) or word in _NOT_VERBS
        ):
            continue
        before = words[:i]
        if not all(w.isalpha() for w in before):
            return False
        if _inverted(" ".join(before)):
            return bool(actor_kind(" ".join(words[i + 1 : i + 4])))
        return bool(actor_kind(" ".join(before))) or (
            len(before) <= 4 and read_owner(text, None)[0] == "other"
        )
    return False


def _named_before_verb(head: str, head_text: str) -> tuple[str, str, list[str]]:
    """(responsible, other actor, partners) named around an activity verb in an item without a
    modal verb: "Räddningstjänsten Syd genomför …" (another actor), "Under hösten genomför
    polisen …" (after the verb); nothing when no organisation is named."""
    words = head.split()
    verb = next(
        (i for i, word in enumerate(words[:7]) if _activity_verb(word) or _present_at(words, i)),
        None,
    )
    if not verb:
        return "", "", []
    subject = words[:verb]
    if _inverted(" ".join(subject)):
        return actor_kind(" ".join(words[verb + 1 : verb + 4])) or "", "", []
    subject_text = " ".join(head_text.split()[:verb])
    if (
        subject[0] in _PRONOUN_SUBJECT
        # a question or a clause, no actor: "Berätta hur det går", "Dialogmöte om hur det går"
        or any(word in _CLAUSE_WORDS for word in subject[1:])
        or len(subject) > 4
        or any(word[:1].isdigit() for word in subject)  # "Ordna 6 föräldraträffar …"
        or not subject_text[:1].isupper()
        or not (
            _GROUP_OF_ACTORS.fullmatch(subject[0])
            or (len(subject) > 1 and subject_text.split()[-1] in _CLUB_ENDINGS)
            or any(
                w.endswith(_DEFINITE) and w not in _NOT_ACTORS or _COMPANY.search(w)
                for w in subject
            )
        )
    ):
        return "", "", []
    actors = split_actors(subject_text)
    return "other", actors[0][:150], actors[1:]


def _inverted(subject: str) -> bool:
    """Whether the words before the verb are an adverbial ("Under perioden", "För det första",
    "Till sist", "Slutligen"), not a subject."""
    return subject.split()[0] in {
        "under", "i", "pa", "vid", "efter", "inom", "fran", "for", "varje", "arligen", "nar",
        "dessutom", "darfor", "sedan", "tillsammans", "gemensamt", "med", "genom", "minst",
        "till", "slutligen", "vidare", "darefter", "forst", "enligt",
    }  # fmt: skip


_LONGEST_SUBJECT_AFTER_VERB = 4


def _subject_after_verb(after: list[str]) -> str:
    """The owner a subject after its verb names ("… kommer polisen att", "… ska vi tillsammans
    bjuda in", "… kommer polisen och kommunen att"), from the folded words after the verb."""
    words = after[:_LONGEST_SUBJECT_AFTER_VERB]
    if "att" in words:
        words = words[: words.index("att")]
    if _JOINT_START.match(" ".join(words)):
        return "joint"  # "vi tillsammans", "vi gemensamt"
    kinds = [actor_kind(actor) for actor in split_actors(" ".join(words))]
    if kinds[:2] in (["police", "municipality"], ["municipality", "police"]):
        return "joint"
    return actor_kind(" ".join(after[:3])) or ""


# For the parser's reading of clauses joined by "och" (`reading.sentences.coordinated`).
ACTIVITY_VERBS = _ACTIVITY_VERBS
PRESENT_VERB = _PRESENT_VERB
