import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ListEntrySchema } from '../../shared/catalog/list-schemas';
import { DomainError } from '../../shared/errors';
import { parseOutboxDocument, referencesOf } from '../../shared/sync/commands';
import { testStore, type TestStore } from '../../../test/store';

let t: TestStore;
beforeEach(async () => {
  t = await testStore(6, 3);
});
afterEach(() => t.cleanup());

const lastOutbox = () => {
  const row = t.db.sqlite
    .prepare(`SELECT register_id AS registerId, seq, idempotency_key AS idempotencyKey, type, schema_version AS schemaVersion, payload, created_at AS createdAt, entity_global_id AS entity FROM sync_outbox ORDER BY seq DESC LIMIT 1`)
    .get() as { payload: string; entity: string } & Record<string, unknown>;
  const { entity, payload, ...envelope } = row;
  return { entity, doc: parseOutboxDocument({ ...envelope, payload: JSON.parse(payload) }) };
};

const audits = (action: string) => t.db.sqlite.prepare(`SELECT details FROM audit_log WHERE action = ?`).pluck().all(action) as string[];

const refusal = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
};

describe('catalog lists', () => {
  it('creates and edits a colour by its fixed code, audited and sent as catalog_list.changed', () => {
    const lists = t.services.catalogLists;
    const id = lists.save(ListEntrySchema.parse({ list: 'color', id: null, code: 'teal', name: 'Verde azulado', nameEn: 'Teal', hex: '#008080' }), t.manager);
    const color = lists.lists().colors.find((c) => c.id === id);
    expect(color).toMatchObject({ code: 'TEAL', name: 'Verde azulado', hex: '#008080', usedBy: 0 });
    const first = lastOutbox();
    expect(first.doc.type).toBe('catalog_list.changed');
    expect(first.doc.payload).toMatchObject({ list: 'color', code: 'TEAL', deleted: false, hex: '#008080' });
    // Colours travel by code: no row id is named, and every register derives the same entity id.
    expect(referencesOf('catalog_list.changed', first.doc.payload)).toEqual([]);

    lists.save(ListEntrySchema.parse({ list: 'color', id, code: 'TEAL', name: 'Turquesa oscuro', nameEn: 'Teal', hex: '#007777' }), t.manager);
    const second = lastOutbox();
    expect(second.entity).toBe(first.entity);
    // Versioned: each edit names the change it was made on (filled in by the write path).
    expect(first.doc.payload).toMatchObject({ baseChangeId: null });
    expect(second.doc.payload).toMatchObject({ baseChangeId: first.doc.idempotencyKey });
    expect(JSON.parse(audits('catalog_list.update')[0]!)).toMatchObject({ before: { name: 'Verde azulado', hex: '#008080' }, after: { name: 'Turquesa oscuro', hex: '#007777' } });

    expect(refusal(() => lists.save(ListEntrySchema.parse({ list: 'color', id, code: 'CYAN', name: 'Turquesa oscuro', nameEn: 'Teal', hex: '#007777' }), t.manager)).field).toBe('code');
  });

  it('refuses a second entry of the same name or code', () => {
    const lists = t.services.catalogLists;
    const maker = lists.lists().manufacturers[0]!;
    const err = refusal(() => lists.save(ListEntrySchema.parse({ list: 'manufacturer', id: null, name: maker.name.toUpperCase() }), t.manager));
    expect(err).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(refusal(() => lists.save(ListEntrySchema.parse({ list: 'size', id: null, code: 'm', name: 'Otra M', sortOrder: 5, system: 'alpha' }), t.manager))).toMatchObject({
      code: 'CONFLICT',
      field: 'code',
    });
  });

  it('refuses to delete an entry in use, naming what uses it, and deletes it once unused', () => {
    const lists = t.services.catalogLists;
    const used = lists.lists().categories.find((c) => c.usedBy > 0)!;
    const err = refusal(() => lists.remove('category', used.id, t.manager));
    expect(err.code).toBe('CONFLICT');
    const firstUser = t.db.sqlite
      .prepare(`SELECT p.nombre_producto FROM tblcategoriasXproducto x JOIN tblproductos p ON p.id_producto = x.ID_producto WHERE x.ID_categoria = ? ORDER BY p.nombre_producto LIMIT 1`)
      .pluck()
      .get(used.id) as string;
    expect(err.message).toContain(`${used.name} is used by ${used.usedBy} products`);
    expect(err.message).toContain(firstUser);
    expect(err.details).toMatchObject({ usedBy: used.usedBy, noun: 'products' });

    const usedSize = lists.lists().sizes.find((s) => s.usedBy > 0)!;
    expect(refusal(() => lists.remove('size', usedSize.id, t.manager)).message).toMatch(new RegExp(`is used by ${usedSize.usedBy} variants`));
    const usedDept = lists.lists().departments.find((d) => d.usedBy > 0)!;
    expect(refusal(() => lists.remove('department', usedDept.id, t.manager)).code).toBe('CONFLICT');

    const outboxBefore = t.db.sqlite.prepare(`SELECT COUNT(*) FROM sync_outbox`).pluck().get();
    expect(lists.lists().categories.some((c) => c.id === used.id)).toBe(true);
    expect(t.db.sqlite.prepare(`SELECT COUNT(*) FROM sync_outbox`).pluck().get()).toBe(outboxBefore);

    const id = lists.save(ListEntrySchema.parse({ list: 'option', id: null, name: 'Manga larga', description: 'Long sleeve' }), t.manager);
    lists.remove('option', id, t.manager);
    expect(lists.lists().options.some((o) => o.id === id)).toBe(false);
    const deleted = lastOutbox();
    expect(deleted.doc.payload).toMatchObject({ list: 'option', name: 'Manga larga', deleted: true });
    expect(referencesOf('catalog_list.changed', deleted.doc.payload)).toEqual([{ table: 'tblopciones', globalId: (deleted.doc.payload as { entryId: string }).entryId }]);
    expect(audits('catalog_list.delete')).toHaveLength(1);
  });

  it('refuses bad input naming the field', () => {
    const bad = ListEntrySchema.safeParse({ list: 'color', id: null, code: 'X', name: '', nameEn: 'Teal', hex: 'teal' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['code', 'hex', 'name']);
    expect(refusal(() => t.services.catalogLists.save(ListEntrySchema.parse({ list: 'category', id: 99999, name: 'Nada' }), t.manager))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('another register’s list changes, pulled', () => {
  it('creates, renames and deletes entries by global id or code, and keeps one still used here', async () => {
    const { createCatalogListApplier } = await import('./catalog-list-apply');
    const applier = createCatalogListApplier(t.db.sqlite);
    const lists = () => t.services.catalogLists.lists();
    const entryId = '019ae000-0000-7000-8000-00000000abcd';
    applier.apply({ list: 'manufacturer', entryId, deleted: false, name: 'Textiles del Sur', contact: null, phone: null });
    applier.apply({ list: 'manufacturer', entryId, deleted: false, name: 'Textiles del Sur SAS', contact: 'Ana', phone: null });
    expect(lists().manufacturers.filter((m) => m.name.startsWith('Textiles del Sur'))).toEqual([expect.objectContaining({ name: 'Textiles del Sur SAS', contact: 'Ana' })]);
    applier.apply({ list: 'color', code: 'TEAL', deleted: false, name: 'Verde azulado', nameEn: 'Teal', hex: '#008080' });
    applier.apply({ list: 'size', code: '5XL', deleted: false, name: 'Extra grande 5', sortOrder: 99, system: 'alpha' });
    expect(lists().colors.find((c) => c.code === 'TEAL')).toMatchObject({ hex: '#008080' });
    expect(lists().sizes.find((z) => z.code === '5XL')).toMatchObject({ name: 'Extra grande 5', sortOrder: 99 });

    applier.apply({ list: 'manufacturer', entryId, deleted: true, name: 'Textiles del Sur SAS', contact: 'Ana', phone: null });
    applier.apply({ list: 'color', code: 'TEAL', deleted: true, name: 'Verde azulado', nameEn: 'Teal', hex: '#008080' });
    expect(lists().manufacturers.some((m) => m.name === 'Textiles del Sur SAS')).toBe(false);
    expect(lists().colors.some((c) => c.code === 'TEAL')).toBe(false);

    const used = lists().colors.find((c) => c.usedBy > 0)!;
    applier.apply({ list: 'color', code: used.code, deleted: true, name: used.name, nameEn: used.nameEn, hex: used.hex });
    expect(lists().colors.some((c) => c.code === used.code)).toBe(true);
    // Nothing pulled is sent again.
    expect(t.db.sqlite.prepare(`SELECT COUNT(*) FROM sync_outbox WHERE type = 'catalog_list.changed'`).pluck().get()).toBe(0);
  });
});
