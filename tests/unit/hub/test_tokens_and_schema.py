"""Terminal tokens, and the hub's database as Alembic makes it: the same as the tables the code queries."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from kiosk.hub import database, terminals
from kiosk.hub.tables import metadata
from kiosk.hub.tokens import PREFIX, new_token, token_hash


def test_tokens_are_long_random_and_kept_as_hashes():
    tokens = {new_token() for _ in range(1000)}
    assert len(tokens) == 1000
    assert all(t.startswith(PREFIX) and len(t) >= len(PREFIX) + 43 for t in tokens)
    hashes = {token_hash(t) for t in tokens}
    assert len(hashes) == 1000 and all(len(h) == 64 and h not in tokens for h in hashes)


def test_the_migrated_database_is_what_the_code_declares(hub_db_url):
    engine = database.engine_for(hub_db_url)
    try:
        database.migrate(engine)
        database.migrate(engine)  # a second time changes nothing
        with engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_the_hub_keeps_no_token_only_its_hash(tmp_path):
    engine = database.engine_for(f"sqlite:///{tmp_path / 'hub.db'}")
    database.migrate(engine)
    with engine.begin() as connection:
        token = terminals.add(connection, "poste-a", "borne-1")
        assert terminals.by_token(connection, token) == terminals.Terminal(1, "poste-a", "borne-1")
        terminals.revoke(connection, "poste-a", "borne-1")
        assert terminals.by_token(connection, token) is None
    raw = (tmp_path / "hub.db").read_bytes() + b"".join(p.read_bytes() for p in tmp_path.glob("hub.db-*"))
    assert token.encode() not in raw
    assert token_hash(token).encode() in raw


def test_postgresql_urls_use_psycopg_3():
    assert database.normalised("postgresql://u:p@localhost/hub").startswith("postgresql+psycopg://u:p@")
    assert database.normalised("sqlite:////tmp/x.db") == "sqlite:////tmp/x.db"
