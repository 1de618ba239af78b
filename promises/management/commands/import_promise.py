"""Read a promise document (.txt, .docx or .pdf) and make a draft of it in a municipality."""

import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from municipalities.models import Municipality
from promises.forms import add_months, free_slug, period_length_error
from promises.models import PromisePeriod
from promises.textimport import create, extract, output


def read_document(text: str):
    """The parser's reading of `text` (`promises.textimport.parser`)."""
    from promises.textimport.parser import parse

    return parse(text)


class Command(BaseCommand):
    help = (
        "Read a citizen promise document (.txt, .docx or a PDF with text) and create a draft "
        "period with its promises and activities in the municipality. --dry-run writes nothing; "
        "--json prints the structure read, as JSON."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="The document: .txt, .docx or .pdf.")
        parser.add_argument(
            "--municipality", required=True, help="The municipality's code (kommunkod), e.g. 0685."
        )
        parser.add_argument("--dry-run", action="store_true", help="Read only; write nothing.")
        parser.add_argument("--json", action="store_true", help="Print the structure as JSON.")
        parser.add_argument(
            "--start", type=datetime.date.fromisoformat, help="Start date, if the text has none."
        )
        parser.add_argument(
            "--end", type=datetime.date.fromisoformat, help="End date, if the text has none."
        )

    def handle(self, *args, file: str, municipality: str, dry_run: bool, **options) -> None:
        try:
            place = Municipality.objects.get(code=municipality.strip())
        except Municipality.DoesNotExist:
            raise CommandError(f"No municipality has the code {municipality!r}.") from None
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        try:
            text = extract.extract_text(path.name, data)
        except extract.ExtractError as error:
            raise CommandError(error.message) from None
        document = read_document(text)
        if options["json"]:
            self.stdout.write(json.dumps(output.document_json(document), ensure_ascii=False))
        else:
            self.stdout.write(f"{path.name}, {place.name}")
            for line in output.summary_lines(document):
                self.stdout.write(line)
        if dry_run:
            if not options["json"]:
                self.stdout.write("Dry run: nothing was written.")
            return
        period = self._period(place, document, options["start"], options["end"])
        create.create_draft(period, document, user=None)
        message = f"Created the draft {period} (id {period.pk}) with {len(document.promises)} "
        message += f"promises and {len(document.activities)} activities."
        # The JSON on stdout stays exactly the structure; the news goes to stderr.
        (self.stderr if options["json"] else self.stdout).write(message)

    def _period(self, place, document, start, end) -> PromisePeriod:
        start = start or document.start
        if end is None and not document.open_ended:
            end = document.end
            if end is None and start is not None and document.length_months:
                end = add_months(start, document.length_months) - datetime.timedelta(days=1)
        if start is None or (end is None and not document.open_ended):
            raise CommandError(
                "The document states no dates for its validity: give them with --start and --end."
            )
        if end is not None:
            error = period_length_error(start, end)
            if error:
                raise CommandError(str(error))
        return PromisePeriod(
            municipality=place,
            slug=free_slug(place, start, end),
            start_date=start,
            end_date=end,
            year_only=document.year_only and end is not None,
            parties=document.parties,
        )
