#!/usr/bin/env python3
"""Turns the JSON lines of one bench/run into the Markdown tables of BENCHMARKS.md, with the goals checked."""
import json, sys, pathlib, collections

run = pathlib.Path(sys.argv[1])
rows = [json.loads(l) for f in sorted(run.glob("*.jsonl")) for l in f.read_text().splitlines() if l.strip()]
measured = [r for r in rows if "clients" in r]
by = {(r["label"], r["operation"], r["clients"]): r for r in measured}
dbs = sorted({r["label"].split("-")[0] for r in measured}, key=lambda d: 0 if d == "h2" else 1)
sizes = sorted({int(r["label"].split("-")[1]) for r in measured})
clients = sorted({r["clients"] for r in measured})
ops = list(dict.fromkeys(r["operation"] for r in measured))

def cell(r):
    if not r:
        return "–"
    err = f", **{r['errors']} errors**" if r["errors"] else ""
    return f"{r['perSecond']:.0f}/s · {r['p50ms']:.1f} / {r['p95ms']:.1f} / {r['p99ms']:.1f} ms{err}"

print(f"Run `{run.name}`: rate, then p50 / p95 / p99 latency. Each cell one measurement of {measured[0]['seconds'] if measured else '?'} s or less.\n")
for db in dbs:
    print(f"### {'H2 (embedded)' if db == 'h2' else 'PostgreSQL 15'}\n")
    for r in rows:
        if r.get("operation") == "startup" and r["label"].startswith(db):
            print(f"- start-up to healthy ({r['label']}): {r['ms'] / 1000:.1f} s")
        if r.get("operation") == "peak-heap" and r["label"] == db:
            print(f"- peak heap after GC: {r['usedMb']} MB of {r['heapMb']} MB")
    print()
    print("| Operation | Clients | " + " | ".join(f"{s:,} existing" for s in sizes) + " |")
    print("|---|---|" + "---|" * len(sizes))
    for op in ops:
        for c in clients:
            print(f"| {op} | {c} | " + " | ".join(cell(by.get((f"{db}-{s}", op, c))) for s in sizes) + " |")
    print()
    print("Ratios (goal): " )
    for s in sizes:
        parts = []
        for c in clients:
            intake, base = by.get((f"{db}-{s}", "intake", c)), by.get((f"{db}-{s}", "baseline-start", c))
            if intake and base and base["perSecond"]:
                parts.append(f"intake/bare start {intake['perSecond'] / base['perSecond']:.2f} at {c}")
            bc = by.get((f"{db}-{s}", "baseline-complete", c))
            if bc and bc["perSecond"]:
                worst = min((r for (l, o, cc), r in by.items() if l == f"{db}-{s}" and cc == c and o.startswith("complete ")),
                            key=lambda r: r["perSecond"], default=None)
                if worst:
                    parts.append(f"slowest completion ({worst['operation'][9:]})/bare completion {worst['perSecond'] / bc['perSecond']:.2f} at {c}")
        print(f"- {s:,} existing (goal 0.5 or more): " + "; ".join(parts))
    if len(sizes) > 1:
        lo, hi = sizes[0], sizes[-1]
        worst_rate, worst_p99 = [], []
        for op in ops:
            for c in clients:
                a, b = by.get((f"{db}-{lo}", op, c)), by.get((f"{db}-{hi}", op, c))
                if a and b and a["perSecond"] and a["p99ms"]:
                    worst_rate.append((b["perSecond"] / a["perSecond"], op, c))
                    worst_p99.append((b["p99ms"] / a["p99ms"], op, c))
        if worst_rate:
            r, op, c = min(worst_rate)
            p, pop, pc = max(worst_p99)
            print(f"- {hi:,} against {lo:,} existing (goal: within 20%): lowest rate ratio {r:.2f} ({op}, {c} clients); "
                  f"highest p99 ratio {p:.2f} ({pop}, {pc} clients)")
    print()
