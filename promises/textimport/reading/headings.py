"""Section headings and the owners they name: "Polisen lovar", "Kommunens åtaganden", "X lovar
att:", "Vi på Järfällahus lovar", a party's bare name over its list, an owner's label alone; and
the state of the section being read (`Section`).
"""

import re
from dataclasses import dataclass

from promises.textimport.lines import LONGEST_HEADING as _LONGEST_HEADING
from promises.textimport.lines import Line as _Line
from promises.textimport.lines import kw as _kw
from promises.textimport.numbers import fold
from promises.textimport.owners import (
    OWNER_LABEL,
    OWNER_PARENTHESIS,
    actor_kind,
    read_owner,
    split_actors,
)
from promises.textimport.reading.units import DETAIL_IN_TEXT
from promises.textimport.targets import read_target

_PARTY_NAME = (
    r"(?:polisen|kommunen|staden|regionen|lokalpolisområdet?(?: \w+)?|\w+s? kommun|\w+s? stad"
    r"|region \w+)"
)
PROMISE_LEAD = _kw(
    r"(?:lovar (?:gemensamt )?(?:att )?(?:arbeta )?för\b(?:.*:|\s*$)"
    r"|följande (?:medborgar)?löften\b"
    r"|^(?:(?:(?:våra |gemensamma |dessa |nya )?(?:medborgar)?löften(?:a)?|(?:medborgar)?löftet)"
    r"(?: för (?:\d{4}(?:[–-]\d{2,4})?|perioden))?|vårt (?:gemensamma )?(?:medborgar)?löfte"
    # "Stadens och polisens gemensamma löfte"
    r"|(?:polisens|kommunens|stadens|regionens) och (?:polisens|kommunens|stadens|regionens)"
    r" gemensamma (?:medborgar)?löften?(?:a)?"
    r"|fokusområden(?:a)?"
    r"|prioriterade områden|prioriteringar|det här ska vi åstadkomma(?: tillsammans)?"
    r"|det här vill vi uppnå|det vill vi uppnå|vad vi vill uppnå|målsättning(?:ar)?|mål"
    r"|vi lovar(?: gemensamt)?(?: att)?|vad lovar vi\??|det här lovar vi(?: dig| er)?"
    # a leaflet's "Därför lovar vi dig" over "att … ska bli tryggare"
    r"|därför lovar vi(?: dig| er| invånarna)?(?: att)?"
    # "Vad har polisen och kommunen lovat?", English "Focus areas"
    r"|vad har (?:polisen och kommunen|kommunen och polisen|vi|ni) lovat\??|focus areas"
    r"|(?:polisen|polis) och (?:kommunen|kommun|staden)"
    r" lovar(?: gemensamt)?(?: att)?|(?:kommunen|staden) och polisen lovar(?: gemensamt)?"
    r"(?: att)?)\s*:?$)"
)
PARTY_PROMISE = _kw(
    rf"^(?:{_PARTY_NAME} lovar|vi lovar (?:tillsammans|gemensamt)"
    # a news item's "Tillsammans lovar de att:"
    r"|(?:tillsammans|gemensamt) lovar (?:vi|de))"
    r"(?: att| följande)?\s*:?$"
)
# "Polisen och Tierps kommun lovar att:": whoever is named gives the items under it.
# "Polisen och Norrtälje kommun lovar invånarna i Norrtälje att:" too.
WHO_PROMISES = re.compile(
    # "Tillsammans lovar vi att:"
    r"^(?P<who>[^:]{3,160}?) lovar(?: vi| de)?(?: gemensamt)?"
    r"(?: (?:invanarna|medborgarna|boende|alla som bor|de som bor)(?: i [\w -]{2,40}?)?)?"
    r"(?: att| foljande)?"
    r"(?: under (?:\d{4}(?:\s*[-–]\s*\d{2,4})?|aret|perioden|(?:de )?kommande (?:aret|aren)))?"
    r"\s*:$",
    re.IGNORECASE,
)
FOCUS = _kw(
    # "Vårt gemensamma löfte: Vi ska …", "Löftet: Tillsammans ska vi …": the promise after its
    # label on the same line
    r"^(?:uppgift\s*:\s*)?"  # a planning tool's task: "Uppgift: Löfte 1 – …"
    r"(?:(?:vårt (?:gemensamma )?(?:medborgar)?löfte|(?:medborgar)?löftet(?: lyder)?)"
    r"(?=\s*:\s*[A-ZÅÄÖ])"
    r"|(?:fokusområde|löftesområde|insatsområde|löfte|prioriterat område|område)"
    r"\s*(?:\d{1,2}|[a-h])?"
    # "Mål 1: Ökad trygghet …", never "Mål: minst 10 per år"
    r"|mål(?:område)? ?\d{1,2}(?!\d))\s*[:.–—-]?\s*"
)
ACTIVITY_LEAD = _kw(
    r"(?:genom (?:följande |dessa )?(?:aktiviteter|insatser|åtgärder)\b.*:?$"
    r"|det ska vi åstadkomma genom|^vi (?:ska|kommer att)\s*:$|aktiviteter(?:na)?\s*:$"
    r"|^(?:(?:konkreta |gemensamma |våra |planerade )?(?:aktiviteter(?:na)?|åtaganden|insatser"
    # an issue tracker's or a planning tool's list: "Uppgifter"
    r"|åtgärder|uppgifter)(?: (?:under )?(?:\d{4}(?:\s*[–—-]\s*\d{2,4})?|året|perioden))?"
    # a programme's appendix: "Insatser i löftet", "Aktiviteter inom medborgarlöftet"
    r"(?: (?:i|inom) (?:medborgar)?löftet)?"
    # "Aktiviteter per kvartal", "Aktiviteter månad för månad"
    r"(?: per (?:kvartal|månad|tertial|termin|halvår|år|målgrupp)"
    r"|,? (?:kvartal|månad) för (?:kvartal|månad))?"
    # "Aktiviteter och ansvar", "Aktiviteter, mål och genomfört"
    r"(?:,? (?:och )?(?:ansvar(?:sfördelning)?|ansvariga|vem som gör vad|mål|genomfört"
    # "Aktiviteter och veckor", "Aktiviteter och tidplan"
    r"|resultat|utfall|veckor|tidplan|tidpunkter)){0,3}"
    r"|det här ska vi göra(?: under (?:året|perioden|\d{4}))?|det här gör vi|detta gör vi"
    # "Så här gör vi i de olika delarna av kommunen": where, after the lead
    r"|så här gör vi(?: (?:i|på|för|under) [\w ,-]{1,60})?|vad vi ska göra"
    # "Vad vi gör under året"
    r"|vad vi gör(?: under (?:året|perioden|\d{4}))?"
    r"|så här håller vi (?:löftet|löftena|våra löften|vårt löfte)"
    # other organisations' activities, each naming its own: "Andra som bidrar"
    r"|(?:andra|övriga) (?:som bidrar|aktörer(?:s (?:åtaganden|insatser|aktiviteter))?"
    r"|samverkansparter)"
    r"|så här ska vi (?:göra|arbeta)|så ska vi göra|det gör vi|det här gör vi tillsammans"
    r"|detta ska vi göra|vad ska göras|aktiviteter för att nå löftena|så här når vi dit"
    # the passive, as a newsletter puts it: "Det här ska göras:"
    r"|(?:det här|detta) (?:ska|kommer att) göras|vad som ska göras"
    r"|vad ska vi göra\??|(?:(?:aktivitetsplan|handlingsplan|årshjul|årsplan|tidplan)(?:en|et)?"
    # English headings: "Action points", "Action plan 2026"
    r"|action points|action plan)"
    r"(?: (?:för )?\d{4}(?:\s*[–—-]\s*\d{2,4})?)?"
    r"|(?:det|detta|det här|så) (?:gör|ska|kommer) vi (?:att )?(?:göra |nå dit )?genom att"
    # a news article's "Löftet gäller … och innebär bland annat att:"
    r"|.*\binnebär (?:bland annat |bl\.a\. |bl a )?att:"
    # "I löftet åtar sig parterna bland annat följande:"
    r"|.*\b(?:åtar|förbinder) (?:sig|vi oss)\b.{0,40}\bföljande:"
    r"|genom att)"
    r"\s*:?$)"
)
# A plan's time of year over its activities: "KVARTAL 1 (januari–mars)", "Q2", "Tertial 3",
# "Hösten 2026", "Januari–mars", "Löpande under året".
MONTH_NAME = (
    r"(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)"
)
# A heading over one year's activities of a validity of several years: "Under 2027 ska vi:",
# "Aktiviteter 2028", "År 2027", "2027:".
YEAR_HEADING = _kw(
    r"^(?:(?:under|år|aktiviteter(?: under)?) (?P<year>20\d\d)"
    r"(?: (?:ska|gör|kommer) vi(?: att)?(?: göra)?)?\s*:?"
    r"|(?P<bare>20\d\d)(?: (?:ska|gör) vi)?\s*:)$"
)


def heading_year(text: str) -> str:
    """The year a heading names over its items ("Under 2027 ska vi:"), else ""."""
    match = YEAR_HEADING.match(text.strip())
    return (match.group("year") or match.group("bare")) if match else ""


PERIOD_HEADING = _kw(
    r"^(?:(?:kvartal|q|tertial|termin) ?\d(?: \d{4})?(?:\s*\([^()]{3,40}\))?"
    # a plan week by week: "Vecka 8 (sportlovet)", "Vecka 24–33", "v. 44"
    r"|(?:vecka|v\.?) ?\d{1,2}(?:\s*[–—-]\s*\d{1,2})?(?:\s*\([^()]{3,40}\))?"
    rf"|{MONTH_NAME}(?:\s*[–—-]\s*{MONTH_NAME})?(?: \d{{4}})?"
    r"|(?:vår|våren|höst|hösten|sommar|sommaren|vinter|vintern)(?: \d{4})?"
    r"|löpande(?: under (?:året|perioden|hela perioden))?|hela (?:året|perioden))\s*:?$"
)
# The parties a heading names by their word: "Det här gör polisen", "Från stadsdelsförvaltningen"
_PARTY_WORD = r"(?:polisen|kommunen|staden|regionen|stadsdelsförvaltningen|stadsdelsnämnden)"
PARTY_HEADING = _kw(
    r"^(?:(?P<pg>polisens|kommunens|stadens|regionens|stadsdelsförvaltningens)"
    r" (?:åtaganden|aktiviteter|insatser|löften"
    # "Polisens del i löftet", "Vår gemensamma del"
    r"|ansvar|del(?: i (?:medborgar)?löftet)?)"
    rf"|(?P<pn>{_PARTY_WORD}|gemensamt"
    # the parties by their abbreviations: "LPO Farsta", "SDF", "SDF och LPO (gemensamt)"
    r"|(?:lpo|sdf)(?: och (?:lpo|sdf))?(?! och)(?: [A-ZÅÄÖ][\w-]+(?<!Åtar))?"
    # "Kommunerna ska tillsammans:", "Polisen och kommunerna ska:": a promise of two
    # municipalities
    r"|kommunerna|tillsammans|polisen och kommun(?:en|erna)|kommun(?:en|erna) och polisen"
    # a region that is its own municipality: "Region Gotland och Polisen åtar sig gemensamt att"
    r"|region [\w-]+ och polisen|polisen och region [\w-]+"
    # "Gemensamt ansvar" over the parties' joint items
    r"|gemensamt ansvar"
    # "Vi ska tillsammans", "Vi kommer gemensamt att" (the parties as "vi", together after
    # the verb)
    r"|vi(?= (?:ska|kommer) (?:tillsammans|gemensamt)\b)"
    r"|gemensamma (?:åtaganden|aktiviteter)"
    r"|(?:vår )?gemensamma del(?: i (?:medborgar)?löftet)?)"
    # "Tillsammans med bostadsbolagen Stockholmshem och Familjebostäder kommer vi att:" (the
    # partners named before the verb)
    r"(?: med [\w-]+(?:,? [\w-]+){0,6}?(?= (?:ska|kommer|lovar|åtar) vi\b))?"
    # "Polisen i Arvidsjaur åtar sig att under 2026:", "Kommunen, genom socialförvaltningen, …"
    # (with its verb: "• Polisen i skolan" is an item)
    r"(?:(?: i [\w-]+(?: [\w-]+)?|, genom [^,]{3,60},)?"
    # "Polisen och kommunen ansvarar tillsammans för:"
    # "Polisen gör det här" (the party first, as a web page's box heads its items)
    r"(?: ska| kommer| gör(?: det här| detta)?| åtar sig| förbinder sig"
    r"| ansvarar(?: tillsammans| gemensamt)? för"
    r"| åtar vi oss"
    # "Kommunen har för sin del åtagit sig att:", as a letter or a report retells it
    r"| förbinder vi oss| har(?: för sin del)? (?:åtagit|förbundit) sig))?"
    r"(?: vi| polisen och kommunen| kommunen och polisen)?"
    # an article retelling the promise: "Kommunen ska enligt löftet:"
    r"(?: enligt (?:medborgar)?löftet)?"
    r"(?: också| även)?(?: gemensamt| tillsammans)?(?: att(?= under))?"
    r"(?: under (?:\d{4}|året|perioden|(?:de )?(?:kommande|närmaste) (?:året|åren)))?"
    r"(?: att| följande)?"
    # "Det här gör vi på polisen", "Det här gör stadsdelsförvaltningen"
    # "Det här gör vi, Polisen:" (each party speaking as "vi" under its own heading)
    # "Det här gör jag och mina kollegor i polisen" (a kommunpolis writing in the first person)
    r"|(?:det här|detta|så här|det) (?:gör|lovar) (?:vi(?: på| i| inom|,) "
    r"|jag och mina kollegor (?:i|på|inom) )?"
    rf"(?P<pd>{_PARTY_WORD}|vi tillsammans|vi gemensamt"
    # "Det här gör Lokalpolisområde Västerbergslagen", "Det här gör Ludvika kommun"
    r"|lokalpolisområdet?(?: [\w-]+){1,2}|polisen i [\w-]+|[\w-]+s? (?:kommun|stad))"
    # an easy-to-read version's "Det här ska polisen göra", "Det här ska vi göra tillsammans"
    rf"|(?:det här|detta|så här) ska (?P<ps>{_PARTY_WORD}"
    r"|vi(?= göra (?:tillsammans|gemensamt))) göra(?: tillsammans| gemensamt)?"
    # a text translated back from English: "Vad polisen kommer att göra", "Vad staden ska göra",
    # "Vad vi kommer att göra tillsammans"
    rf"|vad (?P<pv>{_PARTY_WORD}|vi(?= (?:kommer att|ska) göra (?:tillsammans|gemensamt)))"
    r" (?:kommer att|ska) göra(?: tillsammans| gemensamt)?"
    # "Aktiviteter polisen", "Insatser för kommunen", "Åtaganden – polisen"
    rf"|(?:aktiviteter|insatser|åtaganden)(?: för| [–-])? (?P<pa>{_PARTY_WORD})"
    # "Vad gör polisen?", "Vad gör vi tillsammans?", a form's "Vilka aktiviteter genomför
    # polisen?"
    # a slide's "Vi gör tillsammans"
    r"|vi (?:gör|genomför) (?:tillsammans|gemensamt)"
    # a leaflet's "Från polisen", "Från kommunen" (over what the reader will notice)
    rf"|från (?P<pf>{_PARTY_WORD})"
    # a party named with its verb: "Nora kommun åtar sig att", "Lokalpolisområde Lindesberg ska"
    r"|(?P<pm>lokalpolisområdet?(?: [\w-]+){1,2}|[\w-]+s? (?:kommun|stad)|region [\w-]+)"
    r" (?:ska|kommer|gör(?: det här| detta)?|åtar sig|förbinder sig"
    r"|har(?: för sin del)? (?:åtagit|förbundit) sig)"
    r"(?: också| även)?(?: att| följande)?"
    # a text retelling the promise: "I löftet åtar sig polisen att", "I löftet lovar staden att"
    rf"|i (?:medborgar)?löftet (?:åtar sig|lovar|ska) (?P<pi>{_PARTY_WORD}) att"
    # "Enligt löftet ska polisen:"
    rf"|enligt (?:medborgar)?löftet (?:ska|kommer|åtar sig) (?P<pe>{_PARTY_WORD})(?: att)?"
    # the subject after its verb, a lead before: "För att nå dit ska polisen:", "Därför
    # kommer kommunen att:", "Under 2026 ska polisen:"
    r"|(?:för att (?:nå dit|nå målet|nå målen|klara det)|därför|dessutom|utöver det"
    r"|under (?:\d{4}|året|perioden)),? (?:ska|kommer) "
    rf"(?P<pr>{_PARTY_WORD}|vi tillsammans|vi gemensamt)(?: också| även)?(?: att)?"
    # a party speaking as "vi" with its verb: "Vi på polisen kommer att", "Vi i kommunen ska"
    # "Vi i Karlskoga kommun ska", "Vi i Polisen och Karlskoga kommun ska tillsammans"
    rf"|vi (?:på|i|inom) (?P<pw>{_PARTY_WORD}|[\w-]+s? (?:kommun|stad)"
    r"|polisen och [\w-]+s? (?:kommun|stad)|[\w-]+s? (?:kommun|stad) och polisen)"
    r" (?:ska|kommer att|gör|åtar oss att)"
    r"(?: också| även)?(?: tillsammans| gemensamt)?(?: att)?"
    # a Q&A page's "Vad lovar polisen?"
    r"|(?:vad (?:gör|lovar)|vilka (?:aktiviteter|insatser|åtgärder) (?:genomför|gör))"
    rf" (?P<pq>{_PARTY_WORD}|[vn]i tillsammans|[vn]i gemensamt))"
    r"\s*[:?]?$"
)
OTHER_HEADING = _kw(
    r"^(?:sammanfattning|bakgrund|lägesbild(?:en)?|lokal lägesbild|uppföljning|vad är ett "
    r"medborgarlöfte|beskrivning av ärendet|omvärldsanalys|samråd|ekonomi|beslutsunderlag"
    r"|beslutet skickas till|kontakt(?:uppgifter)?|situationen idag|följ med i hur det går"
    r"|syfte|inledning|om medborgarlöften|giltighetstid|underskrifter|undertecknande|övrigt"
    # a report's sections: "Resultat", "Slutsatser", "Utfall", "Utvärdering"
    r"|resultat(?:et)?|slutsats(?:er(?:na)?)?|utfall(?:et)?|utvärdering(?:en)?"
    # an annual report's account of last year's promise: "Medborgarlöftet 2025 – uppföljning",
    # "Måluppfyllelse 2025"
    r"|(?:medborgar)?löfte(?:t|n|na)?(?: \d{4}(?:[–-]\d{4})?)? [–—-] (?:uppföljning|resultat"
    r"|utfall|redovisning)(?=\s*$)|måluppfyllelse"
    r"|så följer vi upp|uppföljning och återkoppling|varför|bilagor?|läs mer"
    # a municipal memo's headings: "Förslag till beslut", "Ekonomiska konsekvenser"; an
    # answer's to a citizens' proposal: "Ärendet", "Förvaltningens yttrande"
    r"|(?:förvaltningens )?förslag till beslut|ekonomiska konsekvenser|tjänsteutlåtande"
    r"|ärendet|ärendebeskrivning|(?:förvaltningens |nämndens |kommunstyrelsens )?yttrande"
    # outcome indicators, no activities: "KPI:er (utfallsmått)", "Nyckeltal", "Effektmål"
    r"|kpi(?::?er)?|nyckeltal|utfallsmått|effektmål"
    # a plan's present and wished-for state, over figures: "Nuläge", "Önskat läge"
    r"|nuläge(?:t|sbeskrivning)?|önskat läge|önskvärt läge|målbild(?:en)?"
    # what is set aside for the activities, no activities: "Resurser", "Budget"
    r"|resurser|resursbehov|resursfördelning|budget|finansiering"
    # the targets of activities listed above: "Mål och uppföljning" over "Aktivitet 2: …"
    r"|mål(?:sättningar)? och (?:uppföljning|mått|indikatorer)"
    # a newsletter's other news: "Evenemang i mars", "Kalendarium", "På gång", "Referenser"
    r"|evenemang|kalendarium|på gång|missa inte|referenser|källor"
    # a consultation reply's views beyond the proposal: "Övriga synpunkter"; a consultation
    # report's views and what became of them: "Inkomna synpunkter och kommentarer",
    # "Ändringar efter samrådet", "Fortsatt hantering"
    r"|(?:övriga |inkomna )?synpunkter|inkomna yttranden"
    r"|ändringar (?:efter|med anledning av) samrådet|fortsatt hantering"
    # a communication plan's sections, over its own goals, readers and channels: "Mål för
    # kommunikationen", "Målgrupper", "Budskap", "Kanaler och aktiviteter"
    r"|(?:mål för|syfte med) kommunikationen|kommunikationsmål(?:en)?"
    # (never "Målgrupp: Föräldrar" over the activities for that group)
    r"|målgrupp(?:er(?:na)?)?(?!\s*:\s*\S)"
    r"|(?:kärn)?budskap(?:et)?|kanaler(?: och (?:aktiviteter|tidplan))?"
    r"|kommunikationsaktiviteter|kommunikationsinsatser"
    # a workshop's board: the ideas set aside, "Parkerat", "Parkerade förslag"
    r"|parkerat|parkerade (?:förslag|frågor|idéer)|parkeringsplats(?:en)?"
    # a renewed promise's activities of last year left out: "Aktiviteter som utgår 2026",
    # "Borttagna aktiviteter"
    r"|(?:aktiviteter|insatser|åtgärder|åtaganden) som (?:utgår|tas bort|stryks|har strukits)"
    r"|(?:utgående|borttagna|strukna) (?:aktiviteter|insatser|åtgärder|åtaganden)"
    # an authority's decision's sections, alone on their lines: "Saken", "Beslut", "Skäl för
    # beslutet", "Hur man överklagar"
    r"|(?:saken|beslut|skäl för beslutet|beslutsmotivering|hur man överklagar"
    r"|överklagandehänvisning)(?=\s*:?\s*$))\b.{0,40}$"
)


# A heading naming whom the activities under it are for: "För dig som är förälder", "För dig
# som driver företag", "För er som bor i byarna": activities, no promise.
AUDIENCE_HEADING = _kw(r"^för (?:dig|er|alla|den|de) som\b.{2,60}$")
# A sentence inviting the reader, no activity: "Du som vill starta företagarsamverkan kan
# kontakta …", "Du kan också gå med i föräldravandringarna".
# (Never "Du kan träffa kommunens fältassistenter …": what a party does, told to the reader.)
READER_INVITATION = re.compile(
    r"(?:du|ni) som\b|(?:du|ni) kan (?:ocksa |aven )?(?:ga med|anmala|kontakta|ringa|mejla"
    r"|hora av|tipsa|lamna)\b"
)


# --- Structure ---------------------------------------------------------------------------------


@dataclass
class Section:
    kind: str  # "promises" | "activities" | "party_promises"
    owner: str | None = None
    promise_index: int | None = None
    other: str = ""  # the organisation an "other" owner names ("Vi på Järfällahus lovar att:")
    bullets_seen: bool = False
    paragraph_taken: bool = False
    season: str = ""  # a heading naming a part of the year ("Vår"), which limits counts
    year: str = ""  # a heading naming one year of several ("Under 2027 ska vi:")


# A party named alone right over its list: "Lokalpolisområde Älmhult", "Älmhults kommun".
_PARTY_NAME_LINE = _kw(r"^(?:lokalpolisområde(?: [\w-]+){1,2}|[\w-]+s? (?:kommun|stad))\s*:?$")


def named_party(lines: list[_Line], index: int) -> str | None:
    """The owner of the list right under a line that names a party alone; None for any other
    line (a signature's "Älmhults kommun" has no list under it)."""
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else None
    if line.bullet or following is None or not (following.bullet or _poster_name(lines, index)):
        return None
    return actor_kind(line.folded.rstrip(" :")) if _PARTY_NAME_LINE.match(line.text) else None


def _poster_name(lines: list[_Line], index: int) -> bool:
    """Whether lines[index] is a party's name in capitals alone over its paragraph, as a
    poster heads it ("MORA KOMMUN" over "Vi håller fritidsgården …"): a blank line above, and
    right under it sentences, the paragraph ending with a full stop (a signature's name in
    capitals has a person's name under it, no sentence)."""
    text = lines[index].text.strip()
    if text != text.upper() or (index and not lines[index - 1].blank):
        return False
    end = index + 1
    while end < len(lines) and not lines[end].blank and not lines[end].bullet:
        end += 1
    paragraph = [line.text.strip() for line in lines[index + 1 : end]]
    return bool(paragraph) and paragraph[0][:1].isupper() and paragraph[-1].endswith(".")


def owner_heading(lines: list[_Line], index: int) -> str | None:
    """The owner of the list right under a line that is only its owner's label ("Ansvarig:
    Polisen", "Ansvar: Polisen och kommunen"): a party, else None."""
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else None
    label = OWNER_LABEL.match(line.folded.strip())
    if line.bullet or following is None or not following.bullet or not label:
        return None
    if label.end() < len(line.folded.strip().rstrip(". ")):
        return None
    above = lines[index - 1] if index else None
    if above is not None and above.bullet and not owner_label_of(above.text):
        # "- Genomföra fotpatrullering …" + "Ansvar: Polisen" + "- Ha öppen fritidsgård …":
        # the label ends the item above it, no heading over the next
        return None
    owner = read_owner(line.text, None)[0]
    return owner if owner in {"police", "municipality", "joint"} else None


def owner_label_of(text: str) -> bool:
    """Whether an item names its owner in a label or brackets of its own."""
    folded = fold(text)
    return bool(OWNER_LABEL.search(folded) or OWNER_PARENTHESIS.search(folded))


# Another organisation's heading over its own items, its name first: "MKB gör det här",
# "Kalmarhem åtar sig att", "Räddningstjänsten Syd gör detta:".
_OTHER_ACTOR_HEADING = re.compile(
    r"(?P<who>[A-ZÅÄÖ][\w&.-]*(?: [\w&.-]+){0,3}) (?:gör (?:det här|detta)|åtar sig(?: att)?)"
    r"\s*:?"
)
# Words that open such a heading without naming anyone: "Tillsammans åtar sig parterna att".
_NO_ACTOR = frozenset(
    {"det", "detta", "vi", "tillsammans", "gemensamt", "parterna", "vad", "hur", "man", "alla"}
    | {"var", "den", "de", "som", "har", "övriga", "andra", "våra", "deras"}
)


# Its name in the genitive before its activities: "Telge Bostäders aktiviteter" (a proper
# name, every word capitalised; "Årets aktiviteter", one word in a definite form, names none).
_OTHER_ACTOR_GENITIVE = re.compile(
    r"(?P<who>[A-ZÅÄÖ][\w&.-]*(?: [A-ZÅÄÖ][\w&.-]*){0,3})s (?:aktiviteter|åtaganden|insatser)"
    r"\s*:?"
)
_DEFINITE_ENDING = re.compile(r"(?:en|et|an|na|rna|arna|erna)$")


# Its proper name (each word capitalised) before a bare "ska", or speaking as "vi" of it:
# "Hudiksvallsbostäder ska", "Vi i Räddningstjänsten Bergslagen ska"; or after "Det här gör":
# "Det här gör Signalisten".
_PROPER_NAME = r"[A-ZÅÄÖ][\w&.-]*(?: [A-ZÅÄÖ][\w&.-]*){0,3}"
_OTHER_ACTOR_SHALL = re.compile(
    rf"(?P<we>[Vv]i (?:i|på|inom) )?(?P<who>{_PROPER_NAME}) ska(?: också| även)?\s*:?"
)
_OTHER_ACTOR_DOES = re.compile(rf"(?:[Dd]et här|[Dd]etta) gör (?P<who>{_PROPER_NAME})\s*:?")


def other_actor_heading(text: str) -> str | None:
    """The name of the organisation, neither party, whose items a heading heads (their owner
    is "other"): named before "gör det här" or "åtar sig att", in the genitive before
    "aktiviteter", by its proper name before "ska" or after "Det här gör"; None for any other
    line."""
    match = _OTHER_ACTOR_HEADING.fullmatch(text.strip()) or _OTHER_ACTOR_DOES.fullmatch(
        text.strip()
    )
    if (
        not match
        and (match := _OTHER_ACTOR_SHALL.fullmatch(text.strip()))
        and not match.group("we")
        and _DEFINITE_ENDING.search(match.group("who"))
    ):
        return None  # "Skolan ska", "Löftet ska": a thing's word, no organisation's name
    if not match:
        match = _OTHER_ACTOR_GENITIVE.fullmatch(text.strip())
        if not match or (
            " " not in match.group("who") and _DEFINITE_ENDING.search(match.group("who"))
        ):
            return None
    who = match.group("who")
    folded = fold(who)
    if folded.split()[0] in _NO_ACTOR or actor_kind(folded) or " och " in f" {folded} ":
        return None
    return who


def heading_owner(match: re.Match) -> str | None:
    word = fold(
        match.group("pg")
        or match.group("pn")
        or match.group("pd")
        or match.group("pa")
        or match.group("pq")
        or match.group("ps")
        or match.group("pf")
        or match.group("pm")
        or match.group("pi")
        or match.group("pe")
        or match.group("pv")
        or match.group("pr")
        or match.group("pw")
        or ""
    )
    if word.startswith("polis") and "kommun" in word:
        return "joint"
    if " och " in word and {actor_kind(actor) for actor in split_actors(word)} == {
        "police",
        "municipality",
    }:
        return "joint"  # "SDF och LPO"
    if word.startswith("kommun") and "polis" in word:
        return "joint"
    if word.startswith("polis"):
        return "police"
    if word.startswith(("kommun", "stad", "region")):
        return "municipality"
    if not word.startswith(("vi ", "gemensam", "tillsammans")) and (kind := actor_kind(word)):
        return kind  # a party named: "Lokalpolisområde Västerbergslagen", "Ludvika kommun"
    return "joint"


def promising_owner(text: str) -> str | None:
    """Who gives the items under "X lovar att:": police, municipality, joint, or None."""
    who = fold(re.split(r"\s+lovar\b", text, maxsplit=1, flags=re.IGNORECASE)[0])
    # "Vi på polisen lovar att:", "Vi i Vilhelmina kommun …", "Vi gemensamt lovar att:"
    who = re.sub(r"^vi (?:pa|i|inom|fran) ", "", who)
    if re.fullmatch(r"(?:vi )?(?:gemensamt|tillsammans)", who):
        return "joint"
    if who == "vi" and re.search(r"\blovar (?:tillsammans|gemensamt)\b", fold(text)):
        return "joint"  # "Vi lovar tillsammans att"
    kinds = {actor_kind(actor) for actor in split_actors(who)}
    if kinds == {"police", "municipality"}:
        return "joint"
    if kinds in ({"police"}, {"municipality"}):
        return kinds.pop()
    return None


# The speakers of "Vi på Järfällahus lovar att:" (folded), an organisation neither party is.
_WE_AT_ORGANISATION = re.compile(r"vi (?:pa|inom|fran) (?P<who>[a-z][\w-]{2,40}(?: ab)?)$")
# Their own staff, after that: "Våra bovärdar lovar att:", "Vår kundtjänst ska:".
_OURS = re.compile(r"(?:vara|var|vart) [a-z][\w-]{2,40}$")


def speakers_heading(text: str, speaker: tuple[str, str] | None) -> tuple[str, str] | None:
    """The owner ("other", its name) of the items under a heading in which an organisation
    speaks of itself ("Vi på Järfällahus lovar att:"), or of its staff after such a heading
    ("Våra bovärdar lovar att:", the speaker given); None for any other heading."""
    who_text = re.split(r"\s+(?:lovar|ska|skall|kommer att)\b", text, maxsplit=1)[0].strip()
    who = fold(who_text)
    if (match := _WE_AT_ORGANISATION.fullmatch(who)) and not actor_kind(match.group("who")):
        return "other", who_text[match.start("who") :]
    if speaker and _OURS.fullmatch(who):
        return speaker
    return None


def name_alone(lines: list[_Line], index: int) -> bool:
    """Whether lines[index] is a party's bare name with no list right under it: "Polisen" over
    a blank line, as a web page's logo reads, heads nothing."""
    line = lines[index]
    if line.bullet or len(line.text.split()) > 1 or line.text.rstrip().endswith(":"):
        return False
    # By index, not over a slice: a slice copied the rest of the text's lines for each line.
    following = next(
        (lines[after] for after in range(index + 1, len(lines)) if not lines[after].blank), None
    )
    right_under = index + 1 < len(lines) and not lines[index + 1].blank
    return not right_under and (following is None or not following.bullet)


# A heading naming the promise, over its paragraphs: "Medborgarlöftet 2026–2027", "Vårt löfte"
# (after "Medborgarlöftet 2025 – uppföljning", an account of last year's, in folded text).
PROMISE_HEADING = re.compile(
    r"(?:(?:det )?(?:nya )?(?:medborgar)?loftet?|vart lofte)(?: for [\w -]{2,40}?)?"
    r"(?: \d{4}(?: ?[–-] ?\d{4})?)?:?$"
)


def generic_heading(lines: list[_Line], index: int) -> bool:
    line = lines[index]
    if line.bullet or line.blank:
        return False
    text = line.text.strip()
    if not text or len(text) > 70 or len(text.split()) > 9 or text[-1] in ".,;":
        return False
    if not text[0].isupper() or re.search(r"\b(?:ska|skall)\b", line.folded):
        return False
    previous_blank = index == 0 or lines[index - 1].blank
    next_blank = index + 1 >= len(lines) or lines[index + 1].blank or lines[index + 1].bullet
    if text.endswith((":", "?")):
        return True
    return previous_blank and next_blank and not own_target(text)


def own_target(text: str) -> bool:
    """Whether a short line states a target, so is an activity and no heading:
    "Trygghetsvandringar i centrum, Mål: 4 per år" ("Tre fokusområden" counts nothing per
    year)."""
    if DETAIL_IN_TEXT.search(text):
        return True
    target = read_target(text, listed=True, structure=True)[0]
    return target is not None and (target.comparator != "count" or target.scope != "period")


def is_under_heading(lines: list[_Line], index: int) -> bool:
    """Whether the line above lines[index] (blank lines apart) is a heading of its own, so
    that lines[index] is a sub-heading under it ("Trygg centrumkärna", then "Uppföljning")."""
    above = index - 1
    while above >= 0 and lines[above].blank:
        above -= 1
    return (
        above >= 0
        and not lines[above].bullet
        and len(lines[above].text) <= _LONGEST_HEADING
        and generic_heading(lines, above)
    )
