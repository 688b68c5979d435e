"""Persistence: SQLAlchemy models, repositories (which never commit), unit of work, migrations."""
