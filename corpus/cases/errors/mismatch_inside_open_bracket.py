# jpyc: expect SyntaxError
# jpyc: feature a closing bracket that does not match, inside a bracket opened on an earlier line than the parser's error: 3.10 reports the bracket still open ("'{' was never closed") before the tokenizer's mismatch; 3.11 on, the mismatch

config = {
    "name": "x",
    "items": [1, 2]
    "more": (3,
             4},
}
