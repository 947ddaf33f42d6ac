import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { App } from './types.js';

/**
 * Routes that take a raw file as the body (CSV, XLSX, PDF, images). Their parsers live in a child
 * context, so these content types are accepted by these routes only.
 */
export function registerUploadRoutes(
  app: App,
  upload: { contentTypes: string[]; bodyLimit: number },
  routes: (uploads: App) => void,
): void {
  void app.register(async (child) => {
    const uploads = child.withTypeProvider<TypeBoxTypeProvider>();
    uploads.addContentTypeParser(
      upload.contentTypes,
      { parseAs: 'buffer', bodyLimit: upload.bodyLimit },
      (_req, body, done) => done(null, body),
    );
    routes(uploads);
  });
}

/** The raw file in OpenAPI; the parsed body is a Buffer, which the object branch lets through. */
export const RawFileBody = (description: string) =>
  Type.Unsafe<Buffer>({ anyOf: [{ type: 'string', format: 'binary' }, { type: 'object' }], description });
