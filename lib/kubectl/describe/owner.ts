type Obj = Record<string, any>;

/** printController: "Kind/name" of the controller owner reference, or "" when there is none. */
export function controllerOf(meta: Obj | undefined): string {
  const ref = (meta?.ownerReferences ?? []).find((r: Obj) => r.controller === true);
  return ref ? `${ref.kind}/${ref.name}` : "";
}

/** metav1.GetControllerOf(...).uid === uid */
export function isControlledBy(meta: Obj | undefined, uid: string | undefined): boolean {
  const ref = (meta?.ownerReferences ?? []).find((r: Obj) => r.controller === true);
  return !!ref && !!uid && ref.uid === uid;
}
