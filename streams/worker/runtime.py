"""Everything the worker needs, built once at start-up and injected into the agents."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from elasticsearch import AsyncElasticsearch

from streams.extract import load_ner, model_label
from streams.index.client import make_async_client
from streams.index.sink import BulkSink
from streams.settings import Settings


@dataclass
class Runtime:
    settings: Settings
    nlp: Any
    model: str
    es: AsyncElasticsearch
    sink: BulkSink
    executor: ThreadPoolExecutor

    @classmethod
    def build(cls, settings: Settings) -> Runtime:
        nlp = load_ner(settings.spacy_model)
        es = make_async_client(settings)
        return cls(
            settings=settings,
            nlp=nlp,
            model=model_label(nlp),
            es=es,
            sink=BulkSink(es, settings.posts_alias),
            executor=ThreadPoolExecutor(
                max_workers=settings.nlp_threads, thread_name_prefix="spacy"
            ),
        )

    async def close(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        await self.es.close()
