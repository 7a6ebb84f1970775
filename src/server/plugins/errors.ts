import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../../modules/app-error.js';

/** Every error leaves as `{"error":{"code","message"}}` with a Chinese message and the right status. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, ...(err.details !== undefined && { details: err.details }) } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({ path: v.instancePath || '/', message: v.message ?? '' }));
      const first = issues[0];
      return reply.status(400).send({
        error: { code: 'VALIDATION_FAILED', message: `输入有误：${first ? `${first.path} ${first.message}` : ''}`.trim(), details: issues },
      });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response does not match its schema');
      return reply.status(500).send({ error: { code: 'INTERNAL', message: '服务器内部错误' } });
    }
    const known: Record<string, [number, string, string]> = {
      FST_ERR_CTP_BODY_TOO_LARGE: [413, 'BODY_TOO_LARGE', '请求内容过大'],
      FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型，请使用 application/json'],
      FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'INVALID_JSON', '请求体为空'],
      FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INVALID_JSON', '请求体不是合法的 JSON'],
      FST_ERR_VALIDATION: [400, 'VALIDATION_FAILED', '输入有误'],
    };
    const k = err.code ? known[err.code] : undefined;
    if (k) return reply.status(k[0]).send({ error: { code: k[1], message: k[2] } });
    if (err.statusCode === 429) return reply.status(429).send({ error: { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' } });
    if (err instanceof SyntaxError) return reply.status(400).send({ error: { code: 'INVALID_JSON', message: '请求体不是合法的 JSON' } });
    if (err.statusCode && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ error: { code: err.code ?? 'BAD_REQUEST', message: '请求有误' } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: '服务器内部错误' } });
  });
}
