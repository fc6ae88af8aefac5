# jpyc: versions >=3.12
# jpyc: feature PEP 695 type statement: simple, generic, recursive, in class and function scope
type Number = int | float
type Pair[T] = tuple[T, T]
type Tree[T] = T | list[Tree[T]]
type Json = None | bool | int | float | str | list[Json] | dict[str, Json]
type Callback[**P, R] = "Callable[P, R]"
type Bounded[T: (str, bytes)] = list[T]
type Variadic[*Ts] = tuple[int, *Ts]


class Registry:
    type Key = str
    type Entry[V] = dict[Key, V]


def local_alias():
    type Local = list[int]
    return Local.__value__


type = "type is still a soft keyword"
print(type)
