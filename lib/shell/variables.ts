import { AssocArray, IndexedArray, type ShellArray } from "./shell-array";
import type { Session, VarEntry } from "./shell-types";

/** A variable operation bash refuses ("a[-5]: bad array subscript"); the message has no "bash: " prefix. */
export class VariableError extends Error {}

/** An indexed array from a list of values (BASH_REMATCH, FUNCNAME). */
export function indexedFrom(values: string[]): IndexedArray {
  const a = new IndexedArray();
  a.clear();
  values.forEach((v, i) => a.set(i, v));
  return a;
}

/**
 * The array `name`, made one of `kind` if it is not yet an array: a scalar becomes element 0 (key "0"),
 * as `declare -a s` / `s[1]=x` do in bash. Indexed and associative never convert into each other.
 */
export function ensureArray(s: Session, name: string, kind: ShellArray["kind"], who = ""): ShellArray {
  const cur = s.arrays.get(name);
  if (cur) {
    if (cur.kind !== kind) {
      throw new VariableError(`${who}${name}: cannot convert ${cur.kind === "assoc" ? "associative to indexed" : "indexed to associative"} array`);
    }
    return cur;
  }
  const arr = kind === "assoc" ? new AssocArray() : new IndexedArray();
  const scalar = s.vars.get(name);
  if (scalar) {
    if (!scalar.declaredOnly) {
      if (arr.kind === "assoc") arr.set("0", scalar.value);
      else arr.set(0, scalar.value);
    }
    s.vars.delete(name);
  }
  s.arrays.set(name, arr);
  return arr;
}

/** A negative index counts back from one past the highest set index; below zero it is a bad subscript. */
export function resolveIndex(arr: IndexedArray | undefined, n: number): number | undefined {
  if (n >= 0) return n;
  const r = (arr?.maxIndex ?? -1) + 1 + n;
  return r < 0 ? undefined : r;
}

/** Element `key` of `name`: an array's element, or for a scalar its value at index 0. */
export function getElement(s: Session, name: string, key: string | number): string | undefined {
  const arr = s.arrays.get(name);
  if (arr?.kind === "assoc") return arr.get(String(key));
  if (arr) {
    const i = resolveIndex(arr, Number(key));
    return i === undefined ? undefined : arr.get(i);
  }
  const v = s.vars.get(name);
  return (Number(key) === 0 || key === "0") && !v?.declaredOnly ? v?.value : undefined;
}

/** Set element `key` (an integer for indexed arrays, a string for associative ones); `label` names it in errors. */
export function setElement(s: Session, name: string, key: string | number, value: string, label: string): void {
  const cur = s.arrays.get(name);
  if (cur?.kind === "assoc") {
    cur.set(String(key), value);
    return;
  }
  const n = typeof key === "number" ? key : Number(key);
  const i = resolveIndex(cur, n);
  if (i === undefined) throw new VariableError(`${label}: bad array subscript`);
  (ensureArray(s, name, "indexed") as IndexedArray).set(i, value);
}

/** Assign a scalar: on an array name it sets element 0 (key "0"), keeping the other elements, as bash does. */
export function setScalar(s: Session, name: string, value: string, exported?: boolean): void {
  const arr = s.arrays.get(name);
  if (arr) {
    if (arr.kind === "assoc") arr.set("0", value);
    else arr.set(0, value);
    return;
  }
  const cur = s.vars.get(name);
  const next: VarEntry = { ...cur, value, exported: exported ?? cur?.exported ?? false };
  delete next.declaredOnly;
  s.vars.set(name, next);
}

/** `declare x` / `export x` / `local x`: the name exists with its attributes, yet reads as unset. */
export function declareOnly(s: Session, name: string, exported = false): void {
  s.vars.set(name, { value: "", exported, declaredOnly: true });
}

/** Every name holding a value or an array, sorted as `declare -p` / `set` list them. */
export function allNames(s: Session): string[] {
  return [...new Set([...s.vars.keys(), ...s.arrays.keys()])].sort();
}
