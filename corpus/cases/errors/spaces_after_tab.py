# jpyc: expect TabError
# jpyc: feature space-indented line after a tab-indented line of the same width
if True:
	x = 1
        y = 2
