import { runInNewContext } from 'node:vm';
import { UserError, isUserError } from '../../src/core/errors';

// The command line prints a UserError as one Vietnamese line (exit code 2) and the add-on shows it
// in an alert; any other error is reported as a fault. These tests hold that distinction.
describe('UserError', () => {
  test('carries the sentence for the user and a stable reason', () => {
    const e = new UserError('Không đọc được tệp.', 'unreadable');
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toBe('Không đọc được tệp.');
    expect(e.reason).toBe('unreadable');
    expect(e.name).toBe('UserError');
    expect(String(e)).toBe('UserError: Không đọc được tệp.');
  });

  test('has the reason "user" when none is given', () => {
    expect(new UserError('Thiếu tên tệp.').reason).toBe('user');
  });
});

describe('isUserError', () => {
  test('recognises a UserError made here', () => {
    expect(isUserError(new UserError('x'))).toBe(true);
  });

  test('recognises a UserError that crossed from another context (by its name)', () => {
    const foreign = runInNewContext(
      '(() => { const e = new Error("Sai định dạng."); e.name = "UserError"; return e; })()',
    ) as unknown;
    expect(foreign instanceof Error).toBe(false);
    expect(isUserError(foreign)).toBe(true);
  });

  test('treats every other thrown value as a fault', () => {
    expect(isUserError(new Error('boom'))).toBe(false);
    expect(isUserError(new TypeError('x is undefined'))).toBe(false);
    expect(isUserError({ message: 'no name' })).toBe(false);
    expect(isUserError(null)).toBe(false);
    expect(isUserError(undefined)).toBe(false);
    expect(isUserError('UserError')).toBe(false);
  });
});
