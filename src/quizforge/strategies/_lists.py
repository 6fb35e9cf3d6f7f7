"""What the list strategies share: a list's items as mark-scheme points, and a condition's name and value."""

from __future__ import annotations

import re

from ..model import ItemList, Topic
from ._text import normalise

VALUE = re.compile(r"(?P<name>[A-Za-z][\w ]{0,30}?)\s+(?:is|of|=|:|at)\s+(?P<value>[~≈]?\d.*)")
PLACE = re.compile(r"^(?:the )?(?:optimum |optimal |ideal |reaction )?(?:\w+ ){0,2}?(?:for|in|of|used in|needed for|"
                   r"needed in|used for)\s+(?P<place>.+)$", re.IGNORECASE)


def item_text(text: str) -> str:
    """An item as a mark-scheme line: 'Pressure is 200 atm' (without the full stop a list item does not need)."""
    return " ".join(text.split()).rstrip(".")


def list_source(item_list: ItemList) -> str:
    return f"list:{item_list.id}"


def place(item_list: ItemList) -> str:
    """What the list is for, as it reads after 'used in': 'Conditions for the Haber process' -> 'the Haber process'."""
    match = PLACE.match(item_list.title.strip().rstrip(".:"))
    return match["place"].strip() if match else ""


def condition_of(name: str, topic: Topic) -> tuple[ItemList, str, str] | None:
    """The list item that names ``name`` ('Pressure' in 'Pressure is 200 atm'): (its list, the item's id, its value)."""
    key = normalise(name)
    for item_list in topic.lists:
        for item in item_list.items:
            text = item_text(item.text)
            match = VALUE.fullmatch(text)
            if match and normalise(match["name"]) == key:
                return item_list, item.id, match["value"].strip()
            if normalise(text) == key:
                return item_list, item.id, ""
    return None
