# jpyc: expect SyntaxError
# jpyc: feature from __future__ imports must occur at the beginning of the file
import os
from __future__ import annotations
