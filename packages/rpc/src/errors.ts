import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { DomainError, ERROR_STATUS, isErrorCode, type ErrorCode } from '@cinema/contracts';

const GRPC_BY_HTTP: Record<number, status> = {
  400: status.INVALID_ARGUMENT,
  401: status.UNAUTHENTICATED,
  403: status.PERMISSION_DENIED,
  404: status.NOT_FOUND,
  409: status.FAILED_PRECONDITION,
  413: status.INVALID_ARGUMENT,
  429: status.RESOURCE_EXHAUSTED,
  500: status.INTERNAL,
  503: status.UNAVAILABLE,
};

const ERROR_CODE_KEY = 'x-error-code';
const ERROR_DETAILS_KEY = 'x-error-details-bin';

/** The gRPC error that carries a DomainError across the wire: status + code and details in trailers. */
export function toGrpcError(error: DomainError): Partial<ServiceError> {
  const metadata = new Metadata();
  metadata.set(ERROR_CODE_KEY, error.code);
  if (error.details) metadata.set(ERROR_DETAILS_KEY, Buffer.from(JSON.stringify(error.details)));
  return { code: GRPC_BY_HTTP[ERROR_STATUS[error.code]] ?? status.UNKNOWN, details: error.message, metadata };
}

/** Rebuilds the DomainError from a failed call; transport failures become UNAVAILABLE. */
export function fromGrpcError(error: ServiceError, service: string): DomainError {
  const code = error.metadata?.get(ERROR_CODE_KEY)?.[0];
  if (isErrorCode(code)) {
    const raw = error.metadata.get(ERROR_DETAILS_KEY)[0];
    let details: Record<string, unknown> | undefined;
    if (raw) {
      try {
        details = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : raw) as Record<string, unknown>;
      } catch {
        details = undefined;
      }
    }
    return new DomainError(code, error.details || code, details);
  }
  const fallback: ErrorCode =
    error.code === status.UNAVAILABLE ||
    error.code === status.DEADLINE_EXCEEDED ||
    error.code === status.CANCELLED
      ? 'UNAVAILABLE'
      : 'INTERNAL';
  const message =
    fallback === 'UNAVAILABLE'
      ? `The ${service} service is unavailable, try again shortly`
      : 'Internal error';
  return new DomainError(fallback, message, { service, grpcStatus: error.code, cause: error.details });
}
