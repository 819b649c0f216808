"""The stream worker: posts.raw -> normalize -> entities -> Elasticsearch."""
