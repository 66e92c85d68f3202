"""Local replicas of the three news sites: an HTTP forward proxy on 127.0.0.1.

A test double and demo server, not part of the crawler (it imports nothing from
``crawler``). It follows what is known of the real sites (shared/SITES.md), not
what the crawler assumes. Run it in-process with :class:`Replica` or as
``scrapy replica --port N [--articles K [--base B]]``; point ``http_proxy`` at it.

URL schemes
    shanxidayuan  ``http://www.shanxidayuan.com/gsyl/<column>/<id>.html``, one id
                  sequence per column; listings ``/gsyl/<column>/``, ``list_2.html`` …
    fissico       ``http://fissico.com/html/<section>/<column>/<id>.html`` (``xw/dzyw``,
                  ``xw/jjgz``, ``xw/gxdt``, ``ly/kbmj``, ``ly/jpxl``, ``ly/lyzx``, ``zx/lyzx`` …),
                  ONE id sequence across all columns rising with date; DedeCMS
                  listings ``/html/<s>/<c>/``, ``list_<tid>_<n>.html``; section pages
                  ``/html/<s>/``; home ``/``.
    sxnews        current (mid 2019 on): ``http://<host>.sxrb.com/GB/<node>[/<node>…]/<id>.html``
                  on news., xz., yc., photo., special.; ids 9.4-10.3 million rising
                  with date across hosts; listings ``/GB/<node>/index.html``,
                  ``index2.html`` …; homes ``/GB/index.html``; a Traditional big5 copy
                  of every GB page at ``/BIG5/<same path>`` (the same article: the
                  truth names only the GB URL). Old (2017 - mid 2019):
                  ``http://{www,news}.sxrb.com/sxxww/<path>/<channel>/<7-digit id>.shtml``
                  and ``sz.sxrb.com/sxxww/dspd/szpd/bwch/``; listings ``index.shtml``,
                  ``index_2.shtml`` …; old home ``http://www.sxrb.com/``.
    The five seed pages are served at their own URLs, as the seeds show them.
    Articles split over pages (``generator.MULTIPAGE_SHARE``, 2-6 pages): fissico's
    DedeCMS ``<id>_2.html`` … with a ``ul.pagelist`` pager, Shanxi News GB
    ``<id>-2.html`` … with links in the ``div.zdfy`` page-split zone; photo.sxrb.com
    galleries of one photo a page. The truth is one record each, under the first URL.

Template families (drawn per article, deterministically; see ``pages``)
    shanxidayuan  theme0/theme1/theme2 (current theme), dede, pboot, phpcms
    fissico       kbcmw_a/kbcmw_b (current layouts), dede_default, dede_table
    sxnews        pd2023, pd2019, photo, special (GB pages), sxxww (old; original
                  and spam-mirror variants)
    Articles vary in related lists (titles and dates of other articles), images
    with captions and credits, subheads, lists, ads, share bars; GB pages carry
    a today's-date widget.

Growth and template switches (a live site over time)
    ``Replica(articles=N, base=B)`` / ``--articles N --base B`` serves the
    replica of B articles plus N-B grown ones, newer than all of B (an hour
    apart, on the current schemes, heading the listings): raising N with the
    same B keeps every URL, id, text and date; ``POST grow`` adds more at run
    time. The ``template_switch`` fault (``site=``, ``from=`` a date/time or an
    article index) renders a site's articles from then on in the family
    ``rongmei``, which none of the site descriptions' selectors knows, with
    a date-only info line; their truth follows the page (``faults``,
    ``generator.switched``).

Ground truth
    Each article is built once from pieces that carry both their clean and their
    shown text (``generator``); the HTML prints the shown forms and the record is
    made from the clean forms of the same pieces, by the rules of
    tests/fixtures/drift/README.md.

Control API (``http://127.0.0.1:N/_replica/...``)
    ``GET info``, ``GET truth?site=S`` (NDJSON records), ``GET urls?site=S``,
    ``POST grow?site=S&n=K``, ``POST mutate {url, action: change|delete, status}``,
    ``GET|POST faults {name, url?, site?, rate?, …params}`` (``name=clear`` clears;
    ``{"name": "template_switch", "site": "sxnews", "from": "2026-01-02T08:00"}``).
"""

from replica.faults import FAULTS
from replica.server import Replica

__all__ = ["FAULTS", "Replica"]
