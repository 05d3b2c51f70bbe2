/**
 * `npm run release` with a fake command runner: no network, no real clasp. What an engineer
 * notices: it refuses to start without a production project, runs the steps in order with clasp
 * 3's real command names, stops at the first failure, prints the version and deployment, and
 * updates the same deployment on the next release.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SetupError, StepError } from '../../src/tools/clasp';
import {
  DEPLOYMENT_ENV,
  PROD_CONFIG,
  parseDeployment,
  parseVersion,
  readProdConfig,
  release,
  releaseMessage,
  summary,
  type ReleaseDeps,
} from '../../src/tools/release';
import { claspCommand, fakeRunner, type Answer } from '../helpers/fake-runner';

// 01:30 on 2 December in Vietnam, still 1 December in UTC.
const NOW = new Date('2026-12-01T18:30:00Z');
const SCRIPT_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-prod';
const DEPLOYMENT_ID = 'AKfycbx-existing-deployment';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'release-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'ke-hoach-cds', version: '1.2.3' }));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function writeConfig(config: unknown): void {
  writeFileSync(join(root, PROD_CONFIG), typeof config === 'string' ? config : JSON.stringify(config));
}

/** clasp as it answers with --json (3.x): one indented object. */
const claspAnswers =
  (version: number, deploymentId = 'AKfycb-new-deployment'): Answer =>
  (command, args) => {
    const sub = claspCommand(command, args);
    if (sub === 'create-version')
      return { code: 0, output: `${JSON.stringify({ versionNumber: version }, null, 2)}\n` };
    if (sub === 'create-deployment' || sub === 'update-deployment') {
      const id = sub === 'update-deployment' ? (args[args.indexOf(sub) + 1] as string) : deploymentId;
      const v = args[args.indexOf('--versionNumber') + 1];
      const output = JSON.stringify(
        { deploymentId: id, versionNumber: Number(v), description: 'x' },
        null,
        2,
      );
      return { code: 0, output: `${output}\n` };
    }
    return undefined;
  };

function deps(run: ReleaseDeps['run'], over: Partial<ReleaseDeps> = {}): ReleaseDeps {
  return { root, argv: [], env: {}, run, log: () => undefined, now: NOW, ...over };
}

describe('npm run release: before anything runs', () => {
  it('refuses without .clasp-prod.json, in Vietnamese, saying what to create, and runs nothing', async () => {
    const fake = fakeRunner();
    const failure = release(deps(fake.run));
    await expect(failure).rejects.toThrow(SetupError);
    await expect(failure).rejects.toThrow(
      /Chưa có \.clasp-prod\.json.*"rootDir": "dist".*docs\/phat-hanh\.md/s,
    );
    expect(fake.calls).toEqual([]);
  });

  it.each([
    ['not JSON', '{scriptId: ', /không phải JSON hợp lệ/],
    [
      'the model .clasp.json copied as is',
      { scriptId: 'PUT-YOUR-SCRIPT-ID-HERE', rootDir: 'dist' },
      /chưa có mã tập lệnh/,
    ],
    ['no script id', { rootDir: 'dist' }, /chưa có mã tập lệnh/],
    [
      'another root folder (would push the sources)',
      { scriptId: SCRIPT_ID, rootDir: 'src' },
      /"rootDir": "dist"/,
    ],
    ['no root folder (would push the whole repository)', { scriptId: SCRIPT_ID }, /"rootDir": "dist"/],
  ])('refuses a project file with %s', async (_what, config, message) => {
    writeConfig(config);
    const fake = fakeRunner();
    await expect(release(deps(fake.run))).rejects.toThrow(message);
    expect(fake.calls).toEqual([]);
  });

  it('accepts "dist/" as the root folder and reads a saved deployment id', () => {
    expect(
      readProdConfig(JSON.stringify({ scriptId: SCRIPT_ID, rootDir: 'dist/', deploymentId: ' D1 ' })),
    ).toEqual({
      scriptId: SCRIPT_ID,
      deploymentId: 'D1',
    });
  });
});

describe('npm run release: the steps', () => {
  it('first release: tests, push, version, new deployment — whose id is saved for the next one', async () => {
    writeConfig({ scriptId: SCRIPT_ID, rootDir: 'dist' });
    const fake = fakeRunner(claspAnswers(7));
    const result = await release(deps(fake.run));
    const message = 'v1.2.3 – 2026-12-02';
    expect(fake.calls).toEqual([
      'npm test',
      'npx clasp -P .clasp-prod.json push --force',
      `npx clasp -P .clasp-prod.json --json create-version ${message}`,
      `npx clasp -P .clasp-prod.json --json create-deployment --versionNumber 7 --description ${message}`,
    ]);
    expect(result).toEqual({
      scriptId: SCRIPT_ID,
      version: 7,
      deploymentId: 'AKfycb-new-deployment',
      createdDeployment: true,
      message,
    });
    expect(JSON.parse(readFileSync(join(root, PROD_CONFIG), 'utf8'))).toEqual({
      scriptId: SCRIPT_ID,
      rootDir: 'dist',
      deploymentId: 'AKfycb-new-deployment',
    });
    const printed = summary(result);
    expect(printed).toContain('Đã phát hành phiên bản 7');
    expect(printed).toContain('AKfycb-new-deployment');
    expect(printed).toContain('“Sheets add-on script version” = 7');
  });

  it('next release: updates the saved deployment to the new version, leaves the project file alone', async () => {
    writeConfig({ scriptId: SCRIPT_ID, rootDir: 'dist', deploymentId: DEPLOYMENT_ID });
    const before = readFileSync(join(root, PROD_CONFIG), 'utf8');
    const fake = fakeRunner(claspAnswers(8));
    const result = await release(deps(fake.run, { argv: ['Sửa', 'lỗi đọc thời hạn'] }));
    expect(fake.calls.slice(2)).toEqual([
      'npx clasp -P .clasp-prod.json --json create-version Sửa lỗi đọc thời hạn',
      `npx clasp -P .clasp-prod.json --json update-deployment ${DEPLOYMENT_ID} --versionNumber 8 --description Sửa lỗi đọc thời hạn`,
    ]);
    expect(result).toMatchObject({ version: 8, deploymentId: DEPLOYMENT_ID, createdDeployment: false });
    expect(readFileSync(join(root, PROD_CONFIG), 'utf8')).toBe(before);
    expect(summary(result)).toContain(`Bản triển khai ${DEPLOYMENT_ID} nay trỏ tới phiên bản 8`);
  });

  it('the deployment named in the environment wins over the file', async () => {
    writeConfig({ scriptId: SCRIPT_ID, rootDir: 'dist', deploymentId: DEPLOYMENT_ID });
    const fake = fakeRunner(claspAnswers(9));
    await release(deps(fake.run, { env: { [DEPLOYMENT_ENV]: 'AKfycb-from-env' } }));
    expect(fake.calls[3]).toContain('update-deployment AKfycb-from-env --versionNumber 9');
  });

  it('stops at a failing test run: nothing is pushed', async () => {
    writeConfig({ scriptId: SCRIPT_ID, rootDir: 'dist' });
    const fake = fakeRunner((command) => (command === 'npm' ? { code: 1, output: '1 failed' } : undefined));
    const failure = release(deps(fake.run));
    await expect(failure).rejects.toThrow(StepError);
    await expect(failure).rejects.toThrow(
      /Dừng ở bước “Kiểm tra kiểu, lint, build và toàn bộ test” \(mã thoát 1\)/,
    );
    expect(fake.calls).toEqual(['npm test']);
  });

  it('stops at a failing push (not logged in): no version, no deployment, the output kept', async () => {
    writeConfig({ scriptId: SCRIPT_ID, rootDir: 'dist' });
    const fake = fakeRunner((command, args) =>
      claspCommand(command, args) === 'push'
        ? { code: 1, output: 'Error: Could not read API credentials.' }
        : undefined,
    );
    const error = await release(deps(fake.run)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepError);
    expect((error as StepError).output).toBe('Error: Could not read API credentials.');
    expect(fake.calls).toEqual(['npm test', 'npx clasp -P .clasp-prod.json push --force']);
    expect(existsSync(join(root, PROD_CONFIG))).toBe(true);
    expect(JSON.parse(readFileSync(join(root, PROD_CONFIG), 'utf8'))).not.toHaveProperty('deploymentId');
  });

  it('a deployment answering another version is an error (its id is still saved)', async () => {
    writeConfig({ scriptId: SCRIPT_ID, rootDir: 'dist' });
    const fake = fakeRunner((command, args) => {
      if (claspCommand(command, args) === 'create-deployment')
        return { code: 0, output: '{"deploymentId": "AKfycb-odd", "versionNumber": 3}' };
      return claspAnswers(7)(command, args);
    });
    await expect(release(deps(fake.run))).rejects.toThrow('trỏ tới phiên bản 3, không phải 7');
    expect(JSON.parse(readFileSync(join(root, PROD_CONFIG), 'utf8')).deploymentId).toBe('AKfycb-odd');
  });
});

describe('reading clasp', () => {
  it('finds the version in --json output after other lines, or in the plain sentence', () => {
    expect(parseVersion('Warning: something\n{\n  "versionNumber": 12\n}\n')).toBe(12);
    expect(parseVersion('Created version 5\n')).toBe(5);
    expect(() => parseVersion('Error: Request had insufficient authentication scopes.')).toThrow(
      'Không đọc được số phiên bản',
    );
  });

  it('finds the deployment in --json output, or in the "Deployed/Redeployed <id> @<n>" sentence', () => {
    expect(
      parseDeployment('{\n  "deploymentId": "AKfy-1",\n  "versionNumber": 4,\n  "description": "{x}"\n}'),
    ).toEqual({
      deploymentId: 'AKfy-1',
      versionNumber: 4,
    });
    expect(parseDeployment('Deployed AKfy-2 @6\n')).toEqual({ deploymentId: 'AKfy-2', versionNumber: 6 });
    expect(parseDeployment('Redeployed AKfy-3 @HEAD\n')).toEqual({
      deploymentId: 'AKfy-3',
      versionNumber: null,
    });
    expect(() => parseDeployment('')).toThrow('Không đọc được mã bản triển khai');
  });

  it('names the version after the package and the day in Vietnam unless given', () => {
    expect(releaseMessage([], '0.1.0', NOW)).toBe('v0.1.0 – 2026-12-02');
    expect(releaseMessage(['  '], '0.1.0', NOW)).toBe('v0.1.0 – 2026-12-02');
    expect(releaseMessage(['Bản', 'tháng 12'], '0.1.0', NOW)).toBe('Bản tháng 12');
  });
});
