# jpyc: feature a file of only a docstring and no newline at end
"""doc"""