import { describe, expect, it } from 'vitest';
import { cronScheduleErrors } from './schedule-cron';

describe('spec.schedule as parseCronSchedule validates it (robfig/cron v3.0.1 ParseStandard)', () => {
  it('refuses an empty schedule with Velero\'s own message', () => {
    expect(cronScheduleErrors('')).toEqual(['Schedule must be a non-empty valid Cron expression']);
    expect(cronScheduleErrors(undefined)).toEqual(['Schedule must be a non-empty valid Cron expression']);
  });

  it('accepts five fields, names, steps, ranges and the descriptors', () => {
    for (const spec of ['0 2 * * *', '*/15 0-6,22 1,15 jan-MAR mon-fri', '0 0 * * ?', '5 4 * * sun', '@daily', '@midnight', '@annually', '0 2 * * *\n']) {
      expect(cronScheduleErrors(spec)).toEqual([]);
    }
  });

  it('counts fields as strings.Fields does', () => {
    expect(cronScheduleErrors('daily')).toEqual(['invalid schedule: expected exactly 5 fields, found 1: [daily]']);
    expect(cronScheduleErrors('0 2 * * * *')).toEqual(['invalid schedule: expected exactly 5 fields, found 6: [0 2 * * * *]']);
    expect(cronScheduleErrors('   ')).toEqual(['invalid schedule: expected exactly 5 fields, found 0: []']);
    expect(cronScheduleErrors(' @daily')).toEqual(['invalid schedule: expected exactly 5 fields, found 1: [@daily]']);
  });

  it('reports the first bad field in getRange\'s words', () => {
    expect(cronScheduleErrors('60 2 * * *')).toEqual(['invalid schedule: end of range (60) above maximum (59): 60']);
    expect(cronScheduleErrors('0 2 0 * *')).toEqual(['invalid schedule: beginning of range (0) below minimum (1): 0']);
    expect(cronScheduleErrors('0 5-2 * * *')).toEqual(['invalid schedule: beginning of range (5) beyond end of range (2): 5-2']);
    expect(cronScheduleErrors('*/0 * * * *')).toEqual(['invalid schedule: step of range should be a positive number: */0']);
    expect(cronScheduleErrors('0 2 * * x')).toEqual(['invalid schedule: failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax']);
    expect(cronScheduleErrors('0 -1 * * *')).toEqual(['invalid schedule: failed to parse int from : strconv.Atoi: parsing "": invalid syntax']);
    expect(cronScheduleErrors('0 1-2-3 * * *')).toEqual(['invalid schedule: too many hyphens: 1-2-3']);
    expect(cronScheduleErrors('0 1/2/3 * * *')).toEqual(['invalid schedule: too many slashes: 1/2/3']);
    expect(cronScheduleErrors('99999999999999999999 * * * *')).toEqual(['invalid schedule: failed to parse int from 99999999999999999999: strconv.Atoi: parsing "99999999999999999999": value out of range']);
    expect(cronScheduleErrors('@weekly2')).toEqual(['invalid schedule: unrecognized descriptor: @weekly2']);
  });

  it('leaves what it cannot reproduce exactly to the Schedule\'s status', () => {
    expect(cronScheduleErrors('CRON_TZ=Europe/Paris 0 2 * * *')).toBeNull();
    expect(cronScheduleErrors('@every 1h')).toBeNull();
    expect(cronScheduleErrors('0 2 * * lün')).toBeNull();
  });
});
