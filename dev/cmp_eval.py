"""Compare two dev/eval_all.sh output folders, ignoring timings: prints every differing value.

    python dev/cmp_eval.py A B        (exit 1 when they differ)
"""
import json
import sys
from pathlib import Path

IGNORED = ("seconds", "meta", "timings", "elapsed", "cpu")


def flat(obj, path=""):
    if isinstance(obj, dict):
        for k, v in obj.items():
            if not any(w in str(k) for w in IGNORED):
                yield from flat(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from flat(v, f"{path}[{i}]")
    else:
        yield path, obj


def main(a: str, b: str) -> int:
    diff = 0
    for name in ("dev", "devnm", "seeds", "held"):
        fa, fb = Path(a, f"{name}.json"), Path(b, f"{name}.json")
        if not (fa.exists() and fb.exists()):
            print(f"{name}: missing")
            diff += 1
            continue
        va, vb = dict(flat(json.loads(fa.read_text()))), dict(flat(json.loads(fb.read_text())))
        keys = sorted(set(va) | set(vb))
        changed = [(k, va.get(k), vb.get(k)) for k in keys if va.get(k) != vb.get(k)]
        print(f"{name}: {'identical' if not changed else f'{len(changed)} values differ'}")
        for k, x, y in changed[:60]:
            print(f"   {k}: {x} -> {y}")
        diff += bool(changed)
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
