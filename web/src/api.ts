/**
 * The console's door to the service: the client generated from the service's OpenAPI document
 * (`./api/generated`, `npm run web:api`), with the signed-in user's token on every request. A
 * refused request becomes a `Problem` (the service's problem+json), shown as it is.
 */
import { client } from './api/generated/client.gen';
import type { Problem } from './components/Refusal';

const TOKEN = 'decisions.token';

export const token = (): string | null => sessionStorage.getItem(TOKEN);
export const signIn = (t: string): void => sessionStorage.setItem(TOKEN, t);
export const signOut = (): void => {
  sessionStorage.removeItem(TOKEN);
  window.location.hash = '#/';
  window.location.reload();
};

client.setConfig({ baseUrl: window.location.origin });
client.interceptors.request.use((request) => {
  const t = token();
  if (t) request.headers.set('Authorization', `Bearer ${t}`);
  return request;
});

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? `HTTP ${problem.status}`);
  }
}

/** The answer's body, or the refusal as a ProblemError (a lapsed session signs out). */
export async function data<T>(call: Promise<{ data?: T; error?: unknown; response?: Response }>): Promise<T> {
  const r = await call;
  if (r.response?.ok && r.data !== undefined) return r.data;
  const problem = { status: r.response?.status, ...(typeof r.error === 'object' && r.error !== null ? r.error : { detail: String(r.error ?? '服务暂时无法访问') }) } as Problem;
  if (problem.status === 401 && token()) signOut();
  throw new ProblemError(problem);
}

/** Saves a file the service answers (a report, an export) under its name. */
export function saveFile(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}
