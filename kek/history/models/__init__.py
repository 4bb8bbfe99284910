"""Change records, the frozen decided version, and the public page that shows both."""

from .pages import ChangeLogPage
from ..records import BaselineSnapshot, ChangeRecord

__all__ = ["BaselineSnapshot", "ChangeLogPage", "ChangeRecord"]
