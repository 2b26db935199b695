import type { KubeObject } from "../types";
import type { FieldError } from "../status";
import { jsonEqual, deepCopy } from "../object-util";
import { duplicate, forbiddenField, invalidValue, notFoundField, notSupported, required } from "./field-errors";
import { isDNS1123Label, isValidPortName } from "./names";
import { validateLabels } from "./meta-validation";
import { parseQuantity } from "./quantity";
import { podSpecDiff } from "./pod-spec-diff";

type Obj = Record<string, unknown>;

const VOLUME_SOURCES = ["emptyDir", "hostPath", "configMap", "secret", "persistentVolumeClaim", "projected", "downwardAPI", "nfs", "csi", "ephemeral", "image"];

function list(v: unknown): Obj[] {
  return Array.isArray(v) ? (v as Obj[]).filter((x) => x && typeof x === "object") : [];
}

function validateVolumes(volumes: Obj[], path: string): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  volumes.forEach((v, i) => {
    const p = `${path}[${i}]`;
    const name = String(v.name ?? "");
    if (!name) errs.push(required(`${p}.name`));
    else {
      for (const m of isDNS1123Label(name)) errs.push(invalidValue(`${p}.name`, name, m));
      if (names.has(name)) errs.push(duplicate(`${p}.name`, name));
      names.add(name);
    }
    const sources = VOLUME_SOURCES.filter((s) => v[s] !== undefined);
    if (sources.length === 0) errs.push(required(p, "must specify a volume type"));
    else if (sources.length > 1) errs.push(forbiddenField(`${p}.${sources[1]}`, "may not specify more than 1 volume type"));
    const hp = v.hostPath as Obj | undefined;
    if (hp && !hp.path) errs.push(required(`${p}.hostPath.path`));
    const hpTypes = ["", "DirectoryOrCreate", "Directory", "FileOrCreate", "File", "Socket", "CharDevice", "BlockDevice"];
    if (hp && hp.type !== undefined && !hpTypes.includes(String(hp.type))) errs.push(notSupported(`${p}.hostPath.type`, hp.type, hpTypes.slice(1)));
    const cm = v.configMap as Obj | undefined;
    if (cm && !cm.name) errs.push(required(`${p}.configMap.name`));
    const sec = v.secret as Obj | undefined;
    if (sec && !sec.secretName) errs.push(required(`${p}.secret.secretName`));
    const pvc = v.persistentVolumeClaim as Obj | undefined;
    if (pvc && !pvc.claimName) errs.push(required(`${p}.persistentVolumeClaim.claimName`));
  });
  return { errs, names };
}

function validateResources(res: Obj | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!res) return errs;
  const limits = (res.limits ?? {}) as Obj;
  const requests = (res.requests ?? {}) as Obj;
  for (const [kind, map] of [["limits", limits], ["requests", requests]] as const) {
    for (const [k, v] of Object.entries(map)) {
      const q = parseQuantity(v);
      if (q === undefined) errs.push(invalidValue(`${path}.${kind}[${k}]`, String(v), "must be a valid quantity"));
      else if (q < 0) errs.push(invalidValue(`${path}.${kind}[${k}]`, String(v), "must be greater than or equal to 0"));
    }
  }
  for (const [k, v] of Object.entries(requests)) {
    if (limits[k] === undefined) continue;
    const rq = parseQuantity(v);
    const lq = parseQuantity(limits[k]);
    if (rq !== undefined && lq !== undefined && rq > lq) {
      errs.push(invalidValue(`${path}.requests`, String(v), `must be less than or equal to ${k} limit of ${String(limits[k])}`));
    }
  }
  return errs;
}

function validateContainer(c: Obj, p: string, volumes: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  const name = typeof c.name === "string" ? c.name : "";
  if (!name) errs.push(required(`${p}.name`));
  else for (const m of isDNS1123Label(name)) errs.push(invalidValue(`${p}.name`, name, m));
  if (!c.image || (typeof c.image === "string" && c.image.trim() === "")) errs.push(required(`${p}.image`));
  const portNames = new Set<string>();
  list(c.ports).forEach((port, j) => {
    const pp = `${p}.ports[${j}]`;
    if (typeof port.name === "string" && port.name !== "") {
      for (const m of isValidPortName(port.name)) errs.push(invalidValue(`${pp}.name`, port.name, m));
      if (portNames.has(port.name)) errs.push(duplicate(`${pp}.name`, port.name));
      portNames.add(port.name);
    }
    const cp = port.containerPort;
    if (cp === undefined || cp === 0) errs.push(required(`${pp}.containerPort`));
    else if (typeof cp === "number" && (cp < 1 || cp > 65535)) errs.push(invalidValue(`${pp}.containerPort`, cp, "must be between 1 and 65535, inclusive"));
    if (typeof port.hostPort === "number" && port.hostPort !== 0 && (port.hostPort < 1 || port.hostPort > 65535)) {
      errs.push(invalidValue(`${pp}.hostPort`, port.hostPort, "must be between 1 and 65535, inclusive"));
    }
    if (!["TCP", "UDP", "SCTP"].includes(String(port.protocol))) errs.push(notSupported(`${pp}.protocol`, port.protocol, ["SCTP", "TCP", "UDP"]));
  });
  list(c.env).forEach((e, j) => {
    if (!e.name) errs.push(required(`${p}.env[${j}].name`));
  });
  const mountPaths = new Set<string>();
  list(c.volumeMounts).forEach((m, j) => {
    const mp = `${p}.volumeMounts[${j}]`;
    if (!m.name) errs.push(required(`${mp}.name`));
    else if (!volumes.has(String(m.name))) errs.push(notFoundField(`${mp}.name`, m.name));
    if (!m.mountPath) errs.push(required(`${mp}.mountPath`));
    else if (mountPaths.has(String(m.mountPath))) errs.push(invalidValue(`${mp}.mountPath`, m.mountPath, "must be unique"));
    else mountPaths.add(String(m.mountPath));
  });
  errs.push(...validateResources(c.resources as Obj | undefined, `${p}.resources`));
  if (c.imagePullPolicy !== undefined && !["Always", "IfNotPresent", "Never"].includes(String(c.imagePullPolicy))) {
    errs.push(notSupported(`${p}.imagePullPolicy`, c.imagePullPolicy, ["Always", "IfNotPresent", "Never"]));
  }
  if (c.terminationMessagePolicy !== undefined && !["File", "FallbackToLogsOnError"].includes(String(c.terminationMessagePolicy))) {
    errs.push(notSupported(`${p}.terminationMessagePolicy`, c.terminationMessagePolicy, ["File", "FallbackToLogsOnError"]));
  }
  return errs;
}

/** ValidatePodSpec (the parts learners hit), with field paths under `path`. */
export function validatePodSpec(spec: Obj, path: string, _opts: { isPod: boolean }): FieldError[] {
  const errs: FieldError[] = [];
  const vol = validateVolumes(list(spec.volumes), `${path}.volumes`);
  errs.push(...vol.errs);
  const containers = list(spec.containers);
  if (containers.length === 0) errs.push(required(`${path}.containers`));
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = `${path}.containers[${i}]`;
    errs.push(...validateContainer(c, p, vol.names));
    if (typeof c.name === "string" && c.name) {
      if (names.has(c.name)) errs.push(duplicate(`${p}.name`, c.name));
      names.add(c.name);
    }
  });
  list(spec.initContainers).forEach((c, i) => {
    const p = `${path}.initContainers[${i}]`;
    errs.push(...validateContainer(c, p, vol.names));
    if (typeof c.name === "string" && c.name) {
      if (names.has(c.name)) errs.push(duplicate(`${p}.name`, c.name));
      names.add(c.name);
    }
  });
  if (!["Always", "OnFailure", "Never"].includes(String(spec.restartPolicy))) {
    errs.push(notSupported(`${path}.restartPolicy`, spec.restartPolicy ?? "", ["Always", "OnFailure", "Never"]));
  }
  if (!["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"].includes(String(spec.dnsPolicy))) {
    errs.push(notSupported(`${path}.dnsPolicy`, spec.dnsPolicy ?? "", ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"]));
  }
  errs.push(...validateLabels(spec.nodeSelector as Record<string, string> | undefined, `${path}.nodeSelector`));
  if (typeof spec.serviceAccountName === "string" && spec.serviceAccountName) {
    for (const m of isDNS1123SubdomainSafe(spec.serviceAccountName)) errs.push(invalidValue(`${path}.serviceAccountName`, spec.serviceAccountName, m));
  }
  if (typeof spec.nodeName === "string" && spec.nodeName) {
    for (const m of isDNS1123SubdomainSafe(spec.nodeName)) errs.push(invalidValue(`${path}.nodeName`, spec.nodeName, m));
  }
  list(spec.tolerations).forEach((t, i) => {
    const p = `${path}.tolerations[${i}]`;
    const op = t.operator ?? "Equal";
    if (op === "Exists" && t.value) errs.push(invalidValue(`${p}.operator`, t.value, "value must be empty when `operator` is 'Exists'"));
    else if (op !== "Exists" && op !== "Equal") errs.push(notSupported(`${p}.operator`, op, ["Equal", "Exists"]));
    if (!t.key && op !== "Exists") errs.push(invalidValue(`${p}.operator`, op, "operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
    if (t.effect !== undefined && t.effect !== "" && !["NoSchedule", "PreferNoSchedule", "NoExecute"].includes(String(t.effect))) {
      errs.push(notSupported(`${p}.effect`, t.effect, ["NoExecute", "NoSchedule", "PreferNoSchedule"]));
    }
    if (t.tolerationSeconds !== undefined && t.effect !== "NoExecute") {
      errs.push(invalidValue(`${p}.effect`, t.effect ?? "", "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
  });
  const na = ((spec.affinity as Obj | undefined)?.nodeAffinity as Obj | undefined)?.requiredDuringSchedulingIgnoredDuringExecution as Obj | undefined;
  if (na) {
    const terms = list(na.nodeSelectorTerms);
    const p = `${path}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`;
    if (terms.length === 0) errs.push(required(p, "must have at least one node selector term"));
    terms.forEach((t, i) => {
      list(t.matchExpressions).forEach((e, j) => {
        const ep = `${p}[${i}].matchExpressions[${j}]`;
        const ops = ["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"];
        if (!ops.includes(String(e.operator))) errs.push(invalidValue(`${ep}.operator`, e.operator, "not a valid selector operator"));
        const values = Array.isArray(e.values) ? e.values : [];
        if ((e.operator === "In" || e.operator === "NotIn") && values.length === 0) errs.push(required(`${ep}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
        if ((e.operator === "Exists" || e.operator === "DoesNotExist") && values.length > 0) errs.push(forbiddenField(`${ep}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      });
    });
  }
  if (typeof spec.activeDeadlineSeconds === "number" && spec.activeDeadlineSeconds <= 0) {
    errs.push(invalidValue(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, "must be between 1 and 2147483647, inclusive"));
  }
  return errs;
}

function isDNS1123SubdomainSafe(v: string): string[] {
  return /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(v) && v.length <= 253
    ? []
    : [
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ];
}

const FORBIDDEN_UPDATE =
  "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

/** ValidatePodUpdate: only images, activeDeadlineSeconds, added tolerations and a few more may change. */
export function validatePodUpdate(pod: KubeObject, old: KubeObject): FieldError[] {
  const spec = (pod.spec ?? {}) as Obj;
  const oldSpec = (old.spec ?? {}) as Obj;
  const errs = validatePodSpec(spec, "spec", { isPod: true });
  if (errs.length > 0) return errs;
  // Copy the mutable fields from the new spec onto the old one; anything else that differs is forbidden.
  const mutable = deepCopy(oldSpec);
  for (const list of ["containers", "initContainers"]) {
    const a = (mutable[list] ?? []) as Obj[];
    const b = (spec[list] ?? []) as Obj[];
    if (a.length === b.length) a.forEach((c, i) => (c.image = b[i]?.image));
  }
  if (spec.activeDeadlineSeconds !== undefined) mutable.activeDeadlineSeconds = spec.activeDeadlineSeconds;
  const oldTols = (oldSpec.tolerations ?? []) as Obj[];
  const newTols = (spec.tolerations ?? []) as Obj[];
  if (oldTols.every((t) => newTols.some((n) => jsonEqual(n, t)))) mutable.tolerations = spec.tolerations;
  if (typeof oldSpec.terminationGracePeriodSeconds === "number" && oldSpec.terminationGracePeriodSeconds < 0 && spec.terminationGracePeriodSeconds === 1) {
    mutable.terminationGracePeriodSeconds = 1;
  }
  if (spec.nodeName === undefined && oldSpec.nodeName !== undefined) mutable.nodeName = oldSpec.nodeName;
  if (!jsonEqual(mutable, spec)) {
    return [forbiddenField("spec", `${FORBIDDEN_UPDATE}\n${podSpecDiff(mutable, spec)}`)];
  }
  return [];
}
