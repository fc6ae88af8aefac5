# jpyc: expect SyntaxError
# jpyc: feature a string right after 'if' holding f-strings nested in the same quotes (before 3.12 each ends the string early): 3.10.8 has no invalid_primary rule, so the f-string's own error stands

if'{f'{f'{f'{f'{1}'}'}'}'}'tem = name
