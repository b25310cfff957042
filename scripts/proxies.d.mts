// Types of proxies.mjs for the TypeScript that starts the proxies itself (e2e/cluster.ts, tests).

/** A proxy running as the caller's child until stop(). */
export interface Daemon {
  pid: number | undefined;
  port: number;
  /** Resolves with the signal or exit code when the process ends. */
  exit: Promise<string | number | null>;
  output: string[];
  stop(): Promise<void>;
}

export interface Frontend {
  name: string;
  bind: { host: string; port: number };
  healthPath: string;
  servers: { name: string; host: string; port: number }[];
}

export function findProgram(name: string): string | undefined;
export function missingProgram(name: string): string | undefined;
export function haproxyConfig(opts: { frontends: Frontend[] }): string;
export function startHaproxy(opts: { frontends: Frontend[]; log?: (line: string) => void }): Promise<Daemon>;
export function pgbouncerConfig(opts: {
  host: string;
  port: number;
  dir: string;
  databases: { name: string; host: string; port: number; poolSize: number }[];
  users: { user: string; password: string }[];
}): { ini: string; userlist: string };
export function startPgBouncer(opts: {
  host?: string;
  port: number;
  databases: { name: string; host: string; port: number; poolSize: number }[];
  users: { user: string; password: string }[];
  log?: (line: string) => void;
}): Promise<Daemon>;
