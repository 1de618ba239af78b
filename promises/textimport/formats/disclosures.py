"""A Markdown page (a GitHub or GitLab wiki, a README) whose sections fold away in HTML's
disclosure elements: "<details>" and "</details>" around each part, "<summary><b>Polisen</b>
</summary>" its visible label, and "<br>" breaking a line inside an item. When the text has a
"<summary>" on a line of its own, the "<details>" lines are dropped, each summary read as a
heading of its words ("Polisen") right over its part's first line (the blank lines between
dropped, as a party's heading stands over its items), and each "<br>" read as a space. Other
HTML is left to the readers of HTML."""

import re

_SUMMARY = re.compile(
    r"^[ \t]*<summary(?:\s[^<>\n]*)?>(.*?)</summary>[ \t]*$", re.IGNORECASE | re.MULTILINE
)
_DETAILS = re.compile(r"^[ \t]*</?details(?:\s[^<>\n]*)?>[ \t]*$", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][^<>\n]{0,40}>")
_BREAK = re.compile(r"[ \t]*<br\s*/?>[ \t]*", re.IGNORECASE)


def disclosures_read(text: str) -> str:
    """The text with each "<summary>…</summary>" line a heading of its words right over the
    part it labels, "<details>" lines dropped and "<br>" a space, when a summary stands on a
    line of its own."""
    if not _SUMMARY.search(text, 0, 50_000):
        return text
    out: list[str] = []
    after_summary = False
    for line in text.split("\n"):
        if "<" in line:
            if summary := _SUMMARY.match(line):
                out.append(" ".join(_TAG.sub(" ", summary.group(1)).split()))
                after_summary = True
                continue
            if _DETAILS.match(line):
                continue
            line = _BREAK.sub(" ", line)
        if after_summary and not line.strip():
            continue  # the heading right over its part's items
        after_summary = False
        out.append(line)
    return "\n".join(out)
