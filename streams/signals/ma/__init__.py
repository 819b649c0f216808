"""M&A signals: a cheap regex pre-filter, then roles, status and amount from a parsed Doc."""

from streams.signals.ma.cues import has_ma_cue
from streams.signals.ma.detect import THRESHOLD, detect_ma, lead, worth_parsing
from streams.signals.ma.model import MASignal, Party, Status

__all__ = [
    "THRESHOLD",
    "MASignal",
    "Party",
    "Status",
    "detect_ma",
    "has_ma_cue",
    "lead",
    "worth_parsing",
]
