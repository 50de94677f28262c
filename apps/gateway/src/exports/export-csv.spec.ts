import { csvCell, NumberCell } from './export-csv.use-case';

describe('CSV cells', () => {
  it('keeps numbers numeric, negative ones included', () => {
    expect(csvCell(new NumberCell(-0.74))).toBe('-0.74');
    expect(csvCell(new NumberCell(3))).toBe('3');
  });
  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('Ada, Lovelace')).toBe('"Ada, Lovelace"');
    expect(csvCell('plain')).toBe('plain');
  });
});
