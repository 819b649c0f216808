"""Small hand-written watch lists for the tests (no shared data)."""

from __future__ import annotations

from pathlib import Path

COMPANIES_CSV = """\
id,name,aliases,tickers,handles,domains,products,competitor,sector
company:MSFT,Microsoft,Microsoft Corporation,MSFT,@Microsoft,microsoft.com,Azure|Xbox,true,Tech
company:TGT,Target Corporation,Target,TGT,@Target,target.com,,false,Retail
company:BBY,Best Buy,"Best Buy Co., Inc.",BBY,,,,false,Retail
company:BAC,Bank of America,,BAC,,,,false,Financials
company:WMB,Williams Companies,Williams,WMB,,,,false,Energy
company:WSM,Williams-Sonoma,Williams,WSM,,,,false,Retail
company:IBM,IBM,International Business Machines,IBM,,,,false,Tech
"""

PEOPLE_YAML = """\
people:
  - name: Satya Nadella
    aliases: [Nadella]
    handles: ["@satyanadella"]
    company: company:MSFT
    role: executive
  - name: Kari Nordmann
    role: analyst
"""

TOPICS_YAML = """\
topics:
  - id: topic:ai
    name: Artificial intelligence
    keywords: [AI, kunstig intelligens]
"""

MA_YAML = """\
targets:
  - company: Target
    note: test
"""

WORDS_TXT = "# common words\ntarget\nbest\nbuy\nbank\nof\namerica\n"


def write_watchlist(directory: Path, **overrides: str) -> Path:
    """Write the default test files, replacing or adding files given by name."""
    files = {
        "companies.csv": COMPANIES_CSV,
        "people.yaml": PEOPLE_YAML,
        "topics.yaml": TOPICS_YAML,
        "ma_targets.yaml": MA_YAML,
        "ambiguous_words.txt": WORDS_TXT,
        **overrides,
    }
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory
