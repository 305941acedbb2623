// The private-address guard over every special range, including IPv6 forms that carry an IPv4
// address (a NAT64 or 6to4 address of 127.0.0.1 is loopback all the same).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPrivateAddress } from '../../src/ingest/index.ts';

const blocked = [
  '127.0.0.1',
  '10.1.2.3',
  '172.31.255.255',
  '192.168.0.10',
  '100.64.0.1',
  '169.254.169.254',
  '0.0.0.0',
  '224.0.0.251',
  '240.0.0.1',
  '255.255.255.255',
  '198.18.0.1',
  '198.19.255.254',
  '192.0.2.1',
  '203.0.113.9',
  '::1',
  '::',
  'fe80::1',
  'fd00::1',
  '::ffff:127.0.0.1',
  '::ffff:7f00:1',
  '::127.0.0.1',
  '64:ff9b::127.0.0.1',
  '64:ff9b::a9fe:a9fe',
  '64:ff9b:1::1',
  '2002:7f00:1::1',
  '2002:c0a8:0101::',
  '2001::1',
  '2001:db8::1',
];
const allowed = [
  '8.8.8.8',
  '1.1.1.1',
  '198.20.0.1',
  '2606:4700::1111',
  '64:ff9b::8.8.8.8',
  '2002:0808:0808::1',
];

test('loopback, private, reserved, benchmarking and documentation addresses are blocked, in every form', () => {
  for (const address of blocked) assert.equal(isPrivateAddress(address), true, address);
});

test('public addresses pass, including NAT64 and 6to4 forms of public IPv4 addresses', () => {
  for (const address of allowed) assert.equal(isPrivateAddress(address), false, address);
});
