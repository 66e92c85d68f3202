"""Local replicas of the three news sites (an HTTP forward proxy on 127.0.0.1).

See :class:`crawler.replica.server.Replica` and ``scrapy replica --port N``.
"""

from crawler.replica.faults import FAULTS
from crawler.replica.server import Replica

__all__ = ["FAULTS", "Replica"]
