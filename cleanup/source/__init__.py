"""Source-aware checking: the English against the Chinese it was translated from.

``cleanup check --source SOURCE.zh.txt TARGET.en.txt`` pairs the two texts paragraph by
paragraph (or line by line), and a JSON Lines corpus pairs each record's ``source`` and
``target``. For every aligned pair, the source-aware rules (SR001 key terms, SR002 numbers,
SR003 alignment) compare the two sides; the usual rules run on the English as always.
Alignment is never guessed: different paragraph counts, or a pair that is obviously not a
translation of its partner, are reported (SR003) and those pairs are not compared.
"""
