"""A data file read as the document it holds (`clean.plain_text`): a calendar (iCalendar), JSON
and GeoJSON (a planning tool's or a map's export), XML (a system's export, an XLIFF translation
file, a Word document saved as XML), YAML (a static site's front matter, a data file) and TOML
(a static site's front matter), each record's titles, promises, activities, owners and targets
written as the lines a document would give them."""

import datetime
import json
import re
import tomllib
import xml.etree.ElementTree as ElementTree

from promises.textimport.numbers import fold

# A calendar saved as an iCalendar file (.ics) and opened as text: "BEGIN:VCALENDAR", its
# name and description ("X-WR-CALNAME:", "X-WR-CALDESC:"), and each activity an event between
# "BEGIN:VEVENT" and "END:VEVENT" with its "SUMMARY:", "DESCRIPTION:" and "ORGANIZER;CN=…:";
# a line longer than 75 octets folded onto lines starting with a space, "\n", "\," and "\;"
# escaped in its values.
_ICALENDAR_PRESENT = re.compile(r"\s*BEGIN:VCALENDAR[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
_ICAL_FOLD = re.compile(r"\r?\n[ \t]")
_ICAL_LINE = re.compile(
    r"(?P<name>[A-Za-z0-9-]{1,60})(?P<params>(?:;[^:;\"]*(?:\"[^\"]*\"[^:;\"]*)*)*):(?P<value>.*)"
)
_ICAL_PARAMETER = re.compile(r";([A-Za-z-]{1,40})=(\"[^\"]*\"|[^;:\"]*)")
_ICAL_ESCAPE = re.compile(r"\\([nN,;:\\])")
# A label opening a line of an event's description: "Ansvarig: Polisen", "Mål: minst 12".
_DESCRIPTION_LABEL = re.compile(r"[A-ZÅÄÖ][\wåäö /.-]{1,30}:\s")


def _ical_text(value: str) -> str:
    return _ICAL_ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _ical_event(properties: dict[str, tuple[str, str]]) -> list[str]:
    """An event as a block of labelled lines: "Aktivitet: " its summary, "Beskrivning: " its
    description (a line of it that opens with a label on a line of its own) and "Arrangör: "
    its organiser's name."""
    summary = _ical_text(properties.get("SUMMARY", ("", ""))[1]).strip()
    description = _ical_text(properties.get("DESCRIPTION", ("", ""))[1]).strip()
    if not summary:
        # no title: the description's first line is what is done
        summary, _break, description = description.partition("\n")
        summary = summary.strip()
    if not summary:
        return []
    lines = [f"Aktivitet: {summary}"]
    described = False
    for line in description.split("\n"):
        line = line.strip()
        if not line:
            continue
        if _DESCRIPTION_LABEL.match(line) or not described:
            lines.append(line if _DESCRIPTION_LABEL.match(line) else f"Beskrivning: {line}")
            described = described or not _DESCRIPTION_LABEL.match(line)
        else:
            lines[-1] += f" {line}"
    if organizer := properties.get("ORGANIZER"):
        name = dict(_ICAL_PARAMETER.findall(organizer[0])).get("CN", "")
        if name := _ical_text(name.strip('"')).strip():
            lines.append(f"Arrangör: {name}")
    return ["", *lines]


def _icalendar(raw: str) -> str:
    """The text an iCalendar file stands for: the calendar's name and description, then each
    event as a block of labelled lines (see `_ical_event`); its time zones, alarms, dates and
    repetition rules are dropped (when the activities are done is not what they are)."""
    lines: list[str] = []
    components: list[str] = []
    event: dict[str, tuple[str, str]] = {}
    for line in _ICAL_FOLD.sub("", raw).replace("\r\n", "\n").split("\n"):
        match = _ICAL_LINE.fullmatch(line.rstrip("\r"))
        if not match:
            continue
        name, params, value = (
            match.group("name").upper(),
            match.group("params"),
            match.group("value"),
        )
        if name == "BEGIN":
            components.append(value.strip().upper())
            event = {}
        elif name == "END":
            if components and components.pop() == "VEVENT":
                lines += _ical_event(event)
        elif components and components[-1] == "VEVENT":
            event.setdefault(name, (params, value))
        elif components == ["VCALENDAR"] and name in ("X-WR-CALNAME", "NAME"):
            lines[:0] = [_ical_text(value).strip(), ""]
        elif components == ["VCALENDAR"] and name in ("X-WR-CALDESC", "DESCRIPTION"):
            lines += ["", *_ical_text(value).strip().split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


# A document exported as JSON (a planning tool's or a portal's export pasted as it is): its
# objects' fields read as labelled lines, the keys written out as words ("giltigFran": "Giltig
# från:", "mal": "Mål:"), an activity's record as a block "Aktivitet: …", "Ansvarig: …", "Mål:
# …", a group of activities under a title in a list of focus areas as "Fokusområde 1: …".
_JSON_START = re.compile(r"^[ \t]*[\[{][ \t]*$|^[ \t]*\{[ \t]*\"", re.MULTILINE)
_JSON_KEY_PART = re.compile(r"[A-ZÅÄÖ]?[a-zåäö0-9]+|[A-ZÅÄÖ]+(?![a-zåäö])")
# Words of a key as ASCII writes them, with their letters.
_JSON_SPELLING = {
    "mal": "mål",
    "malvarde": "målvärde",
    "malsattning": "målsättning",
    "lofte": "löfte",
    "loftet": "löftet",
    "loften": "löften",
    "loftena": "löftena",
    "fran": "från",
    "omrade": "område",
    "omraden": "områden",
    "fokusomrade": "fokusområde",
    "fokusomraden": "fokusområden",
    "insatsomrade": "insatsområde",
    "insatsomraden": "insatsområden",
    "atgard": "åtgärd",
    "atgarder": "åtgärder",
    "uppfoljning": "uppföljning",
    "lagesbild": "lägesbild",
    "kalla": "källa",
    "agare": "ägare",
    "galler": "gäller",
    "andrad": "ändrad",
    "ar": "år",
    "manad": "månad",
    "nar": "när",
    "forvaltning": "förvaltning",
    "lokalpolisomrade": "lokalpolisområde",
    "medborgarlofte": "medborgarlöfte",
    "medborgarloftet": "medborgarlöftet",
}
_JSON_TITLE = re.compile(r"titel|title|namn|name|rubrik|heading|rubriken")
_JSON_PROMISE = re.compile(r"(?:medborgar)?lofte(?:t|text| text)?|promise|lofte formulering")
_JSON_ACTIVITY = re.compile(r"aktivitet|aktiviteten|atgard|insats|activity|action|uppgift|task")
_JSON_DESCRIPTION = re.compile(r"beskrivning|description|text|vad")
_JSON_OWNER = re.compile(r"ansvarig|ansvar|ansvarar|agare|owner|responsible|vem|utfors av")
_JSON_PARTNERS = re.compile(
    r"samverkan|samverkans ?part(?:er|ner)?|partner|partners|tillsammans med|i samverkan med"
)
_JSON_TARGET = re.compile(
    r"mal|malvarde|malsattning|frekvens|omfattning|antal|hur ofta|target|frequency"
)
# A list whose records are activities: "aktiviteter", "atgarder", "activities".
_JSON_ACTIVITIES = re.compile(r"aktiviteter|atgarder|insatser|activities|actions|uppgifter|tasks")
# A list of groups whose titles are promises: "fokusomraden": [{"rubrik": …, "aktiviteter": …}].
_JSON_AREAS = {
    "fokusomraden": "Fokusområde",
    "omraden": "Område",
    "insatsomraden": "Insatsområde",
    "loftesomraden": "Löftesområde",
    "loften": "Löfte",
    "loftena": "Löfte",
    "promises": "Löfte",
    "focus areas": "Fokusområde",
}
_JSON_NUMBER_KEY = re.compile(r"nr|nummer|number|no|id")
_JSON_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_JSON_DEEPEST = 12


def _json_label(key: str) -> str:
    """A key written out as words: "giltigFran" "Giltig från", "mal_2026" "Mål 2026"."""
    words = [word.lower() for word in _JSON_KEY_PART.findall(key)]
    words = [_JSON_SPELLING.get(word, word) for word in words]
    label = " ".join(words)
    return label[:1].upper() + label[1:]


def _json_free_text(value: object) -> bool:
    """Whether a field's value is words to show (not an id, a code, an address or a number)."""
    return (
        isinstance(value, str)
        and (" " in value.strip() or bool(_JSON_DATE.fullmatch(value.strip())))
        and "://" not in value
        and "@" not in value
    )


def _json_scalar_text(value: object) -> str:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(" ".join(v.split()) for v in value if v.strip())
    return ""


def _json_nested(value: object) -> bool:
    """Whether a field holds records (an object, or a list of objects) of its own."""
    return (
        isinstance(value, dict)
        and bool(value)
        or (isinstance(value, list) and any(isinstance(v, dict) for v in value))
    )


def _json_record(record: dict, lines: list[str], activities: bool) -> None:
    """An activity's record as a block of labelled lines, its other fields dropped."""
    fields = {fold(_json_label(key)): value for key, value in record.items()}
    what = next((k for k in fields if _JSON_ACTIVITY.fullmatch(k)), None)
    if what is None and activities:
        what = next((k for k in fields if _JSON_TITLE.fullmatch(k)), None)
    described = next((k for k in fields if _JSON_DESCRIPTION.fullmatch(k)), None)
    if what is None and described is None:
        # no activity: its words on one line ("Kontakt: Sara Holm, kommunpolis, 114 14")
        words = [_json_scalar_text(v) for v in record.values() if isinstance(v, str | list)]
        if words := [w for w in words if w]:
            lines.append(", ".join(words))
        return
    block = [f"Aktivitet: {_json_scalar_text(fields[what or described])}"]
    if what and described and (text := _json_scalar_text(fields[described])):
        block.append(f"Beskrivning: {text}")
    for pattern, label in (
        (_JSON_OWNER, "Ansvarig"),
        (_JSON_TARGET, None),
        (_JSON_PARTNERS, "Samverkanspart"),
    ):
        for key, value in fields.items():
            if pattern.fullmatch(key) and (text := _json_scalar_text(value)):
                block.append(f"{label or _json_label(key)}: {text}")
    lines += ["", *block]


def _json_lines(value: object, key: str, lines: list[str], depth: int) -> None:
    """`value`, the field `key` of a JSON document, as lines of text (appended to `lines`)."""
    if depth > _JSON_DEEPEST:
        return
    folded = fold(_json_label(key)) if key else ""
    if isinstance(value, dict):
        scalars = [_json_scalar_text(v) for v in value.values() if _json_free_text(v)]
        if key and all(not isinstance(v, dict | list) or v == [] for v in value.values()):
            # a record of a few words: "parter": {"polis": …, "kommun": …} on one line; two
            # dates a period: "giltighet": {"fran": "2026-05-01", "till": "2027-04-30"}
            dates = len(scalars) == 2 and all(_JSON_DATE.fullmatch(v) for v in scalars)
            if scalars:
                lines.append(f"{_json_label(key)}: {(' – ' if dates else ', ').join(scalars)}")
            return
        if key:
            lines += ["", _json_label(key)]
        for name, field in value.items():
            _json_lines(field, name, lines, depth + 1)
        return
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        area = _JSON_AREAS.get(folded)
        activities = bool(_JSON_ACTIVITIES.fullmatch(folded))
        if key and not area:
            lines += ["", f"{_json_label(key)}:" if activities else _json_label(key)]
        for number, record in enumerate(value, 1):
            if area or any(_json_nested(v) for v in record.values()):
                # a group: its title (a promise under a list of focus areas), then its fields
                fields = {fold(_json_label(k)): v for k, v in record.items()}
                title = next((v for k, v in fields.items() if _JSON_TITLE.fullmatch(k)), None)
                if isinstance(title, str) and title.strip():
                    numbered = next(
                        (v for k, v in fields.items() if _JSON_NUMBER_KEY.fullmatch(k)), number
                    )
                    name = " ".join(title.split())
                    lines += ["", f"{area} {numbered}: {name}" if area else name]
                for name, field in record.items():
                    if not _JSON_TITLE.fullmatch(fold(_json_label(name))):
                        _json_lines(field, name, lines, depth + 1)
            else:
                _json_record(record, lines, activities)
        return
    if not key or not _json_free_text(value) and not isinstance(value, list):
        return  # numbers, ids, codes, addresses: no words to read
    text = _json_scalar_text(value)
    if not text:
        return
    if _JSON_TITLE.fullmatch(folded):
        lines += [text, ""]
    elif _JSON_PROMISE.fullmatch(folded):
        lines += ["", f"Löftet: {text}", ""]
    else:
        lines.append(f"{_json_label(key)}: {text}")


# A map's data as GeoJSON (a municipality's open-data map of the promise's places): its
# features' "properties" are the records (an activity, its owner, its place), their geometry
# (coordinates, never a target) and the reference system dropped, the collection's own
# "metadata" or "properties" (its title, validity and promise) read as the document's fields.
_GEOJSON_DROPPED = frozenset({"type", "features", "crs", "bbox"})


def _geojson_records(value: dict) -> dict:
    features = value.get("features")
    records = [
        feature["properties"]
        for feature in (features if isinstance(features, list) else [])
        if isinstance(feature, dict) and isinstance(feature.get("properties"), dict)
    ]
    kept: dict = {}
    for key, field in value.items():
        if key in _GEOJSON_DROPPED:
            continue
        if key in ("metadata", "properties") and isinstance(field, dict):
            kept.update(field)  # the collection's own fields: its title, validity, promise
        else:
            kept[key] = field
    activities = any(
        _JSON_ACTIVITY.fullmatch(fold(_json_label(key))) for record in records for key in record
    )
    kept["aktiviteter" if activities else "platser"] = records
    return kept


def _json_document(raw: str) -> str:
    """The text a JSON document stands for (see `_json_lines`), with any text before and after
    it; the text as given when it holds no JSON object from a line's start."""
    start = _JSON_START.search(raw, 0, 20_000)
    if not start:
        return raw
    at = raw.index("{" if "{" in raw[start.start() : start.end()] else "[", start.start())
    try:
        value, end = json.JSONDecoder().raw_decode(raw, at)
    except (ValueError, RecursionError):
        return raw
    if not isinstance(value, dict | list) or end - at < 40:
        return raw
    if isinstance(value, dict) and value.get("type") == "FeatureCollection":
        value = _geojson_records(value)
    lines: list[str] = []
    _json_lines(value, "", lines, 0)
    return f"{raw[:at]}{chr(10).join(lines).strip()}\n{raw[end:]}"


# A document exported as XML (a planning system's export, an open-data file): read as the
# JSON document its elements stand for, each element a field named by its tag (its namespace
# left out), its attributes fields too, and an element whose children share one tag ("<aktiviteter>"
# over "<aktivitet>" …) a list of them. A document type (which may declare entities) or an
# XHTML page is left to the other readings.
_XML_START = re.compile(r"\A\ufeff?\s*<\?xml\b")


def _xml_value(element: ElementTree.Element, depth: int) -> object:
    """The JSON value an element stands for: its text, or its fields."""
    children = list(element)
    if not children and not element.attrib:
        return (element.text or "").strip()
    fields: dict[str, object] = {
        name.rpartition("}")[2]: value for name, value in element.attrib.items()
    }
    if depth >= _JSON_DEEPEST:
        return fields
    tags = [child.tag.rpartition("}")[2] for child in children]
    if len(set(tags)) == 1 and (len(tags) > 1 or not element.attrib):
        items = [_xml_value(child, depth + 1) for child in children]
        if not fields:
            return items
        fields[tags[0]] = items
        return fields
    for tag, child in zip(tags, children, strict=True):
        fields.setdefault(tag, _xml_value(child, depth + 1))
    return fields


# A translation file sent to or back from a translator (XLIFF 1.2 or 2.0: "<trans-unit>" or
# "<segment>" each with its "<source>" and "<target>"): read as the document it was made from,
# each unit's source text a line, the translations, the translators' notes and the file's
# header dropped.
_XLIFF_UNITS = frozenset({"trans-unit", "segment"})


def _xliff_source(root: ElementTree.Element) -> str:
    lines = []
    for element in root.iter():
        if element.tag.rpartition("}")[2] not in _XLIFF_UNITS:
            continue
        for child in element:
            if child.tag.rpartition("}")[2] == "source":
                lines.append(" ".join("".join(child.itertext()).split()))
                break
    # each unit a paragraph (or a list item) of its own
    return f"{(chr(10) * 2).join(line for line in lines if line)}\n"


# A Word document saved as XML ("Word XML-dokument", a package of its parts in one file,
# "<pkg:package>"; or Word 2003's "<w:wordDocument>"): read as the document, each paragraph
# ("<w:p>") a line of its runs' words, a list's paragraph ("<w:numPr>", "<w:listPr>") a "•"
# item, a table's row its cells separated by tabs; the deleted text of tracked changes
# ("<w:delText>"), the comments, the styles and the properties, the other parts, dropped.
_WORD_ROOTS = frozenset({"package", "document", "wordDocument"})
_WORD_BLOCKS = frozenset({"body", "sect", "sub-section", "sdt", "sdtContent", "customXml", "ins"})
_WORD_LIST_MARKS = frozenset({"numPr", "listPr"})
_WORD_SKIPPED = frozenset({"del", "moveFrom", "delText", "instrText", "footnoteReference"})


def _word_namespace(tag: str) -> bool:
    return "wordprocessingml" in tag or "office/word" in tag


def _word_run_text(element: ElementTree.Element, pieces: list[str], depth: int = 0) -> None:
    for child in element:
        tag = child.tag.rpartition("}")[2]
        if tag in _WORD_SKIPPED or depth > _JSON_DEEPEST:
            continue
        if tag == "t":
            pieces.append(child.text or "")
        elif tag == "tab":
            pieces.append("\t")
        elif tag in ("br", "cr"):
            pieces.append(" ")
        elif tag != "pPr":
            _word_run_text(child, pieces, depth + 1)


def _word_blocks(element: ElementTree.Element, lines: list[str], depth: int = 0) -> None:
    for child in element:
        tag = child.tag.rpartition("}")[2]
        if depth > _JSON_DEEPEST or not _word_namespace(child.tag) and tag != "sect":
            continue
        if tag == "p":
            pieces: list[str] = []
            _word_run_text(child, pieces)
            line = " ".join("".join(pieces).replace("\t", "\x00").split()).replace("\x00", "\t")
            properties = next((c for c in child if c.tag.rpartition("}")[2] == "pPr"), None)
            listed = properties is not None and any(
                c.tag.rpartition("}")[2] in _WORD_LIST_MARKS for c in properties
            )
            lines.append(f"• {line}" if listed and line else line)
        elif tag == "tbl":
            lines.append("")  # a table is no item's continuation
            for row in child:
                if row.tag.rpartition("}")[2] != "tr":
                    continue
                cells = []
                for cell in row:
                    if cell.tag.rpartition("}")[2] == "tc":
                        inner: list[str] = []
                        _word_blocks(cell, inner, depth + 1)
                        cells.append(" ".join(" ".join(inner).split()))
                lines.append("\t".join(cells))
            lines.append("")
        elif tag in _WORD_BLOCKS:
            _word_blocks(child, lines, depth + 1)


def _word_xml(root: ElementTree.Element) -> str | None:
    """A Word document's text, or None when the XML is no Word document."""
    body = None
    for element in root.iter():
        tag = element.tag.rpartition("}")[2]
        if tag == "body" and _word_namespace(element.tag):
            body = element
            break
    if body is None:
        return None
    lines: list[str] = []
    _word_blocks(body, lines)
    return f"{chr(10).join(lines).strip()}\n"


def _xml_document(raw: str) -> str:
    """The text an XML document stands for (see `_json_lines`); the text as given when it is
    no XML document this reading takes."""
    if "<!DOCTYPE" in raw or "<!ENTITY" in raw:
        return raw
    try:
        root = ElementTree.fromstring(raw.lstrip("\ufeff \t\r\n"))
    except (ElementTree.ParseError, ValueError, RecursionError):
        return raw
    if root.tag.rpartition("}")[2].casefold() == "html":
        return raw
    if root.tag.rpartition("}")[2].casefold() == "xliff":
        return _xliff_source(root)
    if root.tag.rpartition("}")[2] in _WORD_ROOTS:
        text = _word_xml(root)
        if text is not None:
            return text
    value = _xml_value(root, 0)
    if not isinstance(value, dict | list):
        return raw
    lines: list[str] = []
    _json_lines(value, "", lines, 0)
    return f"{chr(10).join(lines).strip()}\n"


# A static site's page source (Hugo, Jekyll, Decap CMS): a YAML header between two "---" lines
# over the page's Markdown, its fields (the title, the validity, the promise, a list of the
# activities with their owners and targets) read as a JSON document's are.
_FRONT_MATTER = re.compile(r"\A\ufeff?[ \t]*---[ \t]*\n")
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
# "giltig_fran: 2026-04-01", "aktiviteter:" (the reader's lines are stripped of spaces)
_YAML_KEY = re.compile(
    r"(?P<key>\w[\w.-]{0,60}(?: [\w.-]{1,60}){0,3})[ \t]*:(?:[ \t]+(?P<value>\S.*))?"
)
_YAML_KEY_LINE = re.compile(
    r"^\w[\w.-]{0,60}(?: [\w.-]{1,60}){0,3}[ \t]*:(?:[ \t]|$)", re.MULTILINE
)
_YAML_BLOCK_SCALAR = re.compile(r"[|>][+-]?")
_YAML_COMMENT = re.compile(r"[ \t]+#.*")
_YAML_INT = re.compile(r"[+-]?\d{1,18}")
_YAML_NUMBER = re.compile(r"[+-]?(?:\d+\.\d*|\.\d+)(?:[eE][+-]?\d+)?")
_FEWEST_YAML_KEYS = 2
_YAML_DEEPEST = 24
_LONGEST_FRONT_MATTER = 200_000


def _yaml_quoted(text: str) -> str:
    """A quoted YAML scalar's words: "…" with its escapes read, '…' with '' for '."""
    if text[:1] == "'":
        return text[1:-1].replace("''", "'") if len(text) > 1 and text[-1] == "'" else text[1:]
    inner = text[1:-1] if len(text) > 1 and text.endswith('"') else text[1:]
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(1)), inner)


def _yaml_flow_items(text: str) -> list[str]:
    """The items of a flow collection's inside ("a, 'b, c', d"), split at commas outside quotes."""
    items, quote, begin = [], "", 0
    for at, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == ",":
            items.append(text[begin:at].strip())
            begin = at + 1
    items.append(text[begin:].strip())
    return [item for item in items if item]


def _yaml_scalar(text: str) -> object:
    """A YAML value written on one line: quoted or plain words, a flow list or mapping, a
    number, a truth value or nothing."""
    text = text.strip()
    if text[:1] in "'\"":
        return _yaml_quoted(text)
    text = _YAML_COMMENT.sub("", text)
    if text.startswith("[") and text.endswith("]"):
        return [_yaml_scalar(item) for item in _yaml_flow_items(text[1:-1])]
    if text.startswith("{") and text.endswith("}"):
        pairs = (item.partition(":") for item in _yaml_flow_items(text[1:-1]))
        return {key.strip(): _yaml_scalar(value) for key, _colon, value in pairs if key.strip()}
    if text in {"", "~", "null", "Null", "NULL"}:
        return None
    if text in {"true", "True", "TRUE", "false", "False", "FALSE"}:
        return text.lower() == "true"
    if _YAML_INT.fullmatch(text):
        return int(text)
    if _YAML_NUMBER.fullmatch(text):
        return float(text)
    return text


class _YamlReader:
    """The YAML of a page's header, as much of it as such headers use: mappings and lists by
    their indentation, plain, quoted and block ("|", ">-") scalars, flow lists and comments.
    Each line is looked at once; blocks nested deeper than `_YAML_DEEPEST` are skipped."""

    def __init__(self, text: str) -> None:
        self.lines = [
            (len(line) - len(line.lstrip(" ")), line.strip())
            for line in text.split("\n")
            if line.strip() and not line.lstrip().startswith("#")
        ]
        self.raw = text.split("\n")
        self.at = 0

    def _skip(self, indent: int) -> None:
        while self.at < len(self.lines) and self.lines[self.at][0] > indent:
            self.at += 1

    def block(self, above: int, depth: int) -> object:
        """The value whose lines are indented more than `above`, from the current line."""
        if (
            self.at >= len(self.lines)
            or self.lines[self.at][0] <= above
            and not (
                self.lines[self.at][1].startswith("-") and self.lines[self.at][0] == above >= 0
            )
        ):
            return None
        indent = self.lines[self.at][0]
        if depth > _YAML_DEEPEST:
            self._skip(above)
            return None
        if self.lines[self.at][1] == "-" or self.lines[self.at][1].startswith("- "):
            return self._sequence(indent, depth)
        if _YAML_KEY.fullmatch(self.lines[self.at][1]):
            return self._mapping(indent, depth)
        words = []
        while self.at < len(self.lines) and self.lines[self.at][0] > above:
            words.append(self.lines[self.at][1])
            self.at += 1
        return _yaml_scalar(" ".join(words))

    def _sequence(self, indent: int, depth: int) -> list:
        items: list = []
        while self.at < len(self.lines):
            column, line = self.lines[self.at]
            if column != indent or not (line == "-" or line.startswith("- ")):
                break
            rest = line[1:].strip()
            if not rest:
                self.at += 1
                items.append(self.block(indent, depth + 1))
                continue
            # "- rubrik: …" opens a mapping whose keys stand where "rubrik" does
            self.lines[self.at] = (column + len(line) - len(rest), rest)
            if _YAML_KEY.fullmatch(rest) or rest.startswith("- "):
                items.append(self.block(indent, depth + 1))
            else:
                items.append(self._value(rest, column))
        return items

    def _mapping(self, indent: int, depth: int) -> dict:
        fields: dict = {}
        while self.at < len(self.lines):
            column, line = self.lines[self.at]
            match = _YAML_KEY.fullmatch(line) if column == indent else None
            if not match:
                break
            key, value = match.group("key"), match.group("value")
            if value is None or value.startswith("#"):
                self.at += 1
                fields[key] = self.block(indent, depth + 1)
            else:
                fields[key] = self._value(value, indent)
        return fields

    def _value(self, value: str, indent: int) -> object:
        """A value after its key or its dash, on the current line and any lines that go on
        from it (indented more than `indent`)."""
        self.at += 1
        if _YAML_BLOCK_SCALAR.fullmatch(value):
            lines = []
            while self.at < len(self.lines) and self.lines[self.at][0] > indent:
                lines.append(self.lines[self.at][1])
                self.at += 1
            return ("\n" if value[0] == "|" else " ").join(lines)
        words = [value]
        while self.at < len(self.lines) and self.lines[self.at][0] > indent:
            words.append(self.lines[self.at][1])  # a plain or quoted value wrapped over lines
            self.at += 1
        return _yaml_scalar(" ".join(words))


def _front_matter(raw: str) -> str:
    """The text a page's source stands for: its YAML header's fields as lines (see
    `_json_lines`) over the page's own text; the text as given without such a header."""
    opening = _FRONT_MATTER.match(raw)
    if not opening:
        return raw
    end = _FRONT_MATTER_END.search(raw, opening.end(), opening.end() + _LONGEST_FRONT_MATTER)
    if not end:
        return raw
    header = raw[opening.end() : end.start()]
    if not _site_fields(header):
        return raw
    lines = _yaml_lines(header)
    if lines is None:
        return raw
    return f"{chr(10).join(lines).strip()}\n\n{raw[end.end() :].lstrip(chr(10))}"


# A Hugo page's TOML header between two "+++" lines ('title = "…"', 'giltigt_fran =
# 2027-02-01', "[[aktiviteter]]" over each activity's 'aktivitet = "…"', 'ansvar = "…"'), read
# as a YAML header is.
_TOML_FRONT_MATTER = re.compile(r"\A\ufeff?[ \t]*\+\+\+[ \t]*\n")
_TOML_FRONT_MATTER_END = re.compile(r"^\+\+\+[ \t]*$", re.MULTILINE)


def toml_front_matter(raw: str) -> str:
    """The text a page's source stands for: its TOML header's fields as lines (see
    `_json_lines`) over the page's own text; the text as given without such a header."""
    opening = _TOML_FRONT_MATTER.match(raw)
    if not opening:
        return raw
    end = _TOML_FRONT_MATTER_END.search(raw, opening.end(), opening.end() + _LONGEST_FRONT_MATTER)
    if not end:
        return raw
    try:
        value = tomllib.loads(raw[opening.end() : end.start()])
    except (tomllib.TOMLDecodeError, RecursionError):
        return raw
    if len(value) < _FEWEST_YAML_KEYS:
        return raw
    lines: list[str] = []
    _json_lines(_dates_as_text(value, 0), "", lines, 0)
    return f"{chr(10).join(lines).strip()}\n\n{raw[end.end() :].lstrip(chr(10))}"


def _dates_as_text(value: object, depth: int) -> object:
    """TOML's values with its dates and times written as ISO dates ("2027-02-01")."""
    if depth > _JSON_DEEPEST:
        return None
    if isinstance(value, dict):
        return {key: _dates_as_text(field, depth + 1) for key, field in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(field, depth + 1) for field in value]
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return value


def _site_fields(yaml: str) -> bool:
    """Whether YAML's keys are a site's or a system's fields ("title:", "giltig_fran:"), not a
    text's own labels ("Kommun: Mullsjö", "Period: 2025"), which are written with capitals."""
    keys = _YAML_KEY_LINE.findall(yaml, 0, 20_000)
    lower = sum(1 for key in keys if key[0].islower())
    return lower >= _FEWEST_YAML_KEYS and lower >= len(keys) - lower


def _yaml_lines(yaml: str) -> list[str] | None:
    """YAML's mapping as lines of text (see `_json_lines`); None when it holds no mapping."""
    value = _YamlReader(yaml).block(-1, 0)
    if not isinstance(value, dict) or not value:
        return None
    lines: list[str] = []
    _json_lines(value, "", lines, 0)
    return lines


# A data file in YAML from a site's or a system's source ("data/medborgarlofte.yml"), read as
# a page's YAML header is: comment lines at its top, then only keys at the margin ("titel: …",
# "aktiviteter:") over indented values, among them a list of records ("  - titel: …").
_YAML_MARGIN_LINE = re.compile(r"^[^ \t\n#-].*$", re.MULTILINE)
_YAML_RECORD_LINE = re.compile(r"^[ \t]*- \w[\w.-]{0,60}[ \t]*:(?:[ \t]|$)", re.MULTILINE)
_YAML_LEADING_COMMENTS = re.compile(r"\A\ufeff?(?:[ \t]*(?:#.*)?\n)*")
_FEWEST_YAML_RECORDS = 2
_LONGEST_YAML_DATA = 200_000


def _yaml_data(raw: str) -> str:
    """The text a YAML data file stands for; the text as given when it is no such file."""
    if len(raw) > _LONGEST_YAML_DATA or not _site_fields(raw):
        return raw
    if len(_YAML_RECORD_LINE.findall(raw)) < _FEWEST_YAML_RECORDS:
        return raw
    if any(not _YAML_KEY_LINE.match(line) for line in _YAML_MARGIN_LINE.findall(raw)):
        return raw  # a line of running text at the margin: no data file
    lines = _yaml_lines(raw[_YAML_LEADING_COMMENTS.match(raw).end() :])
    return raw if lines is None else f"{chr(10).join(lines).strip()}\n"
