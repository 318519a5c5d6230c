#!/usr/bin/env python3
"""Simulated athletes for progression from the log (issue 10.3, METHOD D1-D3).

    progress_sim.py SCENARIO PROFILE [WEEKS]

Drives the carryover binary ($CO_BIN) on the store $CARRYOVER_DB: plans
PROFILE, then week by week reads the plan (`plan --json`, which re-plans
with everything logged so far) and logs each lifting session of the week
on its day the way the scenario's athlete trains:

  progress  every prescribed set, at the target RPE
  stall     as prescribed, but the last set of each main lift one rep short
  niggle    as prescribed; `log niggle knee_right 4` on week 5's Monday,
            `log niggle knee_right clear` on week 8's (a knee spares the quads)

Then checks properties of the final plan (never golden text) and prints
one `ok ...` line per property or a `FAIL ...` line, and a `loads ...` line
per main lift (the week-by-week loads, for the report). Exit status 1 on
any failure.
"""
import json
import os
import subprocess
import sys

BIN = os.environ["CO_BIN"]
CHART = [100.0, 97.8, 95.5, 93.9, 92.2, 90.7, 89.2, 87.8, 86.3, 85.0, 83.7, 82.4, 81.1,
         79.9, 78.6, 77.4, 76.2, 75.1, 73.9, 72.3, 70.7, 69.4, 68.0, 66.7, 65.3, 64.0,
         62.6, 61.3, 59.9, 58.6, 57.2]
failures = 0


def pct(reps, rpe):
    n = min(max(reps + (10 - rpe), 1), 16)
    return CHART[int(round((n - 1) * 2))] / 100


def run(args, today):
    env = dict(os.environ, CARRYOVER_TODAY=today)
    r = subprocess.run([BIN] + args, env=env, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("FAIL: carryover %s: %s" % (" ".join(args), r.stderr.strip()))
    return r.stdout


def plan(today):
    return json.loads(run(["plan", "--json"], today))


def check(ok, what):
    global failures
    if ok:
        print("ok", what)
    else:
        failures += 1
        print("FAIL", what)


def items(session, blocks=("main", "accessory")):
    for b in session["blocks"]:
        if b["kind"] in blocks:
            for it in b["items"]:
                yield b["kind"], it


def log_session(s, scenario):
    d = s["date"]
    for kind, it in items(s):
        n = it["sets"]
        if it["reps"]:
            reps = [it["reps"]] * n
            if scenario == "stall" and kind == "main" and it["load"]:
                reps[-1] -= 1
            amount = ",".join(str(r) for r in reps) if len(set(reps)) > 1 else \
                "%dx%d" % (n, reps[0])
        elif it["seconds"]:
            amount = "%dx%ds" % (n, it["seconds"])
        else:
            continue
        if it["load"]:
            amount += "@%g" % it["load"]
        args = ["log", it["exercise"], amount, "--date", d]
        if it["rpe"]:
            args[3:3] = ["rpe", "%g" % it["rpe"]]
        run(args, d)


def main():
    scenario, profile = sys.argv[1], sys.argv[2]
    weeks = int(sys.argv[3]) if len(sys.argv) > 3 else 13
    p = json.loads(run(["plan", profile, "--json"], "2027-01-01"))
    start = p["weeks"][0]["start"]
    run(["plan", profile, "--json"], start)
    for k in range(weeks):
        w = plan(start)["weeks"][k]
        if scenario == "niggle" and k == 4:
            run(["log", "niggle", "knee_right", "4", "--date", w["start"]], w["start"])
        if scenario == "niggle" and k == 7:
            run(["log", "niggle", "knee_right", "clear", "--date", w["start"]], w["start"])
        for s in w["sessions"]:
            if s["focus"] != "recovery":
                log_session(s, scenario)
    final = plan(start)["weeks"]

    # The main lifts' load in each loading week (its first session).
    series = {}
    for w in final[:weeks + 1]:
        seen = set()
        for s in w["sessions"]:
            for kind, it in items(s, ("main",)):
                if it["load"] and it["exercise"] not in seen:
                    seen.add(it["exercise"])
                    series.setdefault(it["exercise"], []).append(
                        (w["index"], w["phase"], w["deload"], it["reps"], it["load"],
                         it["rpe"], it["note"] or ""))
    for ex, rows in series.items():
        print("loads", ex, " ".join("w%d:%s%g" % (r[0], "d" if r[2] else "", r[4]) for r in rows))

    step = {"romanian_deadlift": 2.5, "hip_thrust": 2.5}
    ups, notes = 0, 0
    for ex, rows in series.items():
        st = step.get(ex, 2.5)
        for a, b in zip(rows, rows[1:]):
            if b[0] != a[0] + 1 or a[2] or b[2] or a[1] != b[1] or a[3] != b[3]:
                continue
            rise = b[4] - a[4]
            e1 = a[4] / pct(a[3], a[5]) if a[5] and a[3] else 0
            if rise > 0:
                ups += 1
            check(rise <= st + 1e-9, "%s week %d -> %d: +%g at most one step (%g)" %
                  (ex, a[0], b[0], rise, st))
            if e1 and rise > 0:
                check(rise <= 0.05 * e1 + 1e-9, "%s week %d: +%g within 5%% of e1RM %.0f" %
                      (ex, b[0], rise, e1))
            if scenario == "stall" and a[3]:
                check(rise <= 0, "%s week %d -> %d: held after a missed rep (%g -> %g)" %
                      (ex, a[0], b[0], a[4], b[4]))
        notes += sum(1 for r in rows if "D1:" in r[6] or "D2:" in r[6] or "D3:" in r[6])
    check(notes > 0, "the log's changes are in the items' notes (%d)" % notes)
    if scenario == "progress":
        rdl = series.get("romanian_deadlift", [])
        check(ups > 0, "loads rise (%d weekly rises)" % ups)
        check(len(rdl) > 2 and max(r[4] for r in rdl) > rdl[0][4],
              "RDL rises above its first load %g" % (rdl[0][4] if rdl else 0))
    if scenario == "stall":
        check(any("D1:" in r[6] and "of" in r[6] for rows in series.values() for r in rows),
              "a held load says which rep was missed (D1)")
    if scenario == "niggle":
        def knee_items(w):
            return [it for s in w["sessions"] for _, it in items(s)
                    if "quads" in it["regions"]]
        during = final[5:7]
        for w in during:
            for it in knee_items(w):
                check("A8" in (it["note"] or "") or "D1:" in (it["note"] or "") or not it["load"],
                      "week %d: %s with the knee niggle is a regression or held" %
                      (w["index"], it["exercise"]))
        swapped = any("A8" in (it["note"] or "") for w in during for s in w["sessions"]
                      for _, it in items(s))
        check(swapped, "weeks 6-7: lifts regressed around the knee (A8)")
        before = {it["exercise"] for w in final[0:3] for it in knee_items(w)}
        after = {it["exercise"] for w in final[8:10] for it in knee_items(w)}
        back = before & after
        check(bool(back), "after the clear the normal knee lifts return: %s" % sorted(back))
        for ex, rows in series.items():
            for a, b in zip(rows, rows[1:]):
                if a[0] in (5, 6) and b[0] == a[0] + 1 and not b[2] and a[3] == b[3] and \
                   "quads" in ex_regions(final, ex):
                    check(b[4] <= a[4], "%s week %d: no increase with the knee niggle" %
                          (ex, b[0]))
    sys.exit(1 if failures else 0)


def ex_regions(weeks, ex):
    for w in weeks:
        for s in w["sessions"]:
            for _, it in items(s):
                if it["exercise"] == ex:
                    return it["regions"]
    return []


if __name__ == "__main__":
    main()
