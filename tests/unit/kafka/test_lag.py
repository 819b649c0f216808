from streams.kafka.lag import TopicOffsets, consumer_lag


def test_lag_is_end_minus_commit_and_uncommitted_partitions_count_from_earliest() -> None:
    offsets = TopicOffsets(earliest={0: 0, 1: 5, 2: 0}, latest={0: 10, 1: 9, 2: 0})
    assert consumer_lag(offsets, {0: 7}) == {0: 3, 1: 4, 2: 0}


def test_a_commit_below_the_retained_offsets_counts_only_what_is_left() -> None:
    offsets = TopicOffsets(earliest={0: 50}, latest={0: 60})
    assert consumer_lag(offsets, {0: 10}) == {0: 10}
    assert consumer_lag(offsets, {0: 60}) == {0: 0}


def test_messages_retained_and_a_missing_topic() -> None:
    assert TopicOffsets(earliest={0: 2, 1: 0}, latest={0: 5, 1: 4}).messages == 7
    assert TopicOffsets().messages == 0
    assert consumer_lag(TopicOffsets(), {}) == {}
