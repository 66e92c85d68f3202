"""Keeping debugging and demo runs out of the state a scheduled crawl relies on.

A run that only looks (``scrapy parse``, ``scrapy shell``) or that crawls a
stand-in of the sites (the replica through ``http_proxy`` on this machine)
must not mark articles exported in the default ``STATE_DIR``: the next real
crawl would skip them. Such runs get a state of their own unless the user
names one with ``-s STATE_DIR=…``.
"""

from __future__ import annotations

import ipaddress
import os
import sys
import tempfile
from urllib.parse import urlsplit

from scrapy.settings import SETTINGS_PRIORITIES, Settings

from crawler.state import state_dir


def explicit_state(settings: Settings) -> bool:
    return (settings.getpriority("STATE_DIR") or 0) >= SETTINGS_PRIORITIES["cmdline"]


def throwaway_state(settings: Settings, command: str) -> None:
    """A temporary STATE_DIR for a run that only looks, unless one is given."""
    if explicit_state(settings):
        return
    path = tempfile.mkdtemp(prefix=f"crawler-{command}-")
    settings.set("STATE_DIR", path, priority="cmdline")
    print(f"{command}: state in {path} (not the crawls' STATE_DIR; -s STATE_DIR=… to choose)",
          file=sys.stderr)


def local_proxy() -> str | None:
    """The http(s) proxy of the environment when it is on this machine."""
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"):
        value = os.environ.get(name)
        if not value:
            continue
        host = urlsplit(value if "://" in value else f"http://{value}").hostname or ""
        try:
            if host == "localhost" or ipaddress.ip_address(host).is_loopback:
                return value
        except ValueError:
            continue
    return None


def proxy_state(settings: Settings, command: str) -> None:
    """Crawling through a proxy on this machine (the replica, most likely)
    without an explicit STATE_DIR: the state goes to STATE_DIR/via-local-proxy."""
    proxy = local_proxy()
    if proxy is None or explicit_state(settings):
        return
    path = state_dir(settings, "via-local-proxy")
    settings.set("STATE_DIR", str(path), priority="cmdline")
    print(f"{command}: crawling through {proxy} (a local stand-in?): state in {path}, "
          "not the default STATE_DIR (-s STATE_DIR=… to choose; rm -r it to forget)",
          file=sys.stderr)
