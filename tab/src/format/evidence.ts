const NOUNS: Record<string, [string, string]> = {
  session: ['session', 'sessions'],
  review: ['review', 'reviews'],
  certificate: ['certificate', 'certificates'],
  reuse: ['colleague reuse', 'colleague reuses'],
  attestation: ['attestation', 'attestations'],
};

/** "3 sessions · 1 review": what a level rests on, biggest kinds first; empty when nothing does. */
export function describeEvidence(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort(([, a], [, b]) => b - a)
    .map(([kind, count]) => {
      const [one, many] = NOUNS[kind] ?? [kind, kind];
      return `${count} ${count === 1 ? one : many}`;
    })
    .join(' · ');
}
