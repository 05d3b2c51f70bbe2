/** The message a call refuses with, or "(không lỗi)" when it does not refuse. */
export function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return '(không lỗi)';
}
