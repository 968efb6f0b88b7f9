/**
 * Serialises a flat query object the way the backend's OpenAPI spec declares
 * its parameters: arrays as repeated keys (`owner=a&owner=b`), booleans and
 * numbers as text, undefined and empty arrays left out.
 */
export function toQueryString(
  query: Record<string, string | number | boolean | string[] | undefined>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) {
      continue;
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      params.append(key, String(item));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
