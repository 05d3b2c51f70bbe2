/**
 * `npm run release [-- "mô tả"]`: publishes the add-on from this folder to the production Apps
 * Script project named by .clasp-prod.json, in order, stopping at the first step that fails:
 *
 *   1. npm test (type-check, lint, build dist/, the whole test suite);
 *   2. npx clasp -P .clasp-prod.json push --force;
 *   3. npx clasp -P .clasp-prod.json --json create-version "<mô tả>";
 *   4. update-deployment <id> -V <version> (the id from $KE_HOACH_CDS_DEPLOYMENT_ID or the
 *      "deploymentId" of .clasp-prod.json), else create-deployment -V <version>, whose id is
 *      then written into .clasp-prod.json for the next release.
 *
 * It prints the version and deployment ids. Pointing the Marketplace listing at the new version
 * is done by hand in the Google Cloud console (docs/phat-hanh.md).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SetupError,
  StepError,
  clasp,
  lastJsonObject,
  pushStep,
  runStep,
  spawnRunner,
  testStep,
  type Runner,
  type Step,
} from './clasp';

export const PROD_CONFIG = '.clasp-prod.json';
export const DEPLOYMENT_ENV = 'KE_HOACH_CDS_DEPLOYMENT_ID';
/** The script id of the committed .clasp.json, which is only a model. */
const PLACEHOLDER_ID = 'PUT-YOUR-SCRIPT-ID-HERE';

export interface ProdConfig {
  scriptId: string;
  deploymentId: string | null;
}

const HOW_TO =
  `Tạo tệp ${PROD_CONFIG} ở thư mục gốc của kho mã với nội dung ` +
  `{"scriptId": "<mã tập lệnh của dự án Apps Script sản xuất>", "rootDir": "dist"} ` +
  `(xem docs/phat-hanh.md, mục A1). Tệp này không được đưa vào git.`;

/** Reads .clasp-prod.json (null: the file does not exist); refuses what would push the wrong thing. */
export function readProdConfig(text: string | null): ProdConfig {
  if (text === null)
    throw new SetupError(`Chưa có ${PROD_CONFIG} nên chưa biết phát hành vào đâu. ${HOW_TO}`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new SetupError(`${PROD_CONFIG} không phải JSON hợp lệ. ${HOW_TO}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new SetupError(`${PROD_CONFIG} sai dạng. ${HOW_TO}`);
  const config = raw as Record<string, unknown>;
  const scriptId = typeof config.scriptId === 'string' ? config.scriptId.trim() : '';
  if (!scriptId || scriptId === PLACEHOLDER_ID)
    throw new SetupError(`${PROD_CONFIG} chưa có mã tập lệnh ("scriptId"). ${HOW_TO}`);
  const rootDir = typeof config.rootDir === 'string' ? config.rootDir.replace(/\/+$/, '') : '';
  if (rootDir !== 'dist')
    throw new SetupError(
      `${PROD_CONFIG} phải có "rootDir": "dist" (thư mục build đẩy lên Google); đang là ${JSON.stringify(config.rootDir ?? null)}.`,
    );
  const deploymentId =
    typeof config.deploymentId === 'string' && config.deploymentId.trim() ? config.deploymentId.trim() : null;
  return { scriptId, deploymentId };
}

/** The version's description: the arguments, else "v<package version> – <YYYY-MM-DD in Vietnam>". */
export function releaseMessage(argv: readonly string[], packageVersion: string, now: Date): string {
  const given = argv.join(' ').trim();
  if (given) return given;
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
  return `v${packageVersion} – ${day}`;
}

/** The deployment to update: the environment variable wins over the file. */
export function deploymentToUpdate(
  config: ProdConfig,
  env: Readonly<Record<string, string | undefined>>,
): string | null {
  const fromEnv = env[DEPLOYMENT_ENV]?.trim();
  return fromEnv ? fromEnv : config.deploymentId;
}

export function versionStep(message: string): Step {
  return {
    label: 'Tạo phiên bản mới',
    ...clasp(PROD_CONFIG, ['create-version', message], true),
    capture: true,
  };
}

export function deployStep(version: number, message: string, deploymentId: string | null): Step {
  const options = ['--versionNumber', String(version), '--description', message];
  return deploymentId
    ? {
        label: 'Cập nhật bản triển khai',
        ...clasp(PROD_CONFIG, ['update-deployment', deploymentId, ...options], true),
        capture: true,
      }
    : {
        label: 'Tạo bản triển khai',
        ...clasp(PROD_CONFIG, ['create-deployment', ...options], true),
        capture: true,
      };
}

/** The version number create-version answered (--json, or its sentence "Created version N"). */
export function parseVersion(output: string): number {
  const json = lastJsonObject(output);
  const fromJson = json ? Number(json.versionNumber) : NaN;
  if (Number.isInteger(fromJson) && fromJson > 0) return fromJson;
  const m = /Created version (\d+)/.exec(output);
  if (m) return Number(m[1]);
  throw new Error(`Không đọc được số phiên bản trong câu trả lời của clasp:\n${output}`);
}

/** The deployment id create-/update-deployment answered (--json, or "Deployed <id> @<version>"). */
export function parseDeployment(output: string): { deploymentId: string; versionNumber: number | null } {
  const json = lastJsonObject(output);
  if (json && typeof json.deploymentId === 'string' && json.deploymentId) {
    const v = Number(json.versionNumber);
    return { deploymentId: json.deploymentId, versionNumber: Number.isInteger(v) ? v : null };
  }
  const m = /(?:Redeployed|Deployed) (\S+) @(\d+|HEAD)/.exec(output);
  if (m) return { deploymentId: m[1] as string, versionNumber: m[2] === 'HEAD' ? null : Number(m[2]) };
  throw new Error(`Không đọc được mã bản triển khai trong câu trả lời của clasp:\n${output}`);
}

export interface ReleaseDeps {
  root: string;
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  run: Runner;
  log: (line: string) => void;
  now: Date;
}

export interface Released {
  scriptId: string;
  version: number;
  deploymentId: string;
  /** True when this release created the deployment (and wrote its id into .clasp-prod.json). */
  createdDeployment: boolean;
  message: string;
}

export async function release(deps: ReleaseDeps): Promise<Released> {
  const configPath = join(deps.root, PROD_CONFIG);
  const config = readProdConfig(existsSync(configPath) ? readFileSync(configPath, 'utf8') : null);
  const pkg = JSON.parse(readFileSync(join(deps.root, 'package.json'), 'utf8')) as { version?: string };
  const message = releaseMessage(deps.argv, pkg.version ?? '0.0.0', deps.now);
  const existing = deploymentToUpdate(config, deps.env);
  deps.log(`Phát hành “${message}” vào dự án Apps Script ${config.scriptId}.`);

  await runStep(deps.run, deps.root, testStep(), deps.log);
  await runStep(deps.run, deps.root, pushStep(PROD_CONFIG), deps.log);
  const version = parseVersion((await runStep(deps.run, deps.root, versionStep(message), deps.log)).output);
  const deployed = parseDeployment(
    (await runStep(deps.run, deps.root, deployStep(version, message, existing), deps.log)).output,
  );
  if (!existing) {
    const raw = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>;
    writeFileSync(
      configPath,
      `${JSON.stringify({ ...raw, deploymentId: deployed.deploymentId }, null, 2)}\n`,
    );
  }
  if (deployed.versionNumber !== null && deployed.versionNumber !== version)
    throw new Error(
      `Bản triển khai ${deployed.deploymentId} trỏ tới phiên bản ${deployed.versionNumber}, không phải ${version}.`,
    );
  return {
    scriptId: config.scriptId,
    version,
    deploymentId: deployed.deploymentId,
    createdDeployment: !existing,
    message,
  };
}

/** What is printed once everything went through. */
export function summary(r: Released): string {
  return [
    '',
    `Đã phát hành phiên bản ${r.version} (“${r.message}”) của dự án Apps Script ${r.scriptId}.`,
    r.createdDeployment
      ? `Bản triển khai mới: ${r.deploymentId} (đã ghi vào ${PROD_CONFIG}; lần sau sẽ cập nhật bản này).`
      : `Bản triển khai ${r.deploymentId} nay trỏ tới phiên bản ${r.version}.`,
    'Còn một việc làm bằng tay: Google Cloud console → Google Workspace Marketplace SDK → Cấu hình ứng dụng',
    `(App Configuration) → “Sheets add-on script version” = ${r.version} → Lưu. Xem docs/phat-hanh.md.`,
  ].join('\n');
}

async function main(): Promise<void> {
  const root = join(__dirname, '..', '..');
  try {
    const result = await release({
      root,
      argv: process.argv.slice(2),
      env: process.env,
      run: spawnRunner,
      log: (line) => console.log(line),
      now: new Date(),
    });
    console.log(summary(result));
  } catch (e) {
    if (e instanceof StepError || e instanceof SetupError) console.error(`\n${e.message}`);
    else console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
