"""Owners a document names indirectly: codes a legend explains ("SF = Socialförvaltningen"),
one letter per party, people's initials, and contact persons' e-mail addresses.
"""

import re

from django.utils.translation import gettext as _

from promises.textimport.lines import Line as _Line
from promises.textimport.lines import kw as _kw
from promises.textimport.lines import letter_legend
from promises.textimport.numbers import fold
from promises.textimport.owners import read_owner
from promises.textimport.types import ParsedDocument

# A legend of the codes a document names owners by: "SF = Socialförvaltningen" anywhere, and
# "SF: …" or "SF – …" under a heading "Förkortningar".
_LEGEND_HEADING = _kw(
    r"^(?:förkortningar|förkortningslista|förklaringar|teckenförklaring|ansvarskoder|koder)\s*:?$"
)
_CODE_LINE = re.compile(r"(?P<code>[A-ZÅÄÖ]{2,6})\s*(?P<sep>=|:|[–—-])\s*(?P<name>\w[^=\n]{1,80})")
# A name with its code in brackets after it: "kultur- och fritidsförvaltningen (KFF)", "BoU"
# (never a political party's letter, "(S)"). The name starts where a word does (a match inside
# a word would have started earlier) and is no longer than any word: on a pasted run of letters
# the search stays linear (unbounded, it took seconds for a few thousand).
_CODE_IN_TEXT = re.compile(
    r"(?<!\w)(?P<name>(?:\w{1,100}- (?:och|&) )?[\w-]{3,100}) "
    r"\((?P<code>[A-ZÅÄÖ](?:[a-zåäö]?[A-ZÅÄÖ]){1,5})\)"
)


# A legend of several codes on one line: "Owner: POL = Polisen, KOM = Sollentuna kommun, GEM =
# gemensamt", "Förkortningar: SDF = …, LPO = …". Each name ends at a comma or semicolon.
CODE_PAIR = re.compile(r"(?<!\w)(?P<code>[A-ZÅÄÖ]{2,6}) ?= ?(?P<name>\w[^=,;\n]{1,80})")


# A legend of the people an item names by their initials: "AL  Anders Lund, kommunpolis,
# Polisen" (the initials, the person's name, the role, the organisation last). The code stands
# for the organisation.
_INITIALS_LINE = re.compile(
    r"(?P<code>[A-ZÅÄÖ]{2,3}) (?P<person>[A-ZÅÄÖ][\w-]{1,30}(?: [A-ZÅÄÖ][\w-]{1,30}){1,2}),"
    r" [^,\n]{2,60}, (?P<name>[^,\n]{2,80})"
)


def _initials_of(person: str) -> set[str]:
    words = person.split()
    return {"".join(word[0] for word in words), words[0][0] + words[-1][0]}


def read_legend(lines: list[_Line]) -> dict[str, str]:
    """The codes a document's legend explains, each with the name it stands for."""
    codes: dict[str, str] = {}
    under_heading = False
    for line in lines:
        text = line.text.strip()
        if line.blank:
            continue
        person = _INITIALS_LINE.fullmatch(text)
        if person and person.group("code") in _initials_of(person.group("person")):
            codes[person.group("code")] = person.group("name").strip(" .,;")
            continue
        match = _CODE_LINE.fullmatch(text)
        if match and (match.group("sep") == "=" or under_heading):
            codes[match.group("code")] = match.group("name").strip(" .,;")
        else:
            under_heading = bool(_LEGEND_HEADING.match(text))
            pairs = list(CODE_PAIR.finditer(text))
            for pair in pairs if len(pairs) >= 2 else []:
                codes.setdefault(pair.group("code"), pair.group("name").strip(" .,;"))
            # "samhällsbyggnadsförvaltningen (SBF)": a code the running text introduces.
            for named in _CODE_IN_TEXT.finditer(text):
                codes.setdefault(named.group("code"), named.group("name"))
    return codes


def owners_from_codes(document: ParsedDocument, lines: list[_Line]) -> None:
    """The owners of items opening with a one-letter legend's code ("P/K     Trygghetsvandring
    …"): the party or parties the code stands for; a code for others ("Ö = övriga aktörer")
    leaves the item's own reading."""
    coded = {line.start: line.code for line in lines if line.code}
    if not coded:
        return
    codes = letter_legend(document.text)
    unstated = _("The responsible party is not stated in the text")
    for activity in document.activities:
        code = coded.get(activity.span.start) if activity.span else None
        if code is None or code not in codes:
            continue
        responsible, other, _partners = read_owner(f"Ansvarig: {codes[code]}", None)
        if responsible in ("police", "municipality", "joint"):
            activity.responsible, activity.responsible_other = responsible, other
            activity.uncertain = [note for note in activity.uncertain if note != unstated]


# A contract's names for its parties, given once and used after: "Part A: Polismyndigheten,
# polisregion Öst …" on a line of its own, or "Linköpings kommun (nedan kallad Part B)".
_ALIAS_LINE = re.compile(
    r"^[ \t]*(?P<alias>Part [A-D1-4]|Avtalspart [A-D1-4])[ \t]*[:=–—-][ \t]*"
    r"(?P<name>\S[^\n]{1,120})$",
    re.MULTILINE,
)
_ALIAS_AFTER = re.compile(
    r"(?P<name>[A-ZÅÄÖ][^()\n]{2,80}?)[ \t]*\((?:nedan )?(?:kallad |benämnd |kallat )?"
    r"(?P<alias>Part [A-D1-4]|Avtalspart [A-D1-4])\)"
)


def owners_from_aliases(document: ParsedDocument) -> None:
    """The owners of items whose subject is a contract's name for a party ("Part A åtar sig att
    …", read as another actor's): the party that name was given to ("Part A: Polismyndigheten
    …", "Linköpings kommun (nedan kallad Part B)"), when it is the police or the municipality."""
    if "Part " not in document.text:
        return
    aliases = {}
    for match in (*_ALIAS_LINE.finditer(document.text), *_ALIAS_AFTER.finditer(document.text)):
        responsible, _other, _partners = read_owner(f"Ansvarig: {match.group('name')}", None)
        if responsible in ("police", "municipality"):
            aliases.setdefault(match.group("alias"), responsible)
    for activity in document.activities:
        if activity.responsible == "other" and activity.responsible_other in aliases:
            activity.responsible = aliases[activity.responsible_other]
            activity.responsible_other = ""


# The people an item names to answer for it, with their e-mail addresses: "Kontaktperson:
# Mikael Lundström, mikael.lundstrom@polisen.se".
_CONTACT_PERSONS = re.compile(r"(?:kontaktperson(?:er)?|kontakt)\s*:[^\n]{0,300}", re.IGNORECASE)
_EMAIL_DOMAIN = re.compile(r"[\w.+-]+@(?P<domain>[\w-]+(?:\.[\w-]+)*\.se)\b", re.IGNORECASE)
# A municipality as a text names it ("Robertsfors kommun", "Lunds kommun", "Göteborgs stad"):
# its web address is its name, without the genitive's "s" ("robertsfors.se", "lund.se",
# "goteborg.se"; "Robertsfors" ends in an "s" of its own, so both are kept).
_MUNICIPALITY_NAME = re.compile(r"\b([A-ZÅÄÖ][\w-]{1,30}) (?:kommun|stad)\b")


def _party_of_address(domain: str, municipal_domains: set[str]) -> str | None:
    """The party an e-mail address's domain belongs to: the police's "polisen.se", the
    municipality's own ("robertsfors.se", "lund.se", "x.kommun.se"), else None (a company's)."""
    domain = domain.lower()
    if domain == "polisen.se" or domain.endswith(".polisen.se"):
        return "police"
    name = domain.removesuffix(".se").split(".")[-1]
    if name in municipal_domains or domain.endswith(("kommun.se", "stad.se")):
        return "municipality"
    return None


def owners_from_contacts(document: ParsedDocument) -> None:
    """The owners of items that name none but a contact person with an e-mail address on the
    line after them ("Kontaktperson: Mikael Lundström, mikael.lundstrom@polisen.se"): the
    party of the addresses' domains, both parties joint; an address of neither party's
    domain says nothing."""
    if "@" not in document.text:
        return
    activities = document.activities
    if not any(a.responsible == "unstated" and a.span for a in activities):
        return
    municipal_domains = set()
    for name in _MUNICIPALITY_NAME.findall(document.text):
        name = fold(name)  # å, ä, ö and é as a domain writes them
        municipal_domains |= {name, name.removesuffix("s")}
    unstated = _("The responsible party is not stated in the text")
    for number, activity in enumerate(activities):
        if activity.responsible != "unstated" or activity.span is None:
            continue
        following = activities[number + 1].span if number + 1 < len(activities) else None
        end = following.start if following else len(document.text)
        # The contact's line right after the item, before the next item.
        after = document.text[activity.span.end : min(end, activity.span.end + 400)]
        contact = _CONTACT_PERSONS.match(after.lstrip("\n \t"))
        if contact is None:
            continue
        kinds = {
            _party_of_address(address.group("domain"), municipal_domains)
            for address in _EMAIL_DOMAIN.finditer(contact.group())
        }
        if kinds == {"police", "municipality"}:
            activity.responsible = "joint"
        elif kinds in ({"police"}, {"municipality"}):
            activity.responsible = kinds.pop()
        else:
            continue
        activity.uncertain = [note for note in activity.uncertain if note != unstated]


def owners_from_legend(document: ParsedDocument, codes: dict[str, str]) -> None:
    """The owners of the activities that name theirs by a code of the legend ("(LPO, SF)"):
    read again with each code's name written out."""
    if not codes:
        return
    code = re.compile(r"\b(?:" + "|".join(map(re.escape, codes)) + r")\b")
    unstated = _("The responsible party is not stated in the text")
    for activity in document.activities:
        named = {activity.responsible_other, *activity.partners.split(", ")}
        if activity.responsible != "unstated" and not named & codes.keys():
            continue
        kept_partners = []
        if code.search(activity.text):
            written_out = code.sub(lambda match: codes[match.group()], activity.text)
        elif activity.responsible == "other" and activity.responsible_other in codes:
            # A table's owner cell holding a code ("SBF"): its name as the owner's.
            name = codes[activity.responsible_other]
            written_out = f"{name[:1].upper()}{name[1:]}: {activity.text}"
            kept_partners = activity.partners.split(", ") if activity.partners else []
            if read_owner(written_out, None)[0] == "unstated":
                # "Sollentuna kommun: Fältassistenter vid …" names two: the cell's is the owner
                written_out = f"Ansvarig: {name}"
        else:
            continue
        responsible, other, partners = read_owner(written_out, None)
        if responsible == "unstated":
            continue
        partners = partners + kept_partners
        activity.responsible, activity.responsible_other = responsible, other[:150]
        activity.partners = ", ".join(dict.fromkeys(partners))[:300]
        activity.uncertain = [note for note in activity.uncertain if note != unstated]
