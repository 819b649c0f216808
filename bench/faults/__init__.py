"""The fault suite (issue 12, point 9): hostile records, kill -9 loops, Elasticsearch and
receiver outages against the real Kafka, Elasticsearch and ``scout worker`` processes.

Run ``python -m bench.faults`` (``--help`` for the scenarios and their lengths). It prints,
per scenario: input, indexed, dead-lettered, lost, duplicate documents, alerts
expected/received/duplicated, recovery time and the worker's peak RSS.

Modules: ``records`` (the seeded hostile-record generator, pure), ``services`` (a TCP proxy
and a webhook receiver that can be cut or answer 500), ``rig`` (worker processes, publishing
and the exact accounting), ``scenarios`` (the four runs) and ``__main__`` (the command).
"""
