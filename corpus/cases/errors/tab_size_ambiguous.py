# jpyc: expect TabError
# jpyc: feature same column with tab size 8 but different with tab size 1: inconsistent use of tabs and spaces
def f(x):
	if x:
	        y = 1
		return y
