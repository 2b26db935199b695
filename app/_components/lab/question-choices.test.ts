import { describe, expect, it } from "vitest";
import { questionChoices } from "./question-choices";

const raw = {
  id: "choices-demo",
  title: "Choices demo",
  module: "pods",
  summary: "A lab with one choice question whose choices depend on a parameter.",
  setup: { seed: 1, params: { ns: { pick: ["finance", "billing"] } } },
  questions: [
    { type: "choice", id: "where", text: "Which namespace?", choices: ["default", "{{ns}}"], answer: { param: "ns" }, explanation: "It is {{ns}}." },
    { type: "value", id: "count", text: "How many pods?", answer: { value: 1 }, explanation: "One pod runs." },
  ],
  tasks: [{ id: "t", text: "Create pod x", checks: [{ type: "exists", kind: "pod", name: "x" }] }],
  solutions: [{ name: "reference", commands: ["kubectl run x --image=nginx"] }],
};

describe("questionChoices", () => {
  it("lists each choice question's choices with this attempt's parameters filled in", () => {
    const seen = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const choices = questionChoices({ file: "demo.lab.yaml", raw }, seed);
      expect(Object.keys(choices)).toEqual(["where"]);
      expect(choices.where[0]).toBe("default");
      expect(["finance", "billing"]).toContain(choices.where[1]);
      seen.add(choices.where[1]);
    }
    expect(seen.size).toBe(2);
  });

  it("gives no choices (a text answer instead) when the lab cannot be read", () => {
    expect(questionChoices({ file: "broken.lab.yaml", raw: { id: "broken" } }, 1)).toEqual({});
  });
});
