import { describe, expect, it } from "vitest";
import { instantiateLab } from "./instantiate-lab";
import { parseLab } from "./load-labs";

const minimal = `
id: demo
title: Demo lab
module: pods
summary: A lab used by the tests of the lab format.
setup:
  seed: 5
  params:
    name: { pick: [alpha, beta, gamma] }
    count: { int: { min: 2, max: 4 } }
tasks:
  - id: make-pod
    text: Create a pod named {{name}}.
    checks:
      - { type: exists, kind: pod, name: "{{name}}" }
      - { type: podCount, equals: "{{count}}" }
solutions:
  - commands: ["kubectl run {{name}} --image=nginx"]
`;

describe("lab files", () => {
  it("fills parameters from the seed, keeping numbers numbers", () => {
    const template = parseLab("content/pods/demo.lab.yaml", minimal);
    const a = instantiateLab(template, 1);
    const b = instantiateLab(template, 1);
    expect(a).toEqual(b);
    const task = a.lab.tasks[0];
    expect(task.text).toBe(`Create a pod named ${a.params.name}.`);
    expect(task.checks[1]).toMatchObject({ type: "podCount", equals: a.params.count });
    expect(typeof a.params.count).toBe("number");
    const names = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((s) => instantiateLab(template, s).params.name));
    expect(names.size).toBeGreaterThan(1);
  });

  it("names the file and field of a mistake", () => {
    const bad = minimal.replace("type: exists, kind: pod", "type: exist, kind: pod");
    expect(() => parseLab("content/pods/demo.lab.yaml", bad)).toThrow(/^content\/pods\/demo\.lab\.yaml: tasks\.0\.checks\.0\.type: /);
  });

  it("rejects unknown fields and unknown parameters", () => {
    expect(() => parseLab("x.lab.yaml", minimal.replace("summary:", "sumary: x\nsummary:"))).toThrow(/x\.lab\.yaml: \(root\): Unrecognized key: "sumary"/);
    expect(() => parseLab("x.lab.yaml", minimal.replace("Create a pod named {{name}}", "Create {{nme}}"))).toThrow(
      "x.lab.yaml: unknown parameter(s) {{nme}}: declare them under setup.params",
    );
  });

  it("requires a reference solution and explains a bad check", () => {
    expect(() => parseLab("x.lab.yaml", minimal.replace(/solutions:[\s\S]*$/, "solutions: []\n"))).toThrow(/x\.lab\.yaml: solutions: Too small/);
    expect(() => parseLab("x.lab.yaml", minimal.replace('{ type: podCount, equals: "{{count}}" }', "{ type: podCount }"))).toThrow(
      /tasks\.0\.checks\.1: a podCount check needs equals, min or max/,
    );
  });

  it("refuses YAML that is not a lab", () => {
    expect(() => parseLab("x.lab.yaml", "- a\n- b\n")).toThrow("x.lab.yaml: (root): a lab is a mapping");
    expect(() => parseLab("x.lab.yaml", "id: [\n")).toThrow(/^x\.lab\.yaml: not valid YAML/);
  });
});
