"""Everything the worker needs, built once at start-up and injected into the agents."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from elasticsearch import AsyncElasticsearch

from streams.enrich.build import build_enricher
from streams.enrich.enricher import Enricher
from streams.index.client import make_async_client
from streams.index.sink import BulkSink
from streams.settings import Settings


@dataclass
class Runtime:
    settings: Settings
    enricher: Enricher
    es: AsyncElasticsearch
    sink: BulkSink
    executor: ThreadPoolExecutor

    @classmethod
    def build(cls, settings: Settings) -> Runtime:
        es = make_async_client(settings)
        return cls(
            settings=settings,
            enricher=build_enricher(settings),
            es=es,
            sink=BulkSink(es, settings.posts_alias),
            executor=ThreadPoolExecutor(
                max_workers=settings.nlp_threads, thread_name_prefix="spacy"
            ),
        )

    async def close(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        await self.es.close()
