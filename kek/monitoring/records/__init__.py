"""The monitoring data: organisational units, implementation records with their progress entries
and funding.

Kept apart from the page models (models.py) so that the modules computing states and counts can
use them while the pages use those modules, without a cycle."""

from .implementation import Funding, Implementation, ProgressEntry
from .units import OrganisationalUnit

__all__ = ["Funding", "Implementation", "OrganisationalUnit", "ProgressEntry"]
