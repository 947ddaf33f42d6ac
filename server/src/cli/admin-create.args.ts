/** The flags of `npm run admin:create`. */
export interface AdminCreateArgs {
  email: string;
  ambito: string;
  name: string;
  passwordFile: string | null;
}

/** Reads the command's flags. @throws Error with the usage line when a flag is missing or unknown. */
export function parseAdminCreateArgs(argv: string[]): AdminCreateArgs {
  const usage =
    'uso: npm run admin:create -- --email <email> --ambito <CREMONA|CREMA|CASALMAGGIORE|all> [--name "Nome Cognome"] [--password-file <file>]';
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (!['--email', '--ambito', '--name', '--password-file'].includes(flag) || value === undefined)
      throw new Error(
        `${flag.startsWith('--password') ? 'opzione non ammessa' : `opzione ${flag}`}: ${usage}`,
      );
    values.set(flag, value);
  }
  const email = values.get('--email');
  const ambito = values.get('--ambito');
  if (!email || !ambito) throw new Error(usage);
  return {
    email,
    ambito,
    name: values.get('--name') ?? 'Amministratore',
    passwordFile: values.get('--password-file') ?? null,
  };
}
