import type { FastifyBaseLogger } from 'fastify';
import type { Logger } from '../log.js';

type Level = 'debug' | 'info' | 'warn' | 'error';

/**
 * Fastify's logger interface (pino's call shapes: `log.info(msg)`, `log.info({ fields }, msg)`)
 * over the service's own JSON logger (log.ts), so Fastify's lines and the service's share one
 * format, one level setting and the tests' silent logger. Fastify binds each request's id to
 * `request.log` through `child` (label `requestId`, see app.ts), so every line written while a
 * request is served carries it.
 */
export function fastifyLogger(log: Logger): FastifyBaseLogger {
  const at = (level: Level) => (first: unknown, second?: unknown) => {
    if (typeof first === 'string') return log[level](first);
    const fields = first instanceof Error ? { err: first } : { ...(first as Record<string, unknown>) };
    log[level](typeof second === 'string' ? second : '', fields);
  };
  const logger = {
    level: 'debug',
    trace: () => undefined,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    fatal: at('error'),
    silent: () => undefined,
    child: (bindings: Record<string, unknown>) => fastifyLogger(log.child(bindings)),
  };
  return logger as unknown as FastifyBaseLogger;
}
