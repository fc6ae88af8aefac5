# -*- coding: latin-1 -*-
# jpyc: feature latin-1 coding cookie; the string bytes are latin-1 encoded
cafe = "café"
naive = "naïve © ½"
# comment in latin-1: à la carte
b = b"bytes stay bytes"


def f():
    return len(cafe), naive
