"""Evaluation of pipeline stages against labelled sets (data read from ../shared/eval at run time)."""
