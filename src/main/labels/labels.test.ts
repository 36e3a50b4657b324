import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testStore, type TestStore } from '../../../test/store';
import { labelsToPdf } from './label-pdf';
import { labelsToZpl, zplText } from './zpl';

let t: TestStore;
beforeEach(async () => {
  t = await testStore(4, 2);
});
afterEach(() => t.cleanup());

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

describe('barcode labels', () => {
  it('say name, colour, size, price in the store currency and barcode, so many copies each', () => {
    const a = t.variant(0);
    const b = t.variant(1);
    const labels = t.services.labels.labels({ items: [{ variantId: a.variantId, copies: 2 }, { variantId: b.variantId, copies: 1 }] });
    expect(labels).toHaveLength(2);
    expect(labels[0]).toMatchObject({ variantId: a.variantId, barcode: a.barcode, price: a.price, plu: a.plu, copies: 2 });
    expect(labels[0]!.priceText).toMatch(/\$/);
    expect(labels[0]!.color.length).toBeGreaterThan(0);
    expect(() => t.services.labels.labels({ items: [{ variantId: 999999, copies: 1 }] })).toThrow(/no variant 999999/);
    expect(() => t.services.labels.labels({ receiptRef: 'nothing-here' })).toThrow(/nothing to label/);
  });

  it('as ZPL: one format per variant with ^PQ copies, EAN-13 from its first 12 digits, text that cannot inject commands', () => {
    const a = t.variant(0);
    const [label] = t.services.labels.labels({ items: [{ variantId: a.variantId, copies: 3 }] });
    const zpl = labelsToZpl([{ ...label!, name: 'Camisa ^XZ~JR evil' }], { widthDots: 406, heightDots: 203 });
    expect(zpl.match(/\^XA/g)).toHaveLength(1);
    expect(zpl.match(/\^XZ/g)).toHaveLength(1);
    expect(zpl).toContain('^PQ3,0,1,Y');
    expect(zpl).toContain(`^BEN,`);
    expect(zpl).toContain(`^FD${a.barcode.slice(0, 12)}^FS`);
    expect(zpl).toContain('Camisa \\5EXZ\\7EJR evil');
    expect(zplText('a\\b\u0007')).toBe('a\\5Cb');
  });

  it('as an A4 sheet PDF: as many pages as the labels need after the skipped ones', async () => {
    const a = t.variant(0);
    const labels = t.services.labels.labels({ items: [{ variantId: a.variantId, copies: 30 }] });
    const one = await labelsToPdf(labels, 'a4-4x10', 0, new Date('2026-12-02T08:00:00Z'));
    expect(one.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(one).toMatchObject({ pages: 1, count: 30 });
    expect(pageCount(one.pdf)).toBe(1);
    // 30 labels after 20 used ones on a 40-label sheet spill onto a second page.
    const two = await labelsToPdf(labels, 'a4-4x10', 20, new Date('2026-12-02T08:00:00Z'));
    expect(two.pages).toBe(2);
    expect(pageCount(two.pdf)).toBe(2);
  });
});
