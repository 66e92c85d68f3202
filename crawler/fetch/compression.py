"""Decompression bombs as a reason of their own.

Scrapy's HttpCompressionMiddleware stops inflating a body at
``DOWNLOAD_MAXSIZE`` and raises a bare ``IgnoreRequest``; here it is a
``DecompressionBomb`` (a ``FetchDropped``), so the errback counts it by name.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from crawler.exceptions import DecompressionBomb


class BombAwareHttpCompressionMiddleware(HttpCompressionMiddleware):
    def process_response(self, request: Request, response: Response,
                         spider: object = None) -> Request | Response:
        try:
            return super().process_response(request, response)
        except IgnoreRequest as exc:
            if isinstance(exc, DecompressionBomb):
                raise
            raise DecompressionBomb(str(exc)) from exc
