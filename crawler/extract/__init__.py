"""Extraction: from a fetched page to the raw page text and links (no crawler access)."""
