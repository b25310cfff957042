// The house plan as lint (`npm run lint`, and the "boundaries" step of `npm test`). A service is one
// deployable: it talks to another over gRPC, HTTP or the broker, never by importing its code, so each can
// change and ship alone. test/boundaries.test.ts plants a violation of each rule and expects it reported.

/** seat-service's library of its seat map in Redis: the one part of a service others may import. */
const SEAT_MAP_LIBRARY = '^services/seat-service/seat-map/';

/** The gateway is the public edge: a bug there must not be able to reach a database. */
const DATABASE_CODE = '^packages/database/|(^|/)node_modules/(@types/)?(pg|pg-[^/]+|kysely)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'service-to-service',
      comment:
        'A service imports nothing of another service (its tests neither): call it, or use a contract. ' +
        "The one exception is seat-service's seat map library (@cinema/seat-map).",
      severity: 'error',
      from: { path: '^services/([^/]+)/' },
      // `@cinema/<name>` resolves to a package's source, so an unresolved one names a service.
      to: { path: ['^services/', '^@cinema/'], pathNot: ['^services/$1/', SEAT_MAP_LIBRARY] },
    },
    {
      name: 'seat-map-stands-alone',
      comment:
        "seat-service's seat map library is imported by other services: it imports nothing of seat-service " +
        'nor of any other service or package of ours but packages/contracts.',
      severity: 'error',
      from: { path: SEAT_MAP_LIBRARY },
      to: {
        path: ['^packages/', '^services/', '^@cinema/'],
        pathNot: [SEAT_MAP_LIBRARY, '^packages/contracts/'],
      },
    },
    {
      name: 'package-to-service',
      comment: 'Shared packages are floors under the services: they never import one.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: ['^services/', '^@cinema/'] },
    },
    {
      name: 'contracts-stand-alone',
      comment: 'packages/contracts is the bottom floor: it imports no other package or service of ours.',
      severity: 'error',
      from: { path: '^packages/contracts/' },
      to: { path: ['^packages/', '^services/', '^@cinema/'], pathNot: '^packages/contracts/' },
    },
    {
      name: 'gateway-no-database-code',
      comment:
        'The gateway reaches no database code (packages/database, pg, kysely), not even through a package.',
      severity: 'error',
      from: { path: '^services/api-gateway/src/', pathNot: '\\.spec\\.ts$' },
      to: { path: DATABASE_CODE, reachable: true },
    },
    {
      name: 'web-http-only',
      comment:
        'The browser app talks HTTP only: it imports nothing from outside web/ but its own npm dependencies.',
      severity: 'error',
      from: { path: '^web/' },
      // An npm package (or Node's own, for the build scripts) is fine; `@cinema/<name>` (ours, resolved or
      // not) and any other path of the repository are not.
      to: { pathNot: ['^web/', '^node_modules/(?!@cinema/)'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'no-circular',
      comment: 'No cycles in our code, within or between packages and services.',
      severity: 'error',
      from: { path: '^(packages|services)/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that cannot be resolved cannot be checked either.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Build output is compiled from the sources cruised here.
    exclude: { path: '^(packages|services)/[^/]+/dist/' },
    tsPreCompilationDeps: true,
    // `@cinema/<package>` resolves to the package's source (tsconfig.json paths), as in the typecheck and
    // Vitest, so a dependency through a package is seen whether or not it was built.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['require', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
    },
  },
};
