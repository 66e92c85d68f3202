"""``DurabilityBarrier``: what waits for the output lines written so far to
be on disk.

The exporter fsyncs in groups (every ``FEED_FSYNC_LINES`` lines or
``FEED_FSYNC_SECONDS``) instead of after every line; what must only happen
once a record's line is durable (marking it seen, settling it in the
frontier) is handed to ``after_sync`` and runs at the next fsync. A kill in
between loses only marks, never lines the state claims: the reconciliation
at start records lines that reached the disk unmarked, and an article whose
line was lost is neither seen nor settled, so it is fetched again.

What must be durable *no later* than the lines (the dedupe index: a line on
disk whose document the index forgot would let a later copy of it through)
is handed to ``before_sync`` and runs just before the next fsync, so many
records share one transaction.

With more than one durable output a mark would have to wait for all of them;
then each line is synced as it is written (``buffering`` off).
"""

from __future__ import annotations

from collections.abc import Callable


class DurabilityBarrier:
    def __init__(self) -> None:
        self.syncs: list[Callable[[], None]] = []  # each grouped output's "fsync now"
        self.waiting: list[Callable[[], None]] = []
        self.preparing: list[Callable[[], None]] = []

    @property
    def buffering(self) -> bool:
        return len(self.syncs) == 1

    def register(self, sync: Callable[[], None]) -> None:
        self.syncs.append(sync)

    def unregister(self, sync: Callable[[], None]) -> None:
        if sync in self.syncs:
            self.syncs.remove(sync)

    def flush(self) -> None:
        """Sync every grouped output now (at close), running what waits."""
        self.syncing()
        for sync in list(self.syncs):
            sync()
        self.synced()

    def before_sync(self, action: Callable[[], None]) -> None:
        """Run ``action`` before the lines written so far are synced (once per
        sync however often it is asked for)."""
        if not self.buffering:
            action()
        elif action not in self.preparing:
            self.preparing.append(action)

    def syncing(self) -> None:
        """Called by a grouped output just before its fsync."""
        actions, self.preparing = self.preparing, []
        for action in actions:
            action()

    def after_sync(self, action: Callable[[], None]) -> None:
        """Run ``action`` once the lines written so far are durable."""
        if self.buffering:
            self.waiting.append(action)
        else:
            action()  # no grouped output: each line was synced as it was written

    def synced(self) -> None:
        actions, self.waiting = self.waiting, []
        for action in actions:
            action()
