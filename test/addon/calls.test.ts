/**
 * Batched I/O, proven: a counting fake records every service call; checking a 50-row sheet and
 * a 5,000-row sheet must make exactly the same calls.
 */
import { FakeWorld } from '../fakes/apps-script';
import { addInput, ensureBuilt, loadAddon, DIST } from '../helpers/addon';
import { generatedPlan } from '../../src/tools/bench';

beforeAll(ensureBuilt, 60_000);

function calls(tasks: number, command: 'checkTaskSheet' | 'updateStatusSheet' | 'clearFlags'): string[] {
  const world = new FakeWorld(DIST);
  addInput(world, generatedPlan(tasks));
  const addon = loadAddon(world, '2025-10-20T09:00:00+07:00');
  if (command === 'clearFlags') addon.checkTaskSheet();
  world.log.calls = [];
  addon[command]();
  expect(world.alerts).toEqual([]);
  return world.log.calls;
}

describe('service calls do not grow with the sheet', () => {
  it.each(['checkTaskSheet', 'updateStatusSheet', 'clearFlags'] as const)(
    '%s: 50 rows and 5,000 rows, same calls',
    (command) => {
      const small = calls(50, command);
      const large = calls(5000, command);
      expect(large).toEqual(small);
      // One read of the task sheet's values and merges, whatever its size.
      expect(large.filter((c) => c === 'Range.getValues')).toHaveLength(command === 'clearFlags' ? 0 : 1);
      // The figures stated in the README.
      expect(large).toHaveLength({ checkTaskSheet: 49, updateStatusSheet: 136, clearFlags: 13 }[command]);
    },
  );
});
