/** Reads a response body while counting bytes, so the page can show a real progress indication. */
export async function readWithProgress(
  response: Response,
  onProgress: (received: number, total: number | null) => void,
): Promise<Blob> {
  const total = Number(response.headers.get('content-length')) || null;
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  if (!response.body) return response.blob();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received, total);
  }
  return new Blob(chunks as BlobPart[], { type });
}

/** Saves a blob as a file through a temporary link (the browser's own download). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** The file name a response gives in Content-Disposition (RFC 6266's filename* first), or null. */
export function fileNameOf(response: Response): string | null {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      // Fall back to the plain name.
    }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? null;
}

/** The gateway's JSON error of a refused download or export, or null. */
export async function downloadError(
  response: Response,
): Promise<{ code: string; count?: number; limit?: number; retryAfter?: number } | null> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown } };
    const error = body.error as Record<string, unknown> | undefined;
    if (typeof error?.code !== 'string') return null;
    return {
      code: error.code,
      ...(typeof error.count === 'number' ? { count: error.count } : {}),
      ...(typeof error.limit === 'number' ? { limit: error.limit } : {}),
      ...(typeof error.retryAfter === 'number' ? { retryAfter: error.retryAfter } : {}),
    };
  } catch {
    return null;
  }
}
