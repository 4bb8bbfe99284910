"""Approval by the Redaktion of the item's own site.

Wagtail's group approval lets every member of the task's groups approve anything, and e-mails
them all. With several counties on one installation that would let one county's Redaktion
approve, and read, another's drafts. Here whoever may publish an item approves it, and only they
are told that it waits for them.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page, Task, TaskState
from wagtail.permissions import policy_registry

ACTIONS = [
    ("reject", _("Änderungen anfordern"), True),
    ("approve", _("Freigeben"), False),
    ("approve", _("Freigeben mit Kommentar"), True),
]


def may_publish(obj, user) -> bool:
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_publish()
    return policy_registry.get_by_type(type(obj)).user_has_permission_for_instance(user, "publish", obj)


def governing_page(obj) -> Page | None:
    """The page whose permissions say who may publish `obj`: a page itself; a snippet that follows
    the permissions of an approach page (projects, implementation records) names it as `approach`."""
    return obj if isinstance(obj, Page) else getattr(obj, "approach", None)


def publishers(obj) -> QuerySet:
    """Active users who may publish `obj` through a group's page permission (superusers aside)."""
    page = governing_page(obj)
    if page is None:
        return get_user_model().objects.none()
    paths = [page.path[:end] for end in range(Page.steplen, len(page.path) + 1, Page.steplen)]
    users = get_user_model().objects.filter(
        is_active=True,
        groups__page_permissions__permission__codename="publish_page",
        groups__page_permissions__page__path__in=paths,
    )
    return users.distinct()


def notify_publishers(sender, instance: TaskState, user=None, **kwargs) -> None:
    """Tell those who may approve the submitted item (not the submitter) that it waits for them."""
    if not isinstance(instance.task.specific, SiteApprovalTask):
        return
    obj = instance.workflow_state.content_object
    recipients = [u.email for u in publishers(obj).exclude(pk=getattr(user, "pk", None)) if u.email]
    if not recipients:
        return
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + (AdminURLFinder().get_edit_url(obj) or "/admin/")
    who = user.get_full_name() or user.get_username() if user else _("Jemand")
    title = str(getattr(obj, "title", obj))
    send_mail(
        subject=str(_("Zur Freigabe: „%(title)s“")) % {"title": title},
        message=str(
            _("%(who)s hat „%(title)s“ (%(kind)s) zur Freigabe eingereicht.\n\nPrüfen und freigeben: %(link)s\n")
        )
        % {"who": who, "title": title, "kind": obj._meta.verbose_name, "link": link},
        from_email=None,
        recipient_list=recipients,
    )


class SiteApprovalTask(Task):
    """Approval by whoever may publish the item: in practice the Redaktion of its site."""

    def user_can_access_editor(self, obj, user) -> bool:
        return may_publish(obj, user)

    def locked_for_user(self, obj, user) -> bool:
        return not may_publish(obj, user)

    def user_can_lock(self, obj, user) -> bool:
        return may_publish(obj, user)

    def get_actions(self, obj, user) -> list:
        return ACTIONS if may_publish(obj, user) else []

    def get_task_states_user_can_moderate(self, user, **kwargs) -> QuerySet:
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS).select_related("workflow_state")
        mine = [state.pk for state in states if may_publish(state.workflow_state.content_object, user)]
        return TaskState.objects.filter(pk__in=mine)

    @classmethod
    def get_description(cls) -> str:
        return str(_("Freigabe durch alle, die den Inhalt veröffentlichen dürfen: die Redaktion seiner Site."))

    class Meta:
        verbose_name = _("Freigabe durch die Redaktion der Site")
        verbose_name_plural = _("Freigaben durch die Redaktion der Site")
