"""Alert matching for each indexed micro-batch.

``alerts_for_batch`` = ``match_batch`` (one ``_msearch`` of every enabled instant rule over
the batch's documents) -> dedup values (:mod:`.dedup`, :mod:`.stories`) -> ``Alert``
records -> ``AlertClaims.claim`` (create-only documents in ``<prefix>-alert-state``:
exactly one alert per rule, dedup value and throttle window, across restarts).
:class:`Outbox` publishes again the claimed alerts a dead worker never sent.
"""

from streams.alerts.matching.claims import STATE_MAPPING, AlertClaims, state_index_name
from streams.alerts.matching.dedup import (
    alert_id,
    dedup_value,
    first_url,
    normalize_url,
    story_fingerprint,
    story_tokens,
    throttle_bucket,
)
from streams.alerts.matching.errors import RejectedRule
from streams.alerts.matching.outbox import Outbox
from streams.alerts.matching.pipeline import BatchAlerts, alert_post, alerts_for_batch
from streams.alerts.matching.rules import RuleCache, rules_index_name
from streams.alerts.matching.search import Matches, instant_rules, match_batch
from streams.alerts.matching.stories import STORY_JACCARD, StoryCandidate, cluster

__all__ = [
    "STATE_MAPPING",
    "STORY_JACCARD",
    "AlertClaims",
    "BatchAlerts",
    "Matches",
    "Outbox",
    "RejectedRule",
    "RuleCache",
    "StoryCandidate",
    "alert_id",
    "alert_post",
    "alerts_for_batch",
    "cluster",
    "dedup_value",
    "first_url",
    "instant_rules",
    "match_batch",
    "normalize_url",
    "rules_index_name",
    "state_index_name",
    "story_fingerprint",
    "story_tokens",
    "throttle_bucket",
]
