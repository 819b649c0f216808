from pathlib import Path

from streams.cli.config import settings_table

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_starts_with_the_two_commands() -> None:
    commands = [
        line.split("#")[0].strip()
        for line in README.read_text().splitlines()[:6]
        if line.startswith("make ")
    ]
    assert commands == ["make sample", "make test"]


def test_readme_settings_table_matches_the_settings_model() -> None:
    text = README.read_text()
    start = text.index("<!-- settings:start -->\n") + len("<!-- settings:start -->\n")
    end = text.index("<!-- settings:end -->")
    assert text[start:end] == settings_table(), "regenerate with `scout config --markdown`"
