# jpyc: expect SyntaxError
# jpyc: feature 'continue' not properly in loop, raised after unwinding a with and a finally (3.10: line -1, the last statement's columns)
async def f(a):
    try:
        with a as b, open(b):
            continue
    finally:
        async for item in a.items():
            await item
