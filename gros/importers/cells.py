"""Cells as text: what a person sees in a cell, and words folded so that headers match."""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time
from typing import Any


def cell_text(value: Any) -> str:
    """A cell as the text a person would see, for exports and messages."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if not math.isfinite(value):
            return "" if math.isnan(value) else str(value)
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def trimmed(value: Any) -> str:
    """:func:`cell_text` without the spaces around it; empty for a blank cell."""
    return cell_text(value).strip()


def first(values: Sequence[Any] | None) -> Any:
    """The first non-blank of a key's column values, else None."""
    for value in values or ():
        if isinstance(value, (list, dict)) or trimmed(value):
            return value
    return None


def fold(text: Any) -> str:
    """``text`` folded for matching: no case, accents, spaces or punctuation."""
    folded = unicodedata.normalize("NFKD", str(text)).casefold()
    return "".join(c for c in folded if c.isalnum() and not unicodedata.combining(c))


def fold_index(aliases: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Each alias folded, to the key it stands for; an alias listed twice keeps its first."""
    index: dict[str, str] = {}
    for target, names in aliases.items():
        for alias in names:
            index.setdefault(fold(alias), target)
    return index


def split_items(value: Any, separators: str = ";|\n") -> list[str]:
    """Items of a list, or of text separated by ``;``, ``|`` or new lines (else commas)."""
    if isinstance(value, (list, tuple)):
        return [trimmed(v) for v in value if trimmed(v)]
    text = trimmed(value)
    if not any(s in text for s in separators):
        separators = ","
    return [part.strip() for part in re.split(f"[{re.escape(separators)}]", text)
            if part.strip()]


def quoted(names: Iterable[Any]) -> str:
    """``'a', 'b'``: names for a message, each quoted as Python would."""
    return ", ".join(repr(str(n)) for n in names)
