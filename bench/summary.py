#!/usr/bin/env python3
"""Turns the JSON lines of one bench/run into the Markdown of BENCHMARKS.md: every measurement, then each goal of
issues 9 and 10 with the measured figure beside the bare engine's and MET or NOT MET."""
import json, sys, pathlib

run = pathlib.Path(sys.argv[1])
rows = [json.loads(l) for f in sorted(run.glob("*.jsonl")) for l in f.read_text().splitlines() if l.strip()]
measured = [r for r in rows if "clients" in r]
# A cell measured more than once (BENCH_REPEAT) stands for its median repetition by rate (the lower of the middle two
# for an even count), with the range of the rates beside it; the goals take that repetition.
groups = {}
for r in measured:
    groups.setdefault((r["label"], r["operation"], r["clients"]), []).append(r)
by, spread = {}, {}
for key, reps in groups.items():
    ordered = sorted(reps, key=lambda r: r["perSecond"])
    by[key] = ordered[(len(ordered) - 1) // 2]
    if len(ordered) > 1:
        spread[key] = (len(ordered), ordered[0]["perSecond"], ordered[-1]["perSecond"])
repeats = max((n for n, _, _ in spread.values()), default=1)
dbs = sorted({r["label"].split("-")[0] for r in measured}, key=lambda d: 0 if d == "h2" else 1)
sizes = sorted({int(r["label"].split("-")[1]) for r in measured})
clients = sorted({r["clients"] for r in measured})
ops = list(dict.fromkeys(r["operation"] for r in measured))
DBNAME = {"h2": "H2 (embedded)", "postgres": "PostgreSQL 15"}


def cell(key):
    r = by.get(key)
    if not r:
        return "–"
    err = f", **{r['errors']} errors**" if r["errors"] else ""
    # † : the window with every client busy was too short, and the rate is over the whole cell.
    whole = " †" if "busySeconds" in r and r["busySeconds"] is None else ""
    rng = f" ({spread[key][0]}×: {spread[key][1]:.0f}–{spread[key][2]:.0f}/s)" if key in spread else ""
    return f"{r['perSecond']:.0f}/s{whole} · {r['p50ms']:.1f} / {r['p95ms']:.1f} / {r['p99ms']:.1f} ms{err}{rng}"


def control_of(op):
    """What an operation's flatness is shown beside: the bare engine for intake and completions, the anonymous
    validator (the same message, no database) for the messages; its label and the operations whose mean rate it is."""
    if op == "intake":
        return "bare", ["baseline-start"]
    if op.startswith("complete "):
        return "bare", ["baseline-complete", "baseline-complete after"]
    if op in ("https-post", "soap", "soap production"):
        return "validate", ["validate"]
    return "", []


def verdict(ok):
    return "**MET**" if ok else "**NOT MET**"


print(f"Run `{run.name}`: rate (while every client was busy; † over the whole cell, that window being too short), "
      f"then p50 / p95 / p99 latency; each measurement at most "
      f"{max((r['seconds'] for r in measured), default=0):.0f} s"
      + (f", the timed cells measured up to {repeats} times one after the other: the median repetition by rate, the "
         f"range of the rates in brackets (the cells drawn from a pool of tasks once).\n" if repeats > 1 else ".\n"))
goals = []
for db in dbs:
    name = DBNAME.get(db, db)
    print(f"### {name}\n")
    startups = [r for r in rows if r.get("operation") == "startup" and r["label"].startswith(db)]
    heaps = [r for r in rows if r.get("operation") == "peak-heap" and r["label"] == db]
    for r in startups:
        print(f"- start-up to healthy ({r['label']}): {r['ms'] / 1000:.1f} s")
    for r in heaps:
        print(f"- peak heap after a collection, whole run: {r['usedMb']} MB of {r['heapMb']} MB")
    for r in rows:
        if r.get("operation") == "data set" and r["label"].startswith(db):
            print(f"- data set {r['label']} {r['when']}: {r['requests']:,} requests, {r['waiting']:,} waiting in the queue")
    batches = [r for r in rows if r.get("operation") == "batch upload" and r["label"].startswith(db)]
    for r in batches:
        print(f"- batch upload ({r['label']}): {r['messages']:,} messages ({r['megabytes']} MB) in {r['seconds']} s, "
              f"{r['messagesPerSecond']:.0f} messages/s, {r['acknowledged']:,} acknowledged (HTTP {r['status']}); heap "
              f"{r['heapBeforeMb']} MB before, peak {r['heapPeakMb']} MB of {r['heapMaxMb']} MB")
    print()
    print("| Operation | Clients | " + " | ".join(f"{s:,} existing" for s in sizes) + " |")
    print("|---|---|" + "---|" * len(sizes))
    for op in ops:
        for c in clients:
            print(f"| {op} | {c} | " + " | ".join(cell((f"{db}-{s}", op, c)) for s in sizes) + " |")
    print()

    # The goals, one line each, for this database.
    for s in sizes:
        lab = f"{db}-{s}"
        for op in ("soap", "https-post", "soap production"):
            cells = [by[(lab, op, c)] for c in clients if (lab, op, c) in by]
            meeting = [r for r in cells if r["perSecond"] >= 1000 and r["p99ms"] < 50]
            # The cell shown is the fastest that meets the goal, else the fastest.
            best = max(meeting or cells, key=lambda r: r["perSecond"], default=None)
            if best:
                ok = bool(meeting)
                goals.append((name, s, f"{op}: 1,000/s with p99 < 50 ms",
                              f"{best['perSecond']:.0f}/s at {best['clients']} clients, p99 {best['p99ms']:.1f} ms", "", verdict(ok)))
        for c in clients:
            intake, base = by.get((lab, "intake", c)), by.get((lab, "baseline-start", c))
            if intake and base and base["perSecond"]:
                ratio = intake["perSecond"] / base["perSecond"]
                goals.append((name, s, f"intake at {c} clients: half the bare start", f"{intake['perSecond']:.0f}/s",
                              f"{base['perSecond']:.0f}/s ({ratio:.2f})", verdict(ratio >= 0.5)))
            # The bare completion measured before the task types and after them (from commit ddd9e37 on): their mean.
            bcs = [by[k] for k in ((lab, "baseline-complete", c), (lab, "baseline-complete after", c)) if k in by]
            bc = sum(r["perSecond"] for r in bcs) / len(bcs) if bcs else 0
            if bc:
                for (l, o, cc), r in sorted(by.items()):
                    if l == lab and cc == c and o.startswith("complete "):
                        ratio = r["perSecond"] / bc
                        goals.append((name, s, f"{o} at {c} clients: half the bare completion", f"{r['perSecond']:.0f}/s",
                                      f"{bc:.0f}/s ({ratio:.2f})", verdict(ratio >= 0.5)))
        q = by.get((lab, "queue-page", 1))
        # Seeded requests reach the queue through asynchronous jobs, which run before the first measurement: the count
        # at the round's end is the one the queue page was measured at, but for the 340 that the round's review completions add.
        counts = {r["when"]: r["waiting"] for r in rows if r.get("operation") == "data set" and r["label"] == lab}
        waiting = counts.get("at end", counts.get("at start", 0))
        if q and s == sizes[-1]:
            # The goal names 10,000 waiting: the verdict says so when the data set had fewer.
            ok = q["p99ms"] < 100
            goals.append((name, s, "GET /api/queue under 100 ms at 10,000 waiting (1 client)",
                          f"p50 {q['p50ms']:.1f} ms, p99 {q['p99ms']:.1f} ms with {waiting:,} waiting", "",
                          verdict(ok) if waiting >= 10000 or not ok else f"**MET at {waiting:,} waiting** (10,000 not reached)"))
        alone, busy = by.get((lab, "soap production", 16)), by.get((lab, "soap production while monitoring", 16))
        if alone and busy and alone["perSecond"]:
            ratio = busy["perSecond"] / alone["perSecond"]
            goals.append((name, s, "production SOAP keeps its rate while the monitoring runs (16 clients)",
                          f"{busy['perSecond']:.0f}/s, p99 {busy['p99ms']:.1f} ms", f"alone {alone['perSecond']:.0f}/s ({ratio:.2f})",
                          verdict(busy["perSecond"] >= 1000 and busy["p99ms"] < 50)))
    if len(sizes) > 1:
        lo, hi = sizes[0], sizes[-1]
        for op in ops:
            if op.startswith("baseline"):
                continue  # the bare engine is the control, not a goal: its drift is shown beside each goal below
            for c in clients:
                a, b = by.get((f"{db}-{lo}", op, c)), by.get((f"{db}-{hi}", op, c))
                if a and b and a["perSecond"] and a["p99ms"]:
                    rate, p99 = b["perSecond"] / a["perSecond"], b["p99ms"] / a["p99ms"]
                    # Beside it, how the control's rate moved between the same two data sets: the machine's drift
                    # over the run shows there as well (context only; the goal is the application's own figures).
                    label, controls = control_of(op)
                    def rate_of(size):
                        rates = [by[k]["perSecond"] for k in ((f"{db}-{size}", x, c) for x in controls) if k in by]
                        return sum(rates) / len(rates) if rates else 0
                    drift = f"{label} ×{rate_of(hi) / rate_of(lo):.2f}" if rate_of(lo) and rate_of(hi) else ""
                    goals.append((name, hi, f"{op} at {c} clients: rate and p99 within 20% of {lo:,} existing",
                                  f"rate ×{rate:.2f}, p99 ×{p99:.2f}", drift, verdict(rate >= 0.8 and p99 <= 1.2)))
    for r in startups:
        goals.append((name, "", f"start-up to healthy under 20 s ({r['label']})", f"{r['ms'] / 1000:.1f} s", "", verdict(r["ms"] < 20000)))
    for r in heaps:
        goals.append((name, "", "the whole run inside a 512 MB heap", f"peak {r['usedMb']} MB of {r['heapMb']} MB", "",
                      verdict(r["heapMb"] <= 512)))
    for r in batches:
        goals.append((name, r["label"].split("-")[1], "a 10,000-message batch in bounded memory",
                      f"{r['messagesPerSecond']:.0f} messages/s, heap peak {r['heapPeakMb']} MB", f"of {r['heapMaxMb']} MB",
                      verdict(r["acknowledged"] == r["messages"] and r["heapPeakMb"] < r["heapMaxMb"])))

print("### Goals\n")
print("| Database | Existing | Goal | Measured | Bare engine (ratio) | Verdict |")
print("|---|---|---|---|---|---|")
for g in goals:
    print("| " + " | ".join(f"{x:,}" if isinstance(x, int) else str(x) for x in g) + " |")
met = sum(1 for g in goals if "NOT" not in g[5])
print(f"\n{met} of {len(goals)} goal checks met.")
