"""The ``x`` kind: the X API v2 filtered stream, its rules made from the watch lists.

config.py   XConfig: limits of the rules, stall timeout, backfill_minutes
rules.py    watch lists -> rule terms -> rules within the limits; the sync plan (pure)
api.py      the rules endpoints and the stream request (bearer token), X's errors
stream.py   newline-delimited JSON lines read with a stall timeout -> Post dicts
source.py   XSource: sync the rules, stream, reconnect with backoff
"""
