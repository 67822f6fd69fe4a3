import { describe, expect, it } from 'vitest';
import { ipNetwork } from './ip-network.js';

describe('ipNetwork', () => {
  it('keeps an IPv4 address alone, mapped or not', () => {
    expect(ipNetwork('203.0.113.7')).toBe('203.0.113.7');
    expect(ipNetwork('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(ipNetwork('::FFFF:203.0.113.7')).toBe('203.0.113.7');
  });

  it('groups IPv6 addresses by their /64, however they are written', () => {
    const network = ipNetwork('2001:db8:1:2::1');
    expect(network).toBe('2001:db8:1:2::/64');
    expect(ipNetwork('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe(network);
    expect(ipNetwork('2001:DB8:1:2:a:b:c:d')).toBe(network);
    expect(ipNetwork('2001:db8:1:2::1%eth0')).toBe(network);
    expect(ipNetwork('2001:db8:1:3::1')).not.toBe(network);
    expect(ipNetwork('::1')).toBe('0:0:0:0::/64');
    expect(ipNetwork('2001:db8::')).toBe('2001:db8:0:0::/64');
    expect(ipNetwork('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
  });

  it('keeps what is not an address', () => {
    expect(ipNetwork('unknown')).toBe('unknown');
  });
});
