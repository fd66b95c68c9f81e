import { describe, expect, it } from 'vitest';
import { parseQuantity } from './quantity';

const Ki = 1024n;
const n = (value: bigint | number, exp10 = 0) => (exp10 >= -9 ? BigInt(value) * 10n ** BigInt(exp10 + 9) : BigInt(value));
const MAX = ((1n << 63n) - 1n) * 10n ** 9n;

// apimachinery pkg/api/resource quantity_test.go TestQuantityParse: input → value (nano-units) and format.
const VALID: ReadonlyArray<[string, bigint, string]> = [
  ['0', 0n, 'DecimalSI'], ['0n', 0n, 'DecimalSI'], ['0m', 0n, 'DecimalSI'], ['0Ki', 0n, 'BinarySI'], ['0Ti', 0n, 'BinarySI'],
  ['1', n(1), 'DecimalSI'], ['1Ki', n(1024), 'BinarySI'], ['7Mi', n(7n * Ki * Ki), 'BinarySI'], ['6Gi', n(6n * Ki ** 3n), 'BinarySI'],
  ['5Ti', n(5n * Ki ** 4n), 'BinarySI'], ['4Pi', n(4n * Ki ** 5n), 'BinarySI'], ['3Ei', n(3n * Ki ** 6n), 'BinarySI'],
  ['5n', 5n, 'DecimalSI'], ['4u', 4000n, 'DecimalSI'], ['3m', n(3, -3), 'DecimalSI'], ['8k', n(8, 3), 'DecimalSI'],
  ['7M', n(7, 6), 'DecimalSI'], ['6G', n(6, 9), 'DecimalSI'], ['5T', n(5, 12), 'DecimalSI'], ['2P', n(2, 15), 'DecimalSI'],
  ['1E', n(1, 18), 'DecimalSI'], ['1E-3', n(1, -3), 'DecimalExponent'], ['1e3', n(1, 3), 'DecimalExponent'],
  ['1E6', n(1, 6), 'DecimalExponent'], ['1.3E+6', n(13, 5), 'DecimalExponent'], ['100.035k', n(100035), 'DecimalSI'],
  ['0.0005k', n(5, -1), 'DecimalSI'], ['0.5e-2', n(5, -3), 'DecimalExponent'], ['6.987654321G', n(6987654321n), 'DecimalSI'],
  ['3.001n', 4n, 'DecimalSI'], ['1.1E-9', 2n, 'DecimalExponent'], ['0.0000000005', 1n, 'DecimalSI'], ['0.00000012345', 124n, 'DecimalSI'],
  ['9Ei', MAX, 'BinarySI'], ['9223372036854775807Ki', MAX, 'BinarySI'], ['12E', n(12, 18), 'DecimalSI'],
  ['100.035Ki', n(10243584n, -2), 'BinarySI'], ['0.5Mi', n(512n * Ki), 'BinarySI'], ['0.05Gi', n(536870912n, -1), 'BinarySI'],
  ['0.000000000001Ki', 2n, 'DecimalSI'], ['.001', n(1, -3), 'DecimalSI'], ['1.', n(1), 'DecimalSI'], ['1.G', n(1, 9), 'DecimalSI'],
];
const INVALID = ['', '1.1.M', '1+1.0M', '0.1mi', '0.1am', 'aoeu', '.5i', '1i', '-3.01i', '-3.01e-', ' 1', '1 ', '10Gb', '1e'];

describe('parseQuantity (Kubernetes resource.ParseQuantity)', () => {
  it.each(VALID)('parses %s exactly', (input, nanos, format) => {
    expect(parseQuantity(input)).toEqual({ ok: true, nanos, format });
  });

  it.each(VALID)('parses -%s as the negative and +%s as the same value', (input, nanos) => {
    expect(parseQuantity(`-${input}`)).toMatchObject({ ok: true, nanos: -nanos });
    expect(parseQuantity(`+${input}`)).toMatchObject({ ok: true, nanos });
  });

  it.each(INVALID)('refuses %j', (input) => {
    expect(parseQuantity(input).ok).toBe(false);
  });

  it('compares binary and decimal spellings of one size as equal', () => {
    const a = parseQuantity('1Gi');
    const b = parseQuantity('1073741824');
    const c = parseQuantity('1.073741824G');
    expect(a.ok && b.ok && c.ok && a.nanos === b.nanos && b.nanos === c.nanos).toBe(true);
  });

  it("parses the forms client-node's quantityToScalar throws on (a decimal before a suffix)", () => {
    expect(parseQuantity('1.5Gi')).toMatchObject({ ok: true, nanos: n(1536n * Ki * Ki) });
    expect(parseQuantity('2.5T')).toMatchObject({ ok: true, nanos: n(25, 11) });
  });
});
