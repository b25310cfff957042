// Renders a kustomization directory of deploy/k8s to a stream of Kubernetes objects, without the kustomize
// binary: `node deploy/k8s/render.mjs deploy/k8s/overlays/example > cinema.yaml` prints what
// `kubectl kustomize deploy/k8s/overlays/example` prints for the features these manifests use (resources,
// namespace, images, strategic-merge patches from files, secretGenerator from env files or literals with
// disableNameSuffixHash). Anything else in a kustomization.yaml is refused rather than ignored, so the
// rendering here cannot silently differ from kubectl's. test/k8s-manifests.test.ts validates the output.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dump, loadAll } from 'js-yaml';

const KUSTOMIZATION_KEYS = new Set([
  'apiVersion',
  'kind',
  'resources',
  'namespace',
  'images',
  'patches',
  'secretGenerator',
  'generatorOptions',
]);

/** Kinds without a namespace among those a kustomization here may hold. */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'IngressClass',
  'PriorityClass',
  'StorageClass',
]);

/** kustomize's order of output ("legacy" ordering: what others depend on first), then by name. */
const KIND_ORDER = [
  'Namespace',
  'ServiceAccount',
  'ConfigMap',
  'Secret',
  'Service',
  'Deployment',
  'PodDisruptionBudget',
  'HorizontalPodAutoscaler',
  'Ingress',
];

class RenderError extends Error {}

function fail(where, message) {
  throw new RenderError(`${where}: ${message}`);
}

const idOf = (o) => `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;

function readYamlDocuments(file) {
  return loadAll(readFileSync(file, 'utf8')).filter((doc) => doc !== null && doc !== undefined);
}

/** KEY=VALUE lines as kustomize reads an env file: `#` comments and blank lines skipped, values verbatim. */
export function parseEnvFile(file) {
  const entries = {};
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      const text = line.replace(/\r$/, '');
      if (text.trim() === '' || text.trimStart().startsWith('#')) return;
      const eq = text.indexOf('=');
      if (eq <= 0) fail(`${file}:${index + 1}`, 'expected KEY=VALUE');
      const key = text.slice(0, eq).trim();
      if (!/^[-._a-zA-Z0-9]+$/.test(key)) fail(`${file}:${index + 1}`, `"${key}" is not a valid key`);
      if (key in entries) fail(`${file}:${index + 1}`, `${key} is set twice`);
      entries[key] = text.slice(eq + 1);
    });
  return entries;
}

function generateSecret(dir, spec, options) {
  const where = `${dir} secretGenerator ${spec.name ?? '?'}`;
  for (const key of Object.keys(spec))
    if (!['name', 'type', 'envs', 'literals', 'options'].includes(key))
      fail(where, `unsupported field ${key}`);
  if (!options?.disableNameSuffixHash && !spec.options?.disableNameSuffixHash)
    fail(where, 'name suffix hashes are not rendered here: set generatorOptions.disableNameSuffixHash: true');
  const data = {};
  const add = (key, value, source) => {
    if (key in data) fail(where, `${key} is set twice (${source})`);
    data[key] = Buffer.from(value, 'utf8').toString('base64');
  };
  for (const env of spec.envs ?? []) {
    const file = join(dir, env);
    if (!existsSync(file)) fail(where, `${env} does not exist (copy ${env}.example and fill it in)`);
    for (const [key, value] of Object.entries(parseEnvFile(file))) add(key, value, env);
  }
  for (const literal of spec.literals ?? []) {
    const eq = literal.indexOf('=');
    if (eq <= 0) fail(where, `literal "${literal.split('=')[0]}" is not KEY=VALUE`);
    add(literal.slice(0, eq), literal.slice(eq + 1), 'literals');
  }
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: spec.name },
    type: spec.type ?? 'Opaque',
    data,
  };
}

/** YAML values are plain JSON data. */
const clone = (value) => JSON.parse(JSON.stringify(value));

/** The key a list of objects is merged on by a strategic-merge patch, as Kubernetes declares it. */
function mergeKeyOf(items) {
  for (const key of ['name', 'containerPort', 'mountPath', 'ip', 'port'])
    if (items.length > 0 && items.every((item) => item && typeof item === 'object' && key in item))
      return key;
  return undefined;
}

/** A strategic-merge patch: maps merge, `null` deletes, lists of named items merge by name, others replace. */
export function strategicMerge(target, patch) {
  if (Array.isArray(patch)) {
    const key = Array.isArray(target) ? mergeKeyOf([...target, ...patch]) : undefined;
    if (!key) return clone(patch);
    const merged = target.map((item) => clone(item));
    for (const item of patch) {
      const at = merged.findIndex((existing) => existing[key] === item[key]);
      if (at === -1) merged.push(clone(item));
      else merged[at] = strategicMerge(merged[at], item);
    }
    return merged;
  }
  if (patch === null || typeof patch !== 'object') return patch;
  const result = target && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = strategicMerge(result[key], value);
  }
  return result;
}

function setImages(objects, images, where) {
  for (const image of images) {
    for (const key of Object.keys(image))
      if (!['name', 'newName', 'newTag', 'digest'].includes(key))
        fail(where, `images: unsupported field ${key}`);
    for (const object of objects) {
      const pod = object.spec?.template?.spec;
      for (const container of [...(pod?.containers ?? []), ...(pod?.initContainers ?? [])]) {
        const match = /^([^@]+?)(?::([^:/@]+))?(?:@(.+))?$/.exec(container.image ?? '');
        if (!match || match[1] !== image.name) continue;
        const name = image.newName ?? match[1];
        if (image.digest) container.image = `${name}@${image.digest}`;
        else {
          const tag = image.newTag ?? match[2];
          container.image = tag ? `${name}:${tag}` : name;
        }
      }
    }
  }
}

/** Every object a kustomization directory renders to, in kustomize's output order. */
export function render(directory) {
  const dir = resolve(directory);
  const file = join(dir, 'kustomization.yaml');
  if (!existsSync(file)) fail(dir, 'no kustomization.yaml');
  const [k] = readYamlDocuments(file);
  for (const key of Object.keys(k ?? {}))
    if (!KUSTOMIZATION_KEYS.has(key)) fail(file, `${key} is not supported by this renderer (use kustomize)`);
  if (k.kind !== 'Kustomization') fail(file, 'kind must be Kustomization');
  for (const key of Object.keys(k.generatorOptions ?? {}))
    if (key !== 'disableNameSuffixHash') fail(file, `generatorOptions.${key} is not supported`);

  const objects = [];
  const add = (object, source) => {
    if (!object.kind || !object.metadata?.name) fail(source, 'an object without kind or metadata.name');
    if (objects.some((o) => idOf(o) === idOf(object))) fail(source, `${idOf(object)} is defined twice`);
    objects.push(object);
  };
  for (const entry of k.resources ?? []) {
    if (/^[a-z]+:\/\//.test(entry)) fail(file, `remote resource ${entry} is not supported`);
    const path = join(dir, entry);
    if (!existsSync(path)) fail(file, `resource ${entry} does not exist`);
    if (statSync(path).isDirectory()) for (const o of render(path)) add(o, path);
    else for (const o of readYamlDocuments(path)) add(o, path);
  }
  for (const spec of k.secretGenerator ?? []) add(generateSecret(dir, spec, k.generatorOptions), file);

  for (const patch of k.patches ?? []) {
    for (const key of Object.keys(patch))
      if (key !== 'path') fail(file, `patches: only file patches (path) are supported, not ${key}`);
    for (const doc of readYamlDocuments(join(dir, patch.path))) {
      const target = objects.findIndex((o) => o.kind === doc.kind && o.metadata.name === doc.metadata?.name);
      if (target === -1) fail(patch.path, `no ${doc.kind} ${doc.metadata?.name} to patch`);
      objects[target] = strategicMerge(objects[target], doc);
    }
  }
  setImages(objects, k.images ?? [], file);
  if (k.namespace)
    for (const o of objects) if (!CLUSTER_SCOPED.has(o.kind)) o.metadata.namespace = k.namespace;

  const rank = (o) => {
    const at = KIND_ORDER.indexOf(o.kind);
    return at === -1 ? KIND_ORDER.length : at;
  };
  return objects.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0),
  );
}

/** The objects as one YAML stream, as `kubectl apply -f -` reads it. */
export function toYaml(objects) {
  return objects.map((o) => dump(o, { lineWidth: -1, noRefs: true })).join('---\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = process.argv[2];
  if (!target || process.argv.length > 3) {
    console.error('usage: node deploy/k8s/render.mjs <kustomization directory>');
    process.exit(2);
  }
  try {
    process.stdout.write(toYaml(render(target)));
  } catch (error) {
    if (!(error instanceof RenderError)) throw error;
    console.error(`render: ${error.message}`);
    process.exit(1);
  }
}
