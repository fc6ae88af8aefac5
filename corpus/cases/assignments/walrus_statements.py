# jpyc: feature assignment expressions in while, if, return, call args, and nested walrus
import random


def roll_until_six(rng):
    rolls = 0
    while (r := rng.randint(1, 6)) != 6:
        rolls += 1
    return rolls, r


def parse_number(text):
    if (stripped := text.strip()) and (n := int(stripped)) > 0:
        return n
    return (fallback := -1)


def nested():
    if (a := (b := 2) + 1) > 2:
        return a, b


print(roll_until_six(random.Random(0)), parse_number(" 5 "), nested(), (w := 3), w)
