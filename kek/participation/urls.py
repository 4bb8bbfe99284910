"""The one-click unsubscribe link of the digest mails: outside the page tree, so that it works
without a CSRF cookie (a mail program posts to it) and stays the same in every language."""

from django.urls import path

from . import views

app_name = "participation"
urlpatterns = [path("abmelden/<str:signed>/", views.unsubscribe, name="unsubscribe")]
