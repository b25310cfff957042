export const TYPES_FILE: string;
/** The text of web/src/api/openapi.d.ts for an OpenAPI document. */
export function openapiTypes(document: unknown): Promise<string>;
