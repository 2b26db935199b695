import { describe, it, expect } from "vitest";
import { NO_INTERACTIVE_EDITOR } from "./editor";
import { harness } from "./testing/harness";

describe("editor protocol", () => {
  it("vi without an interactive editor fails honestly", async () => {
    const h = harness();
    expect(await h.run("vi pod.yaml")).toMatchObject({ err: NO_INTERACTIVE_EDITOR + "\n", code: 1 });
  });

  it("vi hands the file to the host's editor and saves what it returns", async () => {
    const seen: string[] = [];
    const h = harness({
      interactiveEditor: async (path, content) => {
        seen.push(`${path}:${content}`);
        return content + "edited\n";
      },
    });
    await h.run("echo 'a: 1' > pod.yaml && vim pod.yaml");
    expect(seen).toEqual(["/root/pod.yaml:a: 1\n"]);
    expect((await h.run("cat pod.yaml")).out).toBe("a: 1\nedited\n");
  });

  it("a script editor runs as a command with the path appended (KUBE_EDITOR)", async () => {
    let code = -1;
    const h = harness({
      commands: {
        fakeedit: async (io) => {
          code = await io.edit("/root/x.yaml", io.env.KUBE_EDITOR ?? "vi");
          return code;
        },
      },
    });
    await h.run("echo 'image: nginx' > x.yaml");
    await h.run(`KUBE_EDITOR="sed -i s/nginx/httpd/" fakeedit`);
    expect(code).toBe(0);
    expect((await h.run("cat x.yaml")).out).toBe("image: httpd\n");
  });
});
