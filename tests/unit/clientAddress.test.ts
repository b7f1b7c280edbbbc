import { describe, expect, it } from 'vitest';
import { addressGroup } from '../../src/server/clientAddress.ts';
import { requestClientKey } from '../../src/server/withdrawals.ts';

describe('addressGroup', () => {
  it('keeps an IPv4 address whole, however it is written', () => {
    expect(addressGroup('203.0.113.7')).toBe('203.0.113.7');
    expect(addressGroup('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressGroup('::FFFF:203.0.113.7')).toBe('203.0.113.7');
  });

  it('groups IPv6 addresses by their /64, in every way of writing them', () => {
    const group = '2001:0db8:0001:0002::/64';
    for (const address of [
      '2001:db8:1:2::1',
      '2001:db8:1:2:ffff:ffff:ffff:ffff',
      '2001:0DB8:0001:0002:0000:0000:0000:0009',
      '2001:db8:1:2:abcd::',
      '2001:db8:1:2::1%eth0',
      '2001:db8:1:2::203.0.113.7',
    ]) {
      expect(addressGroup(address), address).toBe(group);
    }
    expect(addressGroup('2001:db8:1:3::1')).toBe('2001:0db8:0001:0003::/64');
    expect(addressGroup('::1')).toBe('0000:0000:0000:0000::/64');
    expect(addressGroup('fe80::1')).toBe('fe80:0000:0000:0000::/64');
  });

  it('leaves anything that is not an address as it came', () => {
    expect(addressGroup('unknown')).toBe('unknown');
  });
});

describe('requestClientKey', () => {
  const key = (clientAddress: string) => requestClientKey({ clientAddress });

  it('gives every address in one IPv6 /64 the same key, and another /64 its own', () => {
    expect(key('2001:db8:1:2::1')).toBe(key('2001:db8:1:2:dead:beef:0:7'));
    expect(key('2001:db8:1:2::1')).not.toBe(key('2001:db8:1:3::1'));
    expect(key('203.0.113.7')).toBe(key('::ffff:203.0.113.7'));
    expect(key('203.0.113.7')).not.toBe(key('203.0.113.8'));
  });

  it('puts requests whose address cannot be told in one bucket', () => {
    const unknown = {
      get clientAddress(): string {
        throw new Error('no address');
      },
    };
    expect(requestClientKey(unknown)).toBe(requestClientKey(unknown));
  });
});
