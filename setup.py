from setuptools import setup

# scrapyd-deploy builds the egg with `python setup.py bdist_egg` (and would write
# a setup.py of its own without this one). Everything is in pyproject.toml.
setup()
