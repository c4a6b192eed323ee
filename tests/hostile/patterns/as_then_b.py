# 28 a's and a b: `^(a+)+$` backtracked for 5.5 s in std::regex (doubling per a).
print("a" * 28 + "b", end="")
