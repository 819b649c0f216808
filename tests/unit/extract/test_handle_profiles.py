"""A handle's display name says person or organisation (``models.ner_tweets.profiles``)."""

import pytest

from models.ner_tweets.profiles import Profile, profile_label


@pytest.mark.parametrize(
    "name",
    [
        "Northwind Traders Inc.",
        "Contoso News",
        "Riverside United FC",
        "Fabrikam Official",
        "Tailspin Toys Ltd",
        "Woodgrove Bank",
        "Lakeside University",
        "Globex Careers",
    ],
)
def test_a_name_with_an_organisation_word_is_an_org(name: str) -> None:
    assert profile_label(Profile(name=name)) == "ORG"


@pytest.mark.parametrize(
    "name",
    [
        "Maria Fernandez",
        "Tim Cook",
        "Dr. Sarah O'Neil",
        "Anna María López",
        "Steve Jobs",
        "Jane Doe Official",  # her own account: only an account word besides the name
        "David Smith 🚀",
    ],
)
def test_a_first_and_last_name_is_a_person(name: str) -> None:
    assert profile_label(Profile(name=name, verified=True)) == "PERSON"


@pytest.mark.parametrize(
    "name",
    ["", "Nimbus", "ACME", "just vibes 24/7", "Jordan", "sunny side up", "Maria"],
)
def test_a_name_that_says_neither_decides_nothing(name: str) -> None:
    assert profile_label(Profile(name=name)) is None


def test_a_first_name_before_an_organisation_word_is_an_org() -> None:
    assert profile_label(Profile(name="Jordan Capital Partners")) == "ORG"


def test_no_profile_decides_nothing() -> None:
    assert profile_label(None) is None
    assert profile_label(Profile(verified=True)) is None
