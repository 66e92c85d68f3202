"""Fetching: how the crawl treats servers that fail, throttle or challenge it
(downloader middlewares) and how every failed request is named and counted."""
