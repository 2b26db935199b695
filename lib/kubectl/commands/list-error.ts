/** How kubectl's resource builder rewords a failed list (cli-runtime resource/selector.go). */
import type { ResourceInfo, Status } from "../../cluster/index";

/** BadRequest/NotFound list errors name the GroupVersionResource and the selectors; other errors pass through. */
export function wrapListError(info: ResourceInfo, status: Status, labelSelector = "", fieldSelector = ""): Status {
  if (status.reason !== "BadRequest" && status.reason !== "NotFound") return status;
  // %q of a schema.GroupVersionResource: "group/version, Resource=plural".
  const gvr = JSON.stringify(`${info.group ?? ""}/${info.version}, Resource=${info.resource}`);
  const message =
    labelSelector === "" && fieldSelector === ""
      ? `Unable to list ${gvr}: ${status.message}`
      : `Unable to find ${gvr} that match label selector ${JSON.stringify(labelSelector)}, field selector ${JSON.stringify(fieldSelector)}: ${status.message}`;
  return { ...status, message };
}
