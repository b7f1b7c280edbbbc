import { isIPv4, isIPv6 } from 'node:net';

/**
 * The part of a client's address that limits count by. An IPv4 address is one client. An IPv6
 * address is grouped by its /64: one home, phone or server is normally given a whole /64 and
 * can pick a new address inside it for every request, so counting the full address would give
 * one machine billions of allowances. IPv4 written as IPv6 (::ffff:203.0.113.7, as a dual-stack
 * socket reports it) is read as IPv4. Anything else is returned as it came (lower case).
 */
export function addressGroup(address: string): string {
  const plain = address.trim().toLowerCase().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (!isIPv6(plain)) return plain;
  return `${expandIPv6(plain).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, each as 4 hex digits. */
function expandIPv6(address: string): string[] {
  // A trailing dotted IPv4 part (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) is two groups.
  const withoutIPv4 = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) => {
    const hex = (x: string, y: string) => ((Number(x) << 8) | Number(y)).toString(16);
    return `${hex(a, b)}:${hex(c, d)}`;
  });
  const [head, tail] = withoutIPv4.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const middle = Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...(tail === undefined ? [] : middle), ...right].map((g) => g.padStart(4, '0'));
}
