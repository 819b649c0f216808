"""Signal Scout: the Faust app, topics, agents and the stages they call."""

__version__ = "0.1.0"
