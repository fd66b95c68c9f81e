import { describe, expect, it } from 'vitest';
import { serverNodeFlags } from './launch';

describe('the server’s node flags', () => {
  it('cap the heap from BACKUP_LENS_HEAP_MB, and leave V8’s default when it is unset or 0', () => {
    expect(serverNodeFlags({ BACKUP_LENS_HEAP_MB: '512' })).toEqual(['--max-old-space-size=512']);
    expect(serverNodeFlags({})).toEqual([]);
    expect(serverNodeFlags({ BACKUP_LENS_HEAP_MB: '0' })).toEqual([]);
  });

  it('refuse a value that is not a whole number of at least 128 MiB, naming the variable', () => {
    expect(() => serverNodeFlags({ BACKUP_LENS_HEAP_MB: '1.5g' })).toThrow(/BACKUP_LENS_HEAP_MB must be a whole number of MiB.*"1.5g"/);
    expect(() => serverNodeFlags({ BACKUP_LENS_HEAP_MB: '64' })).toThrow(/at least 128/);
  });
});
