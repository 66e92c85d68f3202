"""The Redis backend against a real ``redis-server`` started for the test
(the ``redis_url`` fixture, tests/conftest.py)."""

from __future__ import annotations

import pytest

from crawler.dedupe import DedupeConfig, Deduper, Doc, ParamsMismatch, open_store
from testkit.synth import Writer


def config(url: str, prefix: str = "t:", **kw: object) -> DedupeConfig:
    return DedupeConfig(backend="redis", redis_url=url, redis_prefix=prefix, **kw)  # type: ignore[arg-type]


def test_redis_stages_and_restart(redis_url: str) -> None:
    w = Writer(11)
    texts = [w.article() for _ in range(20)]
    mirrors = [w.mirror(w.truncated(t)) for t in texts[:5]]

    def run(cfg: DedupeConfig) -> list[str | None]:
        d = Deduper(cfg, open_store(cfg))
        docs = [Doc(f"{i:016x}", f"http://fissico.com/html/xw/{i}.html", t)
                for i, t in enumerate(texts)]
        docs += [Doc(f"{100 + i:016x}", None, m) for i, m in enumerate(mirrors)]
        out = [v.stage for v in d.check_many(docs)]
        d.close()
        return out

    first = run(config(redis_url))
    assert first == [None] * 20 + ["near"] * 5
    # Another process (a new store) sees everything: nothing new the second time.
    assert run(config(redis_url)) == ["url"] * 20 + ["near"] * 5
    # Another prefix is another namespace.
    assert run(config(redis_url, prefix="other:")) == first

    import redis

    keys = sorted(k.decode() for k in redis.Redis.from_url(redis_url).keys("*"))
    assert keys and all(k.startswith(("t:", "other:")) for k in keys)


def test_redis_params_mismatch(redis_url: str) -> None:
    open_store(config(redis_url)).close()
    with pytest.raises(ParamsMismatch):
        open_store(config(redis_url, num_perm=64, bands=16))


def test_redis_mark_first_id(redis_url: str) -> None:
    text = Writer(12).article()
    d = Deduper(config(redis_url), open_store(config(redis_url)))
    d.check(Doc("a" * 16, None, text))
    v = d.check(Doc("b" * 16, None, text))
    assert (v.stage, v.first_id) == ("exact", "a" * 16)
