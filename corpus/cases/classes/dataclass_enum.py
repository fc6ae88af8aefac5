# jpyc: feature dataclasses and enums (annotations in class bodies, field defaults)
import dataclasses
import enum
from typing import ClassVar


class Status(enum.Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"

    @property
    def label(self):
        return self.value.title()


class Flags(enum.IntFlag):
    R = 4
    W = 2
    X = 1
    RWX = R | W | X


@dataclasses.dataclass(frozen=True, order=True)
class Item:
    name: str
    price: float = 0.0
    tags: list = dataclasses.field(default_factory=list, compare=False)
    status: Status = Status.ACTIVE
    kind: ClassVar[str] = "item"

    def __post_init__(self):
        if self.price < 0:
            raise ValueError("negative price")
