"""The scout's error tree.

    ScoutError                      every error the scout raises on purpose; has a stable code
    ├── ConfigError                 bad settings or arguments (operator must fix, exit 2)
    │   └── UnreadableFileError     an input file that cannot be read (fully): encoding,
    │                               CSV quoting, broken JSON document; reported per file
    ├── ServiceError                local Kafka/Elasticsearch management (`scout services`)
    ├── PermanentError              this input will never succeed: dead-letter it, go on
    │   ├── InvalidPostError        malformed JSON, unknown shape, empty, oversized, encoding
    │   └── UnprocessableError      a stage failed on this record unexpectedly (a bug or a limit)
    └── TransientError              may succeed later: retry with backoff
        ├── IndexUnavailableError   Elasticsearch down, overloaded (429) or timing out
        └── BrokerUnavailableError  Kafka unreachable

Codes (``SCOUT-E###``) are stable and searchable; messages say what to do.
"""

from __future__ import annotations

__all__ = [
    "ScoutError",
    "ConfigError",
    "UnreadableFileError",
    "ServiceError",
    "PermanentError",
    "InvalidPostError",
    "UnprocessableError",
    "TransientError",
    "IndexUnavailableError",
    "BrokerUnavailableError",
]


class ScoutError(Exception):
    """Root of the scout's errors. ``code`` is stable; ``str()`` starts with it."""

    code = "SCOUT-E000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        if code is not None:
            self.code = code
        self.message = message
        super().__init__(f"[{self.code}] {message}")


class ConfigError(ScoutError):
    code = "SCOUT-E001"


class UnreadableFileError(ConfigError):
    """An input file (or the rest of it) cannot be read; ``file`` names it.

    Commands that read many files report it for that file and go on with the others.
    """

    code = "SCOUT-E073"

    def __init__(self, file: str, message: str, *, code: str | None = None) -> None:
        self.file = file
        super().__init__(f"{file}: {message}", code=code)


class ServiceError(ScoutError):
    code = "SCOUT-E100"


class PermanentError(ScoutError):
    """Dead-letter the input with ``reason`` and carry on."""

    code = "SCOUT-E200"

    def __init__(self, message: str, *, reason: str, code: str | None = None) -> None:
        self.reason = reason
        super().__init__(message, code=code)


class InvalidPostError(PermanentError):
    code = "SCOUT-E201"


class UnprocessableError(PermanentError):
    """A record made a stage fail in a way no refusal names (an error the stage did not
    expect): the record is dead-lettered as ``unprocessable``, the others go on."""

    code = "SCOUT-E202"

    @classmethod
    def of(cls, exc: BaseException, *, stage: str) -> UnprocessableError:
        return cls(
            f"{stage} failed on this record: {type(exc).__name__}: {str(exc)[:500]}",
            reason="unprocessable",
        )


class TransientError(ScoutError):
    code = "SCOUT-E300"


class IndexUnavailableError(TransientError):
    code = "SCOUT-E301"


class BrokerUnavailableError(TransientError):
    code = "SCOUT-E302"
