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


@pytest.mark.parametrize(
    "bio",
    [
        "The official account of Northwind Traders. Questions? Contact us anytime.",
        "We are a small team building analytics for retailers",
        "Fresh retail data. We help store owners price better.",
        "Breaking news and analysis from the chip industry",
        "Official Twitter page for the Riverside Marathon",
    ],
)
def test_a_bio_in_an_organisations_voice_is_an_org_when_the_name_says_nothing(bio: str) -> None:
    assert profile_label(Profile(name="nwt", description=bio)) == "ORG"


@pytest.mark.parametrize(
    "bio",
    [
        "Reporter at the Daily Planet. Views are my own.",
        "Dad, runner, I trade options for fun",
        "Co-founder of Fabrikam. she/her",
        "I'm a chip nerd and I write about semis",
    ],
)
def test_a_bio_in_a_persons_voice_is_a_person_when_the_name_says_nothing(bio: str) -> None:
    assert profile_label(Profile(name="skyline77", description=bio)) == "PERSON"


def test_the_name_decides_before_the_bio_and_a_mixed_bio_decides_nothing() -> None:
    # "Founder and CEO of ... We help ..." speaks both ways
    mixed = "Founder and CEO of Contoso Research. We help investors read the tape."
    assert profile_label(Profile(name="cr", description=mixed)) is None
    assert profile_label(Profile(name="Maria Fernandez", description="We are Contoso")) == (
        "PERSON"
    )
    assert profile_label(Profile(name="!!", description="stocks, charts and more")) is None


def test_a_quoted_we_are_is_no_organisations_voice() -> None:
    bio = "We are what we repeatedly do. Excellence is a habit. - Aristotle"
    assert profile_label(Profile(name="rosie_r", description=bio)) is None
