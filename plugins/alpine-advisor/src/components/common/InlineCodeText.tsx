import { Fragment } from 'react';

/**
 * Text whose `backticked` spans are shown as code. Everything else stays
 * plain text: no Markdown or HTML is interpreted, because messages quote the
 * Dockerfile, which may contain anything.
 */
export function InlineCodeText({ text }: { text: string }) {
  const parts = text.split(/`([^`\n]+)`/);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <code key={index}>{part}</code>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}
