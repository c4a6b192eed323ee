# Damages the entries of a deck's cache the way an editing hand or a hostile file could
# (issue 24, item 2), each keeping the entry's shape so that only its meaning is wrong:
#   damage_entry.py CACHE_DIR KIND
# KIND: run_count (the wall statistics count 7 values), negative_time (a run took -1.5 s),
# absurd_time (1e300 s of user time), shown_run (the shown run is past the runs),
# other_id (another snippet's result), img_onerror (highlighted HTML with an
# <img onerror> appended), linked_entry (the result entry is a symbolic link to a copy),
# linked_folder (results/ is a symbolic link to a folder outside the cache).
import glob, json, os, shutil, sys

cache, kind = sys.argv[1], sys.argv[2]
results = os.path.join(cache, "results")
entry = glob.glob(os.path.join(results, "*.json"))[0]


def change(edit):
    with open(entry) as f:
        e = json.load(f)
    edit(e["result"])
    with open(entry, "w") as f:
        json.dump(e, f)


if kind == "run_count":
    change(lambda r: r["stats"]["wall"].update(n=7))
elif kind == "negative_time":
    change(lambda r: r["runs"][1].update(wall_seconds=-1.5))
elif kind == "absurd_time":
    change(lambda r: r["runs"][0].update(user_seconds=1e300))
elif kind == "shown_run":
    change(lambda r: r.update(shown_run=len(r["runs"])))
elif kind == "other_id":
    change(lambda r: r.update(id="someone_else"))
elif kind == "img_onerror":
    for html in glob.glob(os.path.join(cache, "highlight", "*.html")):
        with open(html, "a") as f:
            f.write("<img src=x onerror=alert(1)>")
elif kind == "linked_entry":
    copy = os.path.join(os.path.dirname(os.path.dirname(cache)), "copy.json")
    shutil.move(entry, copy)
    os.symlink(copy, entry)
elif kind == "linked_folder":
    outside = os.path.join(os.path.dirname(os.path.dirname(cache)), "outside")
    os.makedirs(outside)
    shutil.rmtree(results)
    os.symlink(outside, results)
else:
    sys.exit("unknown kind " + kind)
