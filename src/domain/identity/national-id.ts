// Chinese resident identity number (GB 11643-1999): 17 digits and a check character (0-9 or X).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

/** The check character GB 11643 assigns to the first 17 digits. */
export function nationalIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Why a (normalized) ID number is invalid, or null when it is valid: shape, birth date, check digit. */
export function nationalIdProblem(id: string): string | null {
  if (!/^\d{17}[\dX]$/.test(id)) return "must be 18 characters: 17 digits and a check digit or X";
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return "has no valid birth date";
  if (nationalIdCheckChar(id) !== id[17]) return "has a wrong check digit";
  return null;
}
