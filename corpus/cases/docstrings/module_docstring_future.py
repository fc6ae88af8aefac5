#!/usr/bin/env python3
# -*- coding: utf-8 -*-
# jpyc: optimize 0,1,2
"""Module docstring followed by a __future__ import and __doc__ use."""
from __future__ import annotations

print(__doc__)


def f() -> Undefined:
    """Function docstring."""
    return f.__doc__
