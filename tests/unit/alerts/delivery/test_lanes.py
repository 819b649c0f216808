"""The delivery schedule, lanes and the dead letters the queue writes (no network)."""

from __future__ import annotations

import json
import random

from models.alerts import Channel
from models.dead_letter import DeadLetter
from streams.alerts.delivery import dead_letter_alert
from streams.alerts.delivery.lanes import Schedule
from streams.alerts.delivery.queue import item_id, lane_of
from streams.alerts.delivery.redeliver import dead_alerts
from tests.unit.alerts.delivery.support import NOW, SLACK_URL, make_alert


def test_backoff_doubles_from_the_base_up_to_the_cap_with_jitter() -> None:
    schedule = Schedule(base_s=0.5, cap_s=30.0)
    rng = random.Random(7)
    for failures, top in [(1, 0.5), (2, 1.0), (3, 2.0), (6, 16.0), (7, 30.0), (500, 30.0)]:
        delays = [schedule.delay(failures, rng) for _ in range(200)]
        assert all(top / 2 <= d <= top for d in delays), (failures, min(delays), max(delays))
        assert max(delays) - min(delays) > top / 4  # jittered, so workers do not march in step


def test_two_channels_on_one_host_are_two_lanes_and_the_url_is_not_in_the_lane() -> None:
    a = Channel(type="slack", url=SLACK_URL)
    b = Channel(type="slack", url=SLACK_URL.replace("XXXX", "YYYY"))
    assert lane_of(a) != lane_of(b)
    assert lane_of(a).startswith("slack:hooks.slack.com#")
    assert "SECRET" not in lane_of(a)
    assert lane_of(a) == lane_of(Channel(type="slack", url=SLACK_URL))  # stable
    assert item_id("r:1", lane_of(a)) == f"r:1:{lane_of(a)}"


def test_a_letter_written_at_the_horizon_counts_every_attempt_and_names_its_lane() -> None:
    channel = Channel(type="slack", url=SLACK_URL)
    raw = dead_letter_alert(
        make_alert(), channel, [], clock=lambda: NOW, tried=41, note="still failing after 6h"
    )
    letter = DeadLetter.model_validate_json(raw)
    assert letter.reason == "delivery_exhausted"
    assert "after 41 attempt(s): still failing after 6h" in letter.detail
    assert json.loads(letter.payload)["lane"] == lane_of(channel)


def test_replay_reads_delivery_letters_latest_per_alert_and_channel_filtered() -> None:
    channel = Channel(type="slack", url=SLACK_URL)
    old = dead_letter_alert(make_alert(), channel, [], clock=lambda: NOW.replace(hour=1))
    new = dead_letter_alert(make_alert(), channel, [], clock=lambda: NOW)
    other = DeadLetter(
        reason="malformed_json", detail="x", code="SCOUT-E001", stage="normalize",
        payload="{", failed_at=NOW,
    ).model_dump_json().encode()  # fmt: skip
    found = dead_alerts([old, b"not json", other, new])
    assert len(found) == 1
    assert found[0].failed_at == NOW
    assert found[0].lane == lane_of(channel)
    assert found[0].alert.alert_id == "ma-deals:abc123"
    assert dead_alerts([old, new], since=NOW.replace(hour=13)) == []
    assert dead_alerts([old, new], rule="another-rule") == []
    assert len(dead_alerts([old, new], rule="ma-deals")) == 1
