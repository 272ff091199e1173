"""sinodesk: an open-source news desk for people who follow China."""

__version__ = "0.1.0"
