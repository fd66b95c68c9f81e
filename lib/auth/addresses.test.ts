import { describe, expect, it } from 'vitest';
import { normalizeAddress, parseAddressList } from './addresses';

describe('trusted proxy addresses', () => {
  it('match IPv4 CIDRs and single addresses, and nothing outside them', () => {
    const list = parseAddressList('10.0.0.0/8,192.168.1.7');
    expect(list.has('10.255.0.1')).toBe(true);
    expect(list.has('192.168.1.7')).toBe(true);
    expect(list.has('192.168.1.8')).toBe(false);
    expect(list.has('11.0.0.1')).toBe(false);
  });

  it('match an IPv4 client seen on a dual-stack socket as ::ffff:a.b.c.d', () => {
    expect(normalizeAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(parseAddressList('127.0.0.1/32').has('::ffff:127.0.0.1')).toBe(true);
  });

  it('match IPv6 prefixes', () => {
    const list = parseAddressList('fd00::/8, ::1');
    expect(list.has('fd12:3456::1')).toBe(true);
    expect(list.has('::1')).toBe(true);
    expect(list.has('2001:db8::1')).toBe(false);
  });

  it('never match an empty or garbage peer address', () => {
    const list = parseAddressList('0.0.0.0/0');
    expect(list.has('')).toBe(false);
    expect(list.has('not-an-ip')).toBe(false);
  });
});
