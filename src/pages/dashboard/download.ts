export { downloadBlob } from '../download';

/** `resolve-plus-attempts-2024-05-06.csv`, dated in local time like the filter bar. */
export function exportFileName(kind: string, ext: string, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `resolve-plus-${kind}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${ext}`;
}
