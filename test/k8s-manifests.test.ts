import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { load, loadAll, YAML11_SCHEMA } from 'js-yaml';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler, type IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Ingress, type IIngress } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget, type IPodDisruptionBudget } from 'kubernetes-models/policy/v1';
import {
  ConfigMap,
  Namespace,
  Secret,
  Service,
  type IConfigMap,
  type IContainer,
  type IProbe,
  type ISecret,
  type IService,
} from 'kubernetes-models/v1';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, GRPC_SERVICES } from '@cinema/config';
import { loadGatewayConfig } from '../services/api-gateway/src/config';
import { loadAuthConfig } from '../services/auth-service/src/config';
import { loadNotificationConfig } from '../services/notification-service/src/config';
import { loadPaymentConfig } from '../services/payment-service/src/config';
import { LOADERS, variablesOf, type Loader } from './service-configs';

const root = join(__dirname, '..');
const K8S = join(root, 'deploy', 'k8s');
const OVERLAY = join('overlays', 'example');

/** The gRPC services, by Deployment name, with the ports their config defaults to. */
const GRPC: Record<string, { grpc: number; http: number }> = GRPC_SERVICES;

/** The HTTP services' ports by name, as their config defaults them. */
const HTTP_PORTS: Record<string, Record<string, number>> = {
  'api-gateway': { http: loadGatewayConfig({}).port, metrics: loadGatewayConfig({}).metrics.port },
  'payment-service': { http: loadPaymentConfig({}).port },
};

/** `GET /bookings/:id?wait=N` accepts N up to 30 (services/api-gateway/src/http/params.ts). */
const LONG_POLL_MAX_SECONDS = 30;
/** The callers' default gRPC deadline (packages/rpc/src/client.ts). */
const GRPC_DEADLINE_SECONDS = 3;

/**
 * The longest a request or unit of work in flight may take once SIGTERM arrives: the grace period must cover
 * it plus the preStop sleep, or Kubernetes kills the process while it still answers.
 */
const DRAIN_SECONDS: Record<string, number> = {
  'api-gateway': LONG_POLL_MAX_SECONDS + loadGatewayConfig({}).grpcTimeoutMs / 1000,
  'booking-service': LONG_POLL_MAX_SECONDS,
  'auth-service': loadAuthConfig({}).passwordHash.maxWaitMs / 1000 + 1,
  'notification-service': loadNotificationConfig({}).smtp.timeoutMs / 1000,
  'payment-service': loadPaymentConfig({}).webhook.timeoutMs / 1000,
  'movie-service': GRPC_DEADLINE_SECONDS,
  'seat-service': GRPC_DEADLINE_SECONDS,
  'saga-orchestrator': GRPC_DEADLINE_SECONDS * 2,
};

/** Every variable a service's config reads (development mode, so nothing is required). */
function variablesRead(loader: Loader): Set<string> {
  const { read, required } = variablesOf(loader);
  if (required.length > 0) throw new Error(`required in development: ${required.join(', ')}`);
  return read;
}

/** The problems a service reports when started in production with `env`; empty when it would start. */
function productionProblems(loader: Loader, env: Record<string, string>): string[] {
  try {
    loader(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    return [(error as Error).message];
  }
}

// In a pod, a default pointing at 127.0.0.1 reaches nothing: these must be set.
const MUST_BE_SET = /(_HOST|_URL|_SECRET)$/;
// A secret, or a URL that carries credentials: only ever from the Secret.
const SECRET_NAME = /(SECRET|PASSWORD|_PASS|API_KEY)(_PREVIOUS)?$/;
const CREDENTIAL_URLS = new Set(['REDIS_URL', 'RABBITMQ_URL']);
const URL_WITH_PASSWORD = /^\w+:\/\/[^/@:]*:[^/@]+@/;

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
}

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/Ingress': Ingress,
};

/** Each object checked against the Kubernetes API schema of its kind; the errors, one per object. */
function schemaProblems(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  for (const object of objects) {
    const Model = MODELS[`${object.apiVersion}/${object.kind}`];
    if (!Model) {
      problems.push(`${object.kind} ${object.metadata.name}: no schema for ${object.apiVersion}`);
      continue;
    }
    try {
      new Model(object as never).validate();
    } catch (error) {
      problems.push(`${object.kind} ${object.metadata.name}: ${(error as Error).message}`);
    }
  }
  return problems;
}

const ofKind = <T>(objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind) as T[];

function selects(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) {
  const entries = Object.entries(selector ?? {});
  return entries.length > 0 && entries.every(([k, v]) => labels?.[k] === v);
}

/** Kubernetes memory quantities as MiB (the forms these manifests use). */
function mebibytes(quantity: string | number | undefined): number {
  const match = /^(\d+)(Mi|Gi)$/.exec(String(quantity ?? ''));
  if (!match) return NaN;
  return Number(match[1]) * (match[2] === 'Gi' ? 1024 : 1);
}

function millicores(quantity: string | number | undefined): number {
  const text = String(quantity ?? '');
  if (/^\d+m$/.test(text)) return Number(text.slice(0, -1));
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  return NaN;
}

/** A probe's target as text, and whether it asks the service's dependencies (health checks do). */
function probeTarget(probe: IProbe): { text: string; port?: string | number; asksDependencies: boolean } {
  if (probe.grpc) return { text: `grpc :${probe.grpc.port}`, port: probe.grpc.port, asksDependencies: true };
  if (probe.httpGet)
    return {
      text: `GET ${probe.httpGet.path} :${probe.httpGet.port}`,
      port: probe.httpGet.port,
      asksDependencies: probe.httpGet.path === '/health',
    };
  if (probe.tcpSocket)
    return { text: `tcp :${probe.tcpSocket.port}`, port: probe.tcpSocket.port, asksDependencies: false };
  return { text: 'exec', asksDependencies: false };
}

/**
 * Our own rules, beyond the API schema: what a Deployment of this system needs to run safely in production,
 * and that the objects refer to each other correctly. Returns one line per problem.
 */
function manifestProblems(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  const deployments = ofKind<IDeployment & K8sObject>(objects, 'Deployment');
  const services = ofKind<IService & K8sObject>(objects, 'Service');
  const configMaps = new Map(
    ofKind<IConfigMap & K8sObject>(objects, 'ConfigMap').map((c) => [c.metadata.name, c]),
  );
  const secrets = new Map(
    ofKind<ISecret & K8sObject>(objects, 'Secret').map((s) => [
      s.metadata.name,
      Object.fromEntries(
        Object.entries(s.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]),
      ),
    ]),
  );
  const deploymentNamed = (name: string) => deployments.find((d) => d.metadata.name === name);

  for (const name of Object.keys(LOADERS))
    if (!deploymentNamed(name)) problems.push(`${name}: no Deployment`);

  for (const d of deployments) {
    const name = d.metadata.name;
    const pod = d.spec?.template.spec;
    const containers = pod?.containers ?? [];
    if (!selects(d.spec?.selector.matchLabels, d.spec?.template.metadata?.labels))
      problems.push(`${name}: the selector does not select its own pods`);
    if (containers.length !== 1) {
      problems.push(`${name}: expected one container, found ${containers.length}`);
      continue;
    }
    const c: IContainer = containers[0];
    if (JSON.stringify(c.command) !== JSON.stringify(['node', `services/${name}/dist/main.js`]))
      problems.push(`${name}: the command does not run services/${name}/dist/main.js`);
    if (!/:[\w][\w.-]*$/.test(c.image ?? '') || /:latest$/.test(c.image ?? ''))
      problems.push(`${name}: image ${c.image} has no fixed tag`);

    // Probes.
    const portNames = new Map((c.ports ?? []).map((p) => [p.name, p.containerPort]));
    const portNumbers = new Set((c.ports ?? []).map((p) => p.containerPort));
    for (const kind of ['readinessProbe', 'livenessProbe', 'startupProbe'] as const) {
      const probe = c[kind];
      if (!probe) {
        problems.push(`${name}: no ${kind}`);
        continue;
      }
      const target = probeTarget(probe);
      const known =
        typeof target.port === 'number' ? portNumbers.has(target.port) : portNames.has(target.port);
      if (!known) problems.push(`${name}: ${kind} ${target.text} is not a port of the container`);
      // A liveness probe that asks the database restarts every replica during a database outage.
      if (kind !== 'readinessProbe' && target.asksDependencies)
        problems.push(`${name}: ${kind} ${target.text} asks the service's dependencies`);
    }
    const grpc = GRPC[name];
    if (grpc) {
      if (portNames.get('grpc') !== grpc.grpc || portNames.get('ops') !== grpc.http)
        problems.push(`${name}: ports grpc/ops must be ${grpc.grpc}/${grpc.http}`);
      if (c.readinessProbe?.grpc?.port !== grpc.grpc)
        problems.push(`${name}: readiness must be the gRPC health check on ${grpc.grpc}`);
    }
    const http = HTTP_PORTS[name];
    if (http && JSON.stringify(Object.fromEntries(portNames)) !== JSON.stringify(http))
      problems.push(`${name}: ports must be ${JSON.stringify(http)}`);

    // Resources.
    const { requests, limits } = c.resources ?? {};
    for (const r of ['cpu', 'memory'] as const)
      if (requests?.[r] === undefined || limits?.[r] === undefined)
        problems.push(`${name}: no ${r} request and limit`);
    const quantities = [
      mebibytes(requests?.memory),
      mebibytes(limits?.memory),
      millicores(requests?.cpu),
      millicores(limits?.cpu),
    ];
    if (quantities.some((q) => Number.isNaN(q)))
      problems.push(`${name}: a resource quantity not in m, Mi or Gi`);
    if (
      mebibytes(requests?.memory) > mebibytes(limits?.memory) ||
      millicores(requests?.cpu) > millicores(limits?.cpu)
    )
      problems.push(`${name}: a request above its limit`);
    const heap = /--max-old-space-size=(\d+)/.exec(
      c.env?.find((e) => e.name === 'NODE_OPTIONS')?.value ?? '',
    );
    // V8's young generation (48 MiB) and the rest of the process (code, native memory: 60-120 MiB measured)
    // come on top of the old space.
    if (!heap || Number(heap[1]) + 128 > mebibytes(limits?.memory))
      problems.push(`${name}: NODE_OPTIONS must cap the old space 128 MiB below the memory limit`);

    // Security.
    const sc = c.securityContext ?? {};
    const psc = pod?.securityContext ?? {};
    if ((sc.runAsNonRoot ?? psc.runAsNonRoot) !== true) problems.push(`${name}: not runAsNonRoot`);
    // The image's USER is a name (node); the kubelet can check runAsNonRoot only against a number.
    const uid = sc.runAsUser ?? psc.runAsUser;
    if (typeof uid !== 'number' || uid === 0) problems.push(`${name}: no numeric non-root runAsUser`);
    if (sc.allowPrivilegeEscalation !== false) problems.push(`${name}: privilege escalation allowed`);
    if (sc.readOnlyRootFilesystem !== true) problems.push(`${name}: root filesystem writable`);
    if (!sc.capabilities?.drop?.includes('ALL')) problems.push(`${name}: capabilities not dropped`);
    if ((sc.seccompProfile ?? psc.seccompProfile)?.type !== 'RuntimeDefault')
      problems.push(`${name}: no RuntimeDefault seccomp profile`);
    if (pod?.automountServiceAccountToken !== false) problems.push(`${name}: mounts a service account token`);
    // Service links would set e.g. AUTH_SERVICE_PORT=tcp://10.0.0.1:50051, which the config reads as a port.
    if (pod?.enableServiceLinks !== false) problems.push(`${name}: enableServiceLinks is not false`);

    // Draining.
    const preStop = c.lifecycle?.preStop?.exec?.command ?? [];
    const sleep = preStop[0] === 'sleep' ? Number(preStop[1]) : NaN;
    if (!(sleep > 0)) problems.push(`${name}: no preStop sleep`);
    const grace = pod?.terminationGracePeriodSeconds ?? 30;
    if (!(grace > sleep + DRAIN_SECONDS[name]))
      problems.push(
        `${name}: terminationGracePeriodSeconds ${grace} <= preStop ${sleep} + drain ${DRAIN_SECONDS[name]}`,
      );

    // Environment: ConfigMap for all, each secret from the Secret and only where it is read.
    const env: Record<string, string> = {};
    const fromSecret = new Set<string>();
    for (const source of c.envFrom ?? []) {
      if (source.secretRef) problems.push(`${name}: envFrom a Secret gives it every secret`);
      const configMap = source.configMapRef && configMaps.get(source.configMapRef.name ?? '');
      if (source.configMapRef && !configMap)
        problems.push(`${name}: no ConfigMap ${source.configMapRef.name}`);
      Object.assign(env, configMap?.data ?? {});
    }
    for (const e of c.env ?? []) {
      const ref = e.valueFrom?.secretKeyRef;
      if (ref) {
        const value = secrets.get(ref.name ?? '')?.[ref.key];
        if (value === undefined && !ref.optional)
          problems.push(`${name}: ${e.name}: no key ${ref.key} in Secret ${ref.name}`);
        if (value !== undefined) env[e.name] = value;
        fromSecret.add(e.name);
      } else if (e.value !== undefined) env[e.name] = e.value;
      else problems.push(`${name}: ${e.name} has neither a value nor a Secret key`);
    }
    const loader = LOADERS[name];
    if (!loader) continue;
    const read = variablesRead(loader);
    for (const variable of read) {
      const secret = SECRET_NAME.test(variable) || CREDENTIAL_URLS.has(variable);
      if (secret && variable in env && !fromSecret.has(variable))
        problems.push(`${name}: ${variable} is not taken from the Secret`);
      // <SVC>_DB_DIRECT_HOST defaults to <SVC>_DB_HOST, which is set.
      if (
        MUST_BE_SET.test(variable) &&
        !variable.endsWith('_PREVIOUS') &&
        !variable.endsWith('_DIRECT_HOST') &&
        !(variable in env)
      )
        problems.push(`${name}: ${variable} is not set`);
    }
    for (const variable of fromSecret)
      if (!read.has(variable)) problems.push(`${name}: is given ${variable}, which it does not read`);
    if (env.NODE_ENV !== 'production') problems.push(`${name}: NODE_ENV is not production`);
    for (const problem of productionProblems(loader, env))
      problems.push(`${name}: would not start: ${problem}`);
  }

  // The ConfigMap holds no secret.
  const secretValues = new Set(
    [...secrets.values()].flatMap((s) => Object.values(s)).filter((v) => v.length >= 8),
  );
  for (const configMap of configMaps.values())
    for (const [key, value] of Object.entries(configMap.data ?? {})) {
      if (SECRET_NAME.test(key) || CREDENTIAL_URLS.has(key))
        problems.push(`ConfigMap ${configMap.metadata.name}: ${key} belongs in the Secret`);
      if (URL_WITH_PASSWORD.test(value) || secretValues.has(value))
        problems.push(`ConfigMap ${configMap.metadata.name}: ${key} holds a secret value`);
    }

  // Services select a Deployment and reach its ports; service addresses in the config name a Service.
  const serviceTarget = (s: IService & K8sObject) =>
    deployments.find((d) => selects(s.spec?.selector, d.spec?.template.metadata?.labels));
  for (const s of services) {
    const target = serviceTarget(s);
    if (!target) {
      problems.push(`Service ${s.metadata.name}: selects no Deployment`);
      continue;
    }
    const ports = target.spec?.template.spec?.containers.flatMap((c) => c.ports ?? []) ?? [];
    for (const p of s.spec?.ports ?? [])
      if (!ports.some((cp) => cp.name === p.targetPort || cp.containerPort === (p.targetPort ?? p.port)))
        problems.push(`Service ${s.metadata.name}: port ${p.name} targets no container port`);
  }
  for (const configMap of configMaps.values())
    for (const [key, value] of Object.entries(configMap.data ?? {})) {
      if (!/_URL$/.test(key) || CREDENTIAL_URLS.has(key)) continue;
      // host:port, http://host:port, or a grpc-js DNS target dns:///host:port
      const address = /^(?:\w+:\/\/\/?)?([^/:]+):(\d+)/.exec(value);
      const service = address && services.find((s) => s.metadata.name === address[1]);
      if (!service || !service.spec?.ports?.some((p) => p.port === Number(address[2])))
        problems.push(`ConfigMap ${configMap.metadata.name}: ${key}=${value} is no Service port`);
      else if (/^dns:/.test(value) !== (service.spec?.clusterIP === 'None'))
        problems.push(
          `ConfigMap ${configMap.metadata.name}: ${key}=${value} needs a dns:/// target and a headless Service together`,
        );
    }

  // Disruption budgets and autoscalers target existing Deployments.
  const pdbs = ofKind<IPodDisruptionBudget & K8sObject>(objects, 'PodDisruptionBudget');
  for (const pdb of pdbs)
    if (!deployments.some((d) => selects(pdb.spec?.selector?.matchLabels, d.spec?.template.metadata?.labels)))
      problems.push(`PodDisruptionBudget ${pdb.metadata.name}: selects no Deployment`);
  for (const d of deployments)
    if (!pdbs.some((pdb) => selects(pdb.spec?.selector?.matchLabels, d.spec?.template.metadata?.labels)))
      problems.push(`${d.metadata.name}: no PodDisruptionBudget`);
  const hpas = ofKind<IHorizontalPodAutoscaler & K8sObject>(objects, 'HorizontalPodAutoscaler');
  for (const hpa of hpas) {
    const ref = hpa.spec?.scaleTargetRef;
    if (ref?.kind !== 'Deployment' || !deploymentNamed(ref.name))
      problems.push(
        `HorizontalPodAutoscaler ${hpa.metadata.name}: targets no Deployment (${ref?.kind} ${ref?.name})`,
      );
    if ((hpa.spec?.minReplicas ?? 1) < 2)
      problems.push(`HorizontalPodAutoscaler ${hpa.metadata.name}: fewer than 2 replicas`);
  }
  for (const name of ['api-gateway', 'seat-service'])
    if (!hpas.some((h) => h.spec?.scaleTargetRef.name === name))
      problems.push(`${name}: no HorizontalPodAutoscaler`);

  // The Ingress leads to the gateway's public port, passes SSE events on at once and outwaits a long poll.
  const gateway = loadGatewayConfig({});
  const longestSilence = Math.max(gateway.sseHeartbeatMs / 1000, DRAIN_SECONDS['api-gateway']);
  for (const ingress of ofKind<IIngress & K8sObject>(objects, 'Ingress')) {
    const annotations = (ingress.metadata as { annotations?: Record<string, string> }).annotations ?? {};
    if (annotations['nginx.ingress.kubernetes.io/proxy-buffering'] !== 'off')
      problems.push(`Ingress ${ingress.metadata.name}: buffers responses (SSE events would wait)`);
    if (!(Number(annotations['nginx.ingress.kubernetes.io/proxy-read-timeout']) > longestSilence))
      problems.push(`Ingress ${ingress.metadata.name}: read timeout not above ${longestSilence} s`);
    for (const rule of ingress.spec?.rules ?? [])
      for (const path of rule.http?.paths ?? []) {
        const backend = path.backend.service;
        const service = services.find((s) => s.metadata.name === backend?.name);
        const port = service?.spec?.ports?.find(
          (p) => p.name === backend?.port?.name || p.port === backend?.port?.number,
        );
        if (
          !service ||
          !port ||
          serviceTarget(service)?.metadata.name !== 'api-gateway' ||
          port.port !== 3005
        )
          problems.push(
            `Ingress ${ingress.metadata.name}: ${path.path} does not lead to the gateway's port 3005`,
          );
      }
  }
  return problems;
}

// --- rendering -------------------------------------------------------------------------------------------

const workDirs: string[] = [];
afterAll(() => {
  for (const dir of workDirs) rmSync(dir, { recursive: true, force: true });
});

/** deploy/k8s copied to a temporary directory, with the example overlay's secrets.env as `secrets` says. */
function workCopy(secrets: 'filled' | 'placeholders' | 'missing'): string {
  const dir = mkdtempSync(join(tmpdir(), 'cinema-k8s-'));
  workDirs.push(dir);
  cpSync(K8S, dir, { recursive: true });
  rmSync(join(dir, OVERLAY, 'secrets.env'), { force: true });
  const example = readFileSync(join(dir, OVERLAY, 'secrets.env.example'), 'utf8');
  // What the operator does: every empty value and every CHANGE_ME replaced by a fresh random value.
  const random = () => randomBytes(36).toString('base64url');
  const filled = example
    .replace(/^(\w+)=$/gm, (_m, key: string) => `${key}=${random()}`)
    .replace(/CHANGE_ME/g, random);
  if (secrets !== 'missing')
    writeFileSync(join(dir, OVERLAY, 'secrets.env'), secrets === 'filled' ? filled : example);
  return dir;
}

function renderDir(dir: string): K8sObject[] {
  const yaml = execFileSync(process.execPath, [join(K8S, 'render.mjs'), join(dir, OVERLAY)], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const objects = loadAll(yaml) as K8sObject[];
  // kubectl reads YAML 1.1, where yes/no/on/off are booleans: the stream must mean the same in both.
  expect(loadAll(yaml, { schema: YAML11_SCHEMA })).toEqual(objects);
  return objects;
}

const rendered = renderDir(workCopy('filled'));
const copy = (): K8sObject[] => JSON.parse(JSON.stringify(rendered)) as K8sObject[];
const find = <T>(objects: K8sObject[], kind: string, name: string) =>
  objects.find((o) => o.kind === kind && o.metadata.name === name) as T & K8sObject;
const containerOf = (objects: K8sObject[], name: string): IContainer =>
  find<IDeployment>(objects, 'Deployment', name).spec!.template.spec!.containers[0];

describe('deploy/k8s', () => {
  it('every source file means the same in YAML 1.1 (kubectl) and 1.2', () => {
    const files = readdirSync(K8S, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(join(K8S, file), 'utf8');
      expect(loadAll(text, { schema: YAML11_SCHEMA }), relative(root, join(K8S, file))).toEqual(
        loadAll(text),
      );
    }
  });

  it('renders the example overlay into valid Kubernetes objects', () => {
    expect(schemaProblems(rendered)).toEqual([]);
    const kinds = rendered.map((o) => o.kind);
    for (const kind of ['Namespace', 'Secret', 'ConfigMap', 'Service', 'Deployment', 'PodDisruptionBudget'])
      expect(kinds).toContain(kind);
    expect(kinds.filter((k) => k === 'Deployment')).toHaveLength(8);
    expect(kinds.filter((k) => k === 'HorizontalPodAutoscaler')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'Ingress')).toHaveLength(1);
    // The overlay's namespace, image and patches are applied over the base.
    for (const o of rendered) if (o.kind !== 'Namespace') expect(o.metadata.namespace, o.kind).toBe('cinema');
    expect(containerOf(rendered, 'seat-service').image).toBe('registry.example.com/cinema-booking:0.1.0');
    const config = find<IConfigMap>(rendered, 'ConfigMap', 'cinema-config').data!;
    expect(config.AUTH_DB_HOST).toBe('postgres.databases.svc.cluster.local');
    expect(config.NODE_ENV).toBe('production');
  });

  it('passes our own rules: probes, resources, security, draining, config, references', () => {
    expect(manifestProblems(rendered)).toEqual([]);
  });

  it('refuses a schema violation', () => {
    const objects = copy();
    const ports = containerOf(objects, 'movie-service').ports!;
    (ports[0] as { containerPort: unknown }).containerPort = 'grpc';
    expect(schemaProblems(objects).join('\n')).toMatch(
      /Deployment movie-service: .*containerPort must be integer/,
    );
  });

  const violations: [string, (objects: K8sObject[]) => void, RegExp][] = [
    [
      'a Deployment without a readiness probe',
      (o) => delete containerOf(o, 'seat-service').readinessProbe,
      /^seat-service: no readinessProbe$/,
    ],
    [
      'a Deployment without a liveness probe',
      (o) => delete containerOf(o, 'api-gateway').livenessProbe,
      /^api-gateway: no livenessProbe$/,
    ],
    [
      'a liveness probe that asks the dependencies',
      (o) => (containerOf(o, 'booking-service').livenessProbe = { grpc: { port: 50055 } }),
      /^booking-service: livenessProbe grpc :50055 asks the service's dependencies$/,
    ],
    [
      'a probe on a port the container does not have',
      (o) => (containerOf(o, 'movie-service').readinessProbe = { grpc: { port: 50099 } }),
      /^movie-service: readinessProbe grpc :50099 is not a port of the container$/,
    ],
    [
      'a port other than the one the service listens on',
      (o) => (containerOf(o, 'payment-service').ports![0].containerPort = 8080),
      /^payment-service: ports must be \{"http":3006\}$/,
    ],
    [
      'no memory limit',
      (o) => delete containerOf(o, 'auth-service').resources!.limits,
      /^auth-service: no memory request and limit$/,
    ],
    [
      'a writable root filesystem',
      (o) => (containerOf(o, 'payment-service').securityContext!.readOnlyRootFilesystem = false),
      /^payment-service: root filesystem writable$/,
    ],
    [
      'service links left on',
      (o) =>
        delete find<IDeployment>(o, 'Deployment', 'auth-service').spec!.template.spec!.enableServiceLinks,
      /^auth-service: enableServiceLinks is not false$/,
    ],
    [
      'a grace period shorter than the drain',
      (o) =>
        (find<IDeployment>(
          o,
          'Deployment',
          'api-gateway',
        ).spec!.template.spec!.terminationGracePeriodSeconds = 30),
      /^api-gateway: terminationGracePeriodSeconds 30 <= preStop 5 \+ drain 33$/,
    ],
    [
      'a required secret not given',
      (o) => {
        const c = containerOf(o, 'auth-service');
        c.env = c.env!.filter((e) => e.name !== 'JWT_SECRET');
      },
      /^auth-service: would not start: JWT_SECRET is required in production/,
    ],
    [
      'a service address not set',
      (o) => delete find<IConfigMap>(o, 'ConfigMap', 'cinema-config').data!.SEAT_SERVICE_URL,
      /^booking-service: SEAT_SERVICE_URL is not set$/,
    ],
    [
      'a plaintext secret in the ConfigMap',
      (o) => (find<IConfigMap>(o, 'ConfigMap', 'cinema-config').data!.JWT_SECRET = 'x'.repeat(40)),
      /^ConfigMap cinema-config: JWT_SECRET belongs in the Secret$/,
    ],
    [
      'a URL with a password in the ConfigMap',
      (o) =>
        (find<IConfigMap>(o, 'ConfigMap', 'cinema-config').data!.AUDIT_URL = 'redis://:hunter2@redis:6379'),
      /^ConfigMap cinema-config: AUDIT_URL holds a secret value$/,
    ],
    [
      'a secret given to a service that does not read it',
      (o) =>
        containerOf(o, 'seat-service').env!.push({
          name: 'IDEMPOTENCY_SECRET',
          valueFrom: { secretKeyRef: { name: 'cinema-secrets', key: 'IDEMPOTENCY_SECRET' } },
        }),
      /^seat-service: is given IDEMPOTENCY_SECRET, which it does not read$/,
    ],
    [
      'an Ingress that buffers the seat-map stream',
      (o) => {
        const { metadata } = find<IIngress>(o, 'Ingress', 'api-gateway');
        delete (metadata as { annotations: Record<string, string> }).annotations[
          'nginx.ingress.kubernetes.io/proxy-buffering'
        ];
      },
      /^Ingress api-gateway: buffers responses/,
    ],
    [
      'a Service that selects nothing',
      (o) =>
        (find<IService>(o, 'Service', 'movie-service').spec!.selector = {
          'app.kubernetes.io/name': 'movies',
        }),
      /^Service movie-service: selects no Deployment$/,
    ],
    [
      'an autoscaler of a missing Deployment',
      (o) =>
        (find<IHorizontalPodAutoscaler>(
          o,
          'HorizontalPodAutoscaler',
          'seat-service',
        ).spec!.scaleTargetRef.name = 'seats'),
      /^HorizontalPodAutoscaler seat-service: targets no Deployment \(Deployment seats\)$/,
    ],
    [
      'a disruption budget of a missing Deployment',
      (o) =>
        (find<IPodDisruptionBudget>(o, 'PodDisruptionBudget', 'saga-orchestrator').spec!.selector = {
          matchLabels: { 'app.kubernetes.io/name': 'saga' },
        }),
      /^PodDisruptionBudget saga-orchestrator: selects no Deployment$/,
    ],
    [
      'a gRPC service behind a virtual IP, where one connection would carry all calls to one pod',
      (o) => delete find<IService>(o, 'Service', 'seat-service').spec!.clusterIP,
      /^ConfigMap cinema-config: SEAT_SERVICE_URL=dns:\/\/\/seat-service:50054 needs a dns:\/\/\/ target and a headless Service together$/,
    ],
  ];

  it.each(violations)('finds a planted violation: %s', (_what, plant, expected) => {
    const objects = copy();
    plant(objects);
    const problems = manifestProblems(objects);
    expect(
      problems.some((p) => expected.test(p)),
      problems.join('\n') || '(no problem found)',
    ).toBe(true);
  });

  it('an unfilled secrets.env (the example as it is) stops the services that read its secrets', () => {
    const problems = manifestProblems(renderDir(workCopy('placeholders')));
    for (const [service, secret] of [
      ['auth-service', 'JWT_SECRET'],
      ['auth-service', 'ADMIN_PASSWORD'],
      ['api-gateway', 'IDEMPOTENCY_SECRET'],
      ['payment-service', 'PAYMENT_API_KEY'],
    ])
      expect(
        problems.some((p) => p.startsWith(`${service}: would not start: ${secret} `)),
        `${service} ${secret}`,
      ).toBe(true);
  });

  it('renders nothing without secrets.env, naming the example to copy', () => {
    expect(() => renderDir(workCopy('missing'))).toThrow(
      /secrets\.env does not exist \(copy secrets\.env\.example/,
    );
  });

  it('refuses a kustomization feature the renderer does not implement', () => {
    const dir = workCopy('filled');
    const file = join(dir, OVERLAY, 'kustomization.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}commonLabels:\n  team: cinema\n`);
    expect(() => renderDir(dir)).toThrow(/commonLabels is not supported by this renderer/);
  });

  it('the example keeps its placeholders: no real secret is committed', () => {
    const example = readFileSync(join(K8S, OVERLAY, 'secrets.env.example'), 'utf8');
    const lines = example.split('\n').filter((l) => /^\w+=/.test(l));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(line).toMatch(/^\w+=$|CHANGE_ME/);
    expect(load(readFileSync(join(K8S, OVERLAY, 'kustomization.yaml'), 'utf8'))).toMatchObject({
      secretGenerator: [{ name: 'cinema-secrets', envs: ['secrets.env'] }],
    });
    expect(readFileSync(join(K8S, OVERLAY, '.gitignore'), 'utf8').split('\n')).toContain('secrets.env');
  });
});
