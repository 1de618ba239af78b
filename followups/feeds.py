"""Atom feeds of what happens to published promises: national and per municipality, each
whole (`UpdatesFeed`) or of the follow-up meetings and reports alone (`FollowUpFeed`).

What they tell, merged from their sources, is `followups.feed_items`.
"""

import datetime
import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.utils.xmlutils import SimplerXMLGenerator

from followups.feed_items import (
    FeedItem,
    as_datetime,
    feed_items,
    follow_up_items,
)
from municipalities.models import Municipality

# What XML 1.0 cannot hold: control characters other than tab and line breaks, surrogates, and
# U+FFFE and U+FFFF. Django refuses the first (a 500 for every reader of the feed), and writes
# the others into a document no feed reader parses.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold."""
    return _NOT_XML.sub("", text)


class _XMLTextGenerator(SimplerXMLGenerator):
    """Writes every text and attribute without the characters XML 1.0 cannot hold: one typed
    into a name or a text somewhere (the forms refuse them, older rows may hold them) must not
    take a feed down for everyone."""

    def characters(self, content):
        super().characters(xml_text(content) if content else content)

    def startElement(self, name, attrs):
        super().startElement(name, {key: xml_text(value) for key, value in (attrs or {}).items()})


class PlainTextAtomFeed(Atom1Feed):
    """Atom with every entry's summary declared as plain text, and only characters XML holds.

    Summaries are plain text (report bodies, meeting summaries); Django declares them as
    `type="html"`, so markup typed into a text (through the admin, say) would be rendered by
    feed readers. As `type="text"` it is shown as the characters typed.
    """

    def write(self, outfile, encoding):
        # Atom1Feed.write, with the generator above.
        handler = _XMLTextGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        handler.startElement("feed", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        handler.endElement("feed")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class UpdatesFeed(Feed):
    """What has happened to the published citizen promises, nationally or in one municipality."""

    feed_type = PlainTextAtomFeed
    author_name = _("Citizen promises")

    def get_object(self, request: HttpRequest, slug: str | None = None) -> Municipality | None:
        if slug is None:
            return None
        return get_object_or_404(Municipality, slug=slug)

    def title(self, municipality: Municipality | None) -> str:
        if municipality is None:
            return gettext("Citizen promises: latest updates")
        return gettext("Citizen promises %(in_place)s: latest updates") % {
            "in_place": municipality.in_name
        }

    def subtitle(self, municipality: Municipality | None) -> str:
        # What FEED_SOURCES give: a reader deciding whether to follow the feed learns that the
        # changes to a signed promise (revisions, extensions, closings) are in it too.
        if municipality is None:
            return gettext(
                "Signed citizen promises and the changes to them, follow-up meetings and "
                "published reports."
            )
        return gettext(
            "Signed citizen promises and the changes to them, follow-up meetings, published "
            "reports and activities carried out."
        )

    # Every address on SITE_URL, never on the Host a request named: a feed is one copy in the
    # shared cache whatever host or port it was asked for under (config.public_cache), and a
    # reader subscribed through another name gets the same links and ids.
    def link(self, municipality: Municipality | None) -> str:
        if municipality is None:
            return settings.SITE_URL + reverse("promises:home")
        return settings.SITE_URL + reverse("promises:municipality_detail", args=[municipality.slug])

    def feed_url(self, municipality: Municipality | None) -> str:
        if municipality is None:
            return settings.SITE_URL + reverse("followups:feed")
        return settings.SITE_URL + reverse("followups:municipality_feed", args=[municipality.slug])

    def items(self, municipality: Municipality | None) -> list[FeedItem]:
        return feed_items(municipality)

    def item_title(self, item: FeedItem) -> str:
        return item.title

    def item_description(self, item: FeedItem) -> str:
        return item.description

    def item_link(self, item: FeedItem) -> str:
        return settings.SITE_URL + item.link

    def item_guid(self, item: FeedItem) -> str:
        return item.guid

    def item_guid_is_permalink(self, item: FeedItem) -> bool:
        return False

    def item_pubdate(self, item: FeedItem) -> datetime.datetime:
        return as_datetime(item.date)

    def item_updateddate(self, item: FeedItem) -> datetime.datetime:
        # Atom requires <updated> on every entry.
        return as_datetime(item.date)


class FollowUpFeed(UpdatesFeed):
    """The follow-up meetings held and the reports published, nationally or in one
    municipality, without the other news (a log each time an activity is carried out)."""

    def title(self, municipality: Municipality | None) -> str:
        if municipality is None:
            return gettext("Citizen promises: follow-up meetings and reports")
        return gettext("Citizen promises %(in_place)s: follow-up meetings and reports") % {
            "in_place": municipality.in_name
        }

    def subtitle(self, municipality: Municipality | None) -> str:
        return gettext(
            "Only follow-up meetings held and reports published. Signed citizen promises, the "
            "changes to them and the activities carried out are in the full feed."
        )

    def feed_url(self, municipality: Municipality | None) -> str:
        if municipality is None:
            return settings.SITE_URL + reverse("followups:follow_up_feed")
        return settings.SITE_URL + reverse(
            "followups:municipality_follow_up_feed", args=[municipality.slug]
        )

    def items(self, municipality: Municipality | None) -> list[FeedItem]:
        return follow_up_items(municipality)
