# jpyc: versions 3.10-3.11
# jpyc: expect SyntaxError
# jpyc: feature backslash inside an f-string expression (allowed by PEP 701 from 3.12)
x = f"{'\\n'.join(['a', 'b'])}"
