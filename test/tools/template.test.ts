/**
 * `npm run template` with a fake command runner (it plays clasp, including the project file
 * clasp writes): the first run creates the bound script with the menu's name and builds dist/
 * again before pushing; later runs only push; the officer's "make a copy" link is printed.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MENU_TITLE } from '../../src/sheets/main';
import { SetupError, StepError } from '../../src/tools/clasp';
import {
  TEMPLATE_CONFIG,
  TEMPLATE_SCRIPT_TITLE,
  copyLink,
  parseCreated,
  readTemplateConfig,
  summary,
  template,
} from '../../src/tools/template';
import { claspCommand, fakeRunner, type Answer } from '../helpers/fake-runner';

const SCRIPT_ID = '1TemplateScriptId_abcdefghijklmnopqrstuvwxyz';
const SHEET_ID = '1TemplateSheetId_ABCDEFGHIJKLMNOPQRSTUVWXYZ';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'template-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const configPath = () => join(root, TEMPLATE_CONFIG);

/** clasp's create-script: the project file must exist; it fills in the ids and answers --json. */
const claspCreates: Answer = (command, args) => {
  if (claspCommand(command, args) !== 'create-script') return undefined;
  if (!existsSync(configPath())) return { code: 1, output: 'Invalid --project path' };
  const settings = { scriptId: SCRIPT_ID, rootDir: 'dist', parentId: SHEET_ID, filePushOrder: [] };
  writeFileSync(configPath(), JSON.stringify(settings, null, 2));
  return { code: 0, output: JSON.stringify({ scriptId: SCRIPT_ID, parentId: SHEET_ID, files: [] }, null, 2) };
};

describe('npm run template', () => {
  it('first run: tests, creates the spreadsheet and its bound script, builds dist/ again, pushes', async () => {
    const fake = fakeRunner(claspCreates);
    const result = await template({ root, run: fake.run, log: () => undefined });
    expect(fake.calls).toEqual([
      'npm test',
      `npx clasp -P .clasp-template.json --json create-script --type sheets --title ${TEMPLATE_SCRIPT_TITLE} --rootDir dist`,
      'npm run build',
      'npx clasp -P .clasp-template.json push --force',
    ]);
    expect(result).toEqual({ created: true, scriptId: SCRIPT_ID, spreadsheetId: SHEET_ID });
    const printed = summary(result);
    expect(printed).toContain(`https://docs.google.com/spreadsheets/d/${SHEET_ID}/copy`);
    expect(printed).toContain(`https://docs.google.com/spreadsheets/d/${SHEET_ID}/edit`);
    expect(printed).toContain('Tạo bảng mẫu');
  });

  it('names the bound script like the add-on’s menu, since a bound script’s submenu takes its name', () => {
    expect(TEMPLATE_SCRIPT_TITLE).toBe(MENU_TITLE);
  });

  it('later runs: only tests and push into the same script; the link stays the same', async () => {
    writeFileSync(
      configPath(),
      JSON.stringify({ scriptId: SCRIPT_ID, rootDir: 'dist', parentId: [SHEET_ID] }),
    );
    const fake = fakeRunner(claspCreates);
    const result = await template({ root, run: fake.run, log: () => undefined });
    expect(fake.calls).toEqual(['npm test', 'npx clasp -P .clasp-template.json push --force']);
    expect(result).toEqual({ created: false, scriptId: SCRIPT_ID, spreadsheetId: SHEET_ID });
    expect(summary(result)).toContain(copyLink(SHEET_ID));
    expect(summary(result)).not.toContain('Tạo bảng mẫu');
  });

  it('a failed creation pushes nothing and leaves no half-made project file behind', async () => {
    const fake = fakeRunner((command, args) =>
      claspCommand(command, args) === 'create-script'
        ? { code: 1, output: 'No credentials found.' }
        : undefined,
    );
    const error = await template({ root, run: fake.run, log: () => undefined }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepError);
    expect((error as StepError).output).toBe('No credentials found.');
    expect(fake.calls).toHaveLength(2);
    expect(existsSync(configPath())).toBe(false);
  });

  it('a failing test run creates nothing', async () => {
    const fake = fakeRunner((command) => (command === 'npm' ? { code: 2, output: '' } : undefined));
    await expect(template({ root, run: fake.run, log: () => undefined })).rejects.toThrow('mã thoát 2');
    expect(fake.calls).toEqual(['npm test']);
    expect(existsSync(configPath())).toBe(false);
  });

  it('without the spreadsheet id, says where to find it instead of printing a wrong link', async () => {
    writeFileSync(configPath(), JSON.stringify({ scriptId: SCRIPT_ID, rootDir: 'dist' }));
    const fake = fakeRunner();
    const result = await template({ root, run: fake.run, log: () => undefined });
    expect(result.spreadsheetId).toBeNull();
    expect(summary(result)).toContain(`https://script.google.com/d/${SCRIPT_ID}/edit`);
    expect(summary(result)).toContain('spreadsheets/d/<mã>/copy');
    expect(summary(result)).not.toMatch(/spreadsheets\/d\/(null|undefined)/);
  });

  it('refuses a project file that would push another folder', async () => {
    writeFileSync(configPath(), JSON.stringify({ scriptId: SCRIPT_ID, rootDir: '.' }));
    const fake = fakeRunner();
    await expect(template({ root, run: fake.run, log: () => undefined })).rejects.toThrow(SetupError);
    expect(fake.calls).toEqual([]);
    expect(readFileSync(configPath(), 'utf8')).toContain('"rootDir":"."');
  });
});

describe('reading clasp for the template', () => {
  it('reads the ids from --json, or from the sentences clasp prints without it', () => {
    expect(parseCreated('{\n  "scriptId": "S1",\n  "parentId": "P1",\n  "files": []\n}')).toEqual({
      scriptId: 'S1',
      parentId: 'P1',
    });
    expect(
      parseCreated(
        'Created new document: https://drive.google.com/open?id=P2\nCreated new script: https://script.google.com/d/S2/edit\n',
      ),
    ).toEqual({ scriptId: 'S2', parentId: 'P2' });
  });

  it('reads the project file clasp writes (parentId as a string or a list)', () => {
    expect(readTemplateConfig(null)).toBeNull();
    expect(readTemplateConfig('{"scriptId":"S","parentId":["P"],"rootDir":"dist"}')).toEqual({
      scriptId: 'S',
      parentId: 'P',
    });
    expect(readTemplateConfig('{"rootDir":"dist"}')).toEqual({ scriptId: null, parentId: null });
    expect(() => readTemplateConfig('nope')).toThrow(SetupError);
  });
});
