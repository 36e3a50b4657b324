import { describe, expect, it } from 'vitest';
import { isInStoreEan13, isValidEan13 } from '../catalog/ean13';
import { createProductPlanner, planMakers, type ProductPlan } from './catalog-plan';
import { GARMENT_TYPES, STYLES } from './data/catalog-words';
import { createPrng } from './prng';

function plan(count: number, seed = 11): ProductPlan[] {
  const prng = createPrng(seed);
  const planner = createProductPlanner(prng, planMakers(prng));
  return Array.from({ length: count }, () => planner.next());
}

describe('catalog plan', () => {
  const products = plan(4000);

  it('averages about 15 variants per product, each within 4..30', () => {
    const counts = products.map((p) => p.variants.length);
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(mean).toBeGreaterThan(13.5);
    expect(mean).toBeLessThan(16.5);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(4);
    expect(Math.max(...counts)).toBeLessThanOrEqual(30);
  });

  it('gives about 30% of products maker barcodes and the rest in-store codes, all unique', () => {
    const maker = products.filter((p) => p.barcodeSource === 'maker').length / products.length;
    expect(maker).toBeGreaterThan(0.25);
    expect(maker).toBeLessThan(0.35);
    const codes = products.flatMap((p) => p.variants.map((v) => v.barcode));
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of products) {
      for (const v of p.variants) {
        expect(isValidEan13(v.barcode)).toBe(true);
        expect(isInStoreEan13(v.barcode)).toBe(p.barcodeSource === 'store');
      }
    }
  });

  it('never repeats a colour x size within a product, and uses kids sizes for kids', () => {
    for (const p of products) {
      const combos = p.variants.map((v) => `${v.colorCode}/${v.sizeCode}`);
      expect(new Set(combos).size).toBe(combos.length);
      if (p.department === 'KIDS' && !/^(Calcetín|Gorra|Sombrero)/.test(p.name)) {
        for (const v of p.variants) expect(['4', '6', '8', '10', '12', '14', '16']).toContain(v.sizeCode);
      }
    }
  });

  it('builds names whose adjective agrees with the noun', () => {
    const feminineOnly = new Set(Object.values(STYLES).filter((s) => s.m !== s.f).map((s) => s.f));
    const masculineOnly = new Set(Object.values(STYLES).filter((s) => s.m !== s.f).map((s) => s.m));
    for (const p of products) {
      const type = GARMENT_TYPES.find((t) => p.name.startsWith(`${t.noun} `));
      expect(type, p.name).toBeDefined();
      const rest = p.name.slice((type?.noun.length ?? 0) + 1);
      const wrong = type?.gender === 'm' ? feminineOnly : masculineOnly;
      for (const w of wrong) expect(rest.startsWith(`${w} `), p.name).toBe(false);
    }
  });

  it('keeps PLUs unique and prices realistic', () => {
    expect(new Set(products.map((p) => p.plu)).size).toBe(products.length);
    for (const p of products) {
      expect(p.price % 100_000).toBe(90_000);
      expect(p.price).toBeGreaterThanOrEqual(2_990_000);
      expect(p.price).toBeLessThanOrEqual(45_990_000);
      expect(p.categories.length === 1 || p.categories.length === 2).toBe(true);
      expect(new Set(p.categories).size).toBe(p.categories.length);
    }
  });

  it('is deterministic', () => {
    expect(plan(50, 99)).toEqual(plan(50, 99));
    expect(plan(50, 99)).not.toEqual(plan(50, 100));
  });
});
