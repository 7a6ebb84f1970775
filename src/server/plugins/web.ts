import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built web app; unknown non-API paths get index.html (client-side routing). */
export async function registerWeb(app: FastifyInstance, webDir: string) {
  const hasWeb = existsSync(join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: ['index.html'],
      // built assets carry a content hash in their names: cache them for good; index.html is revalidated
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => res.setHeader('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !hasWeb) {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `路径不存在：${req.method} ${req.url.split('?')[0]}` } });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
