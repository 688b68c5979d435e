"""Reading and writing contest workbooks (.xlsx) and YAML documents."""
