"""Pure rules of the contest: frozen dataclasses and functions, no I/O."""
