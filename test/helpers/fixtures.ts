/** Loads the seed and public fixtures (test/fixtures/{seeds,public}/*.json) as the engine's input. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CellValue, MergeRange, SheetInput } from '../../src/core/grid';
import type { Plan } from '../../src/core/model';
import { columnIndex } from '../../src/core/text';

export interface ExpectedLine {
  row: number;
  lead: string;
  deadline: string;
  kind: string;
  due: string | null;
}
export interface ExpectedTask {
  row: number;
  lastRow: number;
  stt: string;
  pillar: string | null;
  task: string;
  lines: ExpectedLine[];
}
export interface SeedFixture {
  file: string;
  source: string;
  commune: string;
  sheetName: string;
  values: (string | number | { date: string })[][];
  merges: string[];
  expected: {
    headerRow: number;
    planYear: number;
    columns: Record<string, string>;
    missingColumns: string[];
    tasks: ExpectedTask[];
  };
}

export const SEED_DIR = join(__dirname, '..', 'fixtures', 'seeds');

export function seedFiles(): string[] {
  return readdirSync(SEED_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

export function loadSeed(file: string): SeedFixture {
  const raw = JSON.parse(readFileSync(join(SEED_DIR, file), 'utf8')) as Omit<SeedFixture, 'file'>;
  return { file, ...raw };
}

/** A1 range ("B5:H5") → 0-based merge. */
export function a1ToMerge(a1: string): MergeRange {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad range ${a1}`);
  const row = Number(m[2]) - 1;
  const column = columnIndex(m[1] as string);
  return {
    row,
    column,
    numRows: Number(m[4]) - 1 - row + 1,
    numColumns: columnIndex(m[3] as string) - column + 1,
  };
}

/** A date cell as Sheets returns it: midnight of that day in Asia/Ho_Chi_Minh. */
export function sheetDate(iso: string): Date {
  return new Date(`${iso}T00:00:00+07:00`);
}

export function toCell(v: string | number | { date: string }): CellValue {
  return typeof v === 'object' && v !== null ? sheetDate(v.date) : v;
}

/** What any fixture holds of its sheet. */
export type FixtureSheet = Pick<SeedFixture, 'sheetName' | 'values' | 'merges'>;

/** The fixture as Google Sheets would give it: "" under merges. */
export function seedInput(f: FixtureSheet): SheetInput {
  return {
    name: f.sheetName,
    values: f.values.map((row) => row.map(toCell)),
    merges: f.merges.map(a1ToMerge),
  };
}

/** The same sheet as an .xlsx reader gives it: every hidden cell of a merge repeats the top-left value. */
export function seedInputRepeated(f: FixtureSheet): SheetInput {
  const input = seedInput(f);
  const values = input.values.map((r) => [...r]);
  for (const m of input.merges ?? []) {
    const top = values[m.row]?.[m.column];
    for (let r = m.row; r < m.row + m.numRows; r++)
      for (let c = m.column; c < m.column + m.numColumns; c++) (values[r] as CellValue[])[c] = top;
  }
  return { ...input, values };
}

export interface PublicTask extends ExpectedTask {
  status?: string;
  statusLate?: boolean;
}
export interface PublicFixture extends FixtureSheet {
  file: string;
  sourceUrl: string;
  sourceTitle: string;
  kind: 'real' | 'variant';
  patterns: string[];
  note: string;
  expected: {
    headerRow: number;
    planYear: number;
    columns: Record<string, string>;
    missingColumns: string[];
    headings: { row: number; text: string }[];
    statusColumn?: string;
    tasks: PublicTask[];
  };
}

export const PUBLIC_DIR = join(__dirname, '..', 'fixtures', 'public');

export function publicFiles(): string[] {
  return readdirSync(PUBLIC_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

export function loadPublic(file: string): PublicFixture {
  const raw = JSON.parse(readFileSync(join(PUBLIC_DIR, file), 'utf8')) as Omit<PublicFixture, 'file'>;
  return { file, ...raw };
}

/** A plan's tasks and lines as a fixture's key writes them (rows, number, pillar, text, lead, deadline). */
export function taskShape(plan: Plan) {
  return plan.tasks.map((t) => ({
    row: t.row,
    lastRow: t.lastRow,
    stt: t.stt,
    pillar: t.pillar,
    task: t.task,
    lines: t.lines.map((l) => ({
      row: l.row,
      lead: l.lead,
      deadline: l.deadline.text,
      kind: l.deadline.kind,
      due: l.deadline.due,
    })),
  }));
}

export const DOCX_DIR = join(__dirname, '..', 'fixtures', 'docx');

/** The answer key of a Word plan fixture (test/fixtures/docx/*.expected.json). */
export interface DocxKey {
  files: string[];
  seed: string;
  source: 'table' | 'prose';
  title: string[];
  planYear: number;
  problems: { text: string; reason: string }[];
  tasks: {
    stt: string;
    pillar: string | null;
    task: string;
    lines: { lead: string; deadline: string; kind: string; due: string | null }[];
  }[];
}

export function docxKeys(): DocxKey[] {
  return readdirSync(DOCX_DIR)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(DOCX_DIR, f), 'utf8')) as DocxKey);
}

export const docxFixture = (name: string) => new Uint8Array(readFileSync(join(DOCX_DIR, name)));

/** A plan's tasks as a Word fixture's key writes them (no rows: a document has none). */
export function docxTaskShape(plan: Plan): DocxKey['tasks'] {
  return plan.tasks.map((t) => ({
    stt: t.stt,
    pillar: t.pillar,
    task: t.task,
    lines: t.lines.map((l) => ({
      lead: l.lead,
      deadline: l.deadline.text,
      kind: l.deadline.kind,
      due: l.deadline.due,
    })),
  }));
}
