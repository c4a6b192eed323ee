# A slide of N Quarto ```{python} cells, each of which is a warning (deckgen does not run
# them), then a run block so that the build ends with a summary (issue 24, item 5:
# 100,000 warnings printed 16 MB): python3 python_cells.py N
import sys

print("# Cells\n")
for i in range(int(sys.argv[1])):
    print("```{python}\nx = %d\n```\n" % i)
print("```run\nfile: hello.sh\nruns: 1\nwarmup: 0\n```")
