import { relativeTime } from './relativeTime';

/** A relative time whose exact timestamp is one hover (or screen reader) away. */
export function RelativeTime({ iso }: { iso: string }) {
  const exact = new Date(iso).toLocaleString();
  return (
    <time dateTime={iso} title={exact}>
      {relativeTime(iso)}
    </time>
  );
}
