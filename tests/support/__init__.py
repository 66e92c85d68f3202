"""Test-data generators and helpers; not part of the crawler."""
