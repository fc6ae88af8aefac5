# jpyc: expect SyntaxError
# jpyc: feature "Perhaps you forgot a comma?" after an expression spanning lines: 3.15 reports it on that expression's last line (from its start column to its end); before, from its start to the second expression's end

values = [("first",
           "second") "third"]
