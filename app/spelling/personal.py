"""The user's own word list ("Add to Dictionary"): one word a line, in the user data folder.

Shared by every draft and both languages; written atomically, so a crash never leaves half
a list. A list that cannot be read or written is treated as empty: spelling is a help, never
a reason to lose the user's text or stop the window.
"""

from __future__ import annotations

from pathlib import Path

from app.atomic import replace_file
from app.log import user_data_folder

FILE_NAME = "personal-words.txt"


def default_path() -> Path:
    return user_data_folder() / "spelling" / FILE_NAME


class PersonalDictionary:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self._words: set[str] | None = None
        self._lower: set[str] | None = None     # the lower-case entries, which match any case

    @property
    def words(self) -> set[str]:
        if self._words is None:
            try:
                text = self.path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                text = ""
            self._words = {line.strip() for line in text.splitlines() if line.strip()}
        return self._words

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and (word in self.words or word.casefold() in self._folded())

    def _folded(self) -> set[str]:
        if self._lower is None:
            self._lower = {word.casefold() for word in self.words if word.islower()}
        return self._lower

    def add(self, word: str) -> bool:
        """Add a word and write the list; False if it could not be written (it is kept in
        memory for this session all the same)."""
        word = word.strip()
        if not word or word in self.words:
            return True
        self.words.add(word)
        self._lower = None
        content = "".join(item + "\n" for item in sorted(self.words, key=str.casefold))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            replace_file(self.path, lambda temp: temp.write_text(content, encoding="utf-8"))
        except OSError:
            return False
        return True
