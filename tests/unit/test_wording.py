from streams.wording import count_of


def test_one_is_singular_and_every_other_count_plural() -> None:
    assert count_of(1, "post") == "1 post"
    assert [count_of(n, "post") for n in (0, 2, 1000)] == ["0 posts", "2 posts", "1000 posts"]
    assert count_of(2, "reply", "replies") == "2 replies"
