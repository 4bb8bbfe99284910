"""Shared tables of the page frame."""

from django.db import models


class FormSubmission(models.Model):
    """One attempt to send a public form, for rate limiting (see ratelimit.py)."""

    form = models.CharField(max_length=50)
    client = models.CharField(max_length=64)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["form", "client", "created"])]

    def __str__(self) -> str:
        return f"{self.form} {self.created:%Y-%m-%d %H:%M}"
