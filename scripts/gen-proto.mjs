// Regenerates packages/contracts/src/generated from packages/contracts/proto with protoc + ts-proto.
// The generated files are committed, so building and running need no protoc; only changing a .proto does
// (Debian: apt-get install protobuf-compiler).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const protoDir = join(root, 'packages/contracts/proto');
const outDir = join(root, 'packages/contracts/src/generated');
const plugin = join(root, 'node_modules/.bin/protoc-gen-ts_proto');

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const protos = readdirSync(protoDir).filter((f) => f.endsWith('.proto'));
execFileSync(
  'protoc',
  [
    `--plugin=protoc-gen-ts_proto=${plugin}`,
    `--ts_proto_out=${outDir}`,
    '--ts_proto_opt=nestJs=true,addGrpcMetadata=true,stringEnums=true,forceLong=number,useDate=false,exportCommonSymbols=false,outputIndex=false',
    `--proto_path=${protoDir}`,
    ...protos,
  ],
  { stdio: 'inherit' },
);
console.log(`generated ${protos.length} contracts into ${outDir}`);
