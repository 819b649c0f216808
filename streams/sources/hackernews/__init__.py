"""The ``hackernews`` kind: new stories through the official Hacker News API."""
