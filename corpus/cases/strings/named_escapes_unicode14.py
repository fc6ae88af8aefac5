# jpyc: versions >=3.11
# jpyc: feature \N{...} names added in Unicode 14 (CPython 3.11): a SyntaxError on 3.10

MELTING = "\N{MELTING FACE}"
TROLL = "\N{TROLL}"
