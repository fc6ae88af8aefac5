# jpyc: feature class bodies with only annotations, conditional annotations, __annotations__ use
class Config:
    host: str
    port: int = 8080
    debug: bool
    if port > 1000:
        high: bool = True
    for _ in ():
        loop_ann: int


class Empty:
    x: int


print(Config.__annotations__, Empty.__annotations__)
