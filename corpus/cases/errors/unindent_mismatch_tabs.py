# jpyc: expect IndentationError
# jpyc: feature tab+spaces dedent that matches no outer level (IndentationError, not TabError)
class C:
    def m(self):
	    return 1
        return 2
