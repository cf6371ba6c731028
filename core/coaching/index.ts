export {
  LAPSE_WARNING_DAYS,
  POPULAR_MIN_ADOPTERS,
  POPULAR_WEEKS,
  PRACTISED_RUNS,
  type CoachingSuggestion,
  type ReportCoaching,
} from './coaching-suggestion';
export { comingLapses, type ComingLapse } from './lapse-coming';
export { readCoaching, type CoachingView } from './read-coaching';
