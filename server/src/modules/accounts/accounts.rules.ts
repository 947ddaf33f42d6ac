/*
 * Password strength for accounts created outside the web app (the first administrator). The rule a
 * person can read: at least 12 characters, at least three different kinds of character or 16 or more
 * characters, not mostly one repeated character, not a well-known password, not the email's name.
 */

// The most used passwords in Italian and international leaks, and this project's own words.
const KNOWN_PASSWORDS = new Set([
  'password',
  'password123',
  'password1234',
  'passw0rd',
  'qwertyuiop',
  '1234567890',
  '123456789012',
  'amministratore',
  'administrator',
  'legami-demo',
  'legamidemo',
  'cremona2026',
  'iloveyou',
  'juventus',
  'ciaociao',
  'forzainter',
  'forzamilan',
]);

/** Why a password is refused, in Italian, or null when it is acceptable. */
export function passwordWeakness(password: string, email: string): string | null {
  if (password.length < 12) return 'La password deve avere almeno 12 caratteri.';
  if (password.length > 200) return 'La password può avere al massimo 200 caratteri.';
  const lower = password.toLowerCase();
  if (KNOWN_PASSWORDS.has(lower) || KNOWN_PASSWORDS.has(lower.replace(/[0-9!.?_-]+$/, '')))
    return 'La password è tra quelle più usate: scegline un’altra.';
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && lower.includes(local)) return 'La password non deve contenere il nome dell’email.';
  if (new Set(password).size < 6) return 'La password ripete troppo pochi caratteri diversi.';
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (kinds < 3 && password.length < 16)
    return 'Usa almeno 16 caratteri, oppure mescola minuscole, maiuscole, cifre e simboli.';
  return null;
}
