/**
 * The standard task sheet: its columns, its dropdowns, and a plan written out in it. The add-on's
 * "Tạo bảng mẫu", the import of a Word plan (add-on and command line) and the template all use
 * this one layout, so a sheet made by any of them checks the same way.
 */
import type { SheetInput, CellValue } from './grid';
import type { Plan } from './model';
import { romanNumeral } from './text';
import { COLUMNS, OTHER_PILLAR, PILLARS, STATUS_VALUES, type ColumnKey } from './vocabulary';

/** The standard columns, in order. */
export const TEMPLATE_COLUMNS: readonly ColumnKey[] = [
  'stt',
  'task',
  'lead',
  'partners',
  'output',
  'deadline',
  'status',
  'completedOn',
  'pillar',
  'note',
];

/** Their header texts: STT, Nhiệm vụ, Cơ quan chủ trì, … Ghi chú. */
export const TEMPLATE_HEADER: readonly string[] = TEMPLATE_COLUMNS.map(
  (k) => (COLUMNS.find((c) => c.key === k) as { standard: string }).standard,
);

/** 0-based column of a standard key in the template. */
export function templateColumn(key: ColumnKey): number {
  return TEMPLATE_COLUMNS.indexOf(key);
}

/** The dropdowns of the template's data rows: status and pillar lists, a date in "Ngày hoàn thành". */
export const TEMPLATE_VALIDATIONS: readonly (
  | { key: ColumnKey; kind: 'list'; values: readonly string[]; strict: false; help: string }
  | { key: ColumnKey; kind: 'date'; help: string }
)[] = [
  {
    key: 'status',
    kind: 'list',
    values: Object.values(STATUS_VALUES).map((v) => v[0] as string),
    strict: false,
    help: `Chọn một trong: ${Object.values(STATUS_VALUES)
      .map((v) => v[0])
      .join(', ')}.`,
  },
  {
    key: 'pillar',
    kind: 'list',
    values: PILLARS,
    strict: false,
    help: 'Chọn trụ cột của nhiệm vụ (có thể để trống nếu dòng mục đã ghi).',
  },
  { key: 'completedOn', kind: 'date', help: 'Ghi ngày hoàn thành thực tế, ví dụ 30/10/2025.' },
];

export interface StandardSheet {
  sheet: SheetInput;
  /** 1-based row of the header; data rows follow it. */
  headerRow: number;
}

/**
 * A plan written out in the standard columns: its title rows, the header, a row per section
 * (Roman numeral and name) and a row per assignment line (the task's number and text on its
 * first line only). What the plan's own other columns held is not carried over.
 */
export function standardSheet(
  plan: Plan,
  name: string,
  title: readonly string[] = plan.title,
): StandardSheet {
  const width = TEMPLATE_COLUMNS.length;
  const row = (cells: Partial<Record<ColumnKey, CellValue>>): CellValue[] =>
    TEMPLATE_COLUMNS.map((k) => cells[k] ?? '');
  const values: CellValue[][] = title.map((t) => [t, ...new Array<string>(width - 1).fill('')]);
  const merges = title.map((_t, i) => ({ row: i, column: 0, numRows: 1, numColumns: width }));
  values.push([...TEMPLATE_HEADER]);
  const headerRow = values.length;
  let section = -2;
  let roman = 0;
  for (const task of plan.tasks) {
    if (task.section !== section) {
      section = task.section;
      const s = plan.sections[section];
      // A task outside any section that comes after one would be read as that section's: it goes
      // under a section "Khác", which the status table counts as it counts tasks outside any section.
      const text = s ? s.text : roman > 0 ? OTHER_PILLAR : null;
      if (text !== null) {
        roman++;
        values.push(row({ stt: romanNumeral(roman), task: text }));
      }
    }
    task.lines.forEach((line, i) => {
      values.push(
        row({
          stt: i === 0 ? task.stt : '',
          task: i === 0 ? task.task : '',
          lead: line.lead,
          partners: line.partners,
          output: line.output,
          deadline: line.deadline.text,
          status: i === 0 ? task.statusText : '',
          completedOn: i === 0 && task.completedOn ? task.completedOn.split('-').reverse().join('/') : '',
          pillar: i === 0 ? (task.pillar ?? '') : '',
        }),
      );
    });
  }
  return { sheet: { name, values, merges }, headerRow };
}
