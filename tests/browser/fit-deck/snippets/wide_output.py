# Prints lines of 200 characters: they must wrap, not run off the slide.
for row in range(4):
    print(f"row {row}: " + "".join(chr(ord("a") + (row + i) % 26) for i in range(200 - 7)))
print("END-OF-WIDE-OUTPUT")
