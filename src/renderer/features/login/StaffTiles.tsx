import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSummary } from '../../../shared/ipc/dto';

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');

/** Columns of the tile grid as laid out now (1 when it cannot tell). */
function columnsOf(list: HTMLElement | null): number {
  if (!list) return 1;
  const template = getComputedStyle(list).gridTemplateColumns;
  const count = template ? template.split(' ').filter((part) => part && part !== 'none').length : 0;
  return Math.max(1, count);
}

/**
 * One big tile per staff member. Tab reaches each tile; arrow keys, Home and
 * End move between them; Enter or Space chooses.
 */
export function StaffTiles({
  staff,
  focusId,
  onChoose,
}: {
  staff: StaffSummary[];
  /** The tile to focus on mount (the one just left), else the first. */
  focusId: number | null;
  onChoose: (user: StaffSummary) => void;
}) {
  const { t } = useTranslation();
  const list = useRef<HTMLUListElement>(null);
  const tiles = useRef<Array<HTMLButtonElement | null>>([]);

  useEffect(() => {
    const index = Math.max(0, staff.findIndex((user) => user.id === focusId));
    tiles.current[index]?.focus();
  }, [staff, focusId]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const current = tiles.current.findIndex((tile) => tile === document.activeElement);
    if (current < 0) return;
    const last = staff.length - 1;
    const columns = columnsOf(list.current);
    const target: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowLeft: current - 1,
      ArrowDown: current + columns,
      ArrowUp: current - columns,
      Home: 0,
      End: last,
    };
    const next = target[event.key];
    if (next === undefined) return;
    event.preventDefault();
    tiles.current[Math.min(last, Math.max(0, next))]?.focus();
  };

  return (
    <ul className="staff-tiles" ref={list} onKeyDown={onKeyDown} aria-label={t('login.chooseUser')}>
      {staff.map((user, index) => (
        <li key={user.id}>
          <button
            type="button"
            className="staff-tile"
            data-testid={`staff-tile-${user.id}`}
            ref={(el) => {
              tiles.current[index] = el;
            }}
            onClick={() => onChoose(user)}
          >
            <span className="staff-tile__avatar" aria-hidden="true">
              {initials(user.displayName)}
            </span>
            <span className="staff-tile__name">{user.displayName}</span>
            <span className="staff-tile__role">{t(`roles.${user.role}`)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
