-- Type-ahead search: one FTS5 row per product (rowid = id_producto) over its
-- name, PLU, maker and department, categories, and its variants' barcodes,
-- colours (es/en) and sizes. Triggers keep it in step; stock changes
-- (UPDATE OF inventario) do not touch it. Spanish filler words (de, la, con...)
-- are left out of the name column: in every product name they would make the
-- prefix "de" match the whole catalog.
CREATE VIRTUAL TABLE product_search USING fts5(
  name, plu, brand, categories, variants,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
--> statement-breakpoint
CREATE TRIGGER trg_search_product_ins
AFTER INSERT ON tblproductos
BEGIN
  DELETE FROM product_search WHERE rowid = NEW.id_producto;
  INSERT INTO product_search (rowid, name, plu, brand, categories, variants)
  SELECT p.id_producto, TRIM(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(' ' || p.nombre_producto || ' ', ' de ', ' '), ' del ', ' '), ' la ', ' '), ' las ', ' '), ' el ', ' '), ' los ', ' '), ' y ', ' '), ' con ', ' '), ' sin ', ' '), ' a ', ' '), ' en ', ' '), ' para ', ' '), ' por ', ' '), ' al ', ' ')), p.plu,
    COALESCE(f.nombre_fabricante, '') || ' ' || COALESCE(g.nombre, '') || ' ' || COALESCE(g.name_en, ''),
    COALESCE((SELECT group_concat(c.nombre, ' ') FROM tblcategoriasXproducto cp
              JOIN tblcategorias c ON c.id_catgoria = cp.ID_categoria WHERE cp.ID_producto = p.id_producto), ''),
    COALESCE((SELECT group_concat(v.barcode || ' ' || co.color || ' ' || co.name_en || ' ' || t.talla, ' ')
              FROM tblprodXcolorXtalla v JOIN tblcolor co ON co.id_color = v.ID_color
              JOIN tbltallas t ON t.id_talla = v.ID_talla WHERE v.ID_producto = p.id_producto), '')
  FROM tblproductos p
  LEFT JOIN tblfabricantes f ON f.id_fabricante = p.ID_fabricante
  LEFT JOIN tblgenero g ON g.id_genero = p.ID_genero
  WHERE p.id_producto = NEW.id_producto;
END;
--> statement-breakpoint
CREATE TRIGGER trg_search_product_upd
AFTER UPDATE OF nombre_producto, plu, ID_fabricante, ID_genero ON tblproductos
BEGIN
  DELETE FROM product_search WHERE rowid = NEW.id_producto;
  INSERT INTO product_search (rowid, name, plu, brand, categories, variants)
  SELECT p.id_producto, TRIM(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(' ' || p.nombre_producto || ' ', ' de ', ' '), ' del ', ' '), ' la ', ' '), ' las ', ' '), ' el ', ' '), ' los ', ' '), ' y ', ' '), ' con ', ' '), ' sin ', ' '), ' a ', ' '), ' en ', ' '), ' para ', ' '), ' por ', ' '), ' al ', ' ')), p.plu,
    COALESCE(f.nombre_fabricante, '') || ' ' || COALESCE(g.nombre, '') || ' ' || COALESCE(g.name_en, ''),
    COALESCE((SELECT group_concat(c.nombre, ' ') FROM tblcategoriasXproducto cp
              JOIN tblcategorias c ON c.id_catgoria = cp.ID_categoria WHERE cp.ID_producto = p.id_producto), ''),
    COALESCE((SELECT group_concat(v.barcode || ' ' || co.color || ' ' || co.name_en || ' ' || t.talla, ' ')
              FROM tblprodXcolorXtalla v JOIN tblcolor co ON co.id_color = v.ID_color
              JOIN tbltallas t ON t.id_talla = v.ID_talla WHERE v.ID_producto = p.id_producto), '')
  FROM tblproductos p
  LEFT JOIN tblfabricantes f ON f.id_fabricante = p.ID_fabricante
  LEFT JOIN tblgenero g ON g.id_genero = p.ID_genero
  WHERE p.id_producto = NEW.id_producto;
END;
--> statement-breakpoint
CREATE TRIGGER trg_search_product_del
AFTER DELETE ON tblproductos
BEGIN
  DELETE FROM product_search WHERE rowid = OLD.id_producto;
END;
--> statement-breakpoint
CREATE TRIGGER trg_search_variant_ins
AFTER INSERT ON tblprodXcolorXtalla
BEGIN
  DELETE FROM product_search WHERE rowid = NEW.ID_producto;
  INSERT INTO product_search (rowid, name, plu, brand, categories, variants)
  SELECT p.id_producto, TRIM(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(' ' || p.nombre_producto || ' ', ' de ', ' '), ' del ', ' '), ' la ', ' '), ' las ', ' '), ' el ', ' '), ' los ', ' '), ' y ', ' '), ' con ', ' '), ' sin ', ' '), ' a ', ' '), ' en ', ' '), ' para ', ' '), ' por ', ' '), ' al ', ' ')), p.plu,
    COALESCE(f.nombre_fabricante, '') || ' ' || COALESCE(g.nombre, '') || ' ' || COALESCE(g.name_en, ''),
    COALESCE((SELECT group_concat(c.nombre, ' ') FROM tblcategoriasXproducto cp
              JOIN tblcategorias c ON c.id_catgoria = cp.ID_categoria WHERE cp.ID_producto = p.id_producto), ''),
    COALESCE((SELECT group_concat(v.barcode || ' ' || co.color || ' ' || co.name_en || ' ' || t.talla, ' ')
              FROM tblprodXcolorXtalla v JOIN tblcolor co ON co.id_color = v.ID_color
              JOIN tbltallas t ON t.id_talla = v.ID_talla WHERE v.ID_producto = p.id_producto), '')
  FROM tblproductos p
  LEFT JOIN tblfabricantes f ON f.id_fabricante = p.ID_fabricante
  LEFT JOIN tblgenero g ON g.id_genero = p.ID_genero
  WHERE p.id_producto = NEW.ID_producto;
END;
--> statement-breakpoint
CREATE TRIGGER trg_search_variant_upd
AFTER UPDATE OF barcode, ID_color, ID_talla, ID_producto ON tblprodXcolorXtalla
BEGIN
  DELETE FROM product_search WHERE rowid = OLD.ID_producto;
  INSERT INTO product_search (rowid, name, plu, brand, categories, variants)
  SELECT p.id_producto, TRIM(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(' ' || p.nombre_producto || ' ', ' de ', ' '), ' del ', ' '), ' la ', ' '), ' las ', ' '), ' el ', ' '), ' los ', ' '), ' y ', ' '), ' con ', ' '), ' sin ', ' '), ' a ', ' '), ' en ', ' '), ' para ', ' '), ' por ', ' '), ' al ', ' ')), p.plu,
    COALESCE(f.nombre_fabricante, '') || ' ' || COALESCE(g.nombre, '') || ' ' || COALESCE(g.name_en, ''),
    COALESCE((SELECT group_concat(c.nombre, ' ') FROM tblcategoriasXproducto cp
              JOIN tblcategorias c ON c.id_catgoria = cp.ID_categoria WHERE cp.ID_producto = p.id_producto), ''),
    COALESCE((SELECT group_concat(v.barcode || ' ' || co.color || ' ' || co.name_en || ' ' || t.talla, ' ')
              FROM tblprodXcolorXtalla v JOIN tblcolor co ON co.id_color = v.ID_color
              JOIN tbltallas t ON t.id_talla = v.ID_talla WHERE v.ID_producto = p.id_producto), '')
  FROM tblproductos p
  LEFT JOIN tblfabricantes f ON f.id_fabricante = p.ID_fabricante
  LEFT JOIN tblgenero g ON g.id_genero = p.ID_genero
  WHERE p.id_producto = OLD.ID_producto;
  DELETE FROM product_search WHERE rowid = NEW.ID_producto;
  INSERT INTO product_search (rowid, name, plu, brand, categories, variants)
  SELECT p.id_producto, TRIM(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(' ' || p.nombre_producto || ' ', ' de ', ' '), ' del ', ' '), ' la ', ' '), ' las ', ' '), ' el ', ' '), ' los ', ' '), ' y ', ' '), ' con ', ' '), ' sin ', ' '), ' a ', ' '), ' en ', ' '), ' para ', ' '), ' por ', ' '), ' al ', ' ')), p.plu,
    COALESCE(f.nombre_fabricante, '') || ' ' || COALESCE(g.nombre, '') || ' ' || COALESCE(g.name_en, ''),
    COALESCE((SELECT group_concat(c.nombre, ' ') FROM tblcategoriasXproducto cp
              JOIN tblcategorias c ON c.id_catgoria = cp.ID_categoria WHERE cp.ID_producto = p.id_producto), ''),
    COALESCE((SELECT group_concat(v.barcode || ' ' || co.color || ' ' || co.name_en || ' ' || t.talla, ' ')
              FROM tblprodXcolorXtalla v JOIN tblcolor co ON co.id_color = v.ID_color
              JOIN tbltallas t ON t.id_talla = v.ID_talla WHERE v.ID_producto = p.id_producto), '')
  FROM tblproductos p
  LEFT JOIN tblfabricantes f ON f.id_fabricante = p.ID_fabricante
  LEFT JOIN tblgenero g ON g.id_genero = p.ID_genero
  WHERE p.id_producto = NEW.ID_producto;
END;
--> statement-breakpoint
CREATE TRIGGER trg_search_variant_del
AFTER DELETE ON tblprodXcolorXtalla
BEGIN
  DELETE FROM product_search WHERE rowid = OLD.ID_producto;
  INSERT INTO product_search (rowid, name, plu, brand, categories, variants)
  SELECT p.id_producto, TRIM(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(' ' || p.nombre_producto || ' ', ' de ', ' '), ' del ', ' '), ' la ', ' '), ' las ', ' '), ' el ', ' '), ' los ', ' '), ' y ', ' '), ' con ', ' '), ' sin ', ' '), ' a ', ' '), ' en ', ' '), ' para ', ' '), ' por ', ' '), ' al ', ' ')), p.plu,
    COALESCE(f.nombre_fabricante, '') || ' ' || COALESCE(g.nombre, '') || ' ' || COALESCE(g.name_en, ''),
    COALESCE((SELECT group_concat(c.nombre, ' ') FROM tblcategoriasXproducto cp
              JOIN tblcategorias c ON c.id_catgoria = cp.ID_categoria WHERE cp.ID_producto = p.id_producto), ''),
    COALESCE((SELECT group_concat(v.barcode || ' ' || co.color || ' ' || co.name_en || ' ' || t.talla, ' ')
              FROM tblprodXcolorXtalla v JOIN tblcolor co ON co.id_color = v.ID_color
              JOIN tbltallas t ON t.id_talla = v.ID_talla WHERE v.ID_producto = p.id_producto), '')
  FROM tblproductos p
  LEFT JOIN tblfabricantes f ON f.id_fabricante = p.ID_fabricante
  LEFT JOIN tblgenero g ON g.id_genero = p.ID_genero
  WHERE p.id_producto = OLD.ID_producto;
END;
--> statement-breakpoint
CREATE TRIGGER trg_search_catprod_ins
AFTER INSERT ON tblcategoriasXproducto
BEGIN
  DELETE FROM product_search WHERE rowid = NEW.ID_producto;
  INSERT INTO product_search (rowid, name, plu, brand, categories, variants)
  SELECT p.id_producto, TRIM(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(' ' || p.nombre_producto || ' ', ' de ', ' '), ' del ', ' '), ' la ', ' '), ' las ', ' '), ' el ', ' '), ' los ', ' '), ' y ', ' '), ' con ', ' '), ' sin ', ' '), ' a ', ' '), ' en ', ' '), ' para ', ' '), ' por ', ' '), ' al ', ' ')), p.plu,
    COALESCE(f.nombre_fabricante, '') || ' ' || COALESCE(g.nombre, '') || ' ' || COALESCE(g.name_en, ''),
    COALESCE((SELECT group_concat(c.nombre, ' ') FROM tblcategoriasXproducto cp
              JOIN tblcategorias c ON c.id_catgoria = cp.ID_categoria WHERE cp.ID_producto = p.id_producto), ''),
    COALESCE((SELECT group_concat(v.barcode || ' ' || co.color || ' ' || co.name_en || ' ' || t.talla, ' ')
              FROM tblprodXcolorXtalla v JOIN tblcolor co ON co.id_color = v.ID_color
              JOIN tbltallas t ON t.id_talla = v.ID_talla WHERE v.ID_producto = p.id_producto), '')
  FROM tblproductos p
  LEFT JOIN tblfabricantes f ON f.id_fabricante = p.ID_fabricante
  LEFT JOIN tblgenero g ON g.id_genero = p.ID_genero
  WHERE p.id_producto = NEW.ID_producto;
END;
--> statement-breakpoint
CREATE TRIGGER trg_search_catprod_del
AFTER DELETE ON tblcategoriasXproducto
BEGIN
  DELETE FROM product_search WHERE rowid = OLD.ID_producto;
  INSERT INTO product_search (rowid, name, plu, brand, categories, variants)
  SELECT p.id_producto, TRIM(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(' ' || p.nombre_producto || ' ', ' de ', ' '), ' del ', ' '), ' la ', ' '), ' las ', ' '), ' el ', ' '), ' los ', ' '), ' y ', ' '), ' con ', ' '), ' sin ', ' '), ' a ', ' '), ' en ', ' '), ' para ', ' '), ' por ', ' '), ' al ', ' ')), p.plu,
    COALESCE(f.nombre_fabricante, '') || ' ' || COALESCE(g.nombre, '') || ' ' || COALESCE(g.name_en, ''),
    COALESCE((SELECT group_concat(c.nombre, ' ') FROM tblcategoriasXproducto cp
              JOIN tblcategorias c ON c.id_catgoria = cp.ID_categoria WHERE cp.ID_producto = p.id_producto), ''),
    COALESCE((SELECT group_concat(v.barcode || ' ' || co.color || ' ' || co.name_en || ' ' || t.talla, ' ')
              FROM tblprodXcolorXtalla v JOIN tblcolor co ON co.id_color = v.ID_color
              JOIN tbltallas t ON t.id_talla = v.ID_talla WHERE v.ID_producto = p.id_producto), '')
  FROM tblproductos p
  LEFT JOIN tblfabricantes f ON f.id_fabricante = p.ID_fabricante
  LEFT JOIN tblgenero g ON g.id_genero = p.ID_genero
  WHERE p.id_producto = OLD.ID_producto;
END;
--> statement-breakpoint
CREATE TRIGGER trg_search_category_upd
AFTER UPDATE OF nombre ON tblcategorias
BEGIN
  DELETE FROM product_search WHERE rowid IN (SELECT p.id_producto FROM tblproductos p WHERE p.id_producto IN (SELECT ID_producto FROM tblcategoriasXproducto WHERE ID_categoria = NEW.id_catgoria));
  INSERT INTO product_search (rowid, name, plu, brand, categories, variants)
  SELECT p.id_producto, TRIM(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(' ' || p.nombre_producto || ' ', ' de ', ' '), ' del ', ' '), ' la ', ' '), ' las ', ' '), ' el ', ' '), ' los ', ' '), ' y ', ' '), ' con ', ' '), ' sin ', ' '), ' a ', ' '), ' en ', ' '), ' para ', ' '), ' por ', ' '), ' al ', ' ')), p.plu,
    COALESCE(f.nombre_fabricante, '') || ' ' || COALESCE(g.nombre, '') || ' ' || COALESCE(g.name_en, ''),
    COALESCE((SELECT group_concat(c.nombre, ' ') FROM tblcategoriasXproducto cp
              JOIN tblcategorias c ON c.id_catgoria = cp.ID_categoria WHERE cp.ID_producto = p.id_producto), ''),
    COALESCE((SELECT group_concat(v.barcode || ' ' || co.color || ' ' || co.name_en || ' ' || t.talla, ' ')
              FROM tblprodXcolorXtalla v JOIN tblcolor co ON co.id_color = v.ID_color
              JOIN tbltallas t ON t.id_talla = v.ID_talla WHERE v.ID_producto = p.id_producto), '')
  FROM tblproductos p
  LEFT JOIN tblfabricantes f ON f.id_fabricante = p.ID_fabricante
  LEFT JOIN tblgenero g ON g.id_genero = p.ID_genero
  WHERE p.id_producto IN (SELECT ID_producto FROM tblcategoriasXproducto WHERE ID_categoria = NEW.id_catgoria);
END;
--> statement-breakpoint
CREATE TRIGGER trg_search_maker_upd
AFTER UPDATE OF nombre_fabricante ON tblfabricantes
BEGIN
  DELETE FROM product_search WHERE rowid IN (SELECT p.id_producto FROM tblproductos p WHERE p.ID_fabricante = NEW.id_fabricante);
  INSERT INTO product_search (rowid, name, plu, brand, categories, variants)
  SELECT p.id_producto, TRIM(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(' ' || p.nombre_producto || ' ', ' de ', ' '), ' del ', ' '), ' la ', ' '), ' las ', ' '), ' el ', ' '), ' los ', ' '), ' y ', ' '), ' con ', ' '), ' sin ', ' '), ' a ', ' '), ' en ', ' '), ' para ', ' '), ' por ', ' '), ' al ', ' ')), p.plu,
    COALESCE(f.nombre_fabricante, '') || ' ' || COALESCE(g.nombre, '') || ' ' || COALESCE(g.name_en, ''),
    COALESCE((SELECT group_concat(c.nombre, ' ') FROM tblcategoriasXproducto cp
              JOIN tblcategorias c ON c.id_catgoria = cp.ID_categoria WHERE cp.ID_producto = p.id_producto), ''),
    COALESCE((SELECT group_concat(v.barcode || ' ' || co.color || ' ' || co.name_en || ' ' || t.talla, ' ')
              FROM tblprodXcolorXtalla v JOIN tblcolor co ON co.id_color = v.ID_color
              JOIN tbltallas t ON t.id_talla = v.ID_talla WHERE v.ID_producto = p.id_producto), '')
  FROM tblproductos p
  LEFT JOIN tblfabricantes f ON f.id_fabricante = p.ID_fabricante
  LEFT JOIN tblgenero g ON g.id_genero = p.ID_genero
  WHERE p.ID_fabricante = NEW.id_fabricante;
END;
--> statement-breakpoint
CREATE TRIGGER trg_search_color_upd
AFTER UPDATE OF color, name_en ON tblcolor
BEGIN
  DELETE FROM product_search WHERE rowid IN (SELECT p.id_producto FROM tblproductos p WHERE p.id_producto IN (SELECT ID_producto FROM tblprodXcolorXtalla WHERE ID_color = NEW.id_color));
  INSERT INTO product_search (rowid, name, plu, brand, categories, variants)
  SELECT p.id_producto, TRIM(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(' ' || p.nombre_producto || ' ', ' de ', ' '), ' del ', ' '), ' la ', ' '), ' las ', ' '), ' el ', ' '), ' los ', ' '), ' y ', ' '), ' con ', ' '), ' sin ', ' '), ' a ', ' '), ' en ', ' '), ' para ', ' '), ' por ', ' '), ' al ', ' ')), p.plu,
    COALESCE(f.nombre_fabricante, '') || ' ' || COALESCE(g.nombre, '') || ' ' || COALESCE(g.name_en, ''),
    COALESCE((SELECT group_concat(c.nombre, ' ') FROM tblcategoriasXproducto cp
              JOIN tblcategorias c ON c.id_catgoria = cp.ID_categoria WHERE cp.ID_producto = p.id_producto), ''),
    COALESCE((SELECT group_concat(v.barcode || ' ' || co.color || ' ' || co.name_en || ' ' || t.talla, ' ')
              FROM tblprodXcolorXtalla v JOIN tblcolor co ON co.id_color = v.ID_color
              JOIN tbltallas t ON t.id_talla = v.ID_talla WHERE v.ID_producto = p.id_producto), '')
  FROM tblproductos p
  LEFT JOIN tblfabricantes f ON f.id_fabricante = p.ID_fabricante
  LEFT JOIN tblgenero g ON g.id_genero = p.ID_genero
  WHERE p.id_producto IN (SELECT ID_producto FROM tblprodXcolorXtalla WHERE ID_color = NEW.id_color);
END;
--> statement-breakpoint
CREATE TRIGGER trg_search_size_upd
AFTER UPDATE OF talla ON tbltallas
BEGIN
  DELETE FROM product_search WHERE rowid IN (SELECT p.id_producto FROM tblproductos p WHERE p.id_producto IN (SELECT ID_producto FROM tblprodXcolorXtalla WHERE ID_talla = NEW.id_talla));
  INSERT INTO product_search (rowid, name, plu, brand, categories, variants)
  SELECT p.id_producto, TRIM(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(' ' || p.nombre_producto || ' ', ' de ', ' '), ' del ', ' '), ' la ', ' '), ' las ', ' '), ' el ', ' '), ' los ', ' '), ' y ', ' '), ' con ', ' '), ' sin ', ' '), ' a ', ' '), ' en ', ' '), ' para ', ' '), ' por ', ' '), ' al ', ' ')), p.plu,
    COALESCE(f.nombre_fabricante, '') || ' ' || COALESCE(g.nombre, '') || ' ' || COALESCE(g.name_en, ''),
    COALESCE((SELECT group_concat(c.nombre, ' ') FROM tblcategoriasXproducto cp
              JOIN tblcategorias c ON c.id_catgoria = cp.ID_categoria WHERE cp.ID_producto = p.id_producto), ''),
    COALESCE((SELECT group_concat(v.barcode || ' ' || co.color || ' ' || co.name_en || ' ' || t.talla, ' ')
              FROM tblprodXcolorXtalla v JOIN tblcolor co ON co.id_color = v.ID_color
              JOIN tbltallas t ON t.id_talla = v.ID_talla WHERE v.ID_producto = p.id_producto), '')
  FROM tblproductos p
  LEFT JOIN tblfabricantes f ON f.id_fabricante = p.ID_fabricante
  LEFT JOIN tblgenero g ON g.id_genero = p.ID_genero
  WHERE p.id_producto IN (SELECT ID_producto FROM tblprodXcolorXtalla WHERE ID_talla = NEW.id_talla);
END;
