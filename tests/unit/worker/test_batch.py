import json

from streams.worker.batch import RawMessage, plan_batch


def _msg(value: bytes, offset: int) -> RawMessage:
    return RawMessage(value=value, topic="posts.raw", partition=0, offset=offset, key=b"k")


def test_plan_keeps_order_of_valid_posts_and_dead_letters_the_rest() -> None:
    messages = [
        _msg(json.dumps({"id": "1", "text": "first"}).encode(), 0),
        _msg(b"{oops", 1),
        _msg(json.dumps({"id": "2", "text": "second"}).encode(), 2),
        _msg(json.dumps({"id": "3", "text": ""}).encode(), 3),
    ]
    plan = plan_batch(messages, max_message_bytes=10_000, max_text_chars=100)
    assert [p.id for p in plan.posts] == ["1", "2"]
    assert [(d.offset, d.reason) for d in plan.dead] == [(1, "malformed_json"), (3, "empty_text")]
    assert plan.dead[0].source_topic == "posts.raw"
