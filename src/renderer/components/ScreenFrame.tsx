import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The frame every screen sits in: a heading that takes focus when the screen
 * opens (so keyboard and screen-reader users land on it) and the content.
 */
export function ScreenFrame({ name, title, children }: { name: string; title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className="screen" data-testid={`screen-${name}`} aria-labelledby={`screen-${name}-title`}>
      <h1 id={`screen-${name}-title`} className="screen__title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </section>
  );
}
