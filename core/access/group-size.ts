/** No team or department figure is shown for fewer people than this (DESIGN section 6). */
export const MIN_GROUP_SIZE = 5;

/** Whether a figure about a group this size may be shown. */
export const mayShowGroupFigure = (groupSize: number): boolean => groupSize >= MIN_GROUP_SIZE;
