# jpyc: expect SyntaxError
# jpyc: feature keyword used as a name
class = 1
