import type { FieldError } from '@cinema/contracts';

/**
 * Reads a JSON patch object sent by the gateway (absent keys keep their value, null clears an optional
 * field); keys other than `allowed` are reported.
 */
export function readPatch(
  patchJson: string,
  allowed: readonly string[],
): { patch: Record<string, unknown>; problems: FieldError[] } {
  let patch: unknown;
  try {
    patch = JSON.parse(patchJson || '{}');
  } catch {
    return { patch: {}, problems: [{ field: 'patch', message: 'must be a JSON object' }] };
  }
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch))
    return { patch: {}, problems: [{ field: 'patch', message: 'must be a JSON object' }] };
  const problems: FieldError[] = [];
  for (const key of Object.keys(patch))
    if (!allowed.includes(key)) problems.push({ field: key, message: 'is not a field that can be changed' });
  return { patch: patch as Record<string, unknown>, problems };
}

export function has(patch: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(patch, key);
}
