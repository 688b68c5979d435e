"""APScheduler wiring (the time edge). Jobs are rebuilt from the database, never pickled."""
