# jpyc: expect SyntaxError
# jpyc: feature f-string: empty expression not allowed
x = f"value: {}"
