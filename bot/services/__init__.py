"""Use cases. They depend on the ports in `ports.py`, never on an edge library."""
