"""A private, throwaway PostgreSQL server for the tests and the benchmark.

`initdb` into a fresh folder, `pg_ctl start` listening only on a unix socket in that folder (no
TCP port, so parallel runs never collide), `pg_ctl stop` at the end. PostgreSQL refuses to run
as root, so under root the folder is given to the `postgres` user (Debian's package creates
it) or `nobody`, and the server commands run through `runuser`.
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

SUPERUSER = "concordia"


def server_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl (Debian keeps them out of PATH), or None."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    return Path(candidates[-1]).parent if candidates else None


class PostgresServer:
    def __init__(self) -> None:
        binaries = server_binaries()
        if binaries is None:
            raise FileNotFoundError("PostgreSQL's server programs (initdb, pg_ctl) are not installed")
        self.bin = binaries
        self.folder = Path(tempfile.mkdtemp(prefix="concordia-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.runner: list[str] = []
        if os.geteuid() == 0:
            user = _service_user()
            os.chown(self.folder, pwd.getpwnam(user).pw_uid, pwd.getpwnam(user).pw_gid)
            self.runner = ["runuser", "-u", user, "--"]

    def _run(self, *command: str) -> None:
        subprocess.run([*self.runner, *command], check=True, capture_output=True, timeout=120)

    def start(self) -> PostgresServer:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        options = (f"-k {self.folder} -c listen_addresses='' -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w",
                  "-t", "60", "-o", options, "start")
        atexit.register(self.stop)      # also when the run is interrupted
        # New databases copy template1: give it the extensions once.
        self.execute("template1", "CREATE EXTENSION IF NOT EXISTS unaccent",
                     "CREATE EXTENSION IF NOT EXISTS pg_trgm")
        return self

    def stop(self) -> None:
        if not self.data.exists():
            return
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgresql://{SUPERUSER}@/{database}?host={self.folder}"

    def execute(self, database: str, *statements: str) -> None:
        import psycopg

        with psycopg.connect(host=str(self.folder), user=SUPERUSER, dbname=database,
                             autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)

    def new_database(self) -> str:
        """A fresh, empty database's URL."""
        name = "t_" + uuid.uuid4().hex[:12]
        self.execute("postgres", f"CREATE DATABASE {name}")
        return self.url(name)


def _service_user() -> str:
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise RuntimeError("no unprivileged user to run PostgreSQL as")
