# jpyc: expect IndentationError
# jpyc: feature expected an indented block after class definition
class C:
x = 1
