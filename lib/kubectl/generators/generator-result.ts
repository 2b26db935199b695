import type { KubeObject } from "../../cluster/index";

/**
 * A generated object, or kubectl's error. `usage` errors get the `See 'kubectl x -h'` line.
 * Objects are built in Go struct field order so `-o json` matches; `-o yaml` sorts keys anyway.
 */
export type GeneratorResult = { ok: true; object: KubeObject } | { ok: false; error: string; usage?: boolean };
