"""Writes a new Alembic migration from the difference between the models and the schema.

Usage: python scripts/new_migration.py "what changed"
It builds a scratch SQLite database at the current head, compares, and writes the revision to
storage/migrations/versions/. Review it; tests/storage/test_migrations.py then checks that models
and migrations agree on SQLite and PostgreSQL.
"""

import sys
import tempfile
from pathlib import Path

from alembic import command

from storage.migrate import alembic_config, upgrade_sync


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite+aiosqlite:///{Path(scratch) / 'head.db'}"
        upgrade_sync(url)
        command.revision(alembic_config(url), message=sys.argv[1], autogenerate=True)


if __name__ == "__main__":
    main()
