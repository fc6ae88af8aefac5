# jpyc: expect SyntaxError
# jpyc: feature 'as' targets inside a parenthesized with-item group followed by another 'as'
with (open("a") as b, open("c") as d) as e:
    pass
