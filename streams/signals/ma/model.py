"""The M&A signal record lives with the other records in ``models.signals``."""

from __future__ import annotations

from models.signals import NOT_MA, MASignal, MAStatus, Party

Status = MAStatus

__all__ = ["NOT_MA", "MASignal", "Party", "Status"]
