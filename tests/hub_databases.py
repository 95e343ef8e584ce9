"""The hub's two databases for its tests: every test that takes `hub_db_url` (a new database for the test)
or `module_hub_db_url` (one for the module's tests, which then keep to their own sites) runs on SQLite and
again on PostgreSQL. The PostgreSQL cluster is made once for the run (tests/postgres.py) and stopped after
it; where PostgreSQL is not installed its variants are skipped, saying which package to install."""

from __future__ import annotations

import pytest

from tests.hub_on_loopback import free_port, sqlite_url
from tests.postgres import Cluster, missing

DATABASES = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres_cluster():
    why = missing()
    if why:
        pytest.skip(why)
    with Cluster(free_port()) as cluster:
        yield cluster


def _new_url(request, tmp_path_factory) -> str:
    if request.param == "postgresql":
        return request.getfixturevalue("postgres_cluster").new_database()
    return sqlite_url(tmp_path_factory.mktemp("hub"))


@pytest.fixture(params=DATABASES)
def hub_db_url(request, tmp_path_factory) -> str:
    """The URL of a new, empty hub database: a SQLite file, then a PostgreSQL database."""
    return _new_url(request, tmp_path_factory)


@pytest.fixture(scope="module", params=DATABASES)
def module_hub_db_url(request, tmp_path_factory) -> str:
    return _new_url(request, tmp_path_factory)
