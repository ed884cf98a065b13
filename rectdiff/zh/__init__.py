"""The ground floor: what rectdiff knows of the Chinese language.

``normalize`` (matching copies of text), ``numerals`` (Chinese numerals) and ``lexicon``
(every word list and pattern, each with an example and a why). Every other stage builds on
these and none of them imports anything of rectdiff.
"""
