export declare function realKubectlPath(): string;
export declare function runRealKubectl(
  args: string[],
  opts?: { stdin?: string; cwd?: string; env?: Record<string, string> },
): { stdout: string; stderr: string; code: number };
