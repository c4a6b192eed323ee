# A slide of LEVELS nested fenced divs opened with FENCE ("::: note", "::: columns", ...),
# with a `. . .` pause inside each when a third argument is given (issue 24, item 1: 12,000
# of them segfaulted the renderer, and killed `watch` when saved under it).
#   nested_divs.py LEVELS FENCE [pause] >slide.md
import sys

levels, fence = int(sys.argv[1]), sys.argv[2]
pause = len(sys.argv) > 3 and sys.argv[3]
for i in range(levels):
    print(fence + "\n")
    if pause:
        print("level %d\n\n. . .\n" % i)
print("innermost\n")
for i in range(levels):
    print(":::\n")
