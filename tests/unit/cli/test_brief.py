from streams.brief import BriefLimits
from streams.cli.brief import BRIEF_MIN_SIGNAL


def test_the_cli_default_signal_is_the_brief_default() -> None:
    assert BriefLimits().min_signal == BRIEF_MIN_SIGNAL
