import { describe, expect, it } from "vitest";
import { describeEvents, searchEvents, type CoreEvent } from "./events";
import { PrefixWriter } from "./prefix-writer";
import { fakeClient } from "./testing/fake-client";
import { NOW, ago, event, nginxPod, frontendRS } from "./testing/fixtures";

function render(events: CoreEvent[]): string {
  const w = new PrefixWriter();
  describeEvents(events, w, NOW);
  return w.toString();
}

describe("describeEvents", () => {
  it("prints <none> when there are no events", () => {
    expect(render([])).toBe("Events:  <none>\n");
  });

  it("shows aggregated events as '<last> (xN over <first>)' and sorts by last occurrence", () => {
    const late = event({ object: nginxPod, reason: "BackOff", message: 'Back-off pulling image "x"', component: "kubelet", first: 120, last: 10, count: 5 });
    const early = event({ object: nginxPod, reason: "Scheduled", message: "Successfully assigned default/nginx to node01", component: "default-scheduler", first: 121 });
    expect(render([late, early] as CoreEvent[])).toBe(
      [
        "Events:",
        "  Type    Reason     Age               From               Message",
        "  ----    ------     ----              ----               -------",
        "  Normal  Scheduled  2m1s              default-scheduler  Successfully assigned default/nginx to node01",
        '  Normal  BackOff    10s (x5 over 2m)  kubelet            Back-off pulling image "x"',
        "",
      ].join("\n"),
    );
  });

  it("uses series and eventTime for new-style events, and reportingController when there is no source", () => {
    const e = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: "x" },
      type: "Warning",
      reason: "FailedScheduling",
      message: "  0/2 nodes are available.  ",
      eventTime: ago(300),
      series: { count: 4, lastObservedTime: ago(30) },
      reportingController: "default-scheduler",
    } as CoreEvent;
    expect(render([e]).split("\n")[3]).toBe("  Warning  FailedScheduling  30s (x4 over 5m)  default-scheduler  0/2 nodes are available.");
  });
});

describe("searchEvents", () => {
  it("asks for the object's events with kubectl's field selector, in its namespace", () => {
    const mine = event({ object: frontendRS, reason: "SuccessfulCreate", message: "Created pod: a", component: "replicaset-controller", first: 5 });
    const other = event({ object: nginxPod, reason: "Scheduled", message: "x", component: "default-scheduler", first: 5 });
    const client = fakeClient({ events: [mine, other] });
    const found = searchEvents(client, { kind: "ReplicaSet", name: "frontend", namespace: "default", uid: "uid-rs-frontend" });
    expect(found.map((e) => e.reason)).toEqual(["SuccessfulCreate"]);
    expect(client.calls).toEqual([
      {
        resource: "events",
        namespace: "default",
        labelSelector: undefined,
        fieldSelector: "involvedObject.kind=ReplicaSet,involvedObject.name=frontend,involvedObject.namespace=default,involvedObject.uid=uid-rs-frontend",
      },
    ]);
  });

  it("drops events of an older object with the same name (different uid)", () => {
    const stale = event({ object: { ...nginxPod, metadata: { ...nginxPod.metadata, uid: "old-uid" } }, reason: "Killing", message: "Stopping container nginx", component: "kubelet", first: 900 });
    const client = fakeClient({ events: [stale] });
    expect(searchEvents(client, { name: "nginx", namespace: "default", uid: nginxPod.metadata.uid })).toEqual([]);
  });
});
