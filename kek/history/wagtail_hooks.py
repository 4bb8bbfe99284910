"""What the change history tells other apps through hooks of kek/core."""

from wagtail import hooks

from kek.core.hooks import CHANGES_SINCE_HOOK, RECORD_CHANGE_HOOK
from kek.core.pages import home_path

from .models import ChangeLogPage
from .records import ChangeRecord
from .signals import record_change


@hooks.register(CHANGES_SINCE_HOOK)
def changes_since(site, since, path: str) -> list[dict]:
    """Published changes of `site` after `since` to pages below `path`, oldest first (two queries)."""
    log = ChangeLogPage.objects.live().filter(path__startswith=home_path(path)).first()
    if log is None:
        return []
    records = ChangeRecord.objects.filter(site=site, created__gt=since).order_by("created")
    if path != home_path(path):  # a part of the concept; the whole one includes deleted pages
        records = records.filter(page__path__startswith=path)
    return [
        {
            "created": r.created,
            "title": f"{r.get_action_display()}: {r.subject} „{r.title}“",
            "url": f"{log.url}#aenderung-{r.pk}",
        }
        for r in records[:100]
    ]


hooks.register(RECORD_CHANGE_HOOK, record_change)
