import { describe, expect, it } from 'vitest';
import { CHECKS, REASONS } from './reasons';
import { CHECK_IDS, REASON_CODES } from './types';

const facts = { pod: 'web-0', volume: 'data', claim: 'data-web-0', value: 'data', policyIndex: 2, otherPod: 'web-1', phase: 'Pending', nodeName: 'node-c', pv: 'pv-1', why: 'PersistentVolume pv-1 does not exist' };

describe('reason table', () => {
  it('has one entry per reason code and nothing else', () => {
    expect(Object.keys(REASONS).sort()).toEqual([...REASON_CODES].sort());
  });

  it('admits only through optedIn, defaultFsBackup and policyFsBackup', () => {
    const admitting = REASON_CODES.filter((code) => REASONS[code].action === 'fs-backup');
    expect(admitting.sort()).toEqual(['defaultFsBackup', 'optedIn', 'policyFsBackup']);
  });

  it('fills every placeholder of every explanation', () => {
    for (const code of REASON_CODES) {
      const text = REASONS[code].explain(facts);
      expect(text, code).not.toMatch(/undefined|null|\{/);
      expect(text.length, code).toBeGreaterThan(20);
    }
  });

  it('lists Velero checks once each, in order', () => {
    expect(CHECKS.map((c) => c.id)).toEqual([...CHECK_IDS]);
  });

  it('marks as backup errors exactly the checks that fail the pod item', () => {
    const errors = REASON_CODES.filter((code) => REASONS[code].backupError);
    expect(errors.sort()).toEqual(['nodeAgentMissing', 'pvUnavailable', 'pvcMissing']);
  });
});
