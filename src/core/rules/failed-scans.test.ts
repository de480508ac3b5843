import { describe, expect, it } from "vitest";
import type { Scan } from "../model.ts";
import type { Finding } from "../task.ts";
import { ago, ahead, ctx, DAY, facts, HOUR, MS, NOW, only, scan } from "../test-fixtures.ts";
import { snsFailedScans, wasFailedScans } from "./failed-scans.ts";

function sns(scans: readonly Scan[], now = NOW): Finding[] {
  return snsFailedScans.evaluate(facts({ scans }), ctx(now));
}

function was(scans: readonly Scan[], now = NOW): Finding[] {
  return wasFailedScans.evaluate(facts({ scans }), ctx(now));
}

describe("failed scans: the 7-day window", () => {
  it("R-FAILED-SCANS-2 one failed scan yesterday is high", () => {
    const f = only(sns([scan("x1", "SNS", "error", ago(DAY))]));
    expect(f.severity).toBe("high");
    expect(f.ruleId).toBe("R-FAILED-SCANS-2");
    expect(f.details).toEqual({
      product: "SNS",
      failedScanCount: 1,
      scanDate: "2026-03-09",
      failedScans: [{ id: "x1", target: "10.0.0.0/24", startedAt: ago(DAY) }],
    });
    expect(f.highlight).toEqual(["x1"]);
    expect(f.fingerprint).toBe("sns-failed-scans/c1");
    expect(f.tab).toBe("churn-risk");
  });

  it("R-FAILED-SCANS-1 an error started 7 × 24 h − 1 ms ago is inside the window", () => {
    expect(only(sns([scan("x1", "SNS", "error", ago(7 * DAY - MS))])).severity).toBe("high");
  });

  it("R-FAILED-SCANS-1 an error started exactly 7 × 24 h ago is outside the window", () => {
    expect(sns([scan("x1", "SNS", "error", ago(7 * DAY))])).toEqual([]);
  });

  it("R-FAILED-SCANS-1 an error started 8 days ago raises nothing", () => {
    expect(sns([scan("x1", "SNS", "error", ago(8 * DAY))])).toEqual([]);
  });

  it("R-FAILED-SCANS-1 an error started exactly now counts; one started after now is ignored", () => {
    expect(only(sns([scan("x1", "SNS", "error", NOW)])).details).toMatchObject({ failedScanCount: 1 });
    expect(sns([scan("x1", "SNS", "error", ahead(MS))])).toEqual([]);
  });

  it("R-FAILED-SCANS-1 only status error is a failure", () => {
    const others = (
      ["requested", "running", "paused", "stopped", "finished", "finished-with-warning"] as const
    ).map((status, i) => scan(`s${i}`, "SNS", status, ago(HOUR), `t${i}`));
    expect(sns(others)).toEqual([]);
  });
});

describe("failed scans: superseded by a later success", () => {
  it("R-FAILED-SCANS-1 a later finished scan of the same target supersedes the error", () => {
    expect(sns([scan("x1", "SNS", "error", ago(2 * DAY)), scan("ok", "SNS", "finished", ago(DAY))])).toEqual(
      [],
    );
  });

  it("R-FAILED-SCANS-1 a later finished-with-warning scan of the same target supersedes the error", () => {
    const scans = [
      scan("x1", "SNS", "error", ago(2 * DAY)),
      scan("ok", "SNS", "finished-with-warning", ago(DAY)),
    ];
    expect(sns(scans)).toEqual([]);
  });

  it("R-FAILED-SCANS-1 a later success of another target does not supersede the error", () => {
    const scans = [
      scan("x1", "SNS", "error", ago(2 * DAY), "10.0.0.0/24"),
      scan("ok", "SNS", "finished", ago(DAY), "192.168.1.0/24"),
    ];
    expect(only(sns(scans)).details).toMatchObject({ failedScanCount: 1 });
  });

  it("R-FAILED-SCANS-1 a later stopped scan of the same target does not supersede the error", () => {
    const scans = [scan("x1", "SNS", "error", ago(2 * DAY)), scan("st", "SNS", "stopped", ago(DAY))];
    expect(only(sns(scans)).highlight).toEqual(["x1"]);
  });

  it("R-FAILED-SCANS-1 an earlier success does not supersede a later error", () => {
    const scans = [scan("ok", "SNS", "finished", ago(2 * DAY)), scan("x1", "SNS", "error", ago(DAY))];
    expect(only(sns(scans)).highlight).toEqual(["x1"]);
  });

  it("R-FAILED-SCANS-1 a success at the very same instant as the error does not supersede it", () => {
    const at = ago(DAY);
    expect(only(sns([scan("x1", "SNS", "error", at), scan("ok", "SNS", "finished", at)])).highlight).toEqual([
      "x1",
    ]);
  });

  it("R-FAILED-SCANS-1 a success started after now does not supersede (evaluation as of now)", () => {
    const scans = [scan("x1", "SNS", "error", ago(DAY)), scan("ok", "SNS", "finished", ahead(HOUR))];
    expect(only(sns(scans)).highlight).toEqual(["x1"]);
  });

  it("R-FAILED-SCANS-1 a success supersedes only the errors before it", () => {
    const scans = [
      scan("x1", "SNS", "error", ago(3 * DAY)),
      scan("ok", "SNS", "finished", ago(2 * DAY)),
      scan("x2", "SNS", "error", ago(DAY)),
    ];
    expect(only(sns(scans)).highlight).toEqual(["x2"]);
  });

  it("R-FAILED-SCANS-1 scans without a target group together", () => {
    const superseded = [
      scan("x1", "SNS", "error", ago(2 * DAY), null),
      scan("ok", "SNS", "finished", ago(DAY), null),
    ];
    expect(sns(superseded)).toEqual([]);
    const other = [
      scan("x1", "SNS", "error", ago(2 * DAY), null),
      scan("ok", "SNS", "finished", ago(DAY), "t"),
    ];
    expect(only(sns(other)).details).toMatchObject({ failedScans: [{ id: "x1", target: null }] });
  });

  it("R-FAILED-SCANS-1 a success older than the window still supersedes nothing newer", () => {
    const scans = [scan("ok", "SNS", "finished", ago(10 * DAY)), scan("x1", "SNS", "error", ago(6 * DAY))];
    expect(only(sns(scans)).highlight).toEqual(["x1"]);
  });
});

describe("failed scans: SNS and WAS", () => {
  it("R-FAILED-SCANS-1 SNS and WAS are separate tasks", () => {
    const scans = [
      scan("s1", "SNS", "error", ago(DAY)),
      scan("w1", "WAS", "error", ago(HOUR), "https://a.test"),
    ];
    expect(only(sns(scans)).highlight).toEqual(["s1"]);
    const w = only(was(scans));
    expect(w.type).toBe("was-failed-scans");
    expect(w.fingerprint).toBe("was-failed-scans/c1");
    expect(w.details).toMatchObject({
      product: "WAS",
      failedScans: [{ id: "w1", target: "https://a.test" }],
    });
  });

  it("R-FAILED-SCANS-1 a WAS success does not supersede an SNS error of the same target", () => {
    const scans = [
      scan("s1", "SNS", "error", ago(2 * DAY), "t"),
      scan("w1", "WAS", "finished", ago(DAY), "t"),
    ];
    expect(only(sns(scans)).highlight).toEqual(["s1"]);
    expect(was(scans)).toEqual([]);
  });

  it("R-FAILED-SCANS-2 several failures: counted, newest first, scanDate of the latest", () => {
    const scans = [
      scan("a", "WAS", "error", ago(5 * DAY), "https://a.test"),
      scan("b", "WAS", "error", "2026-03-09T23:30:00.000Z", "https://b.test"),
      scan("c", "WAS", "error", ago(2 * DAY), "https://c.test"),
    ];
    const f = only(was(scans));
    expect(f.details).toMatchObject({ failedScanCount: 3, scanDate: "2026-03-10" });
    expect(f.highlight).toEqual(["b", "c", "a"]);
    expect(f.title).toBe("3 failed WAS scans (Web Application Security)");
  });
});
