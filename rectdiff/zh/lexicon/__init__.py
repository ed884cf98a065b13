"""Every word list and pattern of the language rectdiff reads, in one package.

Each entry names what it matches, with an example from real reports, and why rectdiff
needs it. A linguist who wants to add a phrasing edits the module of its kind only; the stages
import what they need from here and hold no Chinese words of their own (tests/test_layers.py
refuses a Chinese literal in any module outside zh/, the help texts and ``rectdiff.catalogue``,
which holds what rectdiff itself says to the user: headers, findings, errors).

The modules, in the order a report is read: ``page`` (chrome a web page adds), ``meta`` (title,
issuer, dates, round), ``structure`` (numbering, headings, measures, kinds of items, frame rows),
``fields`` (ledger columns and field labels), ``status`` (the status grammar), ``quantities``
(counts and units), ``totals`` (stated totals and rates), ``doubts`` (what 疑点清单 reads) and
``punctuation`` (the marks and classes text is cut and trimmed by).
Every public name of theirs is a name of ``rectdiff.zh.lexicon`` too.

All patterns run on the normalized copy of the text (``zh.normalize.norm``): half-width
punctuation and digits, simplified characters.
"""

from .doubts import *  # noqa: F403
from .fields import *  # noqa: F403
from .meta import *  # noqa: F403
from .page import *  # noqa: F403
from .punctuation import *  # noqa: F403
from .quantities import *  # noqa: F403
from .status import *  # noqa: F403
from .structure import *  # noqa: F403
from .totals import *  # noqa: F403
