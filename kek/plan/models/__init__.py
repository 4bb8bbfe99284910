"""The concept's hierarchy. Every level with its own URL is a Wagtail page; measures are edited
inline on their approach; projects and ideas are snippets so they get drafts and revisions."""

from .measures import Measure, Project
from .pages import (
    APPROACH_ITEMS_HOOK,
    APPROACH_SECTIONS_HOOK,
    AboutPage,
    ApproachPage,
    ConceptContact,
    CrossCuttingThemeIndexPage,
    CrossCuttingThemePage,
    FieldOfActionPage,
    HomePage,
    RegionalFocus,
    StrategicGoalPage,
    SubGoalPage,
)

__all__ = [
    "APPROACH_ITEMS_HOOK",
    "APPROACH_SECTIONS_HOOK",
    "AboutPage",
    "ApproachPage",
    "ConceptContact",
    "CrossCuttingThemeIndexPage",
    "CrossCuttingThemePage",
    "FieldOfActionPage",
    "HomePage",
    "Measure",
    "Project",
    "RegionalFocus",
    "StrategicGoalPage",
    "SubGoalPage",
]
