# jpyc: expect SyntaxError
# jpyc: feature 'break' outside loop in an async with after a loop's else (3.10: line -1, the with's columns)
async def f(xs):
    for x in xs:
        pass
    else:
        async with x as (y,
                         z):
            break
