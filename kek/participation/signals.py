"""Deleting a public proposal or a public round changes approach pages, whichever way it happens (the
author's withdrawal, the back office's delete or bulk delete): the apps that keep pages hear it
through kek.core.hooks.public_activity."""

from django.db.models.signals import post_delete, pre_delete

from kek.core.hooks import public_activity

from .models import PriorityRound, Proposal


def proposal_deleted(sender, instance: Proposal, **kwargs) -> None:
    if instance.is_public:
        public_activity(instance.site_id, [instance.approach_id])


def round_deleting(sender, instance: PriorityRound, **kwargs) -> None:
    """Before the delete: afterwards the round's approaches are gone with it."""
    if instance.audience == PriorityRound.Audience.PUBLIC:
        public_activity(instance.site_id, instance.approaches.values_list("pk", flat=True))


def connect() -> None:
    post_delete.connect(proposal_deleted, sender=Proposal, dispatch_uid="kek-proposal-deleted")
    pre_delete.connect(round_deleting, sender=PriorityRound, dispatch_uid="kek-round-deleting")
