# jpyc: feature class with __init__, methods, class attributes, properties, static/class methods
class Account:
    """A bank account."""

    interest = 0.02
    _count = 0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        Account._count += 1

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        self.balance += amount
        return self.balance

    @property
    def rich(self):
        return self.balance > 1_000_000

    @rich.setter
    def rich(self, value):
        raise AttributeError("read-only")

    @classmethod
    def count(cls):
        return cls._count

    @staticmethod
    def rate():
        return Account.interest

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"
