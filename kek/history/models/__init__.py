"""Change records, the frozen decided version, and the public page that shows both."""

from ..records import BaselineSnapshot, ChangeRecord, EditorialCorrection
from .pages import ChangeLogPage

__all__ = ["BaselineSnapshot", "ChangeLogPage", "ChangeRecord", "EditorialCorrection"]
