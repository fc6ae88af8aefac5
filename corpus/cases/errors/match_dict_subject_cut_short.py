# jpyc: expect SyntaxError
# jpyc: feature a match statement whose dict subject is cut short: 3.10.8 has no invalid_primary rule ("invalid syntax" at a { after a primary), so the generic error stays at the last token of the first pass

match {"kind": 1} +
