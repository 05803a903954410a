"""Sub-commands of the `concordia` command line, one module per group.

Each module has `register(subparsers)`, which adds its parser(s) and sets `handler` to a
function taking the parsed arguments and returning an exit code.
"""

COMMAND_MODULES = [
    "app.commands.show",
    "app.commands.importing",
    "app.commands.export",
    "app.commands.version",
    "app.commands.compare",
    "app.commands.library",
    "app.commands.annotations",
    "app.commands.brackets",
    "app.commands.parties",
    "app.commands.check",
    "app.commands.backup",
    "app.commands.language",
]

#: The modules that register each command (and those that add options to it), so that a
#: command builds its own parser alone (building all of them costs a short command a tenth
#: of its time); a test checks that each gets the very parser the whole line has.
COMMAND_OF_NAME: dict[str, tuple[str, ...]] = {
    "show": ("app.commands.show",),
    "import": ("app.commands.importing", "app.commands.version"),   # --as-version
    "export": ("app.commands.export",),
    "version": ("app.commands.version",),
    "compare": ("app.commands.compare",),
    "library": ("app.commands.library",),
    "comment": ("app.commands.annotations",),
    "reservation": ("app.commands.annotations",),
    "bracket": ("app.commands.brackets",),
    "status": ("app.commands.brackets",),
    "party": ("app.commands.parties",),
    "check": ("app.commands.check",),
    "backup": ("app.commands.backup",),
    "language": ("app.commands.language",),
}
