// Trusted proxy addresses: single IPs or CIDRs, IPv4 and IPv6, matched with node:net's BlockList.
import { BlockList, isIP } from 'node:net';

export interface AddressList {
  has(address: string): boolean;
}

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) is the IPv4 address it carries. */
export function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? (mapped[1] as string) : address;
}

export function parseAddressList(text: string): AddressList {
  const list = new BlockList();
  for (const raw of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [address = '', prefixText, ...extra] = raw.split('/');
    const family = isIP(address);
    const shown = raw.slice(0, 60);
    if (family === 0 || extra.length > 0) throw new Error(`"${shown}" is not an IP address or CIDR.`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefixText === undefined) {
      list.addAddress(address, type);
      continue;
    }
    const prefix = Number(prefixText);
    if (!/^\d{1,3}$/.test(prefixText) || prefix > (family === 4 ? 32 : 128)) throw new Error(`"${shown}" has an invalid prefix length.`);
    list.addSubnet(address, prefix, type);
  }
  return {
    has(address) {
      const normalized = normalizeAddress(address);
      const family = isIP(normalized);
      return family !== 0 && list.check(normalized, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}
