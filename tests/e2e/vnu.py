"""The Nu Html Checker (npm package vnu-jar, run by Java): many documents in one JVM run."""

import json
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# "error" is invalid markup; "non-document-error" means the checker could not read a document.
FAILING_TYPES = {"error", "non-document-error"}
# A run of a few seconds: the quick compiler only and one garbage collector thread take half the
# CPU time of Java's defaults (3 s instead of 6 s for 25 pages); the errors are the same. The
# quick compiler's frames are larger, so the schema's deep recursion needs a bigger stack.
# (Its language guess, a warning, may be left out.)
JAVA_OPTIONS = ["-Xss8m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


class CheckerMissing(RuntimeError):
    pass


def check(files: list[Path]) -> dict[Path, list[dict]]:
    """The checker's messages for each file, from a single `java -jar vnu.jar` run."""
    java = shutil.which("java")
    if java is None:
        raise CheckerMissing("Java is missing: install a Java 17+ runtime (default-jre-headless).")
    if not VNU_JAR.exists():
        raise CheckerMissing(f"{VNU_JAR} is missing: `make vnu` (npm ci) installs it.")
    result = subprocess.run(
        [java, *JAVA_OPTIONS, "-jar", str(VNU_JAR), "--format", "json", "--stdout"]
        + ["--exit-zero-always"]
        + [str(path) for path in files],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    by_file: dict[Path | None, list[dict]] = defaultdict(list)
    names = {path.resolve(): path for path in files}
    for message in json.loads(result.stdout)["messages"]:
        # vnu names files as "file:/tmp/x.html"; a message without a known file goes under None.
        url = urlparse(message.get("url", ""))
        path = names.get(Path(unquote(url.path)).resolve()) if url.scheme == "file" else None
        by_file[path].append(message)
    return {path: by_file[path] for path in [*files, None] if path is not None or by_file[path]}


def failures(messages: list[dict]) -> list[dict]:
    return [m for m in messages if m.get("type") in FAILING_TYPES]


def describe(messages: list[dict]) -> str:
    """One line per message: line, column, message, and the offending markup."""
    lines = []
    for m in messages:
        where = f"line {m.get('lastLine', '?')}, column {m.get('firstColumn', '?')}"
        extract = " ".join(m.get("extract", "").split())
        lines.append(f"- {m.get('type')}: {where}: {m.get('message')}\n    {extract}")
    return "\n".join(lines)
