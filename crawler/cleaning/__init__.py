"""Chrome stripping and text normalisation: page text to a clean record.

The public entry point is :func:`clean_document`; the rules it applies live
as data in :mod:`crawler.cleaning.rules` (line rules, per site and shared) and
:mod:`crawler.cleaning.spam` (injected SEO spam).
"""

from crawler.cleaning.core import CleanResult, clean_document, detect_site
from crawler.cleaning.script import SCRIPTS

__all__ = ["SCRIPTS", "CleanResult", "clean_document", "detect_site"]
