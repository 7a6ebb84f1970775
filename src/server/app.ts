import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { authRoutes } from '../modules/auth/auth.routes.js';
import { usersRoutes } from '../modules/auth/users.routes.js';
import { indicatorsRoutes } from '../modules/indicators/indicators.routes.js';
import { reportRoutes } from '../modules/indicators/report/report.routes.js';
import { microsimRoutes } from '../modules/microsim/microsim.routes.js';
import { directoryRoutes } from '../modules/regions/regions.routes.js';
import { registryRoutes } from '../modules/registry/registry.routes.js';
import { settingsRoutes } from '../modules/settings/settings.routes.js';
import { surveyRoutes } from '../modules/survey/survey.routes.js';
import { workplanRoutes } from '../modules/workplan/workplan.routes.js';
import type { Config } from './config.js';
import { registerErrorHandler } from './plugins/errors.js';
import { registerSession } from './plugins/session.js';
import { registerWeb } from './plugins/web.js';
import type { Services } from './services.js';

z.config(z.locales.zhCN());

/** Builds the whole HTTP application over ready services; does not listen (tests use inject). */
export async function buildApp(services: Services, config: Pick<Config, 'webDir' | 'secureCookies' | 'bodyLimit' | 'logLevel' | 'loginRateLimit' | 'rateLimit'>): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    trustProxy: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd's CSS-in-JS injects <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    hsts: config.secureCookies,
  });
  await app.register(fastifyRateLimit, { global: config.rateLimit > 0, max: config.rateLimit || 1, timeWindow: '1 minute' });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Zengshou 增收 API', version: '0.1.0', description: '城乡居民增收工作平台接口' }, servers: [] },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' }, staticCSP: true });

  registerSession(app, services.auth);

  app.get('/api/health', { schema: { tags: ['system'], summary: '健康检查', response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({ status: 'ok' as const }));
  authRoutes(app, { ...services, secureCookies: config.secureCookies, loginRateLimit: config.loginRateLimit });
  usersRoutes(app, services.users);
  auditRoutes(app, services.audit);
  directoryRoutes(app, services);
  settingsRoutes(app, services);
  workplanRoutes(app, services);
  registryRoutes(app, services);
  surveyRoutes(app, services);
  microsimRoutes(app, services);
  indicatorsRoutes(app, services);
  reportRoutes(app, services);

  await registerWeb(app, config.webDir);
  return app;
}
