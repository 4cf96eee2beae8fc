/**
 * RFC 4180 CSV with a UTF-8 BOM and semicolons by default: what French Excel opens correctly
 * (accents intact, columns split) without an import wizard.
 */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][], separator = ";"): string {
  const cell = (value: string | number | null | undefined): string => {
    const text = value === null || value === undefined ? "" : String(value);
    // A leading = + - @ would be run as a formula by spreadsheets: neutralise it.
    const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+([.,]\d+)?$/.test(text) ? `'${text}` : text;
    return /["\n\r]/.test(safe) || safe.includes(separator) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(separator)).join("\r\n")}\r\n`;
}
