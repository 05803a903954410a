"""Named layers of QTextEdit extra selections, so several features can paint over the text.

`QTextEdit.setExtraSelections` replaces the whole list: a feature that called it directly would
wipe another's marks. Each feature owns a layer (e.g. "annotations" under "find"); layers are
combined in the order of `LAYER_ORDER` (later ones paint on top), unknown names last.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

#: Bottom to top.
LAYER_ORDER = ("annotations", "brackets", "spelling", "find")

_ATTRIBUTE = "_concordia_selection_layers"


def set_layer(edit: QTextEdit | QPlainTextEdit, name: str, selections: list) -> None:
    layers: dict[str, list] = getattr(edit, _ATTRIBUTE, None) or {}
    layers[name] = list(selections)
    setattr(edit, _ATTRIBUTE, layers)
    order = sorted(layers, key=lambda key: LAYER_ORDER.index(key) if key in LAYER_ORDER else len(LAYER_ORDER))
    edit.setExtraSelections([item for key in order for item in layers[key]])


def layer(edit: QTextEdit | QPlainTextEdit, name: str) -> list:
    return list((getattr(edit, _ATTRIBUTE, None) or {}).get(name, []))
