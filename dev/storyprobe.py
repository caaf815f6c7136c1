"""How many stored storylines (not mentions) the candidates of the 1k update's new mentions fall in:
what comparing a new mention with stored storylines instead of stored mentions would save.

    python dev/storyprobe.py   (reads build/growth/grown-stories-1000.db, writes /tmp/probe.db)
"""
import shutil, sqlite3, statistics, sys
sys.path.insert(0, "dev")
from dossier.bench.growth import BATCH, FLOW, SEED, batch_span
from dossier.bench.synth import synthetic_records
from dossier.config import Settings
import dossier.crossref.decide as D
from dossier.crossref import update_cross_article
from dossier.store import open_store

src, dst = "build/growth/grown-stories-1000.db", "/tmp/probe.db"
shutil.copy(src, dst)
db = sqlite3.connect(src)
story_of = dict(db.execute("SELECT event_id, storyline_id FROM storyline_sources"))
captured = {}
orig = D.decide_events
def spy(blocks, data, cache):
    captured["blocks"] = blocks
    out = orig(blocks, data, cache)
    captured["same"] = out[1]
    return out
D.decide_events = spy
records = synthetic_records(BATCH, SEED + 1000, long=True, span=batch_span(), flow=FLOW)
with open_store(Settings().with_(db=dst)) as store:
    store.add_many(records)
    update_cross_article(store)
blocks = [b for b in captured["blocks"] if b[1]]  # (new, stored) blocks
mentions = [len(b[2]) for b in blocks]
stories = [len({story_of.get(rid, ("none", rid)) for rid in b[2]}) for b in blocks]
keyed_m = [sum(b[3]) for b in blocks]
keyed_s = [len({story_of.get(rid, ("none", rid)) for rid, k in zip(b[2], b[3]) if k}) for b in blocks]
print("blocks", len(blocks))
print("candidate mentions per new mention: mean %.0f median %.0f total %d" % (statistics.mean(mentions), statistics.median(mentions), sum(mentions)))
print("their storylines: mean %.0f median %.0f total %d" % (statistics.mean(stories), statistics.median(stories), sum(stories)))
print("keyed only: mentions %d, storylines %d" % (sum(keyed_m), sum(keyed_s)))
same = captured["same"]
stored_ids = set(story_of)
links_to_stored = [(x, y) for x, y, _ in same if (x in stored_ids) != (y in stored_ids)]
print("links new-stored", len(links_to_stored), "distinct (new, storyline)", len({(x if x not in stored_ids else y, story_of[y if y in stored_ids else x]) for x, y in links_to_stored}))
