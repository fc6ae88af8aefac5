# jpyc: versions >=3.13
# jpyc: feature PEP 696 type parameter defaults on functions, classes and aliases
class Default[T = int]:
    pass


class Many[K = str, V = list[K]]:
    pass


class WithBound[T: float = int, *Ts = *tuple[int, ...], **P = [int, str]]:
    pass


def func[T = bytes](x: T) -> T:
    return x


type Alias[T = str] = list[T]
type Mixed[A, B = A] = dict[A, B]
