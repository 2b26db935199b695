import { goJsonCompact, goNumber, goV } from "./go-format";
import type { JsonPathNode, ListNode } from "./parse-jsonpath";

/** A value found by the engine. `missing` marks Go's invalid reflect.Value (evaluation of null input). */
type Value = unknown;

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
/** UTF-8 bytes of a string (ranging over a Go string by index yields bytes). */
function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/** Go type names used in error texts. */
function goTypeName(v: unknown): string {
  if (isMap(v)) return "map[string]interface {}";
  if (Array.isArray(v)) return "[]interface {}";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int64" : "float64";
  return "interface {}";
}

type Kind = "int" | "float" | "string" | "bool" | "other";
function kindOf(v: unknown): Kind {
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  return "other";
}

/** text/template's eq/lt semantics for the basic kinds. */
function compare(op: string, left: unknown, right: unknown): boolean {
  const lk = kindOf(left);
  const rk = kindOf(right);
  if (op === "==" || op === "!=") {
    if (lk === "other" || rk === "other") throw new Error("invalid type for comparison");
    if (lk !== rk) throw new Error("incompatible types for comparison");
    return op === "==" ? left === right : left !== right;
  }
  if (lk === "other" || rk === "other" || lk === "bool" || rk === "bool") throw new Error("invalid type for comparison");
  if (lk !== rk) throw new Error("incompatible types for comparison");
  const l = left as number | string;
  const r = right as number | string;
  switch (op) {
    case "<":
      return l < r;
    case ">":
      return l > r;
    case "<=":
      return l <= r;
    case ">=":
      return l >= r;
  }
  throw new Error(`unrecognized filter operator ${op}`);
}

/** The evaluator of client-go's JSONPath.FindResults, including its range/end state machine. */
export class JsonPathEngine {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode = -1;

  constructor(
    private readonly root: ListNode,
    private readonly allowMissingKeys: boolean,
  ) {}

  findResults(data: unknown): Value[][] {
    this.beginRange = this.inRange = this.endRange = 0;
    this.lastEndNode = -1;
    return this.find(data, 0);
  }

  private find(data: unknown, start: number): Value[][] {
    const nodes = this.root.nodes;
    const cur: Value[] = data === undefined ? [] : [data];
    const full: Value[][] = [];
    for (let i = start; i < nodes.length; i++) {
      const results = this.walk(cur, nodes[i]);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = i;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) for (const v of results) full.push(...this.find(v, i + 1));
        else this.find(undefined, i + 1);
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (k === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: Value[], node: JsonPathNode): Value[] {
    switch (node.type) {
      case "list": {
        let cur = input;
        for (const n of node.nodes) cur = this.walk(cur, n);
        return cur;
      }
      case "text":
        return [node.text];
      case "field":
        return this.field(input, node.name);
      case "array":
        return this.array(input, node.params);
      case "filter":
        return this.filter(input, node);
      case "int":
      case "float":
      case "bool":
        return input.map(() => node.value);
      case "wildcard":
        return input.flatMap((v) => children(v));
      case "recursive":
        return this.recursive(input);
      case "union":
        return node.nodes.flatMap((l) => this.walk(input, l));
      case "identifier":
        if (node.name === "range") {
          this.beginRange++;
          return input;
        }
        if (node.name === "end") {
          if (this.inRange > 0) {
            this.endRange++;
            return [];
          }
          throw new Error("not in range, nothing to end");
        }
        throw new Error(`unrecognized identifier ${node.name}`);
    }
  }

  private field(input: Value[], name: string): Value[] {
    if (input.length === 0) return [];
    // "{.}" names the current object itself.
    if (name === "") return input.filter((v) => v !== null && v !== undefined);
    const results: Value[] = [];
    for (const v of input) {
      if (isMap(v) && Object.prototype.hasOwnProperty.call(v, name)) results.push(v[name]);
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new Error(`${name} is not found`);
    return results;
  }

  private array(input: Value[], nodeParams: readonly { value: number; known: boolean; derived: boolean }[]): Value[] {
    const result: Value[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (!Array.isArray(v)) throw new Error(`${goTypeName(v)} is not array or slice`);
      const p = nodeParams.map((x) => ({ ...x }));
      const len = v.length;
      if (!p[0].known) p[0].value = 0;
      if (p[0].value < 0) p[0].value += len;
      if (!p[1].known) p[1].value = len;
      if (p[1].value < 0 || (p[1].value === 0 && p[1].derived)) p[1].value += len;
      if (p[1].value === p[0].value) return result;
      if (p[0].value >= len || p[0].value < 0) throw new Error(`array index out of bounds: index ${p[0].value}, length ${len}`);
      if (p[1].value > len || p[1].value < 0) throw new Error(`array index out of bounds: index ${p[1].value - 1}, length ${len}`);
      if (p[0].value > p[1].value) throw new Error(`starting index ${p[0].value} is greater than ending index ${p[1].value}`);
      const slice = v.slice(p[0].value, p[1].value);
      let step = 1;
      if (p[2].known) {
        if (p[2].value <= 0) throw new Error("step must be > 0");
        step = p[2].value;
      }
      for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
    }
    return result;
  }

  private filter(input: Value[], node: Extract<JsonPathNode, { type: "filter" }>): Value[] {
    const results: Value[] = [];
    for (const v of input) {
      if (!Array.isArray(v)) throw new Error(`${goV(v)} is not array or slice and cannot be filtered`);
      for (const item of v) {
        let lefts: Value[];
        let leftError: unknown;
        try {
          lefts = this.walk([item], node.left);
        } catch (e) {
          lefts = [];
          leftError = e;
        }
        if (node.operator === "exists") {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        if (leftError) throw leftError;
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new Error("can only compare one element at a time");
        const rights = this.walk([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new Error("can only compare one element at a time");
        if (!["<", ">", "==", "!=", "<=", ">="].includes(node.operator)) throw new Error(`unrecognized filter operator ${node.operator}`);
        if (compare(node.operator, lefts[0], rights[0])) results.push(item);
      }
    }
    return results;
  }

  private recursive(input: Value[]): Value[] {
    const result: Value[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      const kids = children(v);
      if (kids.length !== 0) {
        result.push(v);
        result.push(...this.recursive(kids));
      }
    }
    return result;
  }
}

/** Map values (in sorted key order: Go's is random), list items, or a string's bytes. */
function children(v: Value): Value[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v;
  if (isMap(v)) return Object.keys(v).sort().map((k) => v[k]);
  if (typeof v === "string") return utf8Bytes(v);
  return [];
}

/** How PrintResults writes one found value: JSON for maps and lists, fmt.Print otherwise, `null` for nil. */
export function valueText(v: Value): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "object") return goJsonCompact(v);
  if (typeof v === "number") return goNumber(v);
  return String(v);
}
