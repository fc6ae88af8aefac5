# jpyc: versions >=3.14
# jpyc: feature PEP 750 templates in functions, closures and comprehensions
from string.templatelib import Template, Interpolation


def render(template: Template) -> str:
    parts = []
    for item in template:
        if isinstance(item, Interpolation):
            parts.append(str(item.value).upper())
        else:
            parts.append(item)
    return "".join(parts)


def make(user):
    role = "admin"
    return lambda: t"{user} is {role}"


rows = [t"row {i}: {i * i}" for i in range(3)]
print(render(make("ann")()), [render(r) for r in rows])
