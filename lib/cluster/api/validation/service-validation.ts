import type { KubeObject } from "../types";
import type { FieldError } from "../status";
import { duplicate, forbiddenField, invalidValue, notSupported, required } from "./field-errors";
import { validateLabels } from "./meta-validation";
import { isDNS1123Label, isValidPortName } from "./names";

type Obj = Record<string, unknown>;

export function validateService(svc: KubeObject): FieldError[] {
  const spec = (svc.spec ?? {}) as Obj;
  const errs: FieldError[] = [];
  const type = spec.type;
  const types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
  if (!types.includes(String(type))) errs.push(notSupported("spec.type", type, types));
  const ports = (Array.isArray(spec.ports) ? spec.ports : []) as Obj[];
  const headless = spec.clusterIP === "None";
  if (ports.length === 0 && type !== "ExternalName" && !headless) errs.push(required("spec.ports"));
  if (type === "ExternalName" && !spec.externalName) errs.push(required("spec.externalName"));
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const pp = `spec.ports[${i}]`;
    const name = typeof p.name === "string" ? p.name : "";
    if (ports.length > 1 && !name) errs.push(required(`${pp}.name`));
    if (name) {
      // Service port names are DNS-1123 labels ("80-8080" is fine), unlike container port names (IANA_SVC_NAME).
      for (const m of isDNS1123Label(name)) errs.push(invalidValue(`${pp}.name`, name, m));
      if (names.has(name)) errs.push(duplicate(`${pp}.name`, name));
      names.add(name);
    }
    if (typeof p.port !== "number" || p.port < 1 || p.port > 65535) errs.push(invalidValue(`${pp}.port`, p.port ?? 0, "must be between 1 and 65535, inclusive"));
    if (!["TCP", "UDP", "SCTP"].includes(String(p.protocol))) errs.push(notSupported(`${pp}.protocol`, p.protocol, ["SCTP", "TCP", "UDP"]));
    const tp = p.targetPort;
    if (typeof tp === "number" && (tp < 1 || tp > 65535)) errs.push(invalidValue(`${pp}.targetPort`, tp, "must be between 1 and 65535, inclusive"));
    if (typeof tp === "string") for (const m of isValidPortName(tp)) errs.push(invalidValue(`${pp}.targetPort`, tp, m));
    if (p.nodePort !== undefined && p.nodePort !== 0 && type === "ClusterIP") {
      errs.push(forbiddenField(`${pp}.nodePort`, "may not be used when `type` is 'ClusterIP'"));
    }
  });
  errs.push(...validateLabels(spec.selector as Record<string, string> | undefined, "spec.selector"));
  if (!["None", "ClientIP"].includes(String(spec.sessionAffinity))) errs.push(notSupported("spec.sessionAffinity", spec.sessionAffinity, ["ClientIP", "None"]));
  return errs;
}

export function validateServiceUpdate(svc: KubeObject, old: KubeObject): FieldError[] {
  const spec = (svc.spec ?? {}) as Obj;
  const oldSpec = (old.spec ?? {}) as Obj;
  const errs: FieldError[] = [];
  if (spec.type !== "ExternalName" && oldSpec.type !== "ExternalName" && oldSpec.clusterIP && spec.clusterIP !== oldSpec.clusterIP) {
    const ips = (spec.clusterIPs as string[] | undefined) ?? (spec.clusterIP ? [String(spec.clusterIP)] : []);
    errs.push(invalidValue("spec.clusterIPs[0]", ips, "may not change once set"));
  }
  return errs;
}
