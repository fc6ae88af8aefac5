# jpyc: versions >=3.11
# jpyc: expect SyntaxError
# jpyc: feature cannot have both 'except' and 'except*' on the same 'try'
try:
    pass
except* ValueError:
    pass
except TypeError:
    pass
