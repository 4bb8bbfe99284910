"""Atom feed of the changes, for people and systems that follow the concept."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from .records import ChangeRecord


class ChangeFeed(Feed):
    feed_type = Atom1Feed
    title = "Änderungen am Kreisentwicklungskonzept"

    def __init__(self, page):
        super().__init__()
        self.page = page

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
