// Date arithmetic for the scoring rules: UTC throughout, so a result depends on `asOf` alone and never on
// the server's time zone.

export const DAY_MS = 86_400_000;

/** Fractional days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / DAY_MS;
}

/** `date` plus (possibly fractional, possibly negative) days. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** `date` plus whole calendar months (UTC); the 31st or 29 February lands on the last day of a shorter month. */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(date.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}

/**
 * Whole days from the UTC calendar day of `asOf` to the next birthday (0 on the day itself). A 29 February
 * birthday is kept on 28 February in common years.
 */
export function daysUntilBirthday(birthDate: string, asOf: Date): number | null {
  const match = /^\d{4}-(\d{2})-(\d{2})$/u.exec(birthDate);
  if (!match) return null;
  const month = Number(match[1]) - 1;
  const day = Number(match[2]);
  if (month > 11 || day < 1 || day > 31) return null;
  const today = Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate());
  for (const year of [asOf.getUTCFullYear(), asOf.getUTCFullYear() + 1]) {
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const birthday = Date.UTC(year, month, Math.min(day, lastDay));
    if (birthday >= today) return Math.round((birthday - today) / DAY_MS);
  }
  return null;
}

export const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
export const round2 = (value: number) => Math.round(value * 100) / 100;
