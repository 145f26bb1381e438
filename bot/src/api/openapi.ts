import { z } from 'zod/v4';
import type { RouteDef } from '../http/routeTypes.js';
import { ROUTES } from './routes.js';
import { errorResponseSchema, uuidParamsSchema } from './schemas.js';

type Json = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;
  delete out.$schema;
  return out;
}

/** Query or path parameters from a zod object schema, one OpenAPI parameter per key. */
function parametersOf(schema: z.ZodType, where: 'query' | 'path'): Json[] {
  const js = schemaOf(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, prop]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema: prop,
    ...(typeof prop.description === 'string' ? { description: prop.description } : {}),
  }));
}

const errorContent = { content: { 'application/json': { schema: schemaOf(errorResponseSchema, 'output') } } };
/** Answers the HTTP layer gives on every operation (http/errorReply.ts, http/authentication.ts). */
const EDGE_RESPONSES: Record<string, Json> = {
  400: {
    description: '请求格式错误：地址编码、路径参数（UUID）、JSON 或请求头无效 / malformed request: URL encoding, path parameter (UUID), JSON or header',
    ...errorContent,
  },
  429: {
    description:
      '同一地址一分钟内身份验证失败过多，请稍后重试（Retry-After）/ too many failed authentications from this address within a minute; retry later (Retry-After)',
    ...errorContent,
  },
};
/** Writes can meet a full disk (embedded database). */
const WRITE_RESPONSES: Record<string, Json> = {
  507: { description: '存储空间不足，未保存任何内容 / insufficient storage: nothing was saved', ...errorContent },
  503: { description: '数据库暂时不可用 / the database is unavailable right now', ...errorContent },
};

function operation(r: RouteDef): Json {
  const pathParams = r.path.includes('{id}') ? parametersOf(r.params ?? uuidParamsSchema, 'path') : [];
  const op: Json = {
    operationId: r.operationId,
    summary: r.summary.zh,
    description: `${r.summary.en}. 角色 / roles: ${r.roles.join(', ')}`,
    tags: [r.tag],
    security: [{ bearer: [] }],
    parameters: [...pathParams, ...(r.query ? parametersOf(r.query, 'query') : [])],
    responses: Object.fromEntries([
      ...Object.entries(EDGE_RESPONSES),
      ...(r.method === 'GET' ? [] : Object.entries(WRITE_RESPONSES)),
      ...Object.entries(r.responses).map(([code, d]) => [
        code,
        {
          description: d.description ?? '',
          ...(d.schema ? { content: { 'application/json': { schema: schemaOf(d.schema, 'output') } } } : {}),
          ...(d.contentType ? { content: { [d.contentType]: { schema: { type: 'string', contentMediaType: d.contentType } } } } : {}),
        },
      ]),
    ]),
  };
  if (r.requestBody) {
    op.requestBody = {
      required: r.requestBody.required,
      content: Object.fromEntries(
        Object.entries(r.requestBody.contentTypes).map(([type, schema]) => [
          type,
          { schema: schema === 'binary' ? { type: 'string', contentMediaType: type } : schemaOf(schema, 'input') },
        ]),
      ),
    };
  }
  return op;
}

/** The OpenAPI 3.1 document of /api/v1, generated from the route table and its zod schemas. */
export function openApiDocument(serverUrl?: string): Json {
  const paths: Record<string, Json> = {};
  for (const r of ROUTES) (paths[r.path] ??= {})[r.method.toLowerCase()] = operation(r);
  paths['/healthz'] = {
    get: {
      operationId: 'health',
      summary: '健康检查（含数据库）',
      security: [],
      responses: { 200: { description: 'ok' }, 503: { description: 'database unreachable' } },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'kekao（可靠）API',
      version: '1',
      description:
        '产品质量可靠性“最佳实践”推荐、评审与帮扶服务 / submissions, workflow, reviews and assistance. 错误格式 / errors: { error: { key, zh, en, path? } }',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: '由 `kekao users add` 生成 / from `kekao users add`' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
