import { session } from './session';

/** A download the gateway refused or could not make: its HTTP status and the gateway's error code. */
export class DownloadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`HTTP ${status}`);
  }
}

const CODE_OF_STATUS: Record<number, string> = { 400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };

/**
 * Fetches a file from the gateway with the bearer token (a report's PDF, a cycle's CSV) and hands it
 * to the browser as a download.
 */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const token = session.token();
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    // The gateway answers a refusal as JSON: { error: <code>, message }.
    const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
    const code = typeof body?.error === 'string' ? body.error : (CODE_OF_STATUS[response.status] ?? 'INTERNAL_SERVER_ERROR');
    throw new DownloadError(response.status, code);
  }
  saveFile(await response.blob(), fileName);
}

/**
 * Has the browser download a file by following a link to it (a single-use link from the gateway: it
 * carries no bearer token). The browser streams the file to disk; the page never holds it.
 */
export function followDownloadLink(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = ''; // the gateway names the file
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Hands a file made in the page (or fetched) to the browser as a download. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** A name for a downloaded file, from what it is called (e.g. a cycle's or a person's name). */
export function fileNameOf(name: string, suffix: string): string {
  return `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${suffix}`;
}
