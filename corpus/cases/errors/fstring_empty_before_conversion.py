# jpyc: expect SyntaxError
# jpyc: feature f-string with no expression before '!': 3.10 says "empty expression not allowed", 3.11 names the character
value = 3
text = f"value is {!r}"
