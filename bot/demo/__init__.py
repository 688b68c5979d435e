"""A fictional demo contest in the format of the reference event."""
