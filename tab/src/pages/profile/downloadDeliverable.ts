import type { ApiClient } from '../../api/client';

/** Saves a deliverable as Markdown or Word through the API (the browser cannot send a bearer token on a link). */
export async function downloadDeliverable(
  api: ApiClient,
  sessionId: string,
  title: string,
  format: 'markdown' | 'docx',
): Promise<void> {
  const blob = await api.getFile(`/sessions/${sessionId}/deliverable?format=${format}`);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'deliverable'}.${format === 'docx' ? 'docx' : 'md'}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
