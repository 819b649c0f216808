"""Signals read from enriched posts: M&A (with roles) for now."""

from streams.signals.ma import MASignal, Party, detect_ma, has_ma_cue

__all__ = ["MASignal", "Party", "detect_ma", "has_ma_cue"]
