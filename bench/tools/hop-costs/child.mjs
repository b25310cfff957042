// Child processes: one server (or the AMQP consumer) each, forked by startChild (measure.mjs) with
// `--child <kind> --<arg> <value>...`. They report their own CPU over IPC.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import amqp from 'amqplib';
import { holdReply, PROTO_LOADER_OPTIONS } from './workload.mjs';

async function childMain(kind, args) {
  let stop = async () => undefined;
  let consumed = 0;
  let waiting;
  const reached = () => {
    if (waiting && consumed >= waiting.count) {
      process.send({ type: 'reached', id: waiting.id });
      waiting = undefined;
    }
  };
  process.on('message', (msg) => {
    if (msg.cmd === 'cpu') {
      const u = process.cpuUsage();
      process.send({ type: 'cpu', id: msg.id, ms: (u.user + u.system) / 1000 });
    } else if (msg.cmd === 'waitFor') {
      waiting = { id: msg.id, count: msg.count };
      reached();
    }
  });
  process.on('disconnect', () => {
    Promise.race([stop(), new Promise((r) => setTimeout(r, 2_000))]).finally(() => process.exit(0));
  });

  let port = Number(args.port ?? 0);
  if (kind === 'grpc-bare') {
    const def = loadSync(args.proto, PROTO_LOADER_OPTIONS);
    const { Echo } = grpc.loadPackageDefinition(def).hopcost;
    const server = new grpc.Server();
    server.addService(Echo.service, {
      Hold: (call, cb) => {
        Promise.resolve(holdReply(call.request)).then((reply) => cb(null, reply), cb);
      },
    });
    port = await new Promise((resolve, reject) =>
      server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (err, p) =>
        err ? reject(err) : resolve(p),
      ),
    );
    stop = () => new Promise((r) => server.tryShutdown(() => r()));
  } else if (kind === 'grpc-nest') {
    const { NestFactory } = await import('@nestjs/core');
    const { Controller, Module } = await import('@nestjs/common');
    const { GrpcMethod, Transport } = await import('@nestjs/microservices');
    class EchoController {
      async hold(request) {
        return holdReply(request);
      }
    }
    Controller()(EchoController);
    decorateMethod(EchoController, 'hold', GrpcMethod('Echo', 'Hold'));
    class EchoModule {}
    Module({ controllers: [EchoController] })(EchoModule);
    const app = await NestFactory.createMicroservice(EchoModule, {
      transport: Transport.GRPC,
      options: {
        package: 'hopcost',
        protoPath: args.proto,
        url: `127.0.0.1:${port}`,
        loader: PROTO_LOADER_OPTIONS,
      },
      logger: false,
    });
    await app.listen();
    stop = () => app.close();
  } else if (kind === 'http-bare') {
    const { default: Fastify } = await import('fastify');
    const app = Fastify({ logger: false });
    app.post('/seats/hold', async (request) => holdReply(request.body));
    await app.listen({ port, host: '127.0.0.1' });
    port = app.server.address().port;
    stop = () => app.close();
  } else if (kind === 'http-nest') {
    const { NestFactory } = await import('@nestjs/core');
    const { Body, Controller, HttpCode, Module, Post } = await import('@nestjs/common');
    const { FastifyAdapter } = await import('@nestjs/platform-fastify');
    class SeatsController {
      async hold(body) {
        return holdReply(body);
      }
    }
    Controller('seats')(SeatsController);
    decorateMethod(SeatsController, 'hold', Post('hold'), HttpCode(200));
    Body()(SeatsController.prototype, 'hold', 0);
    class HttpModule {}
    Module({ controllers: [SeatsController] })(HttpModule);
    const app = await NestFactory.create(HttpModule, new FastifyAdapter(), { logger: false });
    await app.listen(port, '127.0.0.1');
    port = app.getHttpServer().address().port;
    stop = () => app.close();
  } else if (kind === 'amqp-consumer') {
    const connection = await amqp.connect(args.url);
    const channel = await connection.createChannel();
    await channel.prefetch(Number(args.prefetch));
    await channel.consume(
      args.queue,
      (msg) => {
        if (!msg) return;
        // What the services' dispatcher does before handing the envelope over.
        const envelope = JSON.parse(msg.content.toString('utf8'));
        if (typeof envelope.id !== 'string') throw new Error('not an envelope');
        channel.ack(msg);
        consumed += 1;
        reached();
      },
      { noAck: false },
    );
    stop = () => connection.close();
  } else if (kind === 'smtp-sink') {
    const { SMTPServer } = await import('smtp-server');
    const server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        stream.on('data', () => undefined);
        stream.on('end', () => callback());
      },
    });
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    port = server.server.address().port;
    stop = () => new Promise((r) => server.close(() => r()));
  } else {
    throw new Error(`unknown child kind ${kind}`);
  }
  process.send({ type: 'ready', port });
}

/** Applies method decorators without decorator syntax (plain ESM). */
function decorateMethod(cls, name, ...decorators) {
  const proto = cls.prototype;
  let descriptor = Object.getOwnPropertyDescriptor(proto, name);
  for (const decorate of decorators.reverse()) descriptor = decorate(proto, name, descriptor) ?? descriptor;
  Object.defineProperty(proto, name, descriptor);
}

if (process.argv[2] === '--child') {
  const { values } = parseArgs({
    args: process.argv.slice(4),
    options: Object.fromEntries(
      ['port', 'proto', 'url', 'queue', 'prefetch'].map((k) => [k, { type: 'string' }]),
    ),
  });
  childMain(process.argv[3], values).catch((error) => {
    console.error(`hop-costs child ${process.argv[3]}: ${error.stack ?? error.message}`);
    process.exit(1);
  });
}
