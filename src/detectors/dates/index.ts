/**
 * Date-format detector: per date-like column, the histogram of formats (date-fns patterns), the dominant one,
 * inconsistency, day/month ambiguity and its resolution, range, future dates, staleness against a caller's
 * asOf, and sentinel dates reported apart as disguised nulls. See classify.ts for what counts as one format.
 */
export const datesDetectorMeta = {
  id: 'dates',
  description:
    'Finds date-like columns and reports their formats (date-fns patterns), format inconsistency, ambiguous day/month order and how the column resolves it, min/max, future dates, staleness and sentinel dates (disguised nulls).',
  regulations: [] as string[],
  defaultsKey: 'dates',
} as const;

export { classifyDate, type DateClass, dayToIso } from './classify.js';
export {
  DateColumnAccumulator,
  type DateResult,
  type DateState,
  type DateResolution,
} from './accumulator.js';
export { dateRulesSchema, DATE_DEFAULTS, type DateRules, type DateRulesInput } from './rules.js';
export { nameSuggestsTime } from './column-name.js';
