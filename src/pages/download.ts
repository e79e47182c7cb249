/**
 * Saves page-made data as a file, for the dashboard and the options page: a Blob URL clicked through
 * `<a download>` (the browser's own download; no `downloads` permission), revoked once the click is handled.
 */
export function downloadBlob(parts: BlobPart[], type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the URL by the next tasks; a minute is generous for slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Text (JSON by default) as a UTF-8 file. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  downloadBlob([text], `${type};charset=utf-8`, fileName);
}
