"""Readable comparison of two versions: items added, removed or reworded, per section."""

from difflib import SequenceMatcher

SIMILAR = 0.5  # two items this similar count as one item reworded, not one removed and one added


def compare(before: dict[str, list[str]], after: dict[str, list[str]]) -> list[dict]:
    """Sections that differ, each as {"section", "added", "removed", "reworded": [[old, new]]}."""
    result = []
    for section in list(dict.fromkeys([*before, *after])):
        old, new = before.get(section, []), after.get(section, [])
        if old == new:
            continue
        change = {"section": section, "added": [], "removed": [], "reworded": []}
        for tag, i1, i2, j1, j2 in SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
            if tag == "equal":
                continue
            removed, added = old[i1:i2], new[j1:j2]
            for item in list(removed):
                match = max(added, key=lambda a, item=item: _ratio(item, a), default=None)
                if match is not None and _ratio(item, match) >= SIMILAR:
                    change["reworded"].append([item, match])
                    removed.remove(item)
                    added.remove(match)
            change["removed"] += removed
            change["added"] += added
        result.append(change)
    return result


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(a=a, b=b, autojunk=False).ratio()
