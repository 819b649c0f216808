"""The ``bluesky`` kind: posts of the whole network from Jetstream (websocket, JSON)."""
