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
