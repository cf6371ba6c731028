type Usage = {
  adopters: number;
  completed: number;
  medianMinutesSaved: number | null;
  meanRating: number | null;
};

/** "12 colleagues completed it · median 35 min saved · rated 4.3 of 5": what peers got from a workflow. */
export function describeUsage(usage: Usage): string {
  const parts = [
    usage.adopters === 0
      ? 'No colleague has completed it yet'
      : `${usage.adopters} ${usage.adopters === 1 ? 'colleague' : 'colleagues'} completed it`,
  ];
  if (usage.medianMinutesSaved !== null)
    parts.push(`median ${Math.round(usage.medianMinutesSaved)} min saved`);
  if (usage.meanRating !== null) parts.push(`rated ${usage.meanRating.toFixed(1)} of 5`);
  return parts.join(' · ');
}
