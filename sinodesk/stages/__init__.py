"""Pipeline stages: pure functions over the frozen records in :mod:`sinodesk.records`."""
