import { describe, expect, it } from "vitest";
import { createWatchPrinter } from "./watch-printer";
import { NOW, m, pod, s } from "./testing/fixtures";

const nginx = pod({ name: "nginx", age: m(5), node: "node01", ip: "10.244.1.4", phase: "Running", container: { ready: true, running: true } });
const web2 = (status: "creating" | "running" | "terminating", age: number) =>
  pod({
    name: "web2",
    age,
    node: "node01",
    phase: status === "creating" ? "Pending" : "Running",
    container: status === "creating" ? { waiting: "ContainerCreating" } : { ready: status === "running", running: true },
    deletionTimestamp: status === "terminating" ? "2026-11-25T10:00:00Z" : undefined,
  });

describe("createWatchPrinter (kubectl get -w)", () => {
  it("remembers column widths: later, wider lines shift (transcripts/watch.txt)", () => {
    const w = createWatchPrinter({ now: NOW });
    let out = w.printList([nginx]);
    out += w.printEvent("ADDED", web2("creating", s(1)));
    out += w.printEvent("MODIFIED", web2("running", s(5)));
    out += w.printEvent("MODIFIED", web2("terminating", s(22)));
    expect(out).toBe(
      [
        "NAME    READY   STATUS    RESTARTS   AGE",
        "nginx   1/1     Running   0          5m",
        "web2    0/1     ContainerCreating   0          1s",
        "web2    1/1     Running             0          5s",
        "web2    0/1     Terminating         0          22s",
        "",
      ].join("\n"),
    );
  });

  it("--output-watch-events adds a padded EVENT column first", () => {
    const w = createWatchPrinter({ now: NOW + s(3), outputWatchEvents: true });
    let out = w.printList([nginx]);
    out += w.printEvent("ADDED", web2("creating", s(0)));
    out += w.printEvent("MODIFIED", web2("running", s(4)));
    out += w.printEvent("DELETED", web2("terminating", s(23)));
    expect(out).toBe(
      [
        "EVENT      NAME    READY   STATUS    RESTARTS   AGE",
        "ADDED      nginx   1/1     Running   0          5m3s",
        "ADDED      web2    0/1     ContainerCreating   0          3s",
        "MODIFIED   web2    1/1     Running             0          7s",
        "DELETED    web2    0/1     Terminating         0          26s",
        "",
      ].join("\n"),
    );
  });

  it("with an empty initial list the header comes with the first event", () => {
    const w = createWatchPrinter({ now: NOW });
    expect(w.printList([])).toBe("");
    expect(w.printEvent("ADDED", web2("creating", s(1)))).toBe("NAME   READY   STATUS              RESTARTS   AGE\nweb2   0/1     ContainerCreating   0          1s\n");
  });
});
