"""What the readers and `clean` share: the characters a list item may start with, and a word
broken at a line's end."""

import re

# The characters a list item may start with (Word's private-use bullets among them).
BULLET_CHARS = r"•·▪◦●○■□★☆‣⁃*–—\-\uf0b7\uf0a7\uf076\uf0d8\uf0fc◆➢✓►▶☐☑☒✔✗✘➔→⇒➜➤❖✦»"
_BULLET_START = re.compile(rf"(?:[{BULLET_CHARS}]|[eo](?= [A-ZÅÄÖa-zåäö0-9])|\d{{1,2}}[.)])\s")
_JOIN_KEEPING_HYPHEN = frozenset({"och", "eller", "samt", "respektive", "till", "som"})
# A word broken at a line's end: "brotts-", and "serverings¬" as some PDFs give the break.
_WORD_END_HYPHEN = re.compile(r"[A-Za-zÅÄÖåäöéü]{2}[-¬]$")
_LOWER_WORD_START = re.compile(r"([a-zåäöéü]{2,})")
