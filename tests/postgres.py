"""A throwaway PostgreSQL cluster for a test run, from Debian's own binaries (apt-get install postgresql):
`initdb` into a temporary folder, the server on a free loopback port with its socket in that folder, a test
role that logs in with a password as a hub does, and a new database for whoever asks. Never the cluster the
package may have made (`main` on port 5432): the tests neither need nor touch it.

pg_ctl refuses to run as root (as CI does): then every PostgreSQL program runs as the `postgres` user the
package creates, and the folder is that user's."""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

APT_PACKAGE = "postgresql"
OWNER = "postgres"  # the system user Debian's package creates
ROLE, PASSWORD = "ilot", "ilot-test"
PREFIX = "ilot-pg-"  # the run's folder in /tmp, with the pid of the process that made it in `owner`


def binaries() -> Path | None:
    """The folder of the newest installed PostgreSQL's server programs, or None when there is none."""
    found = [
        folder
        for folder in Path("/usr/lib/postgresql").glob("*/bin")
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists()
    ]
    return max(found, key=lambda folder: int(folder.parent.name), default=None)


def missing() -> str | None:
    """Why no cluster can be made here, with the fix; None when one can."""
    if binaries() is None:
        return f"PostgreSQL is not installed (apt-get install {APT_PACKAGE})"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(OWNER)
        except KeyError:
            return f"no {OWNER} user to run PostgreSQL as (apt-get install {APT_PACKAGE})"
    return None


def stop_leftovers(folder: Path) -> None:
    """Stops and removes the clusters of earlier runs that were killed before they could (SIGKILL, say)."""
    for left in Path(tempfile.gettempdir()).glob(f"{PREFIX}*"):
        try:
            owner = int((left / "owner").read_text())
            os.kill(owner, 0)
            continue  # its run is still going
        except ProcessLookupError:
            pass
        except (OSError, ValueError):
            continue
        if (left / "data" / "postmaster.pid").exists():
            _as_owner(folder / "pg_ctl", "stop", "-D", str(left / "data"), "-m", "immediate", "-w", cwd=left)
        shutil.rmtree(left, ignore_errors=True)


def _as_owner(program: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    as_owner = ["runuser", "-u", OWNER, "--"] if os.geteuid() == 0 else []
    return subprocess.run(
        [*as_owner, str(program), *args], capture_output=True, text=True, timeout=60, cwd=cwd, check=False
    )


class Cluster:
    """`with Cluster(port) as cluster:` a running server; stopped (fast) and its folder removed at the end,
    however the block ends."""

    def __init__(self, port: int):
        self.port = port
        self.bin = binaries()
        stop_leftovers(self.bin)
        self.folder = Path(tempfile.mkdtemp(prefix=PREFIX))  # not pytest's: that one is root's only
        (self.folder / "owner").write_text(str(os.getpid()))
        self.data = self.folder / "data"
        self._names = itertools.count(1)
        self._started = False

    def __enter__(self) -> Cluster:
        try:
            self._start()
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc) -> None:
        try:
            if self._started:
                self._run("pg_ctl", "stop", "-D", str(self.data), "-m", "fast", "-w")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def _start(self) -> None:
        if os.geteuid() == 0:
            owner = pwd.getpwnam(OWNER)
            os.chown(self.folder, owner.pw_uid, owner.pw_gid)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            OWNER,
            "--auth-local=trust",  # the socket, in our folder only: how the fixture itself gets in
            "--auth-host=scram-sha-256",  # over TCP the hub logs in with a password, as in production
            "--encoding=UTF8",
            "--no-locale",
            "--no-sync",
        )
        settings = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(
            "pg_ctl", "start", "-D", str(self.data), "-l", str(self.folder / "log"), "-w", "-o", settings
        )
        self._started = True
        self.admin(f"CREATE ROLE {ROLE} LOGIN PASSWORD '{PASSWORD}'")

    def _run(self, program: str, *args: str) -> None:
        done = _as_owner(self.bin / program, *args, cwd=self.folder)
        if done.returncode != 0:
            log = self.folder / "log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{program} failed ({done.returncode}): {done.stdout}{done.stderr}{tail}")

    def admin(self, sql: str) -> None:
        """Runs one statement as the superuser, outside a transaction (CREATE DATABASE needs that)."""
        import psycopg

        with psycopg.connect(host=str(self.folder), port=self.port, user=OWNER, dbname=OWNER) as connection:
            connection.autocommit = True
            connection.execute(sql)

    def new_database(self) -> str:
        """A new, empty database owned by the test role; its URL as a network manager would write it."""
        name = f"hub_{os.getpid()}_{next(self._names)}"
        self.admin(f"CREATE DATABASE {name} OWNER {ROLE}")
        return f"postgresql://{ROLE}:{PASSWORD}@127.0.0.1:{self.port}/{name}"
