import type { ReactNode } from 'react';

/**
 * Long text that wraps within `maxWidth` in a table cell: the console's tables take their content's
 * full width (console.css), so a long line would make a narrow card's table scroll sideways with
 * nothing in it to focus (axe: scrollable-region-focusable).
 */
export function Wrapped({ children, maxWidth = 150 }: { children: ReactNode; maxWidth?: number }) {
  return <div style={{ maxWidth, whiteSpace: 'normal' }}>{children}</div>;
}
