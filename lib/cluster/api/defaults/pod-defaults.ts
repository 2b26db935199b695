type Obj = Record<string, unknown>;

function imagePullPolicyFor(image: unknown): string {
  if (typeof image !== "string") return "IfNotPresent";
  // The tag is after the last ':' that follows the last '/'; a digest pins the image.
  if (image.includes("@")) return "IfNotPresent";
  const lastSlash = image.lastIndexOf("/");
  const colon = image.indexOf(":", lastSlash + 1);
  const tag = colon >= 0 ? image.slice(colon + 1) : "";
  return tag === "" || tag === "latest" ? "Always" : "IfNotPresent";
}

function defaultProbe(p: unknown): void {
  if (!p || typeof p !== "object") return;
  const probe = p as Obj;
  probe.timeoutSeconds ??= 1;
  probe.periodSeconds ??= 10;
  probe.successThreshold ??= 1;
  probe.failureThreshold ??= 3;
  const http = probe.httpGet as Obj | undefined;
  if (http && typeof http === "object") {
    http.path ??= "/";
    http.scheme ??= "HTTP";
  }
}

function defaultContainer(c: Obj, hostNetwork: boolean): void {
  c.imagePullPolicy ??= imagePullPolicyFor(c.image);
  c.terminationMessagePath ??= "/dev/termination-log";
  c.terminationMessagePolicy ??= "File";
  c.resources ??= {};
  for (const p of (Array.isArray(c.ports) ? c.ports : []) as Obj[]) {
    if (!p || typeof p !== "object") continue;
    p.protocol ??= "TCP";
    if (hostNetwork && p.hostPort === undefined) p.hostPort = p.containerPort;
  }
  for (const e of (Array.isArray(c.env) ? c.env : []) as Obj[]) {
    const fieldRef = (e?.valueFrom as Obj | undefined)?.fieldRef as Obj | undefined;
    if (fieldRef && typeof fieldRef === "object") fieldRef.apiVersion ??= "v1";
  }
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
}

function defaultVolume(v: Obj): void {
  // A volume with no source is an emptyDir (SetDefaults_Volume).
  if (Object.keys(v).filter((k) => k !== "name").length === 0) v.emptyDir = {};
  for (const src of ["configMap", "secret"] as const) {
    const s = v[src] as Obj | undefined;
    if (s && typeof s === "object") s.defaultMode ??= 420;
  }
  const hp = v.hostPath as Obj | undefined;
  if (hp && typeof hp === "object") hp.type ??= "";
  const pr = v.projected as Obj | undefined;
  if (pr && typeof pr === "object") pr.defaultMode ??= 420;
  const dw = v.downwardAPI as Obj | undefined;
  if (dw && typeof dw === "object") dw.defaultMode ??= 420;
}

/** SetDefaults_PodSpec and friends (pkg/apis/core/v1/defaults.go), for pods and pod templates. */
export function defaultPodSpec(spec: Obj): void {
  spec.restartPolicy ??= "Always";
  spec.dnsPolicy ??= "ClusterFirst";
  spec.schedulerName ??= "default-scheduler";
  spec.terminationGracePeriodSeconds ??= 30;
  spec.securityContext ??= {};
  if (spec.serviceAccountName && spec.serviceAccount === undefined) spec.serviceAccount = spec.serviceAccountName;
  const hostNetwork = spec.hostNetwork === true;
  for (const list of ["initContainers", "containers", "ephemeralContainers"]) {
    for (const c of (Array.isArray(spec[list]) ? spec[list] : []) as Obj[]) if (c && typeof c === "object") defaultContainer(c, hostNetwork);
  }
  for (const v of (Array.isArray(spec.volumes) ? spec.volumes : []) as Obj[]) if (v && typeof v === "object") defaultVolume(v);
}

/** Pod-only defaults (SetDefaults_Pod): requests default to limits; enableServiceLinks. */
export function defaultPod(pod: Obj): void {
  const spec = (pod.spec ?? {}) as Obj;
  pod.spec = spec;
  spec.enableServiceLinks ??= true;
  for (const list of ["initContainers", "containers"]) {
    for (const c of (Array.isArray(spec[list]) ? spec[list] : []) as Obj[]) {
      const res = c?.resources as { limits?: Obj; requests?: Obj } | undefined;
      if (!res?.limits) continue;
      res.requests = { ...res.limits, ...(res.requests ?? {}) };
    }
  }
  defaultPodSpec(spec);
}
