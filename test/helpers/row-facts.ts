/** What the row classifier knows about a row: a plain task row's facts, overridden where a test says so. */
import type { RowFacts } from '../../src/core/plan';

export function facts(over: Partial<RowFacts> = {}): RowFacts {
  return {
    stt: '1',
    task: 'Tổ chức tập huấn kỹ năng số',
    hasLead: true,
    hasDeadline: true,
    deadlineReadable: true,
    hasDetail: true,
    blank: false,
    wideMerge: false,
    mergedText: '',
    repeatedHeader: false,
    columnNumbers: false,
    nextStt: '2',
    hasChildren: false,
    current: { stt: '0', task: 'Nhiệm vụ trước' },
    ...over,
  };
}

/** The facts of a heading row: no lead, no deadline, nothing beside its number and text. */
export const HEADING_FACTS = {
  hasLead: false,
  hasDeadline: false,
  deadlineReadable: false,
  hasDetail: false,
};
