"""Atom feed of the changes, for people and systems that follow the concept."""

from django.contrib.syndication.views import Feed
from django.templatetags.static import static
from django.utils.cache import patch_vary_headers
from django.utils.feedgenerator import Atom1Feed, Stylesheet
from django.utils.xmlutils import SimplerXMLGenerator

from .records import ChangeRecord


class StyledAtom1Feed(Atom1Feed):
    """Atom with its stylesheets, which Django writes into RSS feeds only."""

    def write(self, outfile, encoding) -> None:
        handler = SimplerXMLGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        for stylesheet in self.feed["stylesheets"] or []:  # after the declaration, before any tag
            handler.processingInstruction("xml-stylesheet", str(stylesheet))
        handler.startElement("feed", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        handler.endElement("feed")


class ChangeFeed(Feed):
    feed_type = StyledAtom1Feed
    title = "Änderungen am Kreisentwicklungskonzept"

    def __init__(self, page):
        super().__init__()
        self.page = page

    def __call__(self, request, *args, **kwargs):
        """Browsers (asking for HTML) get the feed as application/xml, which they render with the
        stylesheet; as application/atom+xml Chromium shows it as plain text. Feed readers get Atom."""
        response = super().__call__(request, *args, **kwargs)
        if "text/html" in request.headers.get("Accept", ""):
            response["Content-Type"] = "application/xml; charset=utf-8"
        patch_vary_headers(response, ["Accept"])
        return response

    def stylesheets(self) -> list[Stylesheet]:
        """A browser opening the feed shows a readable page (static/history/feed.xsl), not raw XML."""
        return [Stylesheet(static("history/feed.xsl"), mimetype="text/xsl")]

    def link(self) -> str:
        return self.page.url

    def subtitle(self) -> str:
        return self.page.default_description()

    def items(self):
        return self.page.records().select_related("page")[:50]

    def item_title(self, record: ChangeRecord) -> str:
        action = "Redaktionelle Korrektur" if record.editorial else record.get_action_display()
        return f"{action}: {record.subject} „{record.title}“"

    def item_description(self, record: ChangeRecord) -> str:
        lines = []
        for change in record.changes:
            prefix = f"{change['section']}: " if change["section"] else ""
            lines += [f"{prefix}neu: {item}" for item in change["added"]]
            lines += [f"{prefix}entfernt: {item}" for item in change["removed"]]
            lines += [f"{prefix}geändert: „{old}“ → „{new}“" for old, new in change["reworded"]]
        return "\n".join(lines) or record.get_action_display()

    def item_link(self, record: ChangeRecord) -> str:
        return f"{self.page.url}#aenderung-{record.pk}"

    def item_pubdate(self, record: ChangeRecord):
        return record.created

    def item_updateddate(self, record: ChangeRecord):
        return record.created
