import { describe, expect, it } from 'vitest';
import { refusedSwitches } from '../../../../../electron/main/security/debug-switches';

describe('debugging switches', () => {
  it('finds remote debugging, the inspector and V8 flags, however written', () => {
    expect(
      refusedSwitches([
        '/opt/Qorgau/qorgau',
        '--remote-debugging-port=9222',
        '-remote-debugging-pipe',
        '--INSPECT',
        '--inspect-brk=0.0.0.0:9229',
        '--js-flags=--allow-natives-syntax',
      ]),
    ).toEqual(['--remote-debugging-port', '--remote-debugging-pipe', '--inspect', '--inspect-brk', '--js-flags']);
  });

  it('lets an ordinary start through', () => {
    expect(refusedSwitches(['/opt/Qorgau/qorgau', '--no-sandbox-is-not-ours', 'file.qorgau', '--lang=ru'])).toEqual([]);
  });
});
