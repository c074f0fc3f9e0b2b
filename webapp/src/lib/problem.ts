import { messages } from '@/config/messages';
import type { FieldError, ProblemDetails } from '@/types/api';

/** A failed call: an HTTP error answered with (ideally) problem+json, or no answer at all (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;
  /** From the Retry-After header (429, 503), in whole seconds. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, problem: ProblemDetails, retryAfterSeconds?: number, cause?: unknown) {
    // The message may be shown as it is (dialogs show error.message): the server's words, else the catalogue's.
    super(problem.detail ?? problem.title ?? messages.auth.errors.unexpected, { cause });
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }

  /**
   * NetChat could not be asked, or is not there right now: no answer, a gateway or 503 answer, or a 404 that is
   * not NetChat's own problem+json (while the server restarts, its web server answers before NetChat is
   * deployed). Worth trying again later, unlike an answer NetChat gave.
   */
  get isUnavailable(): boolean {
    if (this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504) return true;
    return this.status === 404 && this.problem.type === undefined && this.problem.detail === undefined;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

export function networkError(cause: unknown): ApiError {
  return new ApiError(0, { title: messages.auth.errors.network }, undefined, cause);
}

/** Retry-After is either delay-seconds or an HTTP-date (RFC 9110, 10.2.3). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function isProblemLike(value: unknown): value is ProblemDetails {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sanitizeErrors(errors: unknown): FieldError[] | undefined {
  if (!Array.isArray(errors)) return undefined;
  return errors
    .filter((e): e is FieldError => isProblemLike(e) && typeof (e as FieldError).field === 'string')
    .map((e) => ({ field: e.field, message: typeof e.message === 'string' ? e.message : '' }));
}

/** Turns an unsuccessful response into an ApiError, whatever its body (proxies answer with HTML too). */
export async function toApiError(response: Response): Promise<ApiError> {
  let problem: ProblemDetails = { status: response.status, title: response.statusText || undefined };
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const body: unknown = await response.json();
      if (isProblemLike(body)) {
        problem = { ...problem, ...body, errors: sanitizeErrors(body.errors) };
      }
    } catch {
      // An unreadable body still leaves the status, which is what callers decide on.
    }
  }
  return new ApiError(response.status, problem, parseRetryAfter(response.headers.get('Retry-After')));
}
