import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testStore, type TestStore } from '../../../test/store';
import { PRODUCT_CSV_COLUMNS } from '../../shared/catalog/csv-columns';
import { makeEan13 } from './ean13';

let t: TestStore;
beforeEach(async () => {
  t = await testStore(4, 6);
});
afterEach(() => t.cleanup());

const header = PRODUCT_CSV_COLUMNS.join(',');
const counts = () =>
  t.db.sqlite.prepare(`SELECT (SELECT COUNT(*) FROM tblproductos) || '/' || (SELECT COUNT(*) FROM tblprodXcolorXtalla) || '/' || (SELECT COUNT(*) FROM sync_outbox) || '/' || (SELECT COUNT(*) FROM stock_movements)`).pluck().get();

const run = async (csv: string) => {
  const jobs = t.services.csvJobs;
  const started = jobs.start(csv, t.manager);
  await jobs.idle();
  return jobs.status(started.jobId);
};

describe('product CSV import', () => {
  it('reports every bad row with its row, column and reason, and writes nothing', async () => {
    const maker = t.services.catalogLists.lists().manufacturers[0]!.name;
    const taken = t.variant(0).barcode;
    const before = counts();
    const status = await run(
      [
        header,
        `900001,Buzo capota,,${maker},UNISEX,,,89900,,,1,BLACK,M,,5,2`,
        `900001,Buzo capota,,${maker},UNISEX,,,89900,,,1,BLACK,M,,1,`,
        `900002,,,Nadie SAS,MARTE,Inventada,,12x,,IVA99,quizás,PURPLE2,XXXL,7701234567890,-3,`,
        `900003,Gorra,,,,,,15000,,,,RED,M,${taken},,`,
        `900004,Media,,,,,,5000,,,,WHITE,S,${makeEan13('770000000001')},,`,
        `900005,Media alta,,,,,,5000,,,,WHITE,S,${makeEan13('770000000001')},,`,
        `900001,Buzo con capota,,${maker},UNISEX,,,89900,,,1,NAVY,M,,,`,
      ].join('\n'),
    );
    expect(status.phase).toBe('invalid');
    const by = (row: number) => status.errors.filter((e) => e.row === row).map((e) => `${e.column}: ${e.reason}`);
    expect(by(2)).toEqual([]);
    expect(by(3)).toEqual([expect.stringMatching(/^size: 900001 BLACK M is also on row 2/)]);
    expect(by(4)).toEqual([
      'name: name is required',
      expect.stringMatching(/^price: 12x is not an amount/),
      expect.stringMatching(/^manufacturer: no manufacturer Nadie SAS/),
      'department: no gender/department MARTE',
      expect.stringMatching(/^categories: no category Inventada/),
      'tax_code: no active tax rate IVA99',
      expect.stringMatching(/^active: quizás is not yes\/no/),
      'color: no colour PURPLE2',
      'size: no size XXXL',
      'barcode: 7701234567890 is not a valid EAN-13/UPC-A',
      expect.stringMatching(/^stock: -3 is not a whole number/),
    ]);
    expect(by(5)).toEqual([expect.stringMatching(new RegExp(`^barcode: ${taken} is already used by PLU`))]);
    expect(by(7)).toEqual([expect.stringMatching(/^barcode: \d+ is also on row 6/)]);
    expect(by(8)).toEqual(['name: differs from row 2 of the same PLU 900001']);
    expect(status.errorCount).toBe(status.errors.length);
    expect(counts()).toBe(before);
  });

  it('imports products with variants and opening stock through the ledger, and exports the same shape back', async () => {
    const status = await run(
      [
        header,
        '900010,Jean recto,"Denim 12 oz, azul",,MEN,,,"129900,5",60000,IVA19,sí,BLUE,30,,4,1',
        '900010,Jean recto,"Denim 12 oz, azul",,MEN,,,"129900,5",60000,IVA19,sí,BLUE,32,,6,1',
        `900011,Camiseta,,,WOMEN,,,29900,,,,Blanco,S,${makeEan13('770999000001')},0,`,
      ].join('\n'),
    );
    expect(status.failure).toBeNull();
    expect(status).toMatchObject({ phase: 'done', result: { productsCreated: 2, productsUpdated: 0, variantsCreated: 3, stockUnits: 10, stockIgnored: 0 } });
    const jean = t.services.productList.query({ offset: 0, limit: 5, text: '900010' }).rows[0]!;
    expect(jean).toMatchObject({ name: 'Jean recto', price: 12_990_050, stock: 10, variantCount: 2 });
    const movements = t.db.sqlite.prepare(`SELECT COUNT(*) FROM stock_movements m JOIN tblprodXcolorXtalla v ON v.idcolorxtalla = m.variant_id WHERE v.ID_producto = ? AND m.reason = 'initial'`).pluck().get(jean.productId);
    expect(movements).toBe(2);

    // Again, with a new size and a stock for an existing variant: the product is updated, existing stock left alone.
    const again = await run([header, '900010,Jean recto,"Denim 12 oz, azul",,MEN,,,"129900,5",60000,IVA19,sí,BLUE,30,,9,1', '900010,Jean recto,"Denim 12 oz, azul",,MEN,,,"129900,5",60000,IVA19,sí,BLUE,34,,2,1'].join('\n'));
    expect(again).toMatchObject({ phase: 'done', result: { productsCreated: 0, productsUpdated: 1, variantsCreated: 1, stockUnits: 2, stockIgnored: 1 } });
    expect(t.services.productList.query({ offset: 0, limit: 5, text: '900010' }).rows[0]).toMatchObject({ stock: 12, variantCount: 3 });

    const { csv } = t.services.csvExport.products();
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe(header);
    expect(lines.filter((l) => l.startsWith('900010,'))).toEqual([
      '900010,Jean recto,"Denim 12 oz, azul",,MEN,,,129900.50,60000.00,IVA19,1,BLUE,30,' + lines.find((l) => l.includes(',BLUE,30,'))!.split(',').at(-3) + ',4,1',
      expect.stringContaining(',BLUE,32,'),
      expect.stringContaining(',BLUE,34,'),
    ]);
  });

  it('refuses a file that is not CSV or lacks a required column, naming it', async () => {
    expect((await run('plu,name\n1,x')).errors).toEqual([
      { row: 1, column: 'price', reason: 'required column is missing' },
      { row: 1, column: 'color', reason: 'required column is missing' },
      { row: 1, column: 'size', reason: 'required column is missing' },
    ]);
    expect((await run('')).errors[0]).toMatchObject({ row: 1, reason: 'the file is empty' });
  });
});
