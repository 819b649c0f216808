"""The ``mastodon`` kind: a hashtag or public timeline over server-sent events, with REST
catch-up after every (re)connect; ``update``, ``delete`` and ``status.update`` handled."""
