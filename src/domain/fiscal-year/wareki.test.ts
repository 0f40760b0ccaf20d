import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fiscalYearOf, formatFiscalYear, parseFiscalYear } from './wareki.ts';

describe('parseFiscalYear', () => {
  it('reads 令和 and 平成 years', () => {
    assert.equal(parseFiscalYear('令和4年度'), 2022);
    assert.equal(parseFiscalYear('令和3年度'), 2021);
    assert.equal(parseFiscalYear('平成30年度'), 2018);
    assert.equal(parseFiscalYear('平成31年度'), 2019);
  });

  it('reads 元年 as year 1', () => {
    assert.equal(parseFiscalYear('令和元年度'), 2019);
    assert.equal(parseFiscalYear('平成元年度'), 1989);
  });

  it('reads full-width digits and tolerates spaces', () => {
    assert.equal(parseFiscalYear('令和４年度'), 2022);
    assert.equal(parseFiscalYear('令和 １０ 年度'), 2028);
    assert.equal(parseFiscalYear(' 平成２９年度 '), 2017);
  });

  it('reads the year without 度 and Gregorian years', () => {
    assert.equal(parseFiscalYear('令和5年'), 2023);
    assert.equal(parseFiscalYear('2024年度'), 2024);
    assert.equal(parseFiscalYear('２０２４年度'), 2024);
  });

  it('rejects what is not a year', () => {
    assert.equal(parseFiscalYear('令和0年度'), undefined);
    assert.equal(parseFiscalYear('昭和60年度'), undefined);
    assert.equal(parseFiscalYear('来年度'), undefined);
    assert.equal(parseFiscalYear(''), undefined);
  });
});

describe('formatFiscalYear', () => {
  it('formats 令和 years, with 元 for the first', () => {
    assert.equal(formatFiscalYear(2022), '令和4年度');
    assert.equal(formatFiscalYear(2019), '令和元年度');
    assert.equal(formatFiscalYear(2030), '令和12年度');
  });

  it('formats 平成 before 2019', () => {
    assert.equal(formatFiscalYear(2018), '平成30年度');
    assert.equal(formatFiscalYear(1989), '平成元年度');
  });

  it('round-trips with parseFiscalYear', () => {
    for (let year = 1989; year <= 2060; year++) {
      assert.equal(parseFiscalYear(formatFiscalYear(year)), year);
    }
  });

  it('refuses years before 平成', () => {
    assert.throws(() => formatFiscalYear(1988), RangeError);
    assert.throws(() => formatFiscalYear(2022.5), RangeError);
  });
});

describe('fiscalYearOf', () => {
  it('switches at 2023-04-01 00:00 JST, i.e. 2023-03-31T15:00Z', () => {
    assert.equal(fiscalYearOf(new Date('2023-03-31T14:59:59.999Z')), 2022);
    assert.equal(fiscalYearOf(new Date('2023-03-31T15:00:00.000Z')), 2023);
    assert.equal(fiscalYearOf(new Date('2023-03-31T23:00:00Z')), 2023);
  });

  it('puts January to March in the previous 年度', () => {
    assert.equal(fiscalYearOf(new Date('2024-01-01T00:00:00+09:00')), 2023);
    assert.equal(fiscalYearOf(new Date('2024-03-31T23:59:59+09:00')), 2023);
    assert.equal(fiscalYearOf(new Date('2024-04-01T00:00:00+09:00')), 2024);
  });

  it('does not depend on the process TZ (the instant, not local getters, decides)', () => {
    const instant = new Date(Date.UTC(2023, 2, 31, 15, 0, 0));
    assert.equal(instant.getUTCDate(), 31);
    assert.equal(fiscalYearOf(instant), 2023);
  });

  it('refuses an invalid date', () => {
    assert.throws(() => fiscalYearOf(new Date('nope')), RangeError);
  });
});
