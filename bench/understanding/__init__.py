"""The understanding corpus (tests/data/understanding/) and its bench:
`python -m bench.understanding`."""
