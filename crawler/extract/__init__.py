"""Article extraction: page bytes to the whole seed record.

``extract_article(html, url)`` is the one call; ``crawler.extract.pages`` wraps
it as page objects for the spiders.
"""

from crawler.extract.article import Extraction, extract, extract_article
from crawler.extract.decode import ExtractionError, decode_body

__all__ = ["Extraction", "ExtractionError", "decode_body", "extract", "extract_article"]
