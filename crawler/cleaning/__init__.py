"""Chrome stripping and text normalisation: page text to a clean record.

The entry point is :func:`crawler.cleaning.page.clean_document` (the flat-text
page parser); :mod:`crawler.cleaning.lines` is the line-rule engine it shares
with the DOM extractor (``clean_body``). The rules they apply live as data in
:mod:`crawler.cleaning.rules` (the vocabulary and the shared rules), in each
site's description (:mod:`crawler.sites`) and in
:mod:`crawler.cleaning.spam` (injected SEO spam). This package module imports
nothing, so that site descriptions can use the rule vocabulary.
"""
