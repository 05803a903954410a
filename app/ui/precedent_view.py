"""How the Library dock shows one precedent: score, provenance, and what it shares.

A rewording shows the word diff (agreed words dropped struck out, new words underlined); a
clause quoted inside a longer paragraph (or quoting it) shows its text with the shared
passages highlighted. The pane shows the precedents in the language of the text looked up
(the pair in the other language is in `Precedent.translations`, and the CLI's JSON).
"""

from __future__ import annotations

import html

from app.library import Precedent

from .editor.agreed import diff_html


def precedent_html(item: Precedent) -> str:
    """Score, provenance, and the coloured word diff of a rewording or, for a passage quoted
    in a longer text, the clause with the shared passage highlighted."""
    if item.is_rewording:
        body = diff_html(item.diff)
    else:
        body = passages_html(item)
    return (f"<p><b>{item.rank:.0%}</b> — {html.escape(item.summary())}<br>"
            f"{body}</p>")


def passages_html(item: Precedent) -> str:
    """The clause's text, its passages shared with the paragraph highlighted."""
    text, parts, cursor = item.hit.text, [], 0
    for passage in item.passages:
        start, end = passage.clause_span
        parts.append(html.escape(text[cursor:start]))
        parts.append(f"<span style='background:#fff3b0'>{html.escape(text[start:end])}</span>")
        cursor = end
    parts.append(html.escape(text[cursor:]))
    return "".join(parts)
