import { Typography } from 'antd';

/**
 * Long free text in a table cell, clamped to two lines with the whole text in a tooltip. Clamped in
 * the cell rather than by the column's `ellipsis`: that lays the table out fixed, and Chromium gives
 * a fixed table of auto-width columns a max-content of 1,000,000 px (a scroll box axe rightly refuses).
 */
export function ClampedText({ text, maxWidth = 280 }: { text: string | null | undefined; maxWidth?: number }) {
  if (!text) return <>—</>;
  return (
    <Typography.Paragraph ellipsis={{ rows: 2, tooltip: text }} style={{ maxWidth, margin: 0 }}>
      {text}
    </Typography.Paragraph>
  );
}
