// The web app's API types from the gateway's OpenAPI document (GET /docs-json): writes
// web/src/api/openapi.d.ts, or with --check fails when the file differs from what the document gives.
//   node web/scripts/openapi-types.mjs http://127.0.0.1:3005/docs-json [--check]
//   node web/scripts/openapi-types.mjs openapi.json [--check]
// e2e/web/admin.test.ts runs the check against a started system.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';

export const TYPES_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'api', 'openapi.d.ts');

const HEADER =
  '// Generated from the gateway OpenAPI document (GET /docs-json) by web/scripts/openapi-types.mjs: do not edit.\n';

/** The types file's text for an OpenAPI document, formatted as the repository formats TypeScript. */
export async function openapiTypes(document) {
  // The servers list names where the document was fetched from (a random port): not part of the types.
  const text = HEADER + astToString(await openapiTS({ ...document, servers: [] }));
  const options = (await prettier.resolveConfig(TYPES_FILE)) ?? {};
  return prettier.format(text, { ...options, filepath: TYPES_FILE });
}

async function load(source) {
  if (/^https?:/.test(source)) {
    const res = await fetch(source);
    if (!res.ok) throw new Error(`${source} answered ${res.status}`);
    return res.json();
  }
  return JSON.parse(readFileSync(source, 'utf8'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [source = 'http://127.0.0.1:3005/docs-json', flag] = process.argv.slice(2);
  const text = await openapiTypes(await load(source));
  if (flag === '--check') {
    const current = readFileSync(TYPES_FILE, 'utf8');
    if (current !== text) {
      console.error(`${TYPES_FILE} differs from ${source}: run node web/scripts/openapi-types.mjs ${source}`);
      process.exit(1);
    }
    console.log('web/src/api/openapi.d.ts matches the OpenAPI document');
  } else {
    writeFileSync(TYPES_FILE, text);
    console.log(`wrote ${TYPES_FILE}`);
  }
}
