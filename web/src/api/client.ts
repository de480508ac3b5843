/**
 * The one way the portal talks to the API: JSON over fetch under /api/v1, the session cookie sent
 * by the browser, the CSRF token on every state-changing request, and one error type.
 */

/** An API failure: the HTTP status and the API's stable error code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

export type Query = Readonly<Record<string, string | number | readonly string[] | null | undefined>>;

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

/** Set from GET /me after sign-in; sent as x-csrf-token on every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request answers 401 (the session expired or was revoked). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** `?a=1&b=x,y` from a query object; empty values and empty lists are left out. */
export function queryString(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(","));
    } else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export async function request<T>(
  method: "GET" | "POST" | "PATCH" | "DELETE",
  path: string,
  options: { query?: Query; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}${queryString(options.query)}`, {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "NETWORK", "The portal cannot be reached. Check your connection and try again.");
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = errorOf(response.status, body);
    if (response.status === 401 && path !== "/auth/sign-in") onUnauthenticated();
    throw error;
  }
  return body as T;
}

function errorOf(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error.code === "string" && typeof error.message === "string") {
    return new ApiError(status, error.code, error.message, error.details);
  }
  return new ApiError(status, `HTTP_${status}`, `The portal answered with an error (HTTP ${status}).`);
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
