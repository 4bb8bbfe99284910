from django.urls import path

from . import views

app_name = "search"
urlpatterns = [
    path("suche/", views.results, name="results"),
    path("suche/vorschlaege/", views.suggestions, name="suggestions"),
]
