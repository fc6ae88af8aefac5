# jpyc: feature a future import after another statement on the same line: future.c (up to 3.11) or the compiler (3.12+) reports it, at different columns
# jpyc: expect SyntaxError
import os; from __future__ import annotations
