"""Traditional/Simplified handling with OpenCC.

Two uses: ``convert`` applies the ``TEXT_SCRIPT`` choice to output fields, and
``both_scripts`` widens a rule pattern written in Simplified so that it also
matches the Traditional pages the mirrors serve (``时间`` -> ``[时時][间間]``).
Rules are thus written once, in one script, and hold for either.
"""

from __future__ import annotations

from functools import cache

import opencc

SCRIPTS = ("keep", "hans", "hant")
_OPENCC_CONFIG = {"hans": "t2s", "hant": "s2t"}


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def convert(text: str, script: str) -> str:
    """``text`` in the asked script; ``keep`` returns it unchanged."""
    if script == "keep" or not text:
        return text
    return str(_converter(_OPENCC_CONFIG[script]).convert(text))


def check_script(script: str) -> str:
    if script not in SCRIPTS:
        raise ValueError(f"TEXT_SCRIPT must be one of {', '.join(SCRIPTS)}, not {script!r}")
    return script


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


@cache
def _variants(ch: str) -> str:
    forms = {ch, convert(ch, "hans"), convert(ch, "hant")}
    return "".join(sorted(f for f in forms if len(f) == 1))


def both_scripts(pattern: str) -> str:
    """A regex accepting each CJK literal of ``pattern`` in either script.

    Characters inside ``[...]`` gain their variants in place; outside, a
    character with variants becomes a class. Escapes are copied as they are.
    """
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        if _is_cjk(ch):
            forms = _variants(ch)
            out.append(forms if in_class or len(forms) == 1 else f"[{forms}]")
        else:
            out.append(ch)
        i += 1
    return "".join(out)
