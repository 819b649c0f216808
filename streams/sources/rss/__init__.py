"""The ``rss`` kind: RSS 2.0 / RSS 1.0 / Atom feeds polled with conditional GET."""
