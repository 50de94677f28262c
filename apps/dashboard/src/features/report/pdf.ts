import { session } from '../../app/session';

export class PdfDownloadError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** Fetches the report PDF with the bearer token and hands it to the browser as a download. */
export async function downloadReportPdf(cycleId: string, subjectId: string, fileName: string): Promise<void> {
  const token = session.token();
  const response = await fetch(`/reports/${encodeURIComponent(cycleId)}/${encodeURIComponent(subjectId)}.pdf`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) throw new PdfDownloadError(response.status);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
