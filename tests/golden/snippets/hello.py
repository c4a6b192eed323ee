# region main
def greet(name):
    return f"hello, {name}"

print(greet("deck"))
# endregion
