import { describe, expect, it } from 'vitest';
import {
  classifyValue,
  F,
  isCreditCardNumber,
  isEmail,
  isIban,
  isPlausibleDate,
  isSsn,
  phoneForm,
  nameForm,
  addressForm,
} from '../../../src/detectors/pii/validators.js';
import { namePriors, normalizeColumnName, STRONG, WEAK, NEGATIVE } from '../../../src/detectors/pii/column-name.js';
import { scanEmbedded } from '../../../src/detectors/pii/embedded.js';

const ctx = { phoneCountry: 'US' as const, nullTokens: new Set(['n/a', 'null', 'unknown']) };
const has = (v: string, bit: number) => (classifyValue(v, ctx) & bit) !== 0;

describe('value validators', () => {
  it('cards: Luhn and issuer lengths', () => {
    expect(isCreditCardNumber('4111111111111111')).toBe(true);
    expect(isCreditCardNumber('4111-1111-1111-1111')).toBe(true);
    expect(isCreditCardNumber('4111111111111112')).toBe(false); // Luhn
    expect(isCreditCardNumber('378282246310005')).toBe(true); // Amex 15
    expect(isCreditCardNumber('3782822463100050')).toBe(false); // Amex is never 16
    expect(isCreditCardNumber('6759521864920116')).toBe(true); // Maestro (userdata1)
    expect(isCreditCardNumber('5105105105105100')).toBe(true); // Mastercard
    expect(isCreditCardNumber('51051051051051000')).toBe(false); // Mastercard is 16 digits
    expect(isCreditCardNumber('9111111111111111')).toBe(false); // no issuer starts with 9
    expect(isCreditCardNumber('1234567812345670')).toBe(false); // passes Luhn, no issuer
  });

  it('SSN: area, group and serial rules', () => {
    expect(isSsn('123-45-6789')).toBe(true);
    expect(isSsn('078051120')).toBe(true);
    for (const bad of ['000-12-3456', '666-12-3456', '900-12-3456', '999-99-9999', '123-00-4567', '123-45-0000', '123-45-678', '12-345-6789']) {
      expect(isSsn(bad), bad).toBe(false);
    }
  });

  it('IBAN: mod-97 via ibantools', () => {
    expect(isIban('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(isIban('GB29NWBK60161331926819')).toBe(true);
    expect(isIban('DE89 3704 0044 0532 0130 01')).toBe(false);
  });

  it('e-mail, phone, dates', () => {
    expect(isEmail('john.doe@example.com')).toBe(true);
    expect(isEmail('hannah88opowersc@m')).toBe(false);
    expect(phoneForm('(212) 555-1234', 'US')).toBe(1);
    expect(phoneForm('2125551234', 'US')).toBe(2);
    expect(phoneForm('+44 20 7946 0958', 'US')).toBe(1);
    expect(phoneForm('555-99-4321', 'US')).toBe(0);
    expect(phoneForm('123456789', 'US')).toBe(0);
    expect(isPlausibleDate('1990-02-28')).toBe(true);
    expect(isPlausibleDate('19900230')).toBe(false);
    expect(isPlausibleDate('3/8/1971')).toBe(true);
    expect(isPlausibleDate('5 January 1990')).toBe(true);
    expect(isPlausibleDate('Jan 5, 1990')).toBe(true);
    expect(isPlausibleDate('1850-01-01')).toBe(false);
  });

  it('IPv4 version look-alikes are flagged, real addresses are not', () => {
    expect(has('10.2.3.4', F.IPV4)).toBe(true);
    expect(has('10.2.3.4', F.IP_SMALL)).toBe(true);
    expect(has('192.168.1.20', F.IP_SMALL)).toBe(false);
    expect(has('2001:db8::1', F.IPV6)).toBe(true);
    expect(has('12:30:45', F.IPV6)).toBe(false);
  });

  it('names and addresses', () => {
    expect(nameForm('John Smith') & F.NAME_DICT).toBeTruthy();
    expect(nameForm('Dagny Lindqvist') & F.NAME_FULL).toBeTruthy();
    expect(nameForm('Acme Corp')).toBe(0);
    expect(nameForm('Widget 3000')).toBe(0);
    expect(addressForm('123 Main St', true)).toBe(2);
    expect(addressForm('PO Box 12', true)).toBe(2);
    expect(addressForm('tullaroop street', false)).toBe(1);
    expect(addressForm('London', false)).toBe(0);
  });

  it('null tokens and blanks are nullish', () => {
    expect(classifyValue('  ', ctx)).toBe(F.NULLISH);
    expect(classifyValue('N/A', ctx)).toBe(F.NULLISH);
  });
});

describe('column-name priors', () => {
  it('normalises and scores names', () => {
    expect(normalizeColumnName('customerEmailAddress')).toBe('customer_email_address');
    expect(normalizeColumnName('address1')).toBe('address_1');
    expect(namePriors('email').email).toBe(STRONG);
    expect(namePriors('email_opt_in').email).toBe(0);
    expect(namePriors('name').person_name).toBe(WEAK);
    expect(namePriors('fname').person_name).toBe(STRONG);
    expect(namePriors('product_name').person_name).toBe(NEGATIVE);
    expect(namePriors('city').person_name).toBe(NEGATIVE);
    expect(namePriors('order_date').date_of_birth).toBe(NEGATIVE);
    expect(namePriors('dob').date_of_birth).toBe(STRONG);
    expect(namePriors('app_version').ip).toBe(NEGATIVE);
    expect(namePriors('email_address').address).toBe(NEGATIVE);
    expect(namePriors('soc_sec_id').ssn).toBe(STRONG);
    expect(namePriors('col_7')).toEqual(namePriors('ref'));
  });
});

describe('embedded PII in prose', () => {
  it('finds and masks validated findings only', () => {
    const r = scanEmbedded('My phone number is 212-555-1111 and my SSN is 123-45-6789, mail me at a.b@example.com', 'US');
    expect(r.masks).toEqual(['a***@e***.com', '********11', '***-**-6789']);
    const none = scanEmbedded('version 10.2.3.4 shipped; order 1234567812345678 and SSN 987-65-4321', 'US');
    expect(none.kinds).toBe(0);
    expect(scanEmbedded('upgraded the agent to 10.2.3.4 today', 'US').kinds).toBe(0);
    expect(scanEmbedded('failed login from 10.0.0.5 at noon', 'US').masks).toEqual(['10.*.*.*']);
    expect(scanEmbedded('failed login from 203.0.113.77 at noon', 'US').masks).toEqual(['203.*.*.*']);
    // bounded time on hostile cells: long runs without separators
    const t0 = performance.now();
    scanEmbedded('a'.repeat(200_000), 'US');
    scanEmbedded('1'.repeat(200_000), 'US');
    scanEmbedded('ab:'.repeat(50_000), 'US');
    expect(performance.now() - t0).toBeLessThan(5000);
    const pass = scanEmbedded('Passport number is X1234567, card 4111-1111-1111-1111', 'US');
    expect(pass.masks).toEqual(['************1111', '******67']);
  });
});
