"""Built-in sample posts, written by the Signal Scout team for demos and tests."""
