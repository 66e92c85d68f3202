"""``scrapy report``'s numbers (``stats``) and page (``render``); the command
(reading inputs, writing the page) is ``crawler.commands.report``."""

from crawler.report.render import render
from crawler.report.stats import Corpus

__all__ = ["Corpus", "render"]
