"""Plain dataclasses for everything the coach knows. No Textual, no TinyDB."""

from coach_tui.model.draft import FlowDraft
from coach_tui.model.errors import ValidationError
from coach_tui.model.settings import Settings
from coach_tui.model.why import WhyAnswers, WhyStatement

__all__ = ["FlowDraft", "Settings", "ValidationError", "WhyAnswers", "WhyStatement"]
