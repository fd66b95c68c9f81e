import { describe, expect, it } from 'vitest';
import type { ScheduleSummary } from '../api/types';
import { defaultSchedule, selectionKey, withSelection } from './selection';

const schedule = (name: string, extra: Partial<ScheduleSummary> = {}) => ({ name, paused: false, phase: 'Enabled', validationErrors: [], ...extra }) as ScheduleSummary;

describe('backup selection in the URL', () => {
  it('keys a selection by its parameters only, in a canonical order', () => {
    expect(selectionKey(new URLSearchParams('pod=db-0&schedule=nightly'))).toBe('schedule=nightly');
    expect(selectionKey({ backupExcludePVC: 'true', defaultVolumesToFsBackup: 'true', volume: 'data' })).toBe('backupExcludePVC=true&defaultVolumesToFsBackup=true');
  });

  it('replaces the selection and keeps the other parameters', () => {
    expect(withSelection('schedule=nightly&pod=db-0', { backup: 'nightly-1' })).toBe('?pod=db-0&backup=nightly-1');
    expect(withSelection('defaultVolumesToFsBackup=true', { whatIf: '1' })).toBe('?whatIf=1');
  });

  it('opens on the first enabled schedule, passing over paused and invalid ones', () => {
    expect(defaultSchedule([schedule('a', { paused: true }), schedule('b', { phase: 'FailedValidation' }), schedule('c', { validationErrors: ['x'] }), schedule('d')])).toBe('d');
    expect(defaultSchedule([schedule('a', { paused: true })])).toBeNull();
  });
});
