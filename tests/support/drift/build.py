"""Write the drift corpus: ``python -m tests.support.drift.build [family ...]``."""

from __future__ import annotations

import importlib
import pkgutil
import sys

from tests.support.drift import common


def family_modules() -> list[str]:
    import tests.support.drift as pkg

    return sorted(m.name for m in pkgutil.iter_modules(pkg.__path__)
                  if m.name not in {"common", "build"} and not m.name.startswith("_"))


def main(argv: list[str]) -> int:
    names = argv or family_modules()
    total = 0
    for name in names:
        module = importlib.import_module(f"tests.support.drift.{name}")
        fixtures = list(module.pages())
        common.write(fixtures)
        print(f"{module.FAMILY}: {len(fixtures)} page(s)")
        total += len(fixtures)
    print(f"{total} page(s) in {common.DRIFT_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
