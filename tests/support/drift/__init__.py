"""Generators of the drift corpus (tests/fixtures/drift): one module per CMS family.

Each family module defines ``FAMILY`` (its folder name) and ``pages()``, which
yields :class:`tests.support.drift.common.Fixture` objects. ``python -m
tests.support.drift.build`` writes them all (deterministically) under
tests/fixtures/drift/.
"""
