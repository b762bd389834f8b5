import { Typography } from 'antd';

/**
 * An article's body: plain text, paragraphs separated by blank lines (or single line breaks).
 * Rendered as text nodes only, so whatever a writer types (tags, scripts) shows as text and never runs.
 */
export function NewsBody({ body, size = 16 }: { body: string; size?: number }) {
  const paras = body.split(/\n\s*\n|\r?\n/).map((p) => p.trim()).filter(Boolean);
  return (
    <div data-testid="news-body">
      {paras.map((p, i) => (
        <Typography.Paragraph key={i} style={{ fontSize: size, lineHeight: 1.9, textIndent: '2em' }}>
          {p}
        </Typography.Paragraph>
      ))}
    </div>
  );
}
