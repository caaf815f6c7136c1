"""A grown database at the density of the growth benchmark's 10k and 100k databases (100
articles a day) but small enough to build in a session: N articles over N/100 days (default
2,000 over 20 days, most of a story's life), built like the others (chunks of 1,000 in order of
publication, each followed by the incremental update). ``dev/upd.py`` on it then measures one
batch's update at that density, which the 1k database (33 a day) understates.

    python dev/dense.py [N] [PATH]
"""
import datetime as dt
import json
import sys
import time
from pathlib import Path


def main(n: int = 2000, path: str = "build/growth/dense-2000.db") -> None:
    from dossier.bench import growth

    days = n // growth.PER_DAY
    growth.stored_span = lambda _n: (growth.LAST_DAY - dt.timedelta(days=days - 1), days)
    c0 = time.process_time()
    info = growth.build_grown_db(Path(path), n)
    print(json.dumps(info["chunks"]), f"cpu {time.process_time() - c0:.1f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000, *(sys.argv[2:3]))
