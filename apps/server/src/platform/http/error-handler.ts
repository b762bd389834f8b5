import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, titleFor, type FieldError } from './app-error.js';

function sendProblem(reply: FastifyReply, status: number, detail: string, code?: string, errors?: FieldError[]) {
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .send({ type: `https://gonghui.local/problems/${(code ?? String(status)).toLowerCase()}`, title: titleFor(status), status, detail, ...(code ? { code } : {}), ...(errors ? { errors } : {}) });
}

/** SQLSTATE class 22 (data exception), from either driver, possibly wrapped by Drizzle in `cause`. */
function isDataException(err: { code?: unknown; cause?: unknown }): boolean {
  const cause = err.cause as { code?: unknown } | undefined;
  return [err.code, cause?.code].some((c) => typeof c === 'string' && /^22[0-9A-Z]{3}$/.test(c));
}

/** A foreign-key violation (23503): 'insert' when a given id names nothing, else a row still referenced. */
function foreignKeyViolation(err: { code?: unknown; cause?: unknown }): 'insert' | 'delete' | null {
  const c = (err.cause ?? err) as { code?: unknown; message?: unknown };
  if (c.code !== '23503') return null;
  return /still referenced|仍被/.test(String(c.message ?? '')) ? 'delete' : 'insert';
}

/** Every error becomes application/problem+json with Chinese text; no stack traces leave the server. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) return sendProblem(reply, err.status, err.detail, err.code, err.errors);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = err.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || (v.params as { issue?: { path?: unknown[] } })?.issue?.path?.join('.') || String(err.validationContext ?? ''),
        message: v.message ?? '格式不正确',
      }));
      return sendProblem(reply, 422, errors.map((e) => `${e.path}: ${e.message}`).join(';'), 'VALIDATION', errors);
    }
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
      case 'FST_FILES_LIMIT':
      case 'FST_PARTS_LIMIT':
        return sendProblem(reply, 413, '请求内容超过大小限制', 'TOO_LARGE');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(reply, 415, '不支持的内容类型', 'UNSUPPORTED_MEDIA_TYPE');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendProblem(reply, 400, '请求体为空或长度不正确', 'BAD_REQUEST');
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return sendProblem(reply, 415, '请以 multipart/form-data 上传文件', 'UNSUPPORTED_MEDIA_TYPE');
    }
    // a value the database cannot hold (NUL in text, a number out of range): the input's fault, nothing was stored
    if (isDataException(err)) {
      req.log.warn({ code: (err.cause as { code?: string } | undefined)?.code ?? err.code }, 'input refused by the database');
      return sendProblem(reply, 422, '输入的内容含有无法保存的字符或超出范围的数值,请检查后重试', 'INVALID_VALUE');
    }
    const fk = foreignKeyViolation(err);
    if (fk) {
      req.log.warn({ code: '23503' }, 'foreign key violation');
      return fk === 'insert' ? sendProblem(reply, 422, '所引用的记录不存在', 'INVALID_REFERENCE') : sendProblem(reply, 409, '该记录仍被其他数据引用,不能删除', 'REFERENCED');
    }
    if (err.statusCode === 400 || err instanceof SyntaxError) return sendProblem(reply, 400, '请求格式错误(JSON 无法解析)', 'BAD_REQUEST');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return sendProblem(reply, err.statusCode, err.message, err.code);
    req.log.error({ err }, 'unhandled error');
    return sendProblem(reply, 500, '服务器内部错误,请稍后再试;如持续出现请联系系统管理员', 'INTERNAL');
  });
}

export { sendProblem };
