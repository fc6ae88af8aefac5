# jpyc: versions >=3.11
# jpyc: expect SyntaxError
# jpyc: feature 'return' cannot appear in an except* block
def f():
    try:
        pass
    except* ValueError:
        return 1
