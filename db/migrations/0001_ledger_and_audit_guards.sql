-- The stock ledger is the only way tblprodXcolorXtalla.inventario changes.
-- A new variant starts at zero; stock arrives as an 'initial' or 'receipt' movement.
CREATE TRIGGER trg_variant_starts_empty
BEFORE INSERT ON tblprodXcolorXtalla
WHEN NEW.inventario <> 0
BEGIN
  SELECT RAISE(ABORT, 'inventario starts at 0 and changes only through stock_movements');
END;
--> statement-breakpoint
-- Each movement applies its delta in the same transaction as its insert.
CREATE TRIGGER trg_stock_movement_applies
AFTER INSERT ON stock_movements
BEGIN
  UPDATE tblprodXcolorXtalla SET inventario = inventario + NEW.quantity
  WHERE idcolorxtalla = NEW.variant_id;
END;
--> statement-breakpoint
-- Any other write to inventario is refused: it must equal the ledger's sum.
CREATE TRIGGER trg_inventario_matches_ledger
BEFORE UPDATE OF inventario ON tblprodXcolorXtalla
WHEN NEW.inventario IS NOT (
  SELECT COALESCE(SUM(quantity), 0) FROM stock_movements WHERE variant_id = NEW.idcolorxtalla
)
BEGIN
  SELECT RAISE(ABORT, 'inventario changes only through stock_movements');
END;
--> statement-breakpoint
CREATE TRIGGER trg_stock_movements_no_update
BEFORE UPDATE ON stock_movements
BEGIN
  SELECT RAISE(ABORT, 'stock_movements is append-only: record a correcting movement instead');
END;
--> statement-breakpoint
CREATE TRIGGER trg_stock_movements_no_delete
BEFORE DELETE ON stock_movements
BEGIN
  SELECT RAISE(ABORT, 'stock_movements is append-only: record a correcting movement instead');
END;
--> statement-breakpoint
CREATE TRIGGER trg_audit_log_no_update
BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER trg_audit_log_no_delete
BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
