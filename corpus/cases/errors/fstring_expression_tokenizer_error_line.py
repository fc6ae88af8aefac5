# jpyc: expect SyntaxError
# jpyc: feature a tokenizer error on a later line of an f-string expression spanning lines: before 3.12 the expression's own tokenizer starts counting at the line of its '{', so the error names the file's line (jpyc named the expression's first line); from 3.12 the f-string is tokenized with the file

x = f'''
            {
            f"""
            {
            (123_a)
            }
            """
            }'''
