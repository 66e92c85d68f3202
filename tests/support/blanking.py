"""A ``scrapy`` command whose extraction loses one labelled field on every
page: the extractor bug the template-change alarm must catch like a template
change (tests/integration/test_history_replica.py).

    python tests/support/blanking.py LABEL scrapy-args...

wraps ``crawler.extract.article.find_labels`` so that its result never holds
``LABEL`` (``author``), then runs ``scrapy scrapy-args...`` in this process.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str]) -> None:
    label, *scrapy_args = argv
    sys.path.insert(0, str(ROOT))
    import crawler.extract.article as article

    original = article.find_labels

    def without(*args: Any, **kwargs: Any) -> Any:
        found = original(*args, **kwargs)
        return {k: v for k, v in found.items() if k != label}

    article.find_labels = without  # type: ignore[assignment]
    from scrapy.cmdline import execute

    execute(["scrapy", *scrapy_args])


if __name__ == "__main__":
    main(sys.argv[1:])
