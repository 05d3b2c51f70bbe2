/**
 * The fakes refuse what Google refuses: the rules every other add-on test runs under, each
 * checked on its own so that a fake that quietly allows more cannot pass the suite.
 */
import { FakeWorld } from '../fakes/apps-script';
import { Grants, PropertyStore, SCOPE, VirtualClock, parseEntered } from '../fakes/platform';
import { DIST } from '../helpers/addon';

type Globals = Record<string, Record<string, (...a: unknown[]) => unknown>>;

function world(scopes: string[], granted = scopes) {
  const w = new FakeWorld(DIST);
  w.addSheet('Trang tính1');
  w.log.grants = new Grants(new Set(scopes), new Set(granted));
  return { w, g: w.globals() as unknown as Globals };
}

const message = (fn: () => unknown): string => {
  try {
    fn();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('scopes', () => {
  it('DriveApp needs full Drive access: drive.file is not enough', () => {
    const { g } = world([SCOPE.spreadsheets, SCOPE.driveFile]);
    expect(message(() => g.DriveApp?.getFileById?.('x'))).toBe(
      'Specified permissions are not sufficient to call DriveApp.getFileById. Required permissions: https://www.googleapis.com/auth/drive.readonly',
    );
  });

  it('currentonly reaches the open spreadsheet but not openById, and no advanced service', () => {
    const { w, g } = world([SCOPE.currentonly]);
    expect(message(() => g.SpreadsheetApp?.getActiveSpreadsheet?.())).toBe('');
    expect(message(() => g.SpreadsheetApp?.openById?.(w.id))).toMatch(
      /not sufficient to call SpreadsheetApp.openById/,
    );
    const sheets = (
      w.globals() as { Sheets: { Spreadsheets: { Values: { get: (...a: unknown[]) => unknown } } } }
    ).Sheets;
    expect(message(() => sheets.Spreadsheets.Values.get(w.id, 'A1'))).toBe(
      'GoogleJsonResponseException: API call to sheets.spreadsheets.values.get failed with error: Request had insufficient authentication scopes.',
    );
  });

  it('a box the user unticked is refused with Google’s other message', () => {
    const { g } = world([SCOPE.currentonly, SCOPE.containerUi], [SCOPE.currentonly]);
    const ui = g.SpreadsheetApp?.getUi?.() as Record<string, (...a: unknown[]) => unknown>;
    expect(message(() => ui.showSidebar?.({ title: '', content: '' }))).toBe(
      'You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
  });

  it('drive.file reaches only files the add-on created, whoever shared the others', () => {
    const { w } = world([SCOPE.driveFile]);
    const other = new FakeWorld(DIST, w.drive, 'ai.do@x.vn');
    w.drive.share(other.id, w.user);
    const api = w.globals() as {
      Sheets: {
        Spreadsheets: {
          create: (r: object) => { spreadsheetId: string };
          Values: { get: (...a: unknown[]) => unknown };
        };
      };
      Drive: { Permissions: { list: (id: string) => unknown } };
    };
    expect(message(() => api.Sheets.Spreadsheets.Values.get(other.id, 'A1:B2'))).toBe(
      'API call to sheets.spreadsheets.values.get failed with error: The caller does not have permission',
    );
    expect(message(() => api.Drive.Permissions.list(other.id))).toBe(
      `API call to drive.permissions.list failed with error: File not found: ${other.id}.`,
    );
    const made = api.Sheets.Spreadsheets.create({ properties: { title: 'Của tiện ích' } });
    expect(message(() => api.Drive.Permissions.list(made.spreadsheetId))).toBe('');
  });

  it('ScriptApp.requireScopes asks the consent again for what is missing; getAuthorizationInfo tells', () => {
    const { w, g } = world([SCOPE.currentonly, SCOPE.driveFile], [SCOPE.currentonly]);
    const info = g.ScriptApp?.getAuthorizationInfo?.('FULL', [SCOPE.driveFile]) as {
      getAuthorizationStatus(): string;
    };
    expect(info.getAuthorizationStatus()).toBe('REQUIRED');
    expect(message(() => g.ScriptApp?.requireScopes?.('FULL', [SCOPE.driveFile]))).toBe(
      'Authorization is required to perform that action.',
    );
    expect(w.consentPrompts).toEqual([[SCOPE.driveFile]]);
    expect(message(() => g.ScriptApp?.requireScopes?.('FULL', [SCOPE.sendMail]))).toMatch(/unrequired scope/);
  });
});

describe('triggers, properties, time', () => {
  it('an add-on’s time-driven trigger runs at most hourly, one per document and user', () => {
    const { g } = world([SCOPE.scriptapp]);
    const every = (ms: number) =>
      (g.ScriptApp?.newTrigger?.('f') as { timeBased(): { after(ms: number): { create(): unknown } } })
        .timeBased()
        .after(ms);
    expect(message(() => every(60_000).create())).toBe(
      'Add-ons can only create time-based triggers that run at most once per hour.',
    );
    expect(message(() => every(3_600_000).create())).toBe('');
    expect(message(() => every(3_600_000).create())).toBe(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
  });

  it('property stores hold 9 KB a value and 500 KB in all', () => {
    const store = new PropertyStore();
    expect(message(() => store.set({ a: 'x'.repeat(9 * 1024 + 1) }))).toBe('Argument too large: value');
    for (let i = 0; i < 63; i++) store.set({ [`k${i}`]: 'é'.repeat(4000) });
    expect(message(() => store.set({ k99: 'é'.repeat(4000) }))).toBe(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
  });

  it('an execution stops at 6 minutes, a simple trigger at 30 seconds', () => {
    const clock = new VirtualClock();
    expect(message(() => clock.run('command', () => clock.charge(360_001)))).toBe(
      'Exceeded maximum execution time',
    );
    expect(message(() => clock.run('onOpen', () => clock.charge(30_001)))).toBe(
      'Exceeded maximum execution time',
    );
    expect(message(() => clock.run('command', () => clock.charge(359_000)))).toBe('');
  });

  it('onOpen in AuthMode.NONE may build a menu and nothing else', () => {
    const { w, g } = world([SCOPE.currentonly]);
    const menu = () => (g.SpreadsheetApp?.getUi?.() as { createAddonMenu(): unknown }).createAddonMenu();
    expect(message(() => w.drive.clock.run('onOpen', menu, 'NONE'))).toBe('');
    expect(
      message(() => w.drive.clock.run('onOpen', () => g.SpreadsheetApp?.getActiveSpreadsheet?.(), 'NONE')),
    ).toMatch(/^You do not have permission to call SpreadsheetApp.getActiveSpreadsheet/);
    expect(
      message(() =>
        w.drive.clock.run('onOpen', () => g.PropertiesService?.getDocumentProperties?.(), 'NONE'),
      ),
    ).toMatch(/You do not have permission/);
  });
});

describe('what setValues does with strings', () => {
  const tz = 'Asia/Ho_Chi_Minh';
  it('reads "05/11/2025" as 5 November in vi_VN and as 11 May in en_US', () => {
    expect(parseEntered('05/11/2025', 'vi_VN', tz)).toEqual({
      kind: 'date',
      value: new Date('2025-11-05T00:00:00+07:00'),
    });
    expect(parseEntered('05/11/2025', 'en_US', tz)).toEqual({
      kind: 'date',
      value: new Date('2025-05-11T00:00:00+07:00'),
    });
    expect(parseEntered('20/12/2026 09:30', 'en_US', tz)).toEqual({
      kind: 'text',
      value: '20/12/2026 09:30',
    });
  });

  it('reads numbers by the locale’s separators, percentages, booleans; keeps an apostrophe’s text as text', () => {
    expect(parseEntered('1.234,5', 'vi_VN', tz)).toEqual({ kind: 'number', value: 1234.5 });
    expect(parseEntered('1,234.5', 'en_US', tz)).toEqual({ kind: 'number', value: 1234.5 });
    expect(parseEntered('40%', 'vi_VN', tz)).toEqual({ kind: 'number', value: 0.4 });
    expect(parseEntered('TRUE', 'vi_VN', tz)).toEqual({ kind: 'boolean', value: true });
    expect(parseEntered("'05/11/2025", 'en_US', tz)).toEqual({ kind: 'text', value: '05/11/2025' });
    expect(parseEntered('Quý IV/2025', 'en_US', tz)).toEqual({ kind: 'text', value: 'Quý IV/2025' });
  });

  it('a cell holds at most 50,000 characters: a longer string is refused, nothing written', () => {
    const w = new FakeWorld(DIST);
    const sheet = w.addSheet('Trang tính1');
    sheet.getRange(1, 1, 1, 2).setValues([['x'.repeat(50_000), 'ok']]);
    expect(message(() => sheet.getRange(2, 1, 1, 2).setValues([['ok', 'x'.repeat(50_001)]]))).toBe(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    const lengths = sheet
      .getRange(1, 1, 2, 2)
      .getValues()
      .map((r) => r.map((v) => String(v).length));
    expect(lengths).toEqual([
      [50_000, 2],
      [0, 0],
    ]);
  });

  it('a date read back from a cell is midnight in the spreadsheet’s zone, not the script’s', () => {
    expect(parseEntered('2026-12-20', 'vi_VN', 'Pacific/Auckland')).toEqual({
      kind: 'date',
      value: new Date('2026-12-19T11:00:00Z'),
    });
  });
});
