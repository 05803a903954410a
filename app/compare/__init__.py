"""Comparison of texts and versions: block alignment, word-level diff, moves, redline model."""
