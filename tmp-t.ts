import { createCluster } from "/work/main/lib/cluster/index";
let t0 = performance.now();
const c = createCluster({});
console.log("createCluster", Math.round(performance.now() - t0), "ms");
t0 = performance.now(); createCluster({}); console.log("second", Math.round(performance.now() - t0));
t0 = performance.now(); const s = JSON.stringify(c.snapshot()); console.log("snapshot", Math.round(performance.now() - t0), s.length);
