import { describe, expect, test } from 'vitest';
import { classifyDate } from '../../../src/detectors/dates/index.js';

describe('classifyDate', () => {
  test.each([
    ['2024-01-05', 'yyyy-MM-dd', '2024-01-05'],
    ['2024-1-5', 'yyyy-M-d', '2024-01-05'],
    ['3/4/2024', 'M/d/yyyy', '2024-03-04'],
    ['12/25/2024', 'MM/dd/yyyy', '2024-12-25'],
    ['25/12/2024', 'dd/MM/yyyy', '2024-12-25'],
    ['25.1.2024', 'd.M.yyyy', '2024-01-25'],
    ['5.1.2024', 'd.M.yyyy', '2024-01-05'],
    ['5/1/2024', 'M/d/yyyy', '2024-05-01'],
    ['31-OCT-2023', 'dd-MMM-yyyy', '2023-10-31'],
    ['05-Jan-24', 'dd-MMM-yy', '2024-01-05'],
    ['Dec 8, 2022', 'MMM d, yyyy', '2022-12-08'],
    ['Dec 8 2022', 'MMM d yyyy', '2022-12-08'],
    ['5 October 2023', 'd MMMM yyyy', '2023-10-05'],
    ['October 5, 2023', 'MMMM d, yyyy', '2023-10-05'],
    ['90.01.01', 'yy.MM.dd', '1990-01-01'],
    ['12/17/23', 'MM/dd/yy', '2023-12-17'],
    ['2024-01-05T10:00:00Z', "yyyy-MM-dd'T'HH:mm:ssXXX", '2024-01-05'],
    ['2024-01-05T10:00:00+05:30', "yyyy-MM-dd'T'HH:mm:ssXXX", '2024-01-05'],
    ['2024-01-05T10:00:00-08', "yyyy-MM-dd'T'HH:mm:ssX", '2024-01-05'],
    ['2024-01-05T10:00:00.123456Z', "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX", '2024-01-05'],
    ['2024-01-05 10:00:00', 'yyyy-MM-dd HH:mm:ss', '2024-01-05'],
    ['2024-01-05 10:00', 'yyyy-MM-dd HH:mm', '2024-01-05'],
    ['2021-05-25 04:55:03.382494 UTC', 'yyyy-MM-dd HH:mm:ss.SSSSSS z', '2021-05-25'],
    ['1/2/2023, 12:33 PM', 'M/d/yyyy, hh:mm a', '2023-01-02'],
    ['Tue, 31 Oct 2023 10:00:00 +0000', 'EEE, dd MMM yyyy HH:mm:ss XX', '2023-10-31'],
    ['2024年1月5日', 'yyyy年M月d日', '2024-01-05'],
    ['20240105', 'yyyyMMdd', '2024-01-05'],
    ['2024-01', 'yyyy-MM', '2024-01-01'],
    ['2015-03-22-08:00', 'yyyy-MM-ddXXX', '2015-03-22'],
    ['  2000-01-01   ', 'yyyy-MM-dd', '2000-01-01'],
    ['January 5th, 2024', 'MMMM do, yyyy', '2024-01-05'],
    ['22nd Oct 2023', 'do MMM yyyy', '2023-10-22'],
    ['Monday, May 6, 2024', 'EEEE, MMM d, yyyy', '2024-05-06'],
    ['Jan 5, 2024 10:30 AM', 'MMM d, yyyy hh:mm a', '2024-01-05'],
    ['31 Oct 2023 10:00:00 +0000', 'dd MMM yyyy HH:mm:ss XX', '2023-10-31'],
    ['2024-01-05 10:00:00.123+00', 'yyyy-MM-dd HH:mm:ss.SSSX', '2024-01-05'],
  ])('%s → %s', (value, pattern, date) => {
    const c = classifyDate(value);
    expect(c?.pattern).toBe(pattern);
    expect(c?.date).toBe(date);
  });

  test('ambiguity flags', () => {
    expect(classifyDate('03/04/2024')).toMatchObject({ ambiguous: true, dayFirstOnly: false, monthFirstOnly: false, family: '%1/%2/%3#4' });
    expect(classifyDate('13/04/2024')).toMatchObject({ ambiguous: false, dayFirstOnly: true, monthFirstOnly: false, pattern: 'dd/MM/yyyy' });
    expect(classifyDate('04/13/2024')).toMatchObject({ ambiguous: false, dayFirstOnly: false, monthFirstOnly: true, pattern: 'MM/dd/yyyy' });
    expect(classifyDate('2024-01-05T10:00:00Z')).toMatchObject({ hasTime: true, hasZone: true, ambiguous: false });
  });

  test.each([
    '1.2.3', '10.2.3.4', '12.05', '555-123-4567', '(555) 123-4567', '+15551234567', '12345', '12345-6789',
    '2024-02-30', '2023-02-29', '2024-13-01', '32/01/2024', '2000-01-01 a', '12:30:00', '25:00', 'Maria',
    'January', 'Q1 2024', 'SKU-2024-0017', '978-3-16-148410-0', '3/4', '1-2-3', '2024-01-05T25:00:00',
    '2024-01-05T10:61:00', '2024-01-05T10:00:00+15:00', 'Mon, 31 Oct 2023', '0000-00-00', '1700000000',
  ])('%s is not a date on its own', (value) => {
    expect(classifyDate(value)).toBeNull();
  });
});
