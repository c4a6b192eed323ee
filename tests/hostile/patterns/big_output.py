# 200 KB of output, then "done": `[\s\S]*done` recursed per character in std::regex
# and crashed deckgen past about 50 KB.
print("x" * 200_000)
print("done")
