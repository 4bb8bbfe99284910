"""Proposals in a given state, for tests that start after the visitor's part."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from kek.participation.models import Proposal, StatusChange


class ProposalFactory(DjangoModelFactory):
    """A confirmed proposal waiting for the Moderation (pass `approach`; the site is the approach's)."""

    title = factory.Sequence(lambda n: f"Vorschlag Nummer {n}")
    description = "Eine Mitfahrbank an jeder Bushaltestelle, damit man auch abends nach Hause kommt."
    author_name = "Kim"
    email = "kim@example.org"
    status = Proposal.Status.SUBMITTED
    confirmed_at = factory.LazyFunction(timezone.now)
    site = factory.LazyAttribute(lambda o: o.approach.get_site())

    class Meta:
        model = Proposal
        skip_postgeneration_save = True

    @factory.post_generation
    def history(proposal, create, extracted, **kwargs):
        if create:
            StatusChange.objects.create(proposal=proposal, status=Proposal.Status.SUBMITTED)


def published(approach, **values) -> Proposal:
    """A proposal the Moderation has published."""
    values = {"status": Proposal.Status.PUBLISHED, "decided_at": timezone.now(), **values}
    return ProposalFactory(approach=approach, **values)
