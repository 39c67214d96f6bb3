"""Extraction: every quantity of a statement, with its unit, qualifier and subject, traced to its
characters. Where to look:

- ``measure``: the per-file entry (clean, extract, map offsets back to the original text);
- ``cleaning``, ``language``: the cleaned text with its offset map; English or Spanish, by part;
- ``mentions``: ``extract_mentions``, the pass over one text; ``mention``: the ``Mention`` record;
- ``scan``: every numeral; ``numbers``: numerals to values; ``units``: unit spellings, pint, bare "tons";
- ``read``: one numeral to a mention (value, sign, unit, qualifier, subject); ``bare``: a numeral with no unit;
- ``not_quantities``: dates, identifiers, ordinals, calibers, ratios, ages;
- ``ranges``: ranges and bounds; ``cells``: table rows and labelled cells;
- ``counts``: what a number counts; ``elided``, ``compared``: figures whose noun is stated elsewhere;
- ``vague``: "dozens of", "thousands of pounds"; ``sentences``: sentence spans;
- ``subjects``: what a figure measures, by kind.

The word lists they share live in ``pipeline.core.lexicon``.
"""
