/** A blob as a JSON object; undefined when there is none or it is not one (readers skip such records). */
export function jsonObject(blob: Buffer | undefined): Record<string, unknown> | undefined {
  if (!blob) return undefined;
  try {
    const value: unknown = JSON.parse(blob.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
