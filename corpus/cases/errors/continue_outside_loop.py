# jpyc: expect SyntaxError
# jpyc: feature 'continue' not properly in loop (inside a nested def)
for i in range(3):
    def f():
        continue
