# jpyc: expect TabError
# jpyc: feature inconsistent use of tabs and spaces: tab line after a space-indented line
def f(x):
        y = x
	return y
